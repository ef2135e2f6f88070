#include "server/sales/sqlcashstore.h"

#include "server/sales/sqldatabase.h"
#include "server/staff/auditlog.h"

#include <QSqlQuery>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

qint64 CashSessionRow::expectedCash() const
{
    const ByMethod cash = byMethod.value(u"cash"_s);
    qint64 expected = floatAmount + cash.sales - cash.refunds;
    for (const CashMovement &m : movements)
        expected += m.kind == u"paid_in" ? m.amount : -m.amount;
    return expected;
}

Outcome<CashSessionRow> SqlCashStore::open(const QString &id, const QString &owner, const StaffActor &staff,
                                           qint64 floatAmount, const QString &currency, const AuditEntry &audit,
                                           qint64 nowMs)
{
    auto opened = m_database->transaction<bool>([&]() -> Outcome<bool> {
        QSqlQuery &q = m_database->prepared(
            u"INSERT INTO cash_sessions (id, owner, staff_id, login, role, name, opened_at, float_amount, currency)"
            " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"_s);
        for (const QVariant &v : QVariantList{id, owner, staff.isBootstrap() ? QVariant() : QVariant(staff.staffId),
                                              staff.login, roleName(staff.role), staff.name, nowMs, floatAmount, currency})
            q.addBindValue(v);
        if (!q.exec())
            return databaseFailure(q);
        if (q.numRowsAffected() != 1)
            return Failure{Failure::Code::Conflict, u"you already have an open cash session; close it first"_s, {}};
        return AuditLog(m_database).append(audit, nowMs);
    });
    if (!opened)
        return opened.error();
    return find(id);
}

Outcome<CashSessionRow> SqlCashStore::find(const QString &id)
{
    QSqlQuery *q = &m_database->prepared(
        u"SELECT id, owner, staff_id, login, role, name, opened_at, closed_at, float_amount, currency, counted_amount"
        " FROM cash_sessions WHERE id = ?"_s);
    q->addBindValue(id);
    if (!q->exec())
        return databaseFailure(*q);
    if (!q->next())
        return Failure{Failure::Code::NotFound, u"no cash session with id \"%1\""_s.arg(id.left(100)), {}};
    CashSessionRow s;
    s.id = q->value(0).toString();
    s.owner = q->value(1).toString();
    s.staff = StaffActor{q->value(2).toString(), q->value(3).toString(), q->value(5).toString(),
                         roleFromName(q->value(4).toString()).value_or(StaffRole::Clerk), 0};
    s.openedAtMs = q->value(6).toLongLong();
    s.closedAtMs = q->value(7).isNull() ? 0 : q->value(7).toLongLong();
    s.floatAmount = q->value(8).toLongLong();
    s.currency = q->value(9).toString();
    if (!q->value(10).isNull())
        s.countedAmount = q->value(10).toLongLong();
    q->finish();

    q = &m_database->prepared(u"SELECT method, SUM(amount), COUNT(*) FROM orders WHERE cash_session_id = ? GROUP BY method"_s);
    q->addBindValue(id);
    if (!q->exec())
        return databaseFailure(*q);
    while (q->next()) {
        auto &m = s.byMethod[q->value(0).toString()];
        m.sales += q->value(1).toLongLong();
        m.count += q->value(2).toInt();
    }
    q->finish();
    q = &m_database->prepared(u"SELECT method, SUM(amount), COUNT(*) FROM refunds WHERE cash_session_id = ? GROUP BY method"_s);
    q->addBindValue(id);
    if (!q->exec())
        return databaseFailure(*q);
    while (q->next()) {
        auto &m = s.byMethod[q->value(0).toString()];
        m.refunds += q->value(1).toLongLong();
        m.count += q->value(2).toInt();
    }
    q->finish();
    q = &m_database->prepared(u"SELECT id, kind, amount, currency, reason, at, login FROM cash_movements"
                              " WHERE session_id = ? ORDER BY at, id"_s);
    q->addBindValue(id);
    if (!q->exec())
        return databaseFailure(*q);
    while (q->next())
        s.movements.append(CashMovement{q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong(),
                                        q->value(3).toString(), q->value(4).toString(), q->value(5).toLongLong(),
                                        q->value(6).toString()});
    q->finish();
    return s;
}

Outcome<QString> SqlCashStore::openSessionOf(const QString &owner)
{
    QSqlQuery &q = m_database->prepared(u"SELECT id FROM cash_sessions WHERE owner = ? AND closed_at IS NULL"_s);
    q.addBindValue(owner);
    if (!q.exec())
        return databaseFailure(q);
    const QString id = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return id;
}

Outcome<CashMovement> SqlCashStore::addMovement(const QString &sessionId, const CashMovement &m, const AuditEntry &audit)
{
    return m_database->transaction<CashMovement>([&]() -> Outcome<CashMovement> {
        // The session's row, locked while it is open: a close racing this waits, or wins.
        QSqlQuery *q = &m_database->prepared(
            u"UPDATE cash_sessions SET closed_at = closed_at WHERE id = ? AND closed_at IS NULL RETURNING id"_s);
        q->addBindValue(sessionId);
        if (!q->exec())
            return databaseFailure(*q);
        if (!q->next())
            return Failure{Failure::Code::Conflict, u"this cash session is closed"_s, {}};
        q->finish();
        q = &m_database->prepared(u"INSERT INTO cash_movements (id, session_id, kind, amount, currency, reason, at, login)"
                                  " VALUES (?,?,?,?,?,?,?,?)"_s);
        for (const QVariant &v : QVariantList{m.id, sessionId, m.kind, m.amount, m.currency, m.reason, m.atMs, m.login})
            q->addBindValue(v);
        if (!q->exec())
            return databaseFailure(*q);
        if (auto logged = AuditLog(m_database).append(audit, m.atMs); !logged)
            return logged.error();
        return m;
    });
}

Outcome<CashSessionRow> SqlCashStore::close(const QString &id, qint64 countedAmount, const AuditEntry &audit, qint64 nowMs)
{
    auto closed = m_database->transaction<bool>([&]() -> Outcome<bool> {
        QSqlQuery &q = m_database->prepared(
            u"UPDATE cash_sessions SET closed_at = ?, counted_amount = ? WHERE id = ? AND closed_at IS NULL"_s);
        q.addBindValue(nowMs);
        q.addBindValue(countedAmount);
        q.addBindValue(id);
        if (!q.exec())
            return databaseFailure(q);
        if (q.numRowsAffected() != 1)
            return Failure{Failure::Code::Conflict, u"this cash session is already closed"_s, {}};
        return AuditLog(m_database).append(audit, nowMs);
    });
    if (!closed)
        return closed.error();
    return find(id);
}

} // namespace BoxOffice::Server
