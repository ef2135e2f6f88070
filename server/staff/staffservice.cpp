#include "server/staff/staffservice.h"

#include "server/http/staffauth.h"
#include "server/staff/secrets.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStaff, "boxoffice.server.staff")

namespace {

Failure badRequest(const QString &message)
{
    return Failure{Failure::Code::BadRequest, message, {}};
}

Failure wrongCredentials()
{
    return Failure{Failure::Code::Unauthorized, u"wrong login or PIN"_s, {}};
}

std::optional<Failure> checkName(const QString &name)
{
    if (name.trimmed().isEmpty() || name.size() > 100)
        return badRequest(u"name must be 1 to 100 characters"_s);
    return std::nullopt;
}

} // namespace

StaffService::StaffService(StaffStore *store, AuditLog *audit, QString staffKey, StaffOptions options, Clock clock)
    : m_store(store), m_audit(audit), m_key(staffKey.toUtf8()), m_options(options),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
    m_options.lockoutSeconds = qMax(60, m_options.lockoutSeconds);
    Secrets::initialise();
}

std::optional<QString> StaffService::normaliseLogin(const QString &login)
{
    static const QRegularExpression shape(u"^[a-z0-9._-]{1,64}$"_s);
    const QString lower = login.trimmed().toLower();
    if (!shape.match(lower).hasMatch())
        return std::nullopt;
    return lower;
}

Outcome<StaffActor> StaffService::authenticate(const QByteArray &bearer)
{
    if (!m_key.isEmpty() && StaffAuth::constantTimeEquals(bearer, m_key))
        return StaffActor::bootstrap();
    if (bearer.isEmpty() || bearer.size() > 256)
        return Failure{Failure::Code::Forbidden, u"the staff credential is not valid"_s, {}};
    auto actor = m_store->sessionActor(Secrets::tokenDigest(bearer), m_clock());
    if (!actor)
        return actor.error();
    if (!actor.value())
        return Failure{Failure::Code::Forbidden, u"the staff credential is not valid"_s, {}};
    return *actor.value();
}

Outcome<StaffService::SignedIn> StaffService::signIn(const QString &rawLogin, const QString &pin,
                                                    const QHostAddress &from)
{
    const auto login = normaliseLogin(rawLogin);
    if (!login)
        return wrongCredentials();  // no account can have it: the same answer as any other
    const qint64 now = m_clock();
    auto locked = m_store->lockedUntil(*login);
    if (!locked)
        return locked.error();
    if (locked.value() > now) {
        // Never less than a minute: a client waiting a bit longer than the lock loses nothing.
        const qint64 wait = qMax<qint64>(60, (locked.value() - now + 999) / 1000);
        return Failure{Failure::Code::RateLimited,
                       u"too many failed sign-ins for this login; try again in %1 seconds"_s.arg(wait),
                       {{u"retryAfterSeconds"_s, wait}}};
    }
    auto account = m_store->byLogin(*login);
    if (!account)
        return account.error();
    // An unknown login costs a hash check too: the answer's time tells nothing.
    const std::optional<StaffAccount> &found = account.value();
    const bool pinMatches = Secrets::verifyPin(found ? found->pinHash : Secrets::decoyHash(), pin);
    const QString address = from.toString();
    if (!found || !pinMatches || !found->active) {
        const QString reason = !found ? u"unknown_login"_s : !pinMatches ? u"wrong_pin"_s : u"inactive"_s;
        StaffActor who{found ? found->id : QString(), *login, found ? found->name : QString(),
                       found ? found->role : StaffRole::Clerk, 0};
        if (!found)
            who.staffId.clear();
        const AuditEntry entry{who, u"staff.sign_in_failed"_s, *login, {{u"reason"_s, reason}, {u"from"_s, address}}};
        auto counted = m_store->recordFailure(*login, m_options.maxFailures, qint64(m_options.lockoutSeconds) * 1000,
                                              entry, now);
        if (!counted)
            return counted.error();
        if (counted.value().lockedUntil)
            qCWarning(lcStaff).noquote() << "login" << *login << "locked out after" << counted.value().failures
                                         << "failed sign-ins (last from" << address << ')';
        return wrongCredentials();
    }
    const StaffAccount &a = *found;
    const QString token = Secrets::randomToken(32);
    const qint64 expires = now + qint64(m_options.sessionSeconds) * 1000;
    StaffActor actor{a.id, a.login, a.name, a.role, expires};
    const AuditEntry entry{actor, u"staff.sign_in"_s, a.id, {{u"from"_s, address}}};
    if (auto started = m_store->startSession(Secrets::tokenDigest(token.toLatin1()), a, expires, entry, now); !started)
        return started.error();
    return SignedIn{token, actor};
}

