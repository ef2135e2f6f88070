#include "server/sales/orderservice.h"

#include "domain/jsonreader.h"
#include "server/sales/catalogservice.h"
#include "server/sales/sqlcashstore.h"
#include "server/sales/sqlorderstore.h"
#include "server/staff/auditlog.h"
#include "server/staff/secrets.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

Failure badRequest(const QString &message, const QJsonObject &details = {})
{
    return Failure{Failure::Code::BadRequest, message, details};
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString rfc3339(qint64 ms)
{
    return formatTime(fromMs(ms));
}

// A money object of the body: {"amount": integer ≥ 0, "currency": "KRW"}.
std::optional<Money> readMoney(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const QJsonValue amount = o.value(u"amount"_s);
    const QJsonValue currency = o.value(u"currency"_s);
    if (!value.isObject() || !amount.isDouble() || amount.toDouble() != std::trunc(amount.toDouble())
        || amount.toDouble() < 0 || amount.toDouble() > 1e13 || !currency.isString() || currency.toString().size() != 3)
        return std::nullopt;
    return Money{qint64(amount.toDouble()), currency.toString()};
}

QString newId(const QString &prefix)
{
    return prefix + Secrets::randomToken(12);
}

// The seat ids of a body's "seats" as indexes of the map; BadRequest naming unknown ones.
Outcome<QList<int>> seatIndexes(const QJsonValue &list, const SeatMap &map, bool allowEmpty)
{
    if (!list.isArray())
        return badRequest(u"seats must be a list of seat ids"_s, {{u"seats"_s, QJsonArray()}});
    QList<int> out;
    QStringList unknown, duplicates;
    QSet<int> seen;
    for (const QJsonValue &v : list.toArray()) {
        const auto it = map.indexOf.constFind(v.toString());
        if (!v.isString() || it == map.indexOf.cend()) {
            unknown << v.toString().left(100);
            continue;
        }
        if (seen.contains(*it)) {
            duplicates << v.toString();
            continue;
        }
        seen.insert(*it);
        out << *it;
    }
    if (!unknown.isEmpty())
        return badRequest(u"no such seats in this performance"_s, {{u"seats"_s, QJsonArray::fromStringList(unknown)}});
    if (!duplicates.isEmpty())
        return badRequest(u"seats named more than once"_s, {{u"seats"_s, QJsonArray::fromStringList(duplicates)}});
    if (out.isEmpty() && !allowEmpty)
        return badRequest(u"no seats given"_s, {{u"seats"_s, QJsonArray()}});
    if (out.size() > 1000)
        return badRequest(u"at most 1000 seats at once"_s, {{u"seats"_s, QJsonArray()}});
    return out;
}

// A store failure that names seat indexes, with the seat ids instead.
Failure namingSeats(Failure failure, const SeatMap &map)
{
    if (failure.details.contains(u"indexes"_s)) {
        QStringList ids;
        for (const QJsonValue &v : failure.details.value(u"indexes"_s).toArray())
            ids << map.seats.value(v.toInt()).id;
        failure.details.remove(u"indexes"_s);
        failure.details.insert(u"seats"_s, QJsonArray::fromStringList(ids));
    }
    return failure;
}

} // namespace

OrderService::OrderService(SqlOrderStore *orders, SqlCashStore *cash, CatalogService *catalog, Clock clock)
    : m_orders(orders), m_cash(cash), m_catalog(catalog),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
}

QString OrderService::cashOwner(const StaffActor &actor)
{
    return actor.isBootstrap() ? BootstrapLogin : actor.staffId;
}

Outcome<Order> OrderService::toOrder(const OrderRow &row)
{
    auto map = m_catalog->seatMap(row.performanceId);
    if (!map)
        return map.error();
    const SeatMap &m = *map.value();
    Order o;
    o.orderId = row.id;
    o.performanceId = row.performanceId;
    for (int idx : row.seats)
        o.seats << m.seats.value(idx).id;
    o.total = Money{row.amount, row.currency};
    o.purchasedAt = fromMs(row.purchasedAtMs);
    o.code = row.code;
    o.status = row.status.isEmpty() ? u"paid"_s : row.status;
    for (const TicketRecord &t : row.tickets)
        o.tickets.append(Ticket{m.seats.value(t.index).id, m.label(t.index), Money{t.price, row.currency}, t.state, t.secret});
    o.concertId = row.concertId.isEmpty() ? m.concertId : row.concertId;
    o.paymentMethod = row.method;
    if (!row.customerName.isEmpty() || !row.customerPhone.isEmpty() || !row.customerEmail.isEmpty())
        o.customer = Customer{row.customerName, row.customerPhone, row.customerEmail};
    o.soldBy = row.soldBy;
    for (const RefundRecord &f : row.refunds) {
        QStringList seats;
        for (int idx : f.seats)
            seats << m.seats.value(idx).id;
        o.refunds.append(Refund{f.id, f.orderId, seats, Money{f.amount, f.currency}, f.method, fromMs(f.atMs), f.reason});
    }
    return o;
}

