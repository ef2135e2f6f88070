#include "server/staff/staffstore.h"

#include "server/sales/sqldatabase.h"

#include <QDateTime>
#include <QSqlQuery>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

const QString AccountColumns = u"id, login, name, role, active, pin_hash, created_at, updated_at"_s;

StaffAccount accountFrom(const QSqlQuery &q)
{
    return StaffAccount{q.value(0).toString(),
                        q.value(1).toString(),
                        q.value(2).toString(),
                        roleFromName(q.value(3).toString()).value_or(StaffRole::Clerk),
                        q.value(4).toInt() != 0,
                        q.value(5).toString().toLatin1(),
                        q.value(6).toLongLong(),
                        q.value(7).toLongLong()};
}

Failure sessionOver(const QString &why)
{
    return Failure{Failure::Code::Unauthorized, why + u"; sign in again"_s, {}};
}

} // namespace

QJsonObject StaffAccount::toJson() const
{
    return {{u"id"_s, id}, {u"login"_s, login}, {u"name"_s, name}, {u"role"_s, roleName(role)}, {u"active"_s, active}};
}

StaffStore::StaffStore(SqlDatabase *database) : m_database(database), m_audit(database) {}

Outcome<QList<StaffAccount>> StaffStore::accounts()
{
    QSqlQuery &q = m_database->prepared(u"SELECT "_s + AccountColumns + u" FROM staff ORDER BY login"_s);
    if (!q.exec())
        return databaseFailure(q);
    QList<StaffAccount> out;
    while (q.next())
        out << accountFrom(q);
    q.finish();
    return out;
}

Outcome<std::optional<StaffAccount>> StaffStore::byLogin(const QString &login)
{
    QSqlQuery &q = m_database->prepared(u"SELECT "_s + AccountColumns + u" FROM staff WHERE login = ?"_s);
    q.addBindValue(login);
    if (!q.exec())
        return databaseFailure(q);
    std::optional<StaffAccount> out;
    if (q.next())
        out = accountFrom(q);
    q.finish();
    return out;
}

