#pragma once

#include "domain/result.h"

#include <QJsonObject>

namespace BoxOffice {

// Staff view of one concert's waiting room (GET/PUT /api/v1/admin/concerts/{id}/queue).
struct QueueStats
{
    QString concertId;
    int waiting = 0;
    int active = 0;
    int capacity = 100;
    int sessionSeconds = 180;
    bool paused = false;
    int admittedLastMinute = 0;

    QJsonObject toJson() const;
    static Result<QueueStats> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const QueueStats &, const QueueStats &) = default;
};

} // namespace BoxOffice
