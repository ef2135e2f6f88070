#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace BoxOffice {

// GET /api/v1/admin/concerts/{id}/queue/history → 200: the room's readings of the last
// hour, oldest first, for the staff dashboard's chart.
//   {"concertId","samples":[{"at","waiting","active"},…]}
struct QueueHistory
{
    struct Sample
    {
        QDateTime at;
        qint64 waiting = 0;
        qint64 active = 0;

        QJsonObject toJson() const;
        static Result<Sample> fromJson(const QJsonValue &json, const QString &path = {});
        friend bool operator==(const Sample &, const Sample &) = default;
    };

    QString concertId;
    QList<Sample> samples;

    QJsonObject toJson() const;
    static Result<QueueHistory> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const QueueHistory &, const QueueHistory &) = default;
};

} // namespace BoxOffice
