#include "server/routes/orderroutes.h"

#include "server/http/httprouter.h"
#include "server/http/staffauth.h"
#include "server/routes/seatroutes.h"
#include "server/sales/orderservice.h"

#include <QJsonArray>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

// A staff route with a JSON object body: the body checks in one place.
using BodyHandler = std::function<HttpResponse(const HttpRequest &, const StaffActor &, const QJsonObject &)>;
HttpRouter::StaffHandler withBody(BodyHandler handler)
{
    return [handler = std::move(handler)](const HttpRequest &request, const StaffActor &actor) {
        auto body = jsonObjectBody(request);
        if (!body)
            return HttpResponse::error(body.error());
        return handler(request, actor, body.value());
    };
}

HttpResponse json(const Outcome<QJsonObject> &outcome, int status = 200)
{
    if (!outcome)
        return HttpResponse::error(outcome.error());
    return HttpResponse::json(outcome.value(), status);
}

} // namespace

void addOrderRoutes(HttpRouter &router, OrderService &orders, const StaffAuth &staff)
{
    router.add("GET", u"/api/v1/orders/{id}"_s, [&orders, &staff](const HttpRequest &request) {
        auto buyer = buyerOf(request, staff);
        if (!buyer)
            return HttpResponse::error(buyer.error());
        return respond(orders.order(request.param(u"id"_s), buyer.value()));
    });

    router.add("GET", u"/api/v1/admin/orders"_s, StaffRole::Clerk, [&orders](const HttpRequest &request, const StaffActor &) {
        int limit = 50;
        if (request.query.hasQueryItem(u"limit"_s)) {
            bool ok = false;
            limit = request.query.queryItemValue(u"limit"_s).toInt(&ok);
            if (!ok || limit < 1 || limit > 500)
                return HttpResponse::error(Failure::Code::BadRequest, u"limit must be a whole number from 1 to 500"_s);
        }
        const QString q = request.query.queryItemValue(u"q"_s, QUrl::FullyDecoded);
        if (q.size() > 200)
            return HttpResponse::error(Failure::Code::BadRequest, u"q: at most 200 characters"_s);
        auto found = orders.search(q, request.query.queryItemValue(u"performanceId"_s, QUrl::FullyDecoded), limit);
        if (!found)
            return HttpResponse::error(found.error());
        QJsonArray list;
        for (const Order &o : found.value())
            list.append(o.toJson());
        return HttpResponse::json(QJsonObject{{u"orders"_s, list}});
    });

    router.add("POST", u"/api/v1/admin/orders/{id}/refunds"_s, StaffRole::Manager,
               withBody([&orders](const HttpRequest &request, const StaffActor &actor, const QJsonObject &body) {
                   return respond(orders.refund(request.param(u"id"_s), body, actor), 201);
               }));

    router.add("POST", u"/api/v1/admin/orders/{id}/reissue"_s, StaffRole::Clerk,
               [&orders](const HttpRequest &request, const StaffActor &actor) {
                   return respond(orders.reissue(request.param(u"id"_s), actor));
               });

    router.add("POST", u"/api/v1/admin/checkins"_s, StaffRole::Clerk,
               withBody([&orders](const HttpRequest &, const StaffActor &actor, const QJsonObject &body) {
                   const QJsonValue secret = body.value(u"secret"_s);
                   const QJsonValue performance = body.value(u"performanceId"_s);
                   if (!secret.isString() || !performance.isString() || secret.toString().size() > 200)
                       return HttpResponse::error(Failure::Code::BadRequest,
                                                  u"secret and performanceId are required, as strings"_s);
                   return json(orders.checkIn(secret.toString().trimmed(), performance.toString(), actor));
               }));

    router.add("POST", u"/api/v1/admin/performances/{id}/seats"_s, StaffRole::Manager,
               withBody([&orders](const HttpRequest &request, const StaffActor &actor, const QJsonObject &body) {
                   return json(orders.setSeatStatus(request.param(u"id"_s), body, actor));
               }));

    router.add("POST", u"/api/v1/admin/cash-sessions"_s, StaffRole::Clerk,
               withBody([&orders](const HttpRequest &, const StaffActor &actor, const QJsonObject &body) {
                   return json(orders.openCashSession(body, actor), 201);
               }));
    router.add("GET", u"/api/v1/admin/cash-sessions/current"_s, StaffRole::Clerk,
               [&orders](const HttpRequest &, const StaffActor &actor) { return json(orders.currentCashSession(actor)); });
    router.add("GET", u"/api/v1/admin/cash-sessions/{id}"_s, StaffRole::Clerk,
               [&orders](const HttpRequest &request, const StaffActor &actor) {
                   return json(orders.cashReport(request.param(u"id"_s), actor));
               });
    router.add("POST", u"/api/v1/admin/cash-sessions/{id}/movements"_s, StaffRole::Clerk,
               withBody([&orders](const HttpRequest &request, const StaffActor &actor, const QJsonObject &body) {
                   return json(orders.addCashMovement(request.param(u"id"_s), body, actor), 201);
               }));
    router.add("POST", u"/api/v1/admin/cash-sessions/{id}/close"_s, StaffRole::Clerk,
               withBody([&orders](const HttpRequest &request, const StaffActor &actor, const QJsonObject &body) {
                   return json(orders.closeCashSession(request.param(u"id"_s), body, actor));
               }));
}

} // namespace BoxOffice::Server
