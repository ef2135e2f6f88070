#include "server/routes/catalogroutes.h"

#include "server/http/httprouter.h"
#include "server/sales/catalogservice.h"

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

// True when an If-None-Match header names this entity tag (or is "*").
bool matchesEtag(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == "*" || candidate == etag)
            return true;
    }
    return false;
}

} // namespace

void addCatalogRoutes(HttpRouter &router, CatalogService &catalog)
{
    router.add("GET", u"/api/v1/concerts"_s, [&catalog](const HttpRequest &) {
        const auto concerts = catalog.concerts();
        if (!concerts)
            return HttpResponse::error(concerts.error());
        QJsonArray list;
        for (const Concert &c : concerts.value())
            list.append(c.toJson());
        return HttpResponse::json(list);
    });

    router.add("GET", u"/api/v1/concerts/{id}"_s, [&catalog](const HttpRequest &request) {
        return respond(catalog.concert(request.param(u"id"_s)));
    });

    router.add("GET", u"/api/v1/performances/{id}/layout"_s, [&catalog](const HttpRequest &request) {
        const auto layout = catalog.layout(request.param(u"id"_s));
        if (!layout)
            return HttpResponse::error(layout.error());
        const QByteArray etag = '"' + layout.value().digest + '"';
        HttpResponse response = matchesEtag(request.header("if-none-match"), etag)
                                    ? HttpResponse::empty(304)
                                    : HttpResponse::raw(layout.value().json, "application/json");
        response.withHeader("ETag", etag).withHeader("Cache-Control", "public, max-age=0, must-revalidate");
        return response;
    });
}

} // namespace BoxOffice::Server
