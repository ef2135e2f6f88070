#pragma once

namespace BoxOffice::Server {

class CatalogService;
class HttpRouter;

// GET /api/v1/concerts, /api/v1/concerts/{id}, /api/v1/performances/{id}/layout
void addCatalogRoutes(HttpRouter &router, CatalogService &catalog);

} // namespace BoxOffice::Server