Outcome<Order> OrderService::order(const QString &idOrCode, const Buyer &buyer)
{
    if (!buyer.staff && buyer.token.isEmpty())
        return Failure{Failure::Code::Unauthorized, u"the queue token that bought it (X-Queue-Token) or staff credentials are required"_s, {}};
    auto row = m_orders->find(idOrCode);
    if (!row)
        return row.error();
    if (!buyer.staff && (row.value().token.isEmpty() || row.value().token != buyer.token))
        return Failure{Failure::Code::Forbidden, u"this order belongs to someone else"_s, {}};
    return toOrder(row.value());
}

Outcome<QList<Order>> OrderService::search(const QString &q, const QString &performanceId, int limit)
{
    auto rows = m_orders->search(q, {}, performanceId, limit);
    if (!rows)
        return rows.error();
    QList<Order> out;
    for (const OrderRow &row : rows.value()) {
        auto order = toOrder(row);
        if (!order)
            return order.error();
        out << order.value();
    }
    return out;
}

Outcome<Refund> OrderService::refund(const QString &orderId, const QJsonObject &body, const StaffActor &by)
{
    auto row = m_orders->find(orderId);
    if (!row)
        return row.error();
    const OrderRow &order = row.value();
    auto map = m_catalog->seatMap(order.performanceId);
    if (!map)
        return map.error();
    QList<int> seats;
    if (body.contains(u"seats"_s)) {
        auto indexes = seatIndexes(body.value(u"seats"_s), *map.value(), false);
        if (!indexes)
            return indexes.error();
        seats = indexes.value();
    }
    const QJsonValue reason = body.value(u"reason"_s);
    if (!reason.isUndefined() && !reason.isString())
        return badRequest(u"reason must be text"_s);
    if (reason.toString().size() > 500)
        return badRequest(u"reason: at most 500 characters"_s);
    const QString release = body.value(u"release"_s).toString(u"available"_s);
    if (release != u"available" && release != u"not_for_sale")
        return badRequest(u"release must be available or not_for_sale"_s);
    RefundRequest request{newId(u"r-"_s), order.id, seats, reason.toString(), release == u"available" ? 'A' : 'X',
                          {}, cashOwner(by), m_clock()};
    QStringList ids;
    for (int idx : seats)
        ids << map.value()->seats.value(idx).id;
    const AuditEntry audit{by, u"order.refund"_s, order.id,
                           {{u"refundId"_s, request.refundId}, {u"seats"_s, ids.isEmpty() ? QJsonValue(u"all"_s) : QJsonValue(QJsonArray::fromStringList(ids))},
                            {u"reason"_s, request.reason}, {u"release"_s, release}, {u"code"_s, order.code}}};
    auto refunded = m_orders->refund(request, audit);
    if (!refunded)
        return namingSeats(refunded.error(), *map.value());
    const RefundRecord &f = refunded.value();
    QStringList refundedIds;
    for (int idx : f.seats)
        refundedIds << map.value()->seats.value(idx).id;
    return Refund{f.id, f.orderId, refundedIds, Money{f.amount, f.currency}, f.method, fromMs(f.atMs), f.reason};
}

Outcome<Order> OrderService::reissue(const QString &orderId, const StaffActor &by)
{
    auto row = m_orders->find(orderId);
    if (!row)
        return row.error();
    const AuditEntry audit{by, u"order.reissue"_s, row.value().id, {{u"code"_s, row.value().code}}};
    if (auto done = m_orders->reissue(row.value().id, {}, audit, m_clock()); !done)
        return done.error();
    auto again = m_orders->find(row.value().id);
    if (!again)
        return again.error();
    return toOrder(again.value());
}

