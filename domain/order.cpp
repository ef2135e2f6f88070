#include "domain/order.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject Order::toJson() const
{
    return {{u"orderId"_s, orderId},
            {u"performanceId"_s, performanceId},
            {u"seats"_s, QJsonArray::fromStringList(seats)},
            {u"total"_s, total.toJson()},
            {u"purchasedAt"_s, formatTime(purchasedAt)}};
}

Result<Order> Order::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Order o;
    o.orderId = r.string(u"orderId");
    o.performanceId = r.string(u"performanceId");
    o.seats = r.stringList(u"seats");
    o.total = r.object<Money>(u"total");
    o.purchasedAt = r.time(u"purchasedAt");
    return r.finish(o);
}

} // namespace BoxOffice
