#include "server/sales/sqlorderstore.h"

#include "server/sales/sqldatabase.h"
#include "server/sales/sqlseatstore.h"
#include "server/staff/auditlog.h"
#include "server/staff/secrets.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOrders, "boxoffice.server.orders")

namespace {

const QString OrderColumns = u"id, code, performance_id, concert_id, token, method, amount, currency, purchased_at,"
                             " status, sold_by, customer_name, customer_phone, customer_email"_s;

OrderRow orderFrom(const QSqlQuery &q)
{
    OrderRow o;
    o.id = q.value(0).toString();
    o.code = q.value(1).toString();
    o.performanceId = q.value(2).toString();
    o.concertId = q.value(3).toString();
    o.token = q.value(4).toString();
    o.method = q.value(5).toString();
    o.amount = q.value(6).toLongLong();
    o.currency = q.value(7).toString();
    o.purchasedAtMs = q.value(8).toLongLong();
    o.status = q.value(9).toString();
    o.soldBy = q.value(10).toString();
    o.customerName = q.value(11).toString();
    o.customerPhone = q.value(12).toString();
    o.customerEmail = q.value(13).toString();
    return o;
}

QString placeholders(qsizetype n)
{
    return QStringList(n, u"?"_s).join(u',');
}

QString joinIndexes(const QList<int> &seats)
{
    QStringList parts;
    for (int i : seats)
        parts << QString::number(i);
    return parts.join(u',');
}

QList<int> splitIndexes(const QString &text)
{
    QList<int> out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        out << part.toInt();
    return out;
}

QJsonArray indexArray(const QList<int> &seats)
{
    QJsonArray out;
    for (int i : seats)
        out.append(i);
    return out;
}

// The till of `owner` that is open now, or a NULL string.
Outcome<QVariant> openCashSession(SqlDatabase *database, const QString &owner)
{
    if (owner.isEmpty())
        return QVariant(QMetaType(QMetaType::QString));
    QSqlQuery &q = database->prepared(u"SELECT id FROM cash_sessions WHERE owner = ? AND closed_at IS NULL"_s);
    q.addBindValue(owner);
    if (!q.exec())
        return databaseFailure(q);
    const QVariant id = q.next() ? QVariant(q.value(0).toString()) : QVariant(QMetaType(QMetaType::QString));
    q.finish();
    return id;
}

} // namespace

SqlOrderStore::SqlOrderStore(SqlDatabase *database, SqlSeatStore *seats) : m_database(database), m_seats(seats) {}

Outcome<bool> SqlOrderStore::fill(OrderRow &order)
{
    QSqlQuery *q = &m_database->prepared(u"SELECT secret, order_id, performance_id, idx, price, state, used_at FROM tickets"
                                         " WHERE order_id = ? AND current = 1 ORDER BY idx"_s);
    q->addBindValue(order.id);
    if (!q->exec())
        return databaseFailure(*q);
    while (q->next())
        order.tickets.append(TicketRecord{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                          q->value(3).toInt(), q->value(4).toLongLong(), q->value(5).toString(),
                                          q->value(6).toLongLong()});
    q->finish();
    for (const TicketRecord &t : order.tickets)
        order.seats << t.index;
    if (order.tickets.isEmpty()) {
        // Orders from before tickets (the demo's sales): their seats from the sales rows.
        q = &m_database->prepared(u"SELECT idx FROM sales WHERE order_id = ? ORDER BY idx"_s);
        q->addBindValue(order.id);
        if (!q->exec())
            return databaseFailure(*q);
        while (q->next())
            order.seats << q->value(0).toInt();
        q->finish();
    }
    q = &m_database->prepared(u"SELECT id, order_id, seat_indexes, amount, currency, method, reason, release_to, at, login"
                              " FROM refunds WHERE order_id = ? ORDER BY at, id"_s);
    q->addBindValue(order.id);
    if (!q->exec())
        return databaseFailure(*q);
    while (q->next())
        order.refunds.append(RefundRecord{q->value(0).toString(), q->value(1).toString(),
                                          splitIndexes(q->value(2).toString()), q->value(3).toLongLong(),
                                          q->value(4).toString(), q->value(5).toString(), q->value(6).toString(),
                                          (q->value(7).toString().isEmpty() ? 'A' : q->value(7).toString().at(0).toLatin1()), q->value(8).toLongLong(),
                                          q->value(9).toString()});
    q->finish();
    return true;
}

