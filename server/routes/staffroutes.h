#pragma once

namespace BoxOffice::Server {

class HttpRouter;
class StaffService;

// Staff accounts and sessions, and the audit log (API.md, "v1 additions"):
// POST /api/v1/staff/sessions (sign in), GET and DELETE /api/v1/staff/sessions/current;
// admin: GET and POST /api/v1/admin/staff, PATCH /api/v1/admin/staff/{id};
// manager: GET /api/v1/admin/audit.
void addStaffRoutes(HttpRouter &router, StaffService &staff);

} // namespace BoxOffice::Server
