#include "server/sales/sqlseatstore.h"

#include "server/sales/sqldatabase.h"
#include "server/staff/auditlog.h"
#include "server/staff/secrets.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSeats, "boxoffice.server.seats")

namespace {

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

HoldRecord holdFrom(const QSqlQuery &q)
{
    HoldRecord h;
    h.id = q.value(0).toString();
    h.performanceId = q.value(1).toString();
    h.token = q.value(2).toString();
    h.staff = q.value(3).toInt() != 0;
    h.seats = splitIndexes(q.value(4).toString());
    h.amount = q.value(5).toLongLong();
    h.currency = q.value(6).toString();
    h.state = q.value(7).toString();
    h.createdAtMs = q.value(8).toLongLong();
    h.expiresAtMs = q.value(9).toLongLong();
    h.orderId = q.value(10).toString();
    h.staffId = q.value(11).toString();
    return h;
}

const QString HoldColumns = u"id, performance_id, token, staff, seat_indexes, seat_count, amount, currency, state,"
                            " created_at, expires_at, order_id, staff_id"_s;
// The same, as holdFrom() reads them (no seat_count).
const QString HoldReadColumns = u"id, performance_id, token, staff, seat_indexes, amount, currency, state, created_at,"
                                " expires_at, order_id, staff_id"_s;

} // namespace

QString orderSearchText(const QString &name, const QString &phone, const QString &email)
{
    QString digits;
    for (QChar c : phone)
        if (c.isDigit())
            digits += c;
    const QString text = QStringList{name, email, phone, digits}.join(u' ').simplified().toLower();
    return text;
}

namespace {

// A staff write's entry, in the transaction of its change.
Outcome<bool> appendAudit(SqlDatabase *database, const AuditEntry *audit, qint64 nowMs)
{
    if (!audit)
        return true;
    return AuditLog(database).append(*audit, nowMs);
}

} // namespace

SqlSeatStore::SqlSeatStore(SqlDatabase *database) : m_database(database) {}

Outcome<SeatStatus> SqlSeatStore::status(const QString &performanceId)
{
    QSqlQuery *q = &m_database->prepared(u"SELECT version FROM performances WHERE id = ?"_s);
    q->addBindValue(performanceId);
    if (!q->exec())
        return databaseFailure(*q);
    if (!q->next())
        return Failure{Failure::Code::NotFound, u"no performance with id \"%1\""_s.arg(performanceId.left(100)), {}};
    const qint64 version = q->value(0).toLongLong();
    q->finish();

    Cached &cached = m_status[performanceId];
    if (cached.version < 0) {
        // First read: all letters, then catch up (below) from the version read before them.
        q = &m_database->prepared(u"SELECT status FROM seat_state WHERE performance_id = ? ORDER BY idx"_s);
        q->addBindValue(performanceId);
        if (!q->exec())
            return databaseFailure(*q);
        QByteArray letters;
        while (q->next())
            letters += q->value(0).toString().toLatin1();
        q->finish();
        cached = Cached{version, letters};
        q = &m_database->prepared(u"SELECT version, idx, status FROM seat_changes WHERE performance_id = ? AND version > ? ORDER BY version, idx"_s);
        q->addBindValue(performanceId);
        q->addBindValue(version);
    } else if (cached.version < version) {
        q = &m_database->prepared(u"SELECT version, idx, status FROM seat_changes WHERE performance_id = ? AND version > ? ORDER BY version, idx"_s);
        q->addBindValue(performanceId);
        q->addBindValue(cached.version);
    } else {
        return SeatStatus{performanceId, cached.version, cached.letters};
    }
    if (!q->exec()) {
        m_status.remove(performanceId);
        return databaseFailure(*q);
    }
    while (q->next()) {
        const int idx = q->value(1).toInt();
        if (idx >= 0 && idx < cached.letters.size())
            cached.letters[idx] = q->value(2).toString().toLatin1().at(0);
        cached.version = qMax(cached.version, q->value(0).toLongLong());
    }
    q->finish();
    cached.version = qMax(cached.version, version);
    return SeatStatus{performanceId, cached.version, cached.letters};
}