Outcome<OrderRow> SqlOrderStore::find(const QString &idOrCode)
{
    QSqlQuery &q = m_database->prepared(u"SELECT "_s + OrderColumns + u" FROM orders WHERE id = ? OR code = ?"_s);
    q.addBindValue(idOrCode);
    q.addBindValue(Secrets::normaliseOrderCode(idOrCode));
    if (!q.exec())
        return databaseFailure(q);
    if (!q.next())
        return Failure{Failure::Code::NotFound, u"no order with id or code \"%1\""_s.arg(idOrCode.left(100)), {}};
    OrderRow order = orderFrom(q);
    q.finish();
    if (auto filled = fill(order); !filled)
        return filled.error();
    return order;
}

Outcome<QList<OrderRow>> SqlOrderStore::load(const QStringList &ids)
{
    QList<OrderRow> out;
    for (const QString &id : ids) {
        QSqlQuery &q = m_database->prepared(u"SELECT "_s + OrderColumns + u" FROM orders WHERE id = ?"_s);
        q.addBindValue(id);
        if (!q.exec())
            return databaseFailure(q);
        if (!q.next())
            continue;
        OrderRow order = orderFrom(q);
        q.finish();
        if (auto filled = fill(order); !filled)
            return filled.error();
        out << order;
    }
    return out;
}

