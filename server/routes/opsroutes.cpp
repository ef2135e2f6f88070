#include "server/routes/opsroutes.h"

#include "domain/health.h"
#include "server/http/httprouter.h"
#include "server/http/metrics.h"

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

void addOpsRoutes(HttpRouter &router, Metrics &metrics, std::function<Health()> health)
{
    router.add("GET", u"/healthz"_s, [health = std::move(health)](const HttpRequest &) {
        const Health h = health();
        return HttpResponse::json(h.toJson(), h.status == u"ok" ? 200 : 503);
    });
    router.add("GET", u"/metrics"_s, [&metrics](const HttpRequest &) {
        return HttpResponse::raw(metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
    });
}

} // namespace BoxOffice::Server
