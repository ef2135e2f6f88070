#include "server/routes/queueroutes.h"

#include "server/http/httprouter.h"
#include "server/http/staffauth.h"
#include "server/queue/queueservice.h"
#include "server/staff/staffservice.h"
#include "domain/jsonreader.h"
#include "domain/queuehistory.h"

#include <QJsonArray>
#include <QTimeZone>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

HttpResponse badRequest(const QString &message)
{
    return HttpResponse::error(Failure::Code::BadRequest, message);
}

// Reads an optional integer or boolean member of a settings body.
template <typename T> std::optional<HttpResponse> readOptional(const QJsonObject &body, const QString &key, std::optional<T> *out)
{
    const QJsonValue v = body.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if constexpr (std::is_same_v<T, bool>) {
        if (!v.isBool())
            return badRequest(key + u" must be true or false"_s);
        *out = v.toBool();
    } else {
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::trunc(d) || std::fabs(d) > 1e9)
            return badRequest(key + u" must be an integer"_s);
        *out = int(d);
    }
    return std::nullopt;
}

} // namespace

void addQueueRoutes(HttpRouter &router, QueueService &queue, StaffService &staff)
{
    router.add("POST", u"/api/v1/concerts/{id}/queue"_s, [&queue](const HttpRequest &request) {
        auto body = jsonObjectBody(request);
        if (!body)
            return HttpResponse::error(body.error());
        const QJsonValue user = body.value().value(u"userId"_s);
        if (!user.isString())
            return badRequest(u"userId is required and must be a string"_s);
        auto joined = queue.join(request.param(u"id"_s), user.toString(), request.remoteAddress.toString());
        if (!joined)
            return HttpResponse::error(joined.error());
        return HttpResponse::json(joined.value().ticket.toJson(), joined.value().created ? 201 : 200);
    });

    router.add("GET", u"/api/v1/queue/{token}"_s, [&queue](const HttpRequest &request) {
        return respond(queue.status(request.param(u"token"_s)));
    });

    router.add("DELETE", u"/api/v1/queue/{token}"_s, [&queue](const HttpRequest &request) {
        auto left = queue.leave(request.param(u"token"_s));
        return left ? HttpResponse::empty(204) : HttpResponse::error(left.error());
    });

    router.add("GET", u"/api/v1/admin/concerts/{id}/queue"_s, StaffRole::Clerk,
               [&queue](const HttpRequest &request, const StaffActor &) {
        return respond(queue.stats(request.param(u"id"_s)));
    });

    router.add("GET", u"/api/v1/admin/concerts/{id}/queue/history"_s, StaffRole::Clerk,
               [&queue](const HttpRequest &request, const StaffActor &) {
        auto history = queue.history(request.param(u"id"_s));
        if (!history)
            return HttpResponse::error(history.error());
        QueueHistory out{request.param(u"id"_s), {}};
        out.samples.reserve(history.value().size());
        for (const QueueSample &s : history.value())
            out.samples.append({QDateTime::fromMSecsSinceEpoch(s.atMs, Qt::UTC), s.waiting, s.active});
        return HttpResponse::json(out.toJson());
    });

    router.add("PUT", u"/api/v1/admin/concerts/{id}/queue"_s, StaffRole::Manager,
               [&queue](const HttpRequest &request, const StaffActor &actor) {
        auto body = jsonObjectBody(request);
        if (!body)
            return HttpResponse::error(body.error());
        QueueSettingsChange change;
        if (auto bad = readOptional(body.value(), u"capacity"_s, &change.capacity))
            return *bad;
        if (auto bad = readOptional(body.value(), u"sessionSeconds"_s, &change.sessionSeconds))
            return *bad;
        if (auto bad = readOptional(body.value(), u"paused"_s, &change.paused))
            return *bad;
        const AuditEntry audit{actor, u"queue.settings"_s, request.param(u"id"_s), body.value()};
        return respond(queue.updateSettings(request.param(u"id"_s), change, &audit));
    });

    // The crowd simulator (POST …/crowd) and session expiry (POST …/expire) for QA:
    // both take {"count": N} and answer with how many they touched. They change the queue
    // store only (memory or Redis): their audit entry follows the change, alone.
    const auto countRoute = [&](const QString &path, const QString &answer, int status, const QString &action,
                                Outcome<qint64> (QueueService::*change)(const QString &, qint64)) {
        router.add("POST", path, StaffRole::Manager,
                   [&queue, &staff, answer, status, action, change](const HttpRequest &request, const StaffActor &actor) {
            auto body = jsonObjectBody(request);
            if (!body)
                return HttpResponse::error(body.error());
            std::optional<int> count;
            if (auto bad = readOptional(body.value(), u"count"_s, &count))
                return *bad;
            if (!count)
                return badRequest(u"count is required"_s);
            const QString concertId = request.param(u"id"_s);
            auto done = (queue.*change)(concertId, *count);
            if (!done)
                return HttpResponse::error(done.error());
            if (auto logged = staff.record({actor, action, concertId, {{u"count"_s, *count}, {answer, done.value()}}});
                !logged)
                return HttpResponse::error(logged.error());
            return HttpResponse::json(QJsonObject{{answer, done.value()}}, status);
        });
    };
    countRoute(u"/api/v1/admin/concerts/{id}/crowd"_s, u"added"_s, 201, u"queue.crowd"_s, &QueueService::addCrowd);
    countRoute(u"/api/v1/admin/concerts/{id}/expire"_s, u"expired"_s, 200, u"queue.expire"_s,
               &QueueService::expireSessions);
}

} // namespace BoxOffice::Server