Outcome<StaffAccount> StaffStore::byId(const QString &id)
{
    QSqlQuery &q = m_database->prepared(u"SELECT "_s + AccountColumns + u" FROM staff WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return databaseFailure(q);
    if (!q.next())
        return Failure{Failure::Code::NotFound, u"no staff account with id \"%1\""_s.arg(id.left(100)), {}};
    StaffAccount out = accountFrom(q);
    q.finish();
    return out;
}

Outcome<StaffAccount> StaffStore::create(const StaffAccount &a, const AuditEntry &audit, qint64 nowMs)
{
    return m_database->transaction<StaffAccount>([&]() -> Outcome<StaffAccount> {
        QSqlQuery &q = m_database->prepared(u"INSERT INTO staff ("_s + AccountColumns
                                            + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (login) DO NOTHING"_s);
        for (const QVariant &v : QVariantList{a.id, a.login, a.name, roleName(a.role), a.active ? 1 : 0,
                                              QString::fromLatin1(a.pinHash), nowMs, nowMs})
            q.addBindValue(v);
        if (!q.exec())
            return databaseFailure(q);
        if (q.numRowsAffected() != 1)
            return Failure{Failure::Code::Conflict, u"the login \"%1\" is taken"_s.arg(a.login), {}};
        if (auto logged = m_audit.append(audit, nowMs); !logged)
            return logged.error();
        StaffAccount out = a;
        out.createdAtMs = out.updatedAtMs = nowMs;
        return out;
    });
}

Outcome<StaffAccount> StaffStore::update(const QString &id, const StaffAccountChange &change, const AuditEntry &audit,
                                         qint64 nowMs)
{
    return m_database->transaction<StaffAccount>([&]() -> Outcome<StaffAccount> {
        // One statement for any combination: an absent field binds NULL and stays.
        QSqlQuery &q = m_database->prepared(
            u"UPDATE staff SET name = COALESCE(?, name), role = COALESCE(?, role), pin_hash = COALESCE(?, pin_hash),"
            " active = COALESCE(?, active), updated_at = ? WHERE id = ?"_s);
        const QVariant noText(QMetaType(QMetaType::QString));
        q.addBindValue(change.name ? QVariant(*change.name) : noText);
        q.addBindValue(change.role ? QVariant(roleName(*change.role)) : noText);
        q.addBindValue(change.pinHash ? QVariant(QString::fromLatin1(*change.pinHash)) : noText);
        q.addBindValue(change.active ? QVariant(*change.active ? 1 : 0) : QVariant(QMetaType(QMetaType::Int)));
        q.addBindValue(nowMs);
        q.addBindValue(id);
        if (!q.exec())
            return databaseFailure(q);
        if (q.numRowsAffected() != 1)
            return Failure{Failure::Code::NotFound, u"no staff account with id \"%1\""_s.arg(id.left(100)), {}};
        if (change.active == false) {
            QSqlQuery &end = m_database->prepared(
                u"UPDATE staff_sessions SET ended_at = ? WHERE staff_id = ? AND ended_at IS NULL"_s);
            end.addBindValue(nowMs);
            end.addBindValue(id);
            if (!end.exec())
                return databaseFailure(end);
        }
        if (auto logged = m_audit.append(audit, nowMs); !logged)
            return logged.error();
        return byId(id);
    });
}

Outcome<qint64> StaffStore::lockedUntil(const QString &login)
{
    QSqlQuery &q = m_database->prepared(u"SELECT locked_until FROM staff_login_failures WHERE login = ?"_s);
    q.addBindValue(login);
    if (!q.exec())
        return databaseFailure(q);
    const qint64 until = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return until;
}

Outcome<StaffStore::FailureCount> StaffStore::recordFailure(const QString &login, int maxFailures, qint64 lockMs,
                                                            const AuditEntry &audit, qint64 nowMs)
{
    return m_database->transaction<FailureCount>([&]() -> Outcome<FailureCount> {
        // The upsert takes the row's lock: concurrent failures on any instance count one by one.
        QSqlQuery &q = m_database->prepared(
            u"INSERT INTO staff_login_failures (login, failures, locked_until, last_failure_at) VALUES (?, 1, 0, ?)"
            " ON CONFLICT (login) DO UPDATE SET failures = staff_login_failures.failures + 1,"
            " last_failure_at = excluded.last_failure_at RETURNING failures"_s);
        q.addBindValue(login);
        q.addBindValue(nowMs);
        if (!q.exec() || !q.next())
            return databaseFailure(q);
        FailureCount count{q.value(0).toInt(), 0};
        q.finish();
        if (auto logged = m_audit.append(audit, nowMs); !logged)
            return logged.error();
        if (count.failures >= maxFailures) {
            count.lockedUntil = nowMs + lockMs;
            QSqlQuery &lock = m_database->prepared(
                u"UPDATE staff_login_failures SET failures = 0, locked_until = ? WHERE login = ?"_s);
            lock.addBindValue(count.lockedUntil);
            lock.addBindValue(login);
            if (!lock.exec())
                return databaseFailure(lock);
            AuditEntry locked = audit;
            locked.action = u"staff.locked_out"_s;
            locked.details.insert(u"until"_s, QDateTime::fromMSecsSinceEpoch(count.lockedUntil, Qt::UTC).toString(Qt::ISODate));
            locked.details.insert(u"failures"_s, count.failures);
            if (auto logged = m_audit.append(locked, nowMs); !logged)
                return logged.error();
        }
        return count;
    });
}

Outcome<bool> StaffStore::startSession(const QByteArray &tokenDigest, const StaffAccount &account, qint64 expiresAtMs,
                                       const AuditEntry &audit, qint64 nowMs)
{
    return m_database->transaction<bool>([&]() -> Outcome<bool> {
        QSqlQuery &forget = m_database->prepared(u"DELETE FROM staff_login_failures WHERE login = ?"_s);
        forget.addBindValue(account.login);
        if (!forget.exec())
            return databaseFailure(forget);
        QSqlQuery &q = m_database->prepared(
            u"INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)"_s);
        q.addBindValue(QString::fromLatin1(tokenDigest));
        q.addBindValue(account.id);
        q.addBindValue(nowMs);
        q.addBindValue(expiresAtMs);
        if (!q.exec())
            return databaseFailure(q);
        return m_audit.append(audit, nowMs);
    });
}

Outcome<std::optional<StaffActor>> StaffStore::sessionActor(const QByteArray &tokenDigest, qint64 nowMs)
{
    QSqlQuery &q = m_database->prepared(
        u"SELECT s.expires_at, s.ended_at, a.id, a.login, a.name, a.role, a.active FROM staff_sessions s"
        " JOIN staff a ON a.id = s.staff_id WHERE s.token_hash = ?"_s);
    q.addBindValue(QString::fromLatin1(tokenDigest));
    if (!q.exec())
        return databaseFailure(q);
    if (!q.next())
        return std::optional<StaffActor>();
    const qint64 expiresAt = q.value(0).toLongLong();
    const bool ended = !q.value(1).isNull();
    const bool active = q.value(6).toInt() != 0;
    StaffActor actor{q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                     roleFromName(q.value(5).toString()).value_or(StaffRole::Clerk), expiresAt};
    q.finish();
    if (ended)
        return sessionOver(u"this staff session was signed out"_s);
    if (!active)
        return sessionOver(u"this staff account is deactivated"_s);
    if (expiresAt <= nowMs)
        return sessionOver(u"this staff session has expired"_s);
    return std::optional<StaffActor>(actor);
}

Outcome<bool> StaffStore::endSession(const QByteArray &tokenDigest, const AuditEntry &audit, qint64 nowMs)
{
    return m_database->transaction<bool>([&]() -> Outcome<bool> {
        QSqlQuery &q = m_database->prepared(
            u"UPDATE staff_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL"_s);
        q.addBindValue(nowMs);
        q.addBindValue(QString::fromLatin1(tokenDigest));
        if (!q.exec())
            return databaseFailure(q);
        if (q.numRowsAffected() != 1)
            return sessionOver(u"this staff session was signed out"_s);
        return m_audit.append(audit, nowMs);
    });
}

Outcome<int> StaffStore::purge(qint64 nowMs)
{
    constexpr qint64 Day = 24 * 3600 * 1000;
    constexpr qint64 Hour = 3600 * 1000;
    QSqlQuery &sessions = m_database->prepared(
        u"DELETE FROM staff_sessions WHERE expires_at < ? OR ended_at < ?"_s);
    sessions.addBindValue(nowMs - Day);
    sessions.addBindValue(nowMs - Day);
    if (!sessions.exec())
        return databaseFailure(sessions);
    int purged = sessions.numRowsAffected();
    QSqlQuery &failures = m_database->prepared(
        u"DELETE FROM staff_login_failures WHERE locked_until < ? AND last_failure_at < ?"_s);
    failures.addBindValue(nowMs);
    failures.addBindValue(nowMs - Hour);
    if (!failures.exec())
        return databaseFailure(failures);
    return purged + failures.numRowsAffected();
}

} // namespace BoxOffice::Server
