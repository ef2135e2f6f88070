#pragma once

#include "domain/money.h"

#include <QDateTime>
#include <QStringList>

namespace BoxOffice {

// POST /api/v1/holds/{id}/purchase → 201
struct Order
{
    QString orderId;
    QString performanceId;
    QStringList seats;
    Money total;
    QDateTime purchasedAt;

    QJsonObject toJson() const;
    static Result<Order> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Order &, const Order &) = default;
};

} // namespace BoxOffice
