#include "domain/cashsession.h"

#include "domain/enumnames.h"
#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

constexpr EnumNames<CashMovement::Kind, 2> KindNames{{
    {CashMovement::Kind::PaidIn, u"paid_in"},
    {CashMovement::Kind::PaidOut, u"paid_out"},
}};

} // namespace

QString CashMovement::kindName(Kind kind)
{
    return nameOf(KindNames, kind);
}

QJsonObject CashMovement::toJson() const
{
    return {{u"id"_s, id},         {u"kind"_s, kindName(kind)}, {u"amount"_s, amount.toJson()},
            {u"reason"_s, reason}, {u"at"_s, formatTime(at)},   {u"login"_s, login}};
}

Result<CashMovement> CashMovement::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    CashMovement m;
    m.id = r.string(u"id");
    m.kind = r.oneOf(u"kind", KindNames);
    m.amount = r.object<Money>(u"amount");
    m.reason = r.string(u"reason");
    m.at = r.time(u"at");
    m.login = r.optionalString(u"login").value_or(QString());
    return r.finish(m);
}

QJsonObject MethodTotals::toJson() const
{
    return {{u"sales"_s, sales.toJson()}, {u"refunds"_s, refunds.toJson()}, {u"count"_s, count}};
}

Result<MethodTotals> MethodTotals::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    MethodTotals t;
    t.sales = r.object<Money>(u"sales");
    t.refunds = r.object<Money>(u"refunds");
    t.count = r.integer(u"count");
    return r.finish(t);
}

Money CashSession::movementTotal(CashMovement::Kind kind) const
{
    Money total{0, openingFloat.currency};
    for (const CashMovement &m : movements)
        if (m.kind == kind)
            total.amount += m.amount.amount;
    return total;
}

QJsonObject CashSession::toJson() const
{
    QJsonObject methods;
    for (auto it = byMethod.cbegin(); it != byMethod.cend(); ++it)
        methods.insert(it.key(), it->toJson());
    QJsonArray movementList;
    for (const CashMovement &m : movements)
        movementList.append(m.toJson());
    QJsonObject o{{u"id"_s, id},
                  {u"staff"_s, staff.toJson()},
                  {u"openedAt"_s, formatTime(openedAt)},
                  {u"closedAt"_s, closedAt ? QJsonValue(formatTime(*closedAt)) : QJsonValue()},
                  {u"float"_s, openingFloat.toJson()},
                  {u"byMethod"_s, methods},
                  {u"movements"_s, movementList},
                  {u"expectedCash"_s, expectedCash.toJson()}};
    if (countedCash)
        o.insert(u"countedCash"_s, countedCash->toJson());
    if (difference)
        o.insert(u"difference"_s, difference->toJson());
    return o;
}

Result<CashSession> CashSession::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    CashSession s;
    s.id = r.string(u"id");
    s.staff = r.object<StaffAccount>(u"staff");
    s.openedAt = r.time(u"openedAt");
    s.closedAt = r.optionalTime(u"closedAt");
    s.openingFloat = r.object<Money>(u"float");
    const QJsonValue methods = r.value(u"byMethod");
    if (r.ok() && !methods.isObject())
        r.fail(u"byMethod", u"expected an object"_s);
    const QJsonObject methodObject = methods.toObject();
    for (auto it = methodObject.constBegin(); r.ok() && it != methodObject.constEnd(); ++it) {
        auto totals = MethodTotals::fromJson(it.value(), (path.isEmpty() ? QString() : path + u'.') + u"byMethod."_s + it.key());
        if (!totals)
            r.fail(totals.error());
        else
            s.byMethod.insert(it.key(), std::move(totals).value());
    }
    s.movements = r.list<CashMovement>(u"movements");
    s.expectedCash = r.object<Money>(u"expectedCash");
    if (r.ok() && !r.value(u"countedCash").isUndefined() && !r.value(u"countedCash").isNull())
        s.countedCash = r.object<Money>(u"countedCash");
    if (r.ok() && !r.value(u"difference").isUndefined() && !r.value(u"difference").isNull())
        s.difference = r.object<Money>(u"difference");
    return r.finish(s);
}

} // namespace BoxOffice
