#pragma once

#include "server/failure.h"
#include "server/http/httprequest.h"
#include "server/sales/seatservice.h"

namespace BoxOffice::Server {

class HttpRouter;
class StaffAuth;

// Seats: GET /api/v1/performances/{id}/status, POST /api/v1/performances/{id}/holds,
// DELETE /api/v1/holds/{id}, POST /api/v1/holds/{id}/purchase.
void addSeatRoutes(HttpRouter &router, SeatService &seats, const StaffAuth &staff);

// Who asks on a route open to buyers and staff: staff (a clerk or above) when there is an
// Authorization header, refused outright when it does not check out; else the queue token.
Outcome<Buyer> buyerOf(const HttpRequest &request, const StaffAuth &staff);

} // namespace BoxOffice::Server
