#pragma once

namespace BoxOffice::Server {

class HttpRouter;
class QueueService;
class StaffService;

// The waiting room: POST /api/v1/concerts/{id}/queue, GET and DELETE /api/v1/queue/{token};
// staff: GET and PUT /api/v1/admin/concerts/{id}/queue, POST /api/v1/admin/concerts/{id}/crowd.
void addQueueRoutes(HttpRouter &router, QueueService &queue, StaffService &staff);

} // namespace BoxOffice::Server
