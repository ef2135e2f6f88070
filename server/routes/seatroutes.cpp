#include "server/routes/seatroutes.h"

#include "server/http/httprouter.h"
#include "server/http/staffauth.h"
#include "server/sales/seatservice.h"

#include <QJsonArray>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

// The credential of a request: a staff key that does not match is refused outright.
Outcome<Buyer> buyerOf(const HttpRequest &request, const StaffAuth &staff)
{
    if (!request.header("authorization").isEmpty()) {
        auto actor = staff.require(request, StaffRole::Clerk);  // holds and counter sales
        if (!actor)
            return actor.error();
        return Buyer{{}, true, actor.value()};
    }
    return Buyer{QString::fromUtf8(request.header("x-queue-token")).trimmed(), false, {}};
}

namespace {

// A route that needs a credential (and, with a body, a JSON object): those checks in
// one place, then the handler with what they produced.
using BuyerHandler = std::function<HttpResponse(const HttpRequest &, const Buyer &, const QJsonObject &body)>;
HttpRouter::Handler withBuyer(const StaffAuth &staff, bool needsBody, BuyerHandler handler)
{
    return [&staff, needsBody, handler = std::move(handler)](const HttpRequest &request) {
        auto buyer = buyerOf(request, staff);
        if (!buyer)
            return HttpResponse::error(buyer.error());
        QJsonObject body;
        if (needsBody) {
            auto parsed = jsonObjectBody(request);
            if (!parsed)
                return HttpResponse::error(parsed.error());
            body = parsed.value();
        }
        return handler(request, buyer.value(), body);
    };
}

HttpResponse badRequest(const QString &message)
{
    return HttpResponse::error(Failure::Code::BadRequest, message, {{u"seats"_s, QJsonArray()}});
}

} // namespace

void addSeatRoutes(HttpRouter &router, SeatService &seats, const StaffAuth &staff)
{
    router.add("GET", u"/api/v1/performances/{id}/status"_s,
               withBuyer(staff, false, [&seats](const HttpRequest &request, const Buyer &buyer, const QJsonObject &) {
                   return respond(seats.status(request.param(u"id"_s), buyer));
               }));

    router.add("POST", u"/api/v1/performances/{id}/holds"_s,
               withBuyer(staff, true, [&seats](const HttpRequest &request, const Buyer &buyer, const QJsonObject &o) {
        if (o.contains(u"best"_s)) {
            const QJsonObject best = o.value(u"best"_s).toObject();
            const QJsonValue count = best.value(u"count"_s);
            const QJsonValue tier = best.value(u"tier"_s);
            if (!o.value(u"best"_s).isObject() || !count.isDouble() || count.toDouble() != std::trunc(count.toDouble())
                || !tier.isString())
                return badRequest(u"best needs an integer count and a tier id"_s);
            return respond(seats.holdBest(request.param(u"id"_s), int(count.toDouble()), tier.toString(), buyer), 201);
        }
        const QJsonValue list = o.value(u"seats"_s);
        if (!list.isArray())
            return badRequest(u"seats must be a list of seat ids (or use best)"_s);
        QStringList ids;
        for (const QJsonValue &v : list.toArray()) {
            if (!v.isString())
                return badRequest(u"seat ids are strings"_s);
            ids << v.toString();
        }
        if (ids.size() > 100)
            return badRequest(u"at most 100 seats in one hold"_s);
        return respond(seats.hold(request.param(u"id"_s), ids, buyer), 201);
    }));

    router.add("GET", u"/api/v1/admin/performances/{id}/holds"_s, StaffRole::Clerk,
               [&seats](const HttpRequest &request, const StaffActor &) {
        const QString performanceId = request.param(u"id"_s);
        auto held = seats.heldHolds(performanceId);
        if (!held)
            return HttpResponse::error(held.error());
        return HttpResponse::json(HeldHolds{performanceId, held.value()}.toJson());
    });

    router.add("DELETE", u"/api/v1/holds/{id}"_s,
               withBuyer(staff, false, [&seats](const HttpRequest &request, const Buyer &buyer, const QJsonObject &) {
                   auto released = seats.release(request.param(u"id"_s), buyer);
                   return released ? HttpResponse::empty(204) : HttpResponse::error(released.error());
               }));

    router.add("POST", u"/api/v1/holds/{id}/purchase"_s,
               withBuyer(staff, true, [&seats](const HttpRequest &request, const Buyer &buyer, const QJsonObject &body) {
                   const QJsonValue method = body.value(u"payment"_s).toObject().value(u"method"_s);
                   if (!method.isString())
                       return HttpResponse::error(Failure::Code::BadRequest,
                                                  u"payment.method is required (card, cash or test)"_s);
                   Customer customer;
                   if (const QJsonValue c = body.value(u"customer"_s); !c.isUndefined() && !c.isNull()) {
                       auto decoded = Customer::fromJson(c);
                       if (!c.isObject() || !decoded)
                           return HttpResponse::error(Failure::Code::BadRequest,
                                                      u"customer must be {\"name\",\"phone\",\"email\"}, all strings"_s);
                       customer = decoded.value();
                       if (customer.name.size() > 200 || customer.phone.size() > 50 || customer.email.size() > 200)
                           return HttpResponse::error(Failure::Code::BadRequest,
                                                      u"customer: name and e-mail at most 200 characters, phone 50"_s);
                   }
                   return respond(seats.purchase(request.param(u"id"_s), method.toString(), buyer, customer), 201);
               }));
}

} // namespace BoxOffice::Server
