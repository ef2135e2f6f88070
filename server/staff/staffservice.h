#pragma once

#include "server/failure.h"
#include "server/staff/auditlog.h"
#include "server/staff/staffstore.h"

#include <QHostAddress>

#include <functional>

namespace BoxOffice::Server {

struct StaffOptions
{
    int sessionSeconds = 12 * 3600;  // a sign-in lasts this long
    int maxFailures = 5;             // failed sign-ins in a row that lock a login
    int lockoutSeconds = 300;        // and for how long (at least 60)
};

// Staff accounts and sessions: who a bearer credential is (the staff key: the bootstrap
// admin; a session token: its account as it is now), sign-in with its lock-out, sign-out,
// the admin's account changes, the audit trail's read. PINs are checked and hashed here
// (libsodium), and go nowhere else: not into logs, answers or the audit details.
class StaffService
{
public:
    using Clock = std::function<qint64()>;

    StaffService(StaffStore *store, AuditLog *audit, QString staffKey, StaffOptions options, Clock clock = {});

    // Unauthorized: a session that ended (signed out, expired, account deactivated);
    // Forbidden: neither the staff key nor a session token.
    Outcome<StaffActor> authenticate(const QByteArray &bearer);

    struct SignedIn
    {
        QString token;
        StaffActor actor;
    };
    // Unauthorized (one message whether the login or the PIN is wrong, or the account
    // inactive); RateLimited with retryAfterSeconds while the login is locked.
    Outcome<SignedIn> signIn(const QString &login, const QString &pin, const QHostAddress &from);
    Outcome<bool> signOut(const QByteArray &bearer, const StaffActor &actor);

    Outcome<QList<StaffAccount>> accounts();
    Outcome<StaffAccount> addAccount(const QString &login, const QString &name, const QString &role, const QString &pin,
                                     const StaffActor &by);
    // change: any of name, role, pin, active (API.md); BadRequest naming a wrong one.
    Outcome<StaffAccount> updateAccount(const QString &id, const QJsonObject &change, const StaffActor &by);

    Outcome<QJsonArray> audit(const AuditFilter &filter) { return m_audit->read(filter); }
    // A staff write with no SQL of its own (the crowd simulator, session expiry in the
    // queue store): its entry once it is done.
    Outcome<bool> record(const AuditEntry &entry) { return m_audit->append(entry, m_clock()); }
    qint64 now() const { return m_clock(); }

    void purge();

    // Logins as accounts have them: 1–64 of a–z, 0–9, ".", "_", "-", lower case.
    static std::optional<QString> normaliseLogin(const QString &login);

private:
    StaffStore *m_store;
    AuditLog *m_audit;
    QByteArray m_key;
    StaffOptions m_options;
    Clock m_clock;
};

} // namespace BoxOffice::Server
