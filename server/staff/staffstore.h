#pragma once

#include "server/failure.h"
#include "server/staff/auditlog.h"
#include "server/staff/staffactor.h"

#include <QList>

#include <optional>

namespace BoxOffice::Server {

class SqlDatabase;

struct StaffAccount
{
    QString id;
    QString login;
    QString name;
    StaffRole role = StaffRole::Clerk;
    bool active = true;
    QByteArray pinHash;  // never leaves the server
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    // API.md's account: {"id","login","name","role","active"}, no PIN.
    QJsonObject toJson() const;
};

struct StaffAccountChange
{
    std::optional<QString> name;
    std::optional<StaffRole> role;
    std::optional<QByteArray> pinHash;
    std::optional<bool> active;
};

// Staff accounts, sessions and failed sign-ins in SQL (migration 6), shared by every
// server instance on the database. Each write commits with its audit entry.
class StaffStore
{
public:
    explicit StaffStore(SqlDatabase *database);

    Outcome<QList<StaffAccount>> accounts();
    Outcome<std::optional<StaffAccount>> byLogin(const QString &login);
    // Conflict when the login is taken (checked by the database: races lose cleanly).
    Outcome<StaffAccount> create(const StaffAccount &account, const AuditEntry &audit, qint64 nowMs);
    // NotFound for an unknown id. Deactivating ends the account's sessions in the same
    // transaction (and they are refused at once anyway: every check reads the account).
    Outcome<StaffAccount> update(const QString &id, const StaffAccountChange &change, const AuditEntry &audit,
                                 qint64 nowMs);

    // Until when a login is locked out (ms; 0 or past: it is not).
    Outcome<qint64> lockedUntil(const QString &login);
    struct FailureCount
    {
        int failures = 0;         // in a row, this one included
        qint64 lockedUntil = 0;   // set when this failure locked the login
    };
    // Counts a failed sign-in (atomically, across instances); the `maxFailures`-th in a
    // row locks the login for `lockMs` and starts the count again. Audited as `audit`.
    Outcome<FailureCount> recordFailure(const QString &login, int maxFailures, qint64 lockMs, const AuditEntry &audit,
                                        qint64 nowMs);
    // A new session (the failures of its login forgotten), audited.
    Outcome<bool> startSession(const QByteArray &tokenDigest, const StaffAccount &account, qint64 expiresAtMs,
                               const AuditEntry &audit, qint64 nowMs);
    // The session's account as it is now. nullopt: no such session; Unauthorized: it
    // ended, expired or its account is inactive.
    Outcome<std::optional<StaffActor>> sessionActor(const QByteArray &tokenDigest, qint64 nowMs);
    Outcome<bool> endSession(const QByteArray &tokenDigest, const AuditEntry &audit, qint64 nowMs);
    // Forgets sessions over for a day and failure counts an hour old, not locked.
    Outcome<int> purge(qint64 nowMs);

private:
    Outcome<StaffAccount> byId(const QString &id);

    SqlDatabase *m_database;
    AuditLog m_audit;
};

} // namespace BoxOffice::Server