Outcome<bool> SqlSeatStore::changeSeats(const QString &performanceId, qint64 version, const QList<int> &seats,
                                        char letter)
{
    QList<QVariantList> rows;
    for (int idx : seats)
        rows.append({performanceId, version, idx, QString(QChar::fromLatin1(letter))});
    if (auto ok = m_database->insertRows(u"seat_changes"_s, {u"performance_id"_s, u"version"_s, u"idx"_s, u"status"_s}, rows);
        !ok) {
        qCWarning(lcSeats) << ok.error();
        return Failure{Failure::Code::Unavailable, u"the database is unavailable"_s, {}};
    }
    return true;
}

Outcome<qint64> SqlSeatStore::bumpVersion(const QString &performanceId, int availableDelta)
{
    QSqlQuery &q = m_database->prepared(
        u"UPDATE performances SET version = version + 1, available = available + ? WHERE id = ? RETURNING version"_s);
    q.addBindValue(availableDelta);
    q.addBindValue(performanceId);
    if (!q.exec())
        return databaseFailure(q);
    if (!q.next())
        return Failure{Failure::Code::NotFound, u"no such performance"_s, {}};
    const qint64 version = q.value(0).toLongLong();
    q.finish();
    return version;
}

Outcome<HoldRecord> SqlSeatStore::hold(const HoldRequest &r, const AuditEntry *audit)
{
    return m_database->transaction<HoldRecord>([&]() -> Outcome<HoldRecord> {
        QSqlQuery *q = nullptr;

        if (r.seatLimit > 0 && !r.token.isEmpty()) {
            // The token's row lock first (PostgreSQL: a row lock to the commit; SQLite: the
            // write lock), then the count: a concurrent hold of the same token waits here
            // and then counts this one's seats.
            q = &m_database->prepared(u"INSERT INTO buyer_locks (token, holds) VALUES (?, 1)"
                                      " ON CONFLICT (token) DO UPDATE SET holds = buyer_locks.holds + 1"_s);
            q->addBindValue(r.token);
            if (!q->exec())
                return databaseFailure(*q);
            q->finish();
            auto owned = seatsOwnedBy(r.token);
            if (!owned)
                return owned.error();
            if (owned.value() + r.seats.size() > r.seatLimit)
                return Failure{Failure::Code::BadRequest, u"over the seat limit"_s, {{u"owned"_s, owned.value()}}};
        }
        q = &m_database->prepared(u"UPDATE seat_state SET status = 'H', hold_id = ? WHERE performance_id = ? AND status = 'A' AND idx IN ("_s
                  + placeholders(r.seats.size()) + u')');
        q->addBindValue(r.holdId);
        q->addBindValue(r.performanceId);
        for (int idx : r.seats)
            q->addBindValue(idx);
        if (!q->exec())
            return databaseFailure(*q);
        if (q->numRowsAffected() != r.seats.size()) {
            // Which were taken: read inside this transaction (our own changes included),
            // then the rollback undoes everything.
            q = &m_database->prepared(u"SELECT idx FROM seat_state WHERE performance_id = ? AND (hold_id IS NULL OR hold_id <> ?) AND idx IN ("_s
                      + placeholders(r.seats.size()) + u')');
            q->addBindValue(r.performanceId);
            q->addBindValue(r.holdId);
            for (int idx : r.seats)
                q->addBindValue(idx);
            QJsonArray taken;
            if (q->exec())
                while (q->next())
                    taken.append(q->value(0).toInt());
            q->finish();
            return Failure{Failure::Code::SeatUnavailable, u"some seats are no longer available"_s,
                           {{u"indexes"_s, taken}}};
        }
        // The performance row last: the seats above moved in parallel with other holds of
        // other seats; the version bump (a row lock held to the commit) orders the commits.
        const auto version = bumpVersion(r.performanceId, -int(r.seats.size()));
        if (!version)
            return version.error();
        if (auto changed = changeSeats(r.performanceId, version.value(), r.seats, 'H'); !changed)
            return changed.error();

        q = &m_database->prepared(u"INSERT INTO holds ("_s + HoldColumns + u") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
        for (const QVariant &v : QVariantList{r.holdId, r.performanceId, r.token.isEmpty() ? QVariant() : QVariant(r.token),
                                              r.staff ? 1 : 0, joinIndexes(r.seats), int(r.seats.size()), r.amount,
                                              r.currency, u"held"_s, r.nowMs, r.expiresAtMs, QVariant(),
                                              r.staffId.isEmpty() ? QVariant() : QVariant(r.staffId)})
            q->addBindValue(v);
        if (!q->exec())
            return databaseFailure(*q);
        if (auto logged = appendAudit(m_database, audit, r.nowMs); !logged)
            return logged.error();
        return HoldRecord{r.holdId, r.performanceId, r.token,   r.staff, r.seats, r.amount, r.currency,
                          u"held"_s, r.nowMs,           r.expiresAtMs, {},     r.staffId};
    });
}

Outcome<HoldRecord> SqlSeatStore::findHold(const QString &holdId)
{
    QSqlQuery *q = nullptr;
    q = &m_database->prepared(u"SELECT "_s + HoldReadColumns + u" FROM holds WHERE id = ?"_s);
    q->addBindValue(holdId);
    if (!q->exec())
        return databaseFailure(*q);
    if (!q->next())
        return Failure{Failure::Code::NotFound, u"no hold with id \"%1\""_s.arg(holdId.left(100)), {}};
    HoldRecord hold = holdFrom(*q);
    q->finish();
    return hold;
}

Outcome<HoldRecord> SqlSeatStore::release(const QString &holdId, const QString &newState, const AuditEntry *audit,
                                          qint64 nowMs)
{
    auto found = findHold(holdId);
    if (!found)
        return found;
    HoldRecord hold = found.value();
    return m_database->transaction<HoldRecord>([&]() -> Outcome<HoldRecord> {
        QSqlQuery *q = nullptr;
        q = &m_database->prepared(u"UPDATE holds SET state = ? WHERE id = ? AND state = 'held'"_s);
        q->addBindValue(newState);
        q->addBindValue(holdId);
        if (!q->exec())
            return databaseFailure(*q);
        if (q->numRowsAffected() != 1)
            return Failure{Failure::Code::Conflict, u"the hold is no longer held"_s, {}};
        // By hold id alone (unique): the index on hold_id, whatever plan PostgreSQL caches.
        q = &m_database->prepared(u"UPDATE seat_state SET status = 'A', hold_id = NULL WHERE hold_id = ? AND status = 'H'"_s);
        q->addBindValue(holdId);
        if (!q->exec())
            return databaseFailure(*q);
        if (q->numRowsAffected() != hold.seats.size()) {
            qCCritical(lcSeats) << "hold" << holdId << "held" << hold.seats.size() << "seats but"
                                << q->numRowsAffected() << "were H";
            return Failure{Failure::Code::Internal, u"the hold's seats are inconsistent"_s, {}};
        }
        const auto version = bumpVersion(hold.performanceId, int(hold.seats.size()));
        if (!version)
            return version.error();
        if (auto changed = changeSeats(hold.performanceId, version.value(), hold.seats, 'A'); !changed)
            return changed.error();
        if (auto logged = appendAudit(m_database, audit, nowMs ? nowMs : QDateTime::currentMSecsSinceEpoch()); !logged)
            return logged.error();
        hold.state = newState;
        return hold;
    });
}

Outcome<OrderRecord> SqlSeatStore::purchase(const QString &holdId, const QString &orderId, const QString &method,
                                            const QString &concertId, const QHash<int, qint64> &seatPrices, qint64 nowMs,
                                            const AuditEntry *audit, const OrderDetails &details)
{
    auto found = findHold(holdId);
    if (!found)
        return found.error();
    const HoldRecord hold = found.value();
    return m_database->transaction<OrderRecord>([&]() -> Outcome<OrderRecord> {
        QSqlQuery *q = nullptr;
        q = &m_database->prepared(u"UPDATE holds SET state = 'purchased', order_id = ? WHERE id = ? AND state = 'held' AND expires_at > ?"_s);
        q->addBindValue(orderId);
        q->addBindValue(holdId);
        q->addBindValue(nowMs);
        if (!q->exec())
            return databaseFailure(*q);
        if (q->numRowsAffected() != 1)
            return Failure{Failure::Code::Conflict,
                           hold.state == u"held" ? u"the hold has expired"_s : u"the hold is already "_s + hold.state, {}};
        q = &m_database->prepared(u"UPDATE seat_state SET status = 'S' WHERE hold_id = ? AND status = 'H'"_s);
        q->addBindValue(holdId);
        if (!q->exec())
            return databaseFailure(*q);
        if (q->numRowsAffected() != hold.seats.size())
            return Failure{Failure::Code::Internal, u"the hold's seats are inconsistent"_s, {}};
        const auto version = bumpVersion(hold.performanceId, 0);
        if (!version)
            return version.error();
        if (auto changed = changeSeats(hold.performanceId, version.value(), hold.seats, 'S'); !changed)
            return changed.error();

        QVariant cashSession(QMetaType(QMetaType::QString));
        if (!details.cashOwner.isEmpty()) {
            q = &m_database->prepared(u"SELECT id FROM cash_sessions WHERE owner = ? AND closed_at IS NULL"_s);
            q->addBindValue(details.cashOwner);
            if (!q->exec())
                return databaseFailure(*q);
            if (q->next())
                cashSession = q->value(0).toString();
            q->finish();
        }
        const auto text = [](const QString &s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); };
        q = &m_database->prepared(u"INSERT INTO orders (id, performance_id, token, method, amount, currency, purchased_at,"
                                  " hold_id, staff_id, sold_by, code, concert_id, status, customer_name, customer_phone,"
                                  " customer_email, cash_session_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'paid',?,?,?,?)"
                                  " ON CONFLICT (code) DO NOTHING"_s);
        const bool byStaffAccount = audit && !audit->actor.isBootstrap();
        QString code;
        for (int attempt = 0; attempt < 8 && code.isEmpty(); ++attempt) {
            const QString candidate = Secrets::orderCode();  // 40 bits: a clash is rare, and retried
            for (const QVariant &v : QVariantList{orderId, hold.performanceId,
                                                  hold.token.isEmpty() ? QVariant() : QVariant(hold.token), method,
                                                  hold.amount, hold.currency, nowMs, holdId,
                                                  byStaffAccount ? QVariant(audit->actor.staffId) : QVariant(),
                                                  audit ? QVariant(audit->actor.login) : QVariant(), candidate,
                                                  concertId, text(details.name), text(details.phone),
                                                  text(details.email), cashSession})
                q->addBindValue(v);
            if (!q->exec())
                return databaseFailure(*q);
            if (q->numRowsAffected() == 1)
                code = candidate;
        }
        if (code.isEmpty())
            return Failure{Failure::Code::Unavailable, u"no free order code found"_s, {}};
        QStringList secrets;
        QList<QVariantList> tickets;
        for (int idx : hold.seats) {
            secrets << Secrets::randomToken(18);  // 144 bits
            tickets.append({secrets.last(), orderId, hold.performanceId, idx, seatPrices.value(idx), u"valid"_s, 1, nowMs});
        }
        if (auto ok = m_database->insertRows(u"tickets"_s, {u"secret"_s, u"order_id"_s, u"performance_id"_s, u"idx"_s,
                                                            u"price"_s, u"state"_s, u"current"_s, u"issued_at"_s},
                                             tickets);
            !ok) {
            qCWarning(lcSeats) << ok.error();
            return SqlDatabase::unavailable();
        }
        const QString search = orderSearchText(details.name, details.phone, details.email);
        if (!search.isEmpty()) {
            q = &m_database->prepared(u"INSERT INTO order_search (order_id, text) VALUES (?, ?)"_s);
            q->addBindValue(orderId);
            q->addBindValue(search);
            if (!q->exec())
                return databaseFailure(*q);
        }
        QList<QVariantList> sales;
        for (int idx : hold.seats)
            sales.append({hold.performanceId, idx, concertId, orderId, seatPrices.value(idx), nowMs});
        if (auto ok = m_database->insertRows(u"sales"_s, {u"performance_id"_s, u"idx"_s, u"concert_id"_s, u"order_id"_s,
                                                          u"amount"_s, u"sold_at"_s}, sales); !ok) {
            qCWarning(lcSeats) << ok.error();
            return Failure{Failure::Code::Unavailable, u"the database is unavailable"_s, {}};
        }
        if (auto logged = appendAudit(m_database, audit, nowMs); !logged)
            return logged.error();
        return OrderRecord{orderId, hold.performanceId, hold.seats, hold.amount, hold.currency, nowMs, code, secrets};
    });
}

