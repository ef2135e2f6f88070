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

// A hold as staff see it: the hold's members and who made it.
//   {"holdId","performanceId","seats","expiresAt","total","staff"}
struct HeldHold
{
    Hold hold;
    bool staff = false;  // made at a counter, not by a buyer

    QJsonObject toJson() const;
    static Result<HeldHold> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const HeldHold &, const HeldHold &) = default;
};

// GET /api/v1/admin/performances/{id}/holds → 200: the holds still held.
//   {"performanceId","holds":[HeldHold,…]}
struct HeldHolds
{
    QString performanceId;
    QList<HeldHold> holds;

    QJsonObject toJson() const;
    static Result<HeldHolds> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const HeldHolds &, const HeldHolds &) = default;
};

} // namespace BoxOffice
