// ApiClient: orders, tickets and refunds (API.md, "Orders and tickets", "Refunds",
// "Reissue and check-in"). Kept apart from apiclient.cpp; the exchange itself is
// ApiClient::send, as for every other call.
#include "app/apiclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

Result<QJsonValue> asIs(const QJsonValue &v)
{
    return v;
}

// The answer decoded as T (T::fromJson, or a given decoder), or the error it is.
template <typename T>
ApiClient::Callback<QJsonValue> decoded(ApiClient::Callback<T> done,
                                        Result<T> (*decode)(const QJsonValue &) = [](const QJsonValue &v) {
                                            return T::fromJson(v);
                                        })
{
    return [done = std::move(done), decode](const ApiResult<QJsonValue> &r) {
        if (!r)
            return done(r.error());
        auto value = decode(r.value());
        if (!value)
            return done(ApiError::decodeError(value.error().toString()));
        done(std::move(value).value());
    };
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString escaped(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

} // namespace

ApiJob *ApiClient::purchase(const QString &holdId, const QString &method, const Customer &customer,
                            const QString &token, QObject *context, Callback<Order> done)
{
    QJsonObject body{{u"payment"_s, QJsonObject{{u"method"_s, method}}}};
    if (!customer.isEmpty()) {
        // Only what was given: every member is optional.
        QJsonObject c;
        if (!customer.name.isEmpty())
            c.insert(u"name"_s, customer.name);
        if (!customer.phone.isEmpty())
            c.insert(u"phone"_s, customer.phone);
        if (!customer.email.isEmpty())
            c.insert(u"email"_s, customer.email);
        body.insert(u"customer"_s, c);
    }
    return send<QJsonValue>("POST", u"/api/v1/holds/%1/purchase"_s.arg(escaped(holdId)), json(body), token, &asIs,
                            context, decoded<Order>(std::move(done)));
}

ApiJob *ApiClient::fetchOrder(const QString &idOrCode, const QString &token, QObject *context, Callback<Order> done)
{
    return send<QJsonValue>("GET", u"/api/v1/orders/"_s + escaped(idOrCode), {}, token, &asIs, context,
                            decoded<Order>(std::move(done)));
}

ApiJob *ApiClient::searchOrders(const QString &query, int limit, QObject *context, Callback<QList<Order>> done)
{
    // Percent-encoded in full: a '+', '&' or '#' in what was typed stays what it is.
    const QString path = u"/api/v1/admin/orders?q="_s + QString::fromLatin1(QUrl::toPercentEncoding(query))
                         + u"&limit="_s + QString::number(std::clamp(limit, 1, 500));
    return send<QJsonValue>("GET", path, {}, {}, &asIs, context,
                            decoded<QList<Order>>(std::move(done), &Order::listFromJson));
}

ApiJob *ApiClient::refundOrder(const QString &orderId, const RefundRequest &request, QObject *context,
                               Callback<Refund> done)
{
    return send<QJsonValue>("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(escaped(orderId)), json(request.toJson()),
                            {}, &asIs, context, decoded<Refund>(std::move(done)));
}

ApiJob *ApiClient::reissueTickets(const QString &orderId, QObject *context, Callback<Order> done)
{
    return send<QJsonValue>("POST", u"/api/v1/admin/orders/%1/reissue"_s.arg(escaped(orderId)), {}, {}, &asIs, context,
                            decoded<Order>(std::move(done)));
}

} // namespace BoxOffice
