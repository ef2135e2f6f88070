#pragma once

namespace BoxOffice::Server {

class HttpRouter;
class OrderService;
class StaffAuth;

// The box office's day (API.md "v1 additions"): GET /api/v1/orders/{idOrCode};
// clerk: GET /api/v1/admin/orders, POST …/orders/{id}/reissue, POST /api/v1/admin/checkins,
// the cash sessions; manager: POST …/orders/{id}/refunds, POST …/performances/{id}/seats.
void addOrderRoutes(HttpRouter &router, OrderService &orders, const StaffAuth &staff);

} // namespace BoxOffice::Server
