#pragma once

#include "server/http/httprequest.h"
#include "server/http/httpresponse.h"
#include "server/staff/staffactor.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace BoxOffice::Server {

class Metrics;
class StaffAuth;

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

    // A staff route: the credential and the least role are checked here, before the
    // handler, which gets who is asking. Needs setStaffAuth() before the first request.
    using StaffHandler = std::function<HttpResponse(const HttpRequest &, const StaffActor &)>;
    void add(const QByteArray &method, const QString &pattern, StaffRole least, StaffHandler handler);
    void setStaffAuth(const StaffAuth *auth) { m_staffAuth = auth; }

    HttpResponse dispatch(HttpRequest &request) const;

    // Every staff route and its least role (the role-boundary tests walk these).
    struct StaffRoute
    {
        QByteArray method;
        QString pattern;
        StaffRole least;
    };
    QList<StaffRoute> staffRoutes() const { return m_staffRoutes; }

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
    QList<StaffRoute> m_staffRoutes;
    const StaffAuth *m_staffAuth = nullptr;
};

} // namespace BoxOffice::Server
