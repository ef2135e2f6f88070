#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace BoxOffice {

// GET /api/v1/performances/{id}/status: one letter per seat, in layout order.
struct SeatStatus
{
    enum Letter : char { Available = 'A', Held = 'H', Sold = 'S', NotForSale = 'X' };

    QString performanceId;
    qint64 version = 0;  // grows by one with every operation that changes letters
    QByteArray status;   // letters A, H, S, X

    static bool isValidLetter(char c) { return c == 'A' || c == 'H' || c == 'S' || c == 'X'; }

    QJsonObject toJson() const;
    static Result<SeatStatus> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const SeatStatus &, const SeatStatus &) = default;
};

} // namespace BoxOffice
