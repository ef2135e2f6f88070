#include "domain/order.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject Ticket::toJson() const
{
    return {{u"seatId"_s, seatId}, {u"label"_s, label}, {u"price"_s, price.toJson()}, {u"state"_s, state},
            {u"secret"_s, secret}};
}

Result<Ticket> Ticket::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Ticket t;
    t.seatId = r.string(u"seatId");
    t.label = r.string(u"label");
    t.price = r.object<Money>(u"price");
    t.state = r.string(u"state");
    t.secret = r.string(u"secret");
    return r.finish(t);
}

QJsonObject Customer::toJson() const
{
    return {{u"name"_s, name}, {u"phone"_s, phone}, {u"email"_s, email}};
}

Result<Customer> Customer::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Customer c;
    c.name = r.optionalString(u"name").value_or(QString());
    c.phone = r.optionalString(u"phone").value_or(QString());
    c.email = r.optionalString(u"email").value_or(QString());
    return r.finish(c);
}

QJsonObject Refund::toJson() const
{
    return {{u"refundId"_s, refundId},
            {u"orderId"_s, orderId},
            {u"seats"_s, QJsonArray::fromStringList(seats)},
            {u"amount"_s, amount.toJson()},
            {u"method"_s, method},
            {u"at"_s, formatTime(at)},
            {u"reason"_s, reason}};
}

Result<Refund> Refund::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Refund f;
    f.refundId = r.string(u"refundId");
    f.orderId = r.string(u"orderId");
    f.seats = r.stringList(u"seats");
    f.amount = r.object<Money>(u"amount");
    f.method = r.string(u"method");
    f.at = r.time(u"at");
    f.reason = r.optionalString(u"reason").value_or(QString());
    return r.finish(f);
}

QJsonObject RefundRequest::toJson() const
{
    QJsonObject o{{u"reason"_s, reason}, {u"release"_s, release}};
    if (!seats.isEmpty())
        o.insert(u"seats"_s, QJsonArray::fromStringList(seats));
    return o;
}

std::optional<Ticket> Order::ticketFor(const QString &seatId) const
{
    for (const Ticket &t : tickets)
        if (t.seatId == seatId)
            return t;
    return std::nullopt;
}

QJsonObject Order::toJson() const
{
    QJsonObject o{{u"orderId"_s, orderId},
                  {u"performanceId"_s, performanceId},
                  {u"seats"_s, QJsonArray::fromStringList(seats)},
                  {u"total"_s, total.toJson()},
                  {u"purchasedAt"_s, formatTime(purchasedAt)}};
    if (!code.isEmpty())
        o.insert(u"code"_s, code);
    if (!status.isEmpty())
        o.insert(u"status"_s, status);
    QJsonArray ticketList;
    for (const Ticket &t : tickets)
        ticketList.append(t.toJson());
    o.insert(u"tickets"_s, ticketList);
    if (!concertId.isEmpty()) {
        o.insert(u"concertId"_s, concertId);
        o.insert(u"payment"_s, QJsonObject{{u"method"_s, paymentMethod}});
        o.insert(u"customer"_s, customer ? QJsonValue(customer->toJson()) : QJsonValue());
        o.insert(u"soldBy"_s, soldBy.isEmpty() ? QJsonValue() : QJsonValue(soldBy));
        QJsonArray refundList;
        for (const Refund &f : refunds)
            refundList.append(f.toJson());
        o.insert(u"refunds"_s, refundList);
    }
    return o;
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
    o.code = r.optionalString(u"code").value_or(QString());
    o.status = r.optionalString(u"status").value_or(QString());
    if (!r.value(u"tickets").isUndefined())
        o.tickets = r.list<Ticket>(u"tickets");
    o.concertId = r.optionalString(u"concertId").value_or(QString());
    if (r.value(u"payment").isObject())
        o.paymentMethod = r.value(u"payment").toObject().value(u"method"_s).toString();
    if (r.value(u"customer").isObject())
        o.customer = r.object<Customer>(u"customer");
    o.soldBy = r.optionalString(u"soldBy").value_or(QString());
    if (!r.value(u"refunds").isUndefined())
        o.refunds = r.list<Refund>(u"refunds");
    return r.finish(o);
}

Result<QList<Order>> Order::listFromJson(const QJsonValue &json)
{
    JsonReader r(json);
    const QList<Order> orders = r.list<Order>(u"orders");
    return r.finish(orders);
}

} // namespace BoxOffice
