#include "server/routes/staffroutes.h"

#include "server/http/httprouter.h"
#include "server/http/staffauth.h"
#include "server/staff/staffservice.h"

#include <QDateTime>
#include <QJsonArray>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

HttpResponse badRequest(const QString &message)
{
    return HttpResponse::error(Failure::Code::BadRequest, message);
}

QJsonValue expiry(const StaffActor &actor)
{
    if (actor.isBootstrap())
        return QJsonValue();  // the staff key does not expire
    return QDateTime::fromMSecsSinceEpoch(actor.expiresAtMs, Qt::UTC).toString(Qt::ISODate);
}

// An RFC 3339 time of the audit filter, in ms; nullopt when absent; an error when malformed.
std::optional<HttpResponse> readTime(const QUrlQuery &query, const QString &key, std::optional<qint64> *out)
{
    if (!query.hasQueryItem(key))
        return std::nullopt;
    const QString text = query.queryItemValue(key, QUrl::FullyDecoded);
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        return badRequest(key + u" must be an RFC 3339 time, e.g. 2026-11-24T18:00:00Z"_s);
    *out = at.toMSecsSinceEpoch();
    return std::nullopt;
}

} // namespace

void addStaffRoutes(HttpRouter &router, StaffService &staff)
{
    router.add("POST", u"/api/v1/staff/sessions"_s, [&staff](const HttpRequest &request) {
        auto body = jsonObjectBody(request);
        if (!body)
            return HttpResponse::error(body.error());
        const QJsonValue login = body.value().value(u"login"_s);
        const QJsonValue pin = body.value().value(u"pin"_s);
        if (!login.isString() || !pin.isString())
            return badRequest(u"login and pin are required, as strings"_s);
        auto signedIn = staff.signIn(login.toString(), pin.toString(), request.remoteAddress);
        if (!signedIn)
            return HttpResponse::error(signedIn.error());
        const auto &s = signedIn.value();
        return HttpResponse::json(
            QJsonObject{{u"token"_s, s.token}, {u"expiresAt"_s, expiry(s.actor)}, {u"staff"_s, s.actor.toJson()}}, 201);
    });

    router.add("GET", u"/api/v1/staff/sessions/current"_s, StaffRole::Clerk,
               [](const HttpRequest &, const StaffActor &actor) {
                   return HttpResponse::json(QJsonObject{{u"expiresAt"_s, expiry(actor)}, {u"staff"_s, actor.toJson()}});
               });

    router.add("DELETE", u"/api/v1/staff/sessions/current"_s, StaffRole::Clerk,
               [&staff](const HttpRequest &request, const StaffActor &actor) {
                   auto done = staff.signOut(StaffAuth::bearer(request), actor);
                   return done ? HttpResponse::empty(204) : HttpResponse::error(done.error());
               });

    router.add("GET", u"/api/v1/admin/staff"_s, StaffRole::Admin, [&staff](const HttpRequest &, const StaffActor &) {
        auto accounts = staff.accounts();
        if (!accounts)
            return HttpResponse::error(accounts.error());
        QJsonArray list;
        for (const StaffAccount &a : accounts.value())
            list.append(a.toJson());
        return HttpResponse::json(QJsonObject{{u"staff"_s, list}});
    });

    router.add("POST", u"/api/v1/admin/staff"_s, StaffRole::Admin,
               [&staff](const HttpRequest &request, const StaffActor &actor) {
        auto body = jsonObjectBody(request);
        if (!body)
            return HttpResponse::error(body.error());
        const QJsonObject &o = body.value();
        for (const QString &key : {u"login"_s, u"name"_s, u"role"_s, u"pin"_s})
            if (!o.value(key).isString())
                return badRequest(key + u" is required and must be a string"_s);
        return respond(staff.addAccount(o.value(u"login"_s).toString(), o.value(u"name"_s).toString(),
                                        o.value(u"role"_s).toString(), o.value(u"pin"_s).toString(), actor),
                       201);
    });

    router.add("PATCH", u"/api/v1/admin/staff/{id}"_s, StaffRole::Admin,
               [&staff](const HttpRequest &request, const StaffActor &actor) {
        auto body = jsonObjectBody(request);
        if (!body)
            return HttpResponse::error(body.error());
        return respond(staff.updateAccount(request.param(u"id"_s), body.value(), actor));
    });

    router.add("GET", u"/api/v1/admin/audit"_s, StaffRole::Manager, [&staff](const HttpRequest &request, const StaffActor &) {
        const QUrlQuery &query = request.query;
        AuditFilter filter;
        filter.staffId = query.queryItemValue(u"staffId"_s, QUrl::FullyDecoded);
        filter.login = query.queryItemValue(u"login"_s, QUrl::FullyDecoded);
        filter.action = query.queryItemValue(u"action"_s, QUrl::FullyDecoded);
        if (auto bad = readTime(query, u"from"_s, &filter.fromMs))
            return *bad;
        if (auto bad = readTime(query, u"to"_s, &filter.toMs))
            return *bad;
        if (query.hasQueryItem(u"limit"_s)) {
            bool ok = false;
            filter.limit = query.queryItemValue(u"limit"_s).toInt(&ok);
            if (!ok || filter.limit < 1 || filter.limit > 1000)
                return badRequest(u"limit must be a whole number from 1 to 1000"_s);
        }
        auto entries = staff.audit(filter);
        if (!entries)
            return HttpResponse::error(entries.error());
        return HttpResponse::json(QJsonObject{{u"entries"_s, entries.value()}});
    });
}

} // namespace BoxOffice::Server
