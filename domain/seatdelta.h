#pragma once

#include "domain/result.h"

#include <QJsonObject>
#include <QList>
#include <QPair>

namespace BoxOffice {

// A live channel push of seat changes: one performance's status version and the
// letters that changed with it.
//   {"type":"seats","performanceId","version","changes":[[index,"H"],…]}
// Decoding is all or nothing: a malformed pair rejects the whole delta, so a client
// never advances its version past changes it could not apply (it reads the status).
struct SeatDelta
{
    QString performanceId;
    qint64 version = 0;
    QList<QPair<int, char>> changes;  // seat index in layout order, new letter

    QJsonObject toJson() const;
    static Result<SeatDelta> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const SeatDelta &, const SeatDelta &) = default;
};

} // namespace BoxOffice
