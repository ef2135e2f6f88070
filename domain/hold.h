#pragma once

#include "domain/money.h"

#include <QDateTime>
#include <QStringList>

namespace BoxOffice {

// POST /api/v1/performances/{id}/holds → 201
struct Hold
{
    QString holdId;
    QString performanceId;
    QStringList seats;
    QDateTime expiresAt;
    Money total;

    QJsonObject toJson() const;
    static Result<Hold> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Hold &, const Hold &) = default;
};

// A hold as staff see it (GET /api/v1/admin/performances/{id}/holds): who made it.
struct HeldHold
{
    Hold hold;
    bool staff = false;  // made at a counter, not by a buyer
};

} // namespace BoxOffice