Outcome<QList<OrderRow>> SqlOrderStore::search(const QString &text, const QString &seatId, const QString &performanceId,
                                               int limit)
{
    QStringList ids;
    QSet<QString> seen;
    const auto collect = [&](QSqlQuery &q) -> std::optional<Failure> {
        if (!q.exec())
            return databaseFailure(q);
        while (q.next()) {
            const QString id = q.value(0).toString();
            if (!seen.contains(id)) {
                seen.insert(id);
                ids << id;
            }
        }
        q.finish();
        return std::nullopt;
    };
    const QString q = text.trimmed();
    if (q.isEmpty()) {
        QSqlQuery &latest = m_database->prepared(
            u"SELECT id FROM orders WHERE (CAST(? AS TEXT) IS NULL OR performance_id = ?) ORDER BY purchased_at DESC, id LIMIT ?"_s);
        const QVariant performance = performanceId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(performanceId);
        latest.addBindValue(performance);
        latest.addBindValue(performance);
        latest.addBindValue(limit);
        if (auto failed = collect(latest))
            return *failed;
        return load(ids);
    }
    // Exact: an order id or code.
    QSqlQuery &exact = m_database->prepared(u"SELECT id FROM orders WHERE id = ? OR code = ?"_s);
    exact.addBindValue(q);
    exact.addBindValue(Secrets::normaliseOrderCode(q));
    if (auto failed = collect(exact))
        return *failed;
    // A seat id: the orders whose current ticket is for that seat (any venue that has it).
    QSqlQuery &seat = m_database->prepared(
        // CROSS JOIN: SQLite joins in this order (from the seat, by index, to its tickets);
        // without it, and without statistics, it scanned every ticket.
        u"SELECT t.order_id FROM seats s CROSS JOIN concerts c CROSS JOIN performances p CROSS JOIN tickets t"
        " WHERE s.id = ? AND c.venue_id = s.venue_id AND p.concert_id = c.id AND t.performance_id = p.id"
        " AND t.idx = s.idx AND t.current = 1"_s);
    seat.addBindValue(seatId.isEmpty() ? q : seatId);
    if (auto failed = collect(seat))
        return *failed;
    // The customer, in part: trigram indexes serve the LIKE (FTS5 on SQLite, pg_trgm on PostgreSQL).
    QString needle = q.toLower();
    needle.remove(u'%');
    needle.remove(u'_');
    QStringList needles{needle};
    QString digits;
    for (QChar c : needle)
        if (c.isDigit())
            digits += c;
    if (digits.size() >= 3 && digits != needle)
        needles << digits;  // "010-1234" finds "01012345678"
    for (const QString &n : needles) {
        if (n.isEmpty())
            continue;
        QSqlQuery &customer = m_database->prepared(u"SELECT order_id FROM order_search WHERE text LIKE ? LIMIT ?"_s);
        customer.addBindValue(QString(u'%' + n + u'%'));
        customer.addBindValue(limit * 4);
        if (auto failed = collect(customer))
            return *failed;
    }
    auto rows = load(ids);
    if (!rows)
        return rows;
    QList<OrderRow> out;
    for (OrderRow &row : std::move(rows).value())
        if (performanceId.isEmpty() || row.performanceId == performanceId)
            out << std::move(row);
    std::sort(out.begin(), out.end(), [](const OrderRow &a, const OrderRow &b) {
        return a.purchasedAtMs != b.purchasedAtMs ? a.purchasedAtMs > b.purchasedAtMs : a.id < b.id;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

Outcome<RefundRecord> SqlOrderStore::refund(const RefundRequest &r, const AuditEntry &audit)
{
    return m_database->transaction<RefundRecord>([&]() -> Outcome<RefundRecord> {
        // The order's row first: refunds of one order queue here, one after the other.
        QSqlQuery *q = &m_database->prepared(
            u"UPDATE orders SET status = status WHERE id = ? RETURNING performance_id, method, currency"_s);
        q->addBindValue(r.orderId);
        if (!q->exec())
            return databaseFailure(*q);
        if (!q->next())
            return Failure{Failure::Code::NotFound, u"no order with id \"%1\""_s.arg(r.orderId.left(100)), {}};
        const QString performanceId = q->value(0).toString();
        const QString method = q->value(1).toString();
        const QString currency = q->value(2).toString();
        q->finish();

        q = &m_database->prepared(u"SELECT idx, state, price FROM tickets WHERE order_id = ? AND current = 1"_s);
        q->addBindValue(r.orderId);
        if (!q->exec())
            return databaseFailure(*q);
        QHash<int, QString> stateOf;
        QHash<int, qint64> priceOf;
        while (q->next()) {
            stateOf.insert(q->value(0).toInt(), q->value(1).toString());
            priceOf.insert(q->value(0).toInt(), q->value(2).toLongLong());
        }
        q->finish();

        QList<int> seats = r.seats;
        if (seats.isEmpty()) {
            for (auto it = stateOf.cbegin(); it != stateOf.cend(); ++it)
                if (it.value() != u"refunded")
                    seats << it.key();
            std::sort(seats.begin(), seats.end());
            if (seats.isEmpty())
                return Failure{Failure::Code::Conflict, u"every seat of this order is already refunded"_s,
                               {{u"seats"_s, QJsonArray()}}};
        }
        QList<int> notInOrder, already;
        for (int idx : seats) {
            if (!stateOf.contains(idx))
                notInOrder << idx;
            else if (stateOf.value(idx) == u"refunded")
                already << idx;
        }
        if (!notInOrder.isEmpty())
            return Failure{Failure::Code::BadRequest, u"these seats are not in the order"_s, {{u"indexes"_s, indexArray(notInOrder)}}};
        if (!already.isEmpty())
            return Failure{Failure::Code::Conflict, u"these seats are already refunded"_s, {{u"indexes"_s, indexArray(already)}}};

        q = &m_database->prepared(u"UPDATE tickets SET state = 'refunded' WHERE order_id = ? AND current = 1"
                                  " AND state <> 'refunded' AND idx IN ("_s + placeholders(seats.size()) + u')');
        q->addBindValue(r.orderId);
        for (int idx : seats)
            q->addBindValue(idx);
        if (!q->exec())
            return databaseFailure(*q);
        if (q->numRowsAffected() != seats.size())
            return Failure{Failure::Code::Conflict, u"these seats are already refunded"_s, {{u"indexes"_s, indexArray(seats)}}};
        const QString letter(QChar::fromLatin1(r.releaseTo));
        q = &m_database->prepared(u"UPDATE seat_state SET status = ?, hold_id = NULL WHERE performance_id = ? AND status = 'S'"
                                  " AND idx IN ("_s + placeholders(seats.size()) + u')');
        q->addBindValue(letter);
        q->addBindValue(performanceId);
        for (int idx : seats)
            q->addBindValue(idx);
        if (!q->exec())
            return databaseFailure(*q);
        if (q->numRowsAffected() != seats.size()) {
            qCCritical(lcOrders) << "order" << r.orderId << "refunds" << seats.size() << "seats but"
                                 << q->numRowsAffected() << "were S";
            return Failure{Failure::Code::Internal, u"the order's seats are inconsistent"_s, {}};
        }
        const auto version = m_seats->bumpVersion(performanceId, r.releaseTo == 'A' ? int(seats.size()) : 0);
        if (!version)
            return version.error();
        if (auto changed = m_seats->changeSeats(performanceId, version.value(), seats, r.releaseTo); !changed)
            return changed.error();
        // Out of the sales the rankings count.
        q = &m_database->prepared(u"DELETE FROM sales WHERE performance_id = ? AND order_id = ? AND idx IN ("_s
                                  + placeholders(seats.size()) + u')');
        q->addBindValue(performanceId);
        q->addBindValue(r.orderId);
        for (int idx : seats)
            q->addBindValue(idx);
        if (!q->exec())
            return databaseFailure(*q);

        qint64 amount = 0;
        for (int idx : seats)
            amount += priceOf.value(idx);
        auto till = openCashSession(m_database, r.cashOwner);
        if (!till)
            return till.error();
        RefundRecord refund{r.refundId, r.orderId, seats, amount, currency, method, r.reason, r.releaseTo, r.nowMs,
                            audit.actor.login};
        q = &m_database->prepared(u"INSERT INTO refunds (id, order_id, seat_indexes, amount, currency, method, reason,"
                                  " release_to, at, staff_id, login, cash_session_id) VALUES (?,?,?,?,?,?,COALESCE(?, ''),?,?,?,?,?)"_s);
        for (const QVariant &v : QVariantList{refund.id, refund.orderId, joinIndexes(seats), amount, currency, method,
                                              r.reason, letter, r.nowMs,
                                              audit.actor.isBootstrap() ? QVariant() : QVariant(audit.actor.staffId),
                                              audit.actor.login, till.value()})
            q->addBindValue(v);
        if (!q->exec())
            return databaseFailure(*q);
        q = &m_database->prepared(
            u"UPDATE orders SET status = CASE WHEN EXISTS (SELECT 1 FROM tickets WHERE order_id = ? AND current = 1"
            " AND state <> 'refunded') THEN 'partially_refunded' ELSE 'refunded' END WHERE id = ?"_s);
        q->addBindValue(r.orderId);
        q->addBindValue(r.orderId);
        if (!q->exec())
            return databaseFailure(*q);
        AuditEntry entry = audit;
        entry.details.insert(u"amount"_s, amount);
        if (auto logged = AuditLog(m_database).append(entry, r.nowMs); !logged)
            return logged.error();
        return refund;
    });
}

Outcome<QHash<int, QString>> SqlOrderStore::reissue(const QString &orderId, const QList<int> &, const AuditEntry &audit,
                                                    qint64 nowMs)
{
    return m_database->transaction<QHash<int, QString>>([&]() -> Outcome<QHash<int, QString>> {
        QSqlQuery *q = &m_database->prepared(u"UPDATE orders SET status = status WHERE id = ? RETURNING id"_s);
        q->addBindValue(orderId);
        if (!q->exec())
            return databaseFailure(*q);
        if (!q->next())
            return Failure{Failure::Code::NotFound, u"no order with id \"%1\""_s.arg(orderId.left(100)), {}};
        q->finish();
        q = &m_database->prepared(u"UPDATE tickets SET state = 'revoked', current = 0 WHERE order_id = ? AND current = 1"
                                  " AND state = 'valid' RETURNING idx, price, performance_id"_s);
        q->addBindValue(orderId);
        if (!q->exec())
            return databaseFailure(*q);
        QList<QVariantList> fresh;
        QHash<int, QString> secrets;
        while (q->next()) {
            const QString secret = Secrets::randomToken(18);
            secrets.insert(q->value(0).toInt(), secret);
            fresh.append({secret, orderId, q->value(2).toString(), q->value(0).toInt(), q->value(1).toLongLong(),
                          u"valid"_s, 1, nowMs});
        }
        q->finish();
        if (auto ok = m_database->insertRows(u"tickets"_s, {u"secret"_s, u"order_id"_s, u"performance_id"_s, u"idx"_s,
                                                            u"price"_s, u"state"_s, u"current"_s, u"issued_at"_s},
                                             fresh);
            !ok) {
            qCWarning(lcOrders) << ok.error();
            return SqlDatabase::unavailable();
        }
        AuditEntry entry = audit;
        entry.details.insert(u"tickets"_s, int(secrets.size()));
        if (auto logged = AuditLog(m_database).append(entry, nowMs); !logged)
            return logged.error();
        return secrets;
    });
}

Outcome<SqlOrderStore::CheckIn> SqlOrderStore::checkIn(const QString &secret, const QString &performanceId,
                                                       AuditEntry audit, qint64 nowMs)
{
    const auto read = [&]() -> Outcome<TicketRecord> {
        QSqlQuery &q = m_database->prepared(
            u"SELECT secret, order_id, performance_id, idx, price, state, used_at FROM tickets WHERE secret = ?"_s);
        q.addBindValue(secret);
        if (!q.exec())
            return databaseFailure(q);
        if (!q.next())
            return Failure{Failure::Code::NotFound, u"no such ticket"_s, {}};
        TicketRecord t{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
                       q.value(4).toLongLong(), q.value(5).toString(), q.value(6).toLongLong()};
        q.finish();
        return t;
    };
    auto ticket = read();
    if (!ticket)
        return ticket.error();
    if (ticket.value().performanceId != performanceId)
        return CheckIn{u"wrong_performance"_s, ticket.value()};
    return m_database->transaction<CheckIn>([&]() -> Outcome<CheckIn> {
        // valid → used once: of racing scans, one moves the row; the others then read it used.
        QSqlQuery &q = m_database->prepared(
            u"UPDATE tickets SET state = 'used', used_at = ? WHERE secret = ? AND state = 'valid' AND current = 1"_s);
        q.addBindValue(nowMs);
        q.addBindValue(secret);
        if (!q.exec())
            return databaseFailure(q);
        const bool admitted = q.numRowsAffected() == 1;
        auto now = read();
        if (!now)
            return now.error();
        if (!admitted) {
            const QString &state = now.value().state;
            return CheckIn{state == u"used" ? u"already_used"_s : state, now.value()};
        }
        audit.target = now.value().orderId;
        if (auto logged = AuditLog(m_database).append(audit, nowMs); !logged)
            return logged.error();
        return CheckIn{u"valid"_s, now.value()};
    });
}

Outcome<qint64> SqlOrderStore::setNotForSale(const QString &performanceId, const QList<int> &seats, char to,
                                             const AuditEntry &audit, qint64 nowMs)
{
    const char from = to == 'X' ? 'A' : 'X';
    return m_database->transaction<qint64>([&]() -> Outcome<qint64> {
        const auto refuse = [&](const QJsonArray &seatsInTheWay) -> Failure {
            return Failure{Failure::Code::SeatUnavailable,
                           to == 'X' ? u"only available seats can be taken off sale"_s
                                     : u"only seats not for sale can be put back on sale"_s,
                           {{u"indexes"_s, seatsInTheWay}}};
        };
        QSqlQuery *q = &m_database->prepared(u"SELECT idx FROM seat_state WHERE performance_id = ? AND status <> ?"
                                             " AND idx IN ("_s + placeholders(seats.size()) + u')');
        q->addBindValue(performanceId);
        q->addBindValue(QString(QChar::fromLatin1(from)));
        for (int idx : seats)
            q->addBindValue(idx);
        if (!q->exec())
            return databaseFailure(*q);
        QJsonArray inTheWay;
        while (q->next())
            inTheWay.append(q->value(0).toInt());
        q->finish();
        if (!inTheWay.isEmpty())
            return refuse(inTheWay);
        // Conditional, so a seat held between the read and here is not taken over.
        q = &m_database->prepared(u"UPDATE seat_state SET status = ? WHERE performance_id = ? AND status = ?"
                                  " AND idx IN ("_s + placeholders(seats.size()) + u')');
        q->addBindValue(QString(QChar::fromLatin1(to)));
        q->addBindValue(performanceId);
        q->addBindValue(QString(QChar::fromLatin1(from)));
        for (int idx : seats)
            q->addBindValue(idx);
        if (!q->exec())
            return databaseFailure(*q);
        if (q->numRowsAffected() != seats.size())
            return refuse(indexArray(seats));
        const auto version = m_seats->bumpVersion(performanceId, to == 'X' ? -int(seats.size()) : int(seats.size()));
        if (!version)
            return version.error();
        if (auto changed = m_seats->changeSeats(performanceId, version.value(), seats, to); !changed)
            return changed.error();
        if (auto logged = AuditLog(m_database).append(audit, nowMs); !logged)
            return logged.error();
        return version.value();
    });
}

} // namespace BoxOffice::Server
