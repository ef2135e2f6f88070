#pragma once

namespace BoxOffice::Server {

class HttpRouter;
class SeatService;
class StaffAuth;

// Seats: GET /api/v1/performances/{id}/status, POST /api/v1/performances/{id}/holds,
// DELETE /api/v1/holds/{id}, POST /api/v1/holds/{id}/purchase.
void addSeatRoutes(HttpRouter &router, SeatService &seats, const StaffAuth &staff);

} // namespace BoxOffice::Server
