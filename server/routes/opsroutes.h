#pragma once

#include <functional>

namespace BoxOffice {
struct Health;
}

namespace BoxOffice::Server {

class HttpRouter;
class Metrics;

// GET /healthz (503 when a store is unreachable) and GET /metrics (Prometheus text).
void addOpsRoutes(HttpRouter &router, Metrics &metrics, std::function<Health()> health);

} // namespace BoxOffice::Server