Outcome<bool> StaffService::signOut(const QByteArray &bearer, const StaffActor &actor)
{
    if (actor.isBootstrap())
        return badRequest(u"the staff key is not a session: there is nothing to sign out"_s);
    return m_store->endSession(Secrets::tokenDigest(bearer), AuditEntry{actor, u"staff.sign_out"_s, actor.staffId, {}},
                               m_clock());
}

Outcome<QList<StaffAccount>> StaffService::accounts()
{
    return m_store->accounts();
}

Outcome<StaffAccount> StaffService::addAccount(const QString &rawLogin, const QString &name, const QString &roleText,
                                               const QString &pin, const StaffActor &by)
{
    const auto login = normaliseLogin(rawLogin);
    if (!login)
        return badRequest(u"login must be 1 to 64 of a-z, 0-9, \".\", \"_\" and \"-\""_s);
    if (auto bad = checkName(name))
        return *bad;
    const auto role = roleFromName(roleText);
    if (!role)
        return badRequest(u"role must be clerk, manager or admin"_s);
    if (!Secrets::isValidPin(pin))
        return badRequest(u"pin must be 4 to 12 digits"_s);
    const QByteArray hash = Secrets::hashPin(pin);
    if (hash.isEmpty())
        return Failure{Failure::Code::Unavailable, u"the PIN could not be hashed (out of memory?)"_s, {}};
    const StaffAccount account{u"staff-"_s + Secrets::randomToken(9), *login, name.trimmed(), *role, true, hash, 0, 0};
    const AuditEntry entry{by, u"staff.create"_s, account.id,
                           {{u"login"_s, account.login}, {u"name"_s, account.name}, {u"role"_s, roleName(*role)}}};
    return m_store->create(account, entry, m_clock());
}

Outcome<StaffAccount> StaffService::updateAccount(const QString &id, const QJsonObject &body, const StaffActor &by)
{
    StaffAccountChange change;
    QJsonObject details;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == u"name") {
            if (!v.isString())
                return badRequest(u"name must be a string"_s);
            if (auto bad = checkName(v.toString()))
                return *bad;
            change.name = v.toString().trimmed();
            details.insert(key, *change.name);
        } else if (key == u"role") {
            change.role = roleFromName(v.toString());
            if (!v.isString() || !change.role)
                return badRequest(u"role must be clerk, manager or admin"_s);
            details.insert(key, roleName(*change.role));
        } else if (key == u"pin") {
            if (!v.isString() || !Secrets::isValidPin(v.toString()))
                return badRequest(u"pin must be 4 to 12 digits"_s);
            change.pinHash = Secrets::hashPin(v.toString());
            if (change.pinHash->isEmpty())
                return Failure{Failure::Code::Unavailable, u"the PIN could not be hashed (out of memory?)"_s, {}};
            details.insert(u"pinChanged"_s, true);  // that it changed, never what to
        } else if (key == u"active") {
            if (!v.isBool())
                return badRequest(u"active must be true or false"_s);
            change.active = v.toBool();
            details.insert(key, v.toBool());
        } else {
            return badRequest(u"unknown field \"%1\": name, role, pin or active"_s.arg(key.left(40)));
        }
    }
    if (details.isEmpty())
        return badRequest(u"nothing to change: give any of name, role, pin, active"_s);
    return m_store->update(id, change, AuditEntry{by, u"staff.update"_s, id, details}, m_clock());
}

void StaffService::purge()
{
    if (auto purged = m_store->purge(m_clock()); purged && purged.value() > 0)
        qCDebug(lcStaff) << "forgot" << purged.value() << "old staff sessions and failure counts";
}

} // namespace BoxOffice::Server
