#include "server/http/httprouter.h"

#include "server/http/metrics.h"
#include "server/http/staffauth.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "boxoffice.server.http")

HttpRouter::HttpRouter(Metrics *metrics) : m_metrics(metrics) {}

void HttpRouter::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.append(Route{method, pattern, pattern.split(u'/'), std::move(handler)});
}

void HttpRouter::add(const QByteArray &method, const QString &pattern, StaffRole least, StaffHandler handler)
{
    m_staffRoutes.append(StaffRoute{method, pattern, least});
    add(method, pattern, [this, least, handler = std::move(handler)](const HttpRequest &request) {
        Q_ASSERT(m_staffAuth);
        if (!m_staffAuth)
            return HttpResponse::error(Failure::Code::Forbidden, u"staff routes are not set up"_s);
        auto actor = m_staffAuth->require(request, least);
        if (!actor)
            return HttpResponse::error(actor.error());
        return handler(request, actor.value());
    });
}

bool HttpRouter::match(const Route &route, const QStringList &segments, QHash<QString, QString> *params)
{
    if (route.segments.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route.segments.at(i);
        if (want.startsWith(u'{') && want.endsWith(u'}')) {
            if (segments.at(i).isEmpty())
                return false;
            if (params)
                params->insert(want.mid(1, want.size() - 2), segments.at(i));
        } else if (want != segments.at(i)) {
            return false;
        }
    }
    return true;
}

HttpResponse HttpRouter::dispatch(HttpRequest &request) const
{
    QElapsedTimer timer;
    timer.start();
    const QStringList segments = request.path.split(u'/');

    const Route *found = nullptr;
    QByteArrayList allowed;
    for (const Route &route : m_routes) {
        if (!match(route, segments, nullptr))
            continue;
        if (route.method == request.method) {
            found = &route;
            break;
        }
        allowed.append(route.method);
    }

    HttpResponse response;
    QString routeName;
    if (found) {
        routeName = found->pattern;
        request.params.clear();
        match(*found, segments, &request.params);
        response = found->handler(request);
    } else if (!allowed.isEmpty()) {
        routeName = u"(method not allowed)"_s;
        response = HttpResponse::error(Failure::Code::MethodNotAllowed,
                                       u"%1 is not allowed on %2"_s.arg(QString::fromLatin1(request.method),
                                                                         request.path));
        response.withHeader("Allow", allowed.join(", "));
    } else {
        routeName = u"(unmatched)"_s;
        response = HttpResponse::error(Failure::Code::NotFound, u"no such path: "_s + request.path.left(200));
    }

    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (m_metrics)
        m_metrics->observeRequest(routeName, request.method, response.status, seconds);
    qCDebug(lcHttp) << request.method << request.path << response.status << seconds;
    return response;
}

} // namespace BoxOffice::Server
