#pragma once

namespace BoxOffice::Server {

class HttpRouter;
class RankingService;

// GET /api/v1/rankings?window=day|week|all&limit=N (served from the cache).
void addRankingRoutes(HttpRouter &router, RankingService &rankings);

} // namespace BoxOffice::Server
