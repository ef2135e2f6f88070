#include "server/http/httpfrontend.h"

#include "server/http/httprouter.h"
#include "server/http/metrics.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QTcpServer>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    switch (method) {
    case M::Get: return "GET";
    case M::Put: return "PUT";
    case M::Delete: return "DELETE";
    case M::Post: return "POST";
    case M::Head: return "HEAD";
    case M::Options: return "OPTIONS";
    case M::Patch: return "PATCH";
    case M::Connect: return "CONNECT";
    case M::Trace: return "TRACE";
    default: break;
    }
    return "UNKNOWN";
}

} // namespace

HttpFrontend::HttpFrontend(const HttpRouter *router, Metrics *metrics, qint64 maxBodyBytes, QObject *parent)
    : QObject(parent), m_router(router), m_metrics(metrics), m_maxBodyBytes(maxBodyBytes),
      m_server(new QHttpServer(this))
{
    m_server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handle(request, std::move(responder));
    });
}

HttpFrontend::~HttpFrontend() = default;

Result<quint16, QString> HttpFrontend::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(address, port)) {
        const QString reason = tcp->errorString();
        delete tcp;
        return u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(reason);
    }
    const quint16 bound = tcp->serverPort();
    m_server->bind(tcp);  // takes ownership
    return bound;
}

HttpRequest HttpFrontend::convert(const QHttpServerRequest &request)
{
    HttpRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path();
    r.query = request.query();
    const auto headers = request.headers();
    r.headers.reserve(headers.size());
    for (const auto &[name, value] : headers)
        r.headers.insert(name.toLower(), value);
    r.body = request.body();
    r.remoteAddress = request.remoteAddress();
    return r;
}

void HttpFrontend::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    HttpRequest r = convert(request);
    HttpResponse response;
    if (r.body.size() > m_maxBodyBytes) {
        response = HttpResponse::error(Failure::Code::PayloadTooLarge,
                                       u"request body of %1 bytes is over the limit of %2"_s.arg(r.body.size())
                                           .arg(m_maxBodyBytes),
                                       {{u"limit"_s, m_maxBodyBytes}});
        m_metrics->observeRequest(u"(payload too large)"_s, r.method, response.status, 0);
    } else {
        response = m_router->dispatch(r);
    }

    QHttpServerResponse out(response.contentType, response.body,
                            static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &[name, value] : std::as_const(response.headers))
        out.addHeader(name, value);
    out.write(std::move(responder));
}

} // namespace BoxOffice::Server