Outcome<QStringList> SqlSeatStore::expiredHolds(qint64 nowMs, int limit)
{
    QSqlQuery *q = nullptr;
    q = &m_database->prepared(u"SELECT id FROM holds WHERE state = 'held' AND expires_at <= ? ORDER BY expires_at LIMIT ?"_s);
    q->addBindValue(nowMs);
    q->addBindValue(limit);
    if (!q->exec())
        return databaseFailure(*q);
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    q->finish();
    return ids;
}

Outcome<QList<HoldRecord>> SqlSeatStore::heldHolds(const QString &performanceId, int limit)
{
    QSqlQuery &q = m_database->prepared(u"SELECT "_s + HoldReadColumns + u" FROM holds WHERE performance_id = ?"
                                        " AND state = 'held' ORDER BY expires_at, id LIMIT ?"_s);
    q.addBindValue(performanceId);
    q.addBindValue(limit);
    if (!q.exec())
        return databaseFailure(q);
    QList<HoldRecord> holds;
    while (q.next())
        holds << holdFrom(q);
    q.finish();
    return holds;
}

Outcome<QList<SqlSeatStore::Change>> SqlSeatStore::changesSince(const QString &performanceId, qint64 version, int limit)
{
    QSqlQuery &q = m_database->prepared(u"SELECT version, idx, status FROM seat_changes WHERE performance_id = ?"
                                        " AND version > ? ORDER BY version, idx LIMIT ?"_s);
    q.addBindValue(performanceId);
    q.addBindValue(version);
    q.addBindValue(limit);
    if (!q.exec())
        return databaseFailure(q);
    QList<Change> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString().toLatin1().at(0)});
    q.finish();
    return out;
}

Outcome<int> SqlSeatStore::seatsOwnedBy(const QString &token)
{
    QSqlQuery *q = nullptr;
    q = &m_database->prepared(u"SELECT COALESCE(SUM(seat_count), 0) FROM holds WHERE token = ? AND state IN ('held', 'purchased')"_s);
    q->addBindValue(token);
    if (!q->exec() || !q->next())
        return databaseFailure(*q);
    const int owned = q->value(0).toInt();
    q->finish();
    return owned;
}

} // namespace BoxOffice::Server

namespace BoxOffice::Server {

Outcome<QStringList> SqlSeatStore::heldHoldsOf(const QString &token)
{
    QSqlQuery &q = m_database->prepared(u"SELECT id FROM holds WHERE token = ? AND state = 'held'"_s);
    q.addBindValue(token);
    if (!q.exec())
        return databaseFailure(q);
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    q.finish();
    return ids;
}

} // namespace BoxOffice::Server