Outcome<QJsonObject> OrderService::checkIn(const QString &secret, const QString &performanceId, const StaffActor &by)
{
    const AuditEntry audit{by, u"ticket.check_in"_s, {}, {{u"performanceId"_s, performanceId}}};
    auto scanned = m_orders->checkIn(secret, performanceId, audit, m_clock());
    if (!scanned)
        return scanned.error();
    const TicketRecord &t = scanned.value().ticket;
    auto row = m_orders->find(t.orderId);
    if (!row)
        return row.error();
    auto map = m_catalog->seatMap(t.performanceId);
    if (!map)
        return map.error();
    const Ticket ticket{map.value()->seats.value(t.index).id, map.value()->label(t.index),
                        Money{t.price, row.value().currency}, t.state, t.secret};
    const QString &result = scanned.value().result;
    if (result == u"valid")
        return QJsonObject{{u"result"_s, result}, {u"ticket"_s, ticket.toJson()}, {u"orderCode"_s, row.value().code}};
    static const QHash<QString, QString> why{
        {u"already_used"_s, u"this ticket was used already"_s},
        {u"revoked"_s, u"this ticket was replaced by a reissue"_s},
        {u"refunded"_s, u"this ticket was refunded"_s},
        {u"wrong_performance"_s, u"this ticket is for another performance"_s}};
    QJsonObject details{{u"result"_s, result}, {u"ticket"_s, ticket.toJson()}, {u"orderCode"_s, row.value().code}};
    if (result == u"already_used")
        details.insert(u"usedAt"_s, rfc3339(t.usedAtMs));
    return Failure{Failure::Code::Conflict, why.value(result, result), details};
}

Outcome<QJsonObject> OrderService::setSeatStatus(const QString &performanceId, const QJsonObject &body,
                                                 const StaffActor &by)
{
    auto map = m_catalog->seatMap(performanceId);
    if (!map)
        return map.error();
    const QString status = body.value(u"status"_s).toString();
    if (status != u"X" && status != u"A")
        return badRequest(u"status must be \"X\" (not for sale) or \"A\" (back on sale)"_s, {{u"seats"_s, QJsonArray()}});
    auto seats = seatIndexes(body.value(u"seats"_s), *map.value(), false);
    if (!seats)
        return seats.error();
    QStringList ids;
    for (int idx : seats.value())
        ids << map.value()->seats.value(idx).id;
    const AuditEntry audit{by, status == u"X" ? u"seats.not_for_sale"_s : u"seats.back_on_sale"_s, performanceId,
                           {{u"seats"_s, QJsonArray::fromStringList(ids)}}};
    auto version = m_orders->setNotForSale(performanceId, seats.value(), status == u"X" ? 'X' : 'A', audit, m_clock());
    if (!version)
        return namingSeats(version.error(), *map.value());
    return QJsonObject{{u"performanceId"_s, performanceId}, {u"version"_s, version.value()},
                       {u"seats"_s, QJsonArray::fromStringList(ids)}};
}

QJsonObject OrderService::reportJson(const CashSessionRow &s)
{
    QJsonObject byMethod;
    for (auto it = s.byMethod.cbegin(); it != s.byMethod.cend(); ++it)
        byMethod.insert(it.key(), QJsonObject{{u"sales"_s, Money{it->sales, s.currency}.toJson()},
                                              {u"refunds"_s, Money{it->refunds, s.currency}.toJson()},
                                              {u"count"_s, it->count}});
    QJsonArray movements;
    for (const CashMovement &m : s.movements)
        movements.append(QJsonObject{{u"id"_s, m.id}, {u"kind"_s, m.kind}, {u"amount"_s, Money{m.amount, m.currency}.toJson()},
                                     {u"reason"_s, m.reason}, {u"at"_s, rfc3339(m.atMs)}, {u"login"_s, m.login}});
    const qint64 expected = s.expectedCash();
    QJsonObject o{{u"id"_s, s.id},
                  {u"staff"_s, s.staff.toJson()},
                  {u"openedAt"_s, rfc3339(s.openedAtMs)},
                  {u"closedAt"_s, s.closedAtMs ? QJsonValue(rfc3339(s.closedAtMs)) : QJsonValue()},
                  {u"float"_s, Money{s.floatAmount, s.currency}.toJson()},
                  {u"byMethod"_s, byMethod},
                  {u"movements"_s, movements},
                  {u"expectedCash"_s, Money{expected, s.currency}.toJson()}};
    if (s.countedAmount) {
        o.insert(u"countedCash"_s, Money{*s.countedAmount, s.currency}.toJson());
        o.insert(u"difference"_s, Money{*s.countedAmount - expected, s.currency}.toJson());
    }
    return o;
}

