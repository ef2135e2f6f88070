#pragma once

#include "server/failure.h"
#include "server/http/httprequest.h"
#include "server/staff/staffactor.h"

namespace BoxOffice::Server {

class StaffService;

// The staff credential of a request: "Authorization: Bearer <staff key or session
// token>". None given: 401; a wrong one: 403; a session that ended: 401; a valid one of
// a lower role than asked: 403. The one place roles are checked (HttpRouter's staff
// routes and the routes open to buyers and staff both come here).
class StaffAuth
{
public:
    explicit StaffAuth(StaffService *staff) : m_staff(staff) {}

    Outcome<StaffActor> require(const HttpRequest &request, StaffRole least) const;
    // Any staff credential (a clerk's is enough).
    std::optional<Failure> check(const HttpRequest &request) const;
    bool isStaff(const HttpRequest &request) const { return !check(request); }

    // The bearer token of the request (empty when there is none).
    static QByteArray bearer(const HttpRequest &request);
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

private:
    StaffService *m_staff;
};

// The request body as a JSON object, or a 400 naming what is wrong with it.
Outcome<QJsonObject> jsonObjectBody(const HttpRequest &request);

} // namespace BoxOffice::Server
