#pragma once

#include "server/http/httprequest.h"
#include "server/http/httpresponse.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace BoxOffice::Server {

class Metrics;

// Method- and path-aware dispatch. Unknown paths answer 404 and known paths with
// another method 405 (with Allow), both with the API.md error body; every answer
// is counted and timed per route in Metrics.
class HttpRouter
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpRouter(Metrics *metrics);

    // pattern: "/api/v1/concerts/{id}"; a {name} segment matches one non-empty segment.
    void add(const QByteArray &method, const QString &pattern, Handler handler);

    HttpResponse dispatch(HttpRequest &request) const;

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
    };
    static bool match(const Route &route, const QStringList &segments, QHash<QString, QString> *params);

    Metrics *m_metrics;
    QList<Route> m_routes;
};

} // namespace BoxOffice::Server