Outcome<QJsonObject> OrderService::openCashSession(const QJsonObject &body, const StaffActor &by)
{
    const auto money = readMoney(body.value(u"float"_s));
    if (!money)
        return badRequest(u"float must be {\"amount\": a whole number ≥ 0, \"currency\": \"KRW\"}"_s);
    const QString id = newId(u"cs-"_s);
    const AuditEntry audit{by, u"cash.open"_s, id, {{u"float"_s, money->toJson()}}};
    auto opened = m_cash->open(id, cashOwner(by), by, money->amount, money->currency, audit, m_clock());
    if (!opened)
        return opened.error();
    return reportJson(opened.value());
}

Outcome<CashSessionRow> OrderService::ownSession(const QString &sessionId, const StaffActor &by, bool managerMay)
{
    auto session = m_cash->find(sessionId);
    if (!session)
        return session.error();
    if (session.value().owner != cashOwner(by) && !(managerMay && by.atLeast(StaffRole::Manager)))
        return Failure{Failure::Code::Forbidden, u"this is somebody else's cash session"_s, {}};
    return session;
}

Outcome<QJsonObject> OrderService::addCashMovement(const QString &sessionId, const QJsonObject &body,
                                                   const StaffActor &by)
{
    auto session = ownSession(sessionId, by, false);
    if (!session)
        return session.error();
    const QString kind = body.value(u"kind"_s).toString();
    if (kind != u"paid_in" && kind != u"paid_out")
        return badRequest(u"kind must be paid_in or paid_out"_s);
    const auto money = readMoney(body.value(u"amount"_s));
    if (!money || money->amount == 0)
        return badRequest(u"amount must be {\"amount\": a whole number > 0, \"currency\"}"_s);
    if (money->currency != session.value().currency)
        return badRequest(u"amount must be in the till's currency, %1"_s.arg(session.value().currency));
    const QJsonValue reason = body.value(u"reason"_s);
    if (!reason.isString() || reason.toString().trimmed().isEmpty() || reason.toString().size() > 500)
        return badRequest(u"reason is required (text, at most 500 characters)"_s);
    const CashMovement movement{newId(u"cm-"_s), kind, money->amount, money->currency, reason.toString().trimmed(),
                                m_clock(), by.login};
    const AuditEntry audit{by, u"cash."_s + kind, sessionId,
                           {{u"amount"_s, money->toJson()}, {u"reason"_s, movement.reason}}};
    auto added = m_cash->addMovement(sessionId, movement, audit);
    if (!added)
        return added.error();
    return QJsonObject{{u"id"_s, movement.id}, {u"kind"_s, kind}, {u"amount"_s, money->toJson()},
                       {u"reason"_s, movement.reason}, {u"at"_s, rfc3339(movement.atMs)}, {u"login"_s, movement.login}};
}

Outcome<QJsonObject> OrderService::currentCashSession(const StaffActor &by)
{
    auto id = m_cash->openSessionOf(cashOwner(by));
    if (!id)
        return id.error();
    if (id.value().isEmpty())
        return Failure{Failure::Code::NotFound, u"you have no open cash session"_s, {}};
    auto session = m_cash->find(id.value());
    if (!session)
        return session.error();
    return reportJson(session.value());
}

Outcome<QJsonObject> OrderService::cashReport(const QString &sessionId, const StaffActor &by)
{
    auto session = ownSession(sessionId, by, true);
    if (!session)
        return session.error();
    return reportJson(session.value());
}

Outcome<QJsonObject> OrderService::closeCashSession(const QString &sessionId, const QJsonObject &body,
                                                    const StaffActor &by)
{
    auto session = ownSession(sessionId, by, true);
    if (!session)
        return session.error();
    const auto counted = readMoney(body.value(u"countedCash"_s));
    if (!counted)
        return badRequest(u"countedCash must be {\"amount\": a whole number ≥ 0, \"currency\"}"_s);
    if (counted->currency != session.value().currency)
        return badRequest(u"countedCash must be in the till's currency, %1"_s.arg(session.value().currency));
    const AuditEntry audit{by, u"cash.close"_s, sessionId,
                           {{u"countedCash"_s, counted->toJson()},
                            {u"expectedCash"_s, Money{session.value().expectedCash(), session.value().currency}.toJson()}}};
    auto closed = m_cash->close(sessionId, counted->amount, audit, m_clock());
    if (!closed)
        return closed.error();
    return reportJson(closed.value());
}

} // namespace BoxOffice::Server
