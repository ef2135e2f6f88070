#include "server/http/httpfrontend.h"

#include "server/http/httprouter.h"
#include "server/http/metrics.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QDateTime>
#include <QLocale>
#include <QTcpServer>
#include <QWebSocket>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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

HttpFrontend::HttpFrontend(const HttpRouter *router, Metrics *metrics, qint64 maxBodyBytes,
                           std::function<qint64()> clock, GuardedTcpServer::Limits limits, QObject *parent)
    : QObject(parent), m_router(router), m_metrics(metrics), m_maxBodyBytes(maxBodyBytes),
      m_server(new QHttpServer(this)),
      m_clock(clock ? std::move(clock) : [] { return QDateTime::currentMSecsSinceEpoch(); }), m_limits(limits)
{
    m_server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handle(request, std::move(responder));
    });
    // QtHttpServer 6.4 upgrades a request only when a route matches it and writes nothing
    // (PLATFORM.md); anything else on that path is told to upgrade.
    m_server->route(u"/api/v1/live"_s, [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
            return;
        const HttpResponse r = HttpResponse::error(Failure::Code::UpgradeRequired,
                                                   u"/api/v1/live is a WebSocket: send an upgrade request"_s);
        QHttpServerResponse out(r.contentType, r.body, static_cast<QHttpServerResponder::StatusCode>(r.status));
        out.addHeader("Upgrade", "websocket");
        out.write(std::move(responder));
    });
    connect(m_server, &QHttpServer::newWebSocketConnection, this, [this] {
        while (m_server->hasPendingWebSocketConnections()) {
            auto socket = m_server->nextPendingWebSocketConnection();
            if (m_webSocketHandler)
                m_webSocketHandler(std::move(socket));
        }
    });
}

void HttpFrontend::setWebSocketHandler(std::function<void(std::unique_ptr<QWebSocket>)> handler)
{
    m_webSocketHandler = std::move(handler);
}

HttpFrontend::~HttpFrontend() = default;

Result<quint16, QString> HttpFrontend::listen(const QHostAddress &address, quint16 port, bool sharePort)
{
    if (sharePort)
        return listenShared(address, port);
    auto *tcp = new GuardedTcpServer(m_limits, this);
    tcp->setListenBacklogSize(1024);  // a crowd connecting at once (the default is 50)
    if (!tcp->listen(address, port)) {
        const QString reason = tcp->errorString();
        delete tcp;
        return u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(reason);
    }
    const quint16 bound = tcp->serverPort();
    m_server->bind(tcp);  // takes ownership
    return bound;
}

Result<quint16, QString> HttpFrontend::listenShared(const QHostAddress &address, quint16 port)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    auto fail = [&](const char *what) -> Result<quint16, QString> {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        return u"cannot listen on %1:%2: %3: %4"_s.arg(address.toString()).arg(port).arg(QLatin1String(what), reason);
    };
    if (fd < 0)
        return fail("socket");
    const int one = 1;
    if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0
        || ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0)
        return fail("setsockopt");
    sockaddr_storage storage = {};
    socklen_t length = 0;
    if (v6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &a, sizeof a);
        length = sizeof *in6;
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof *in4;
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0)
        return fail("bind");
    if (::listen(fd, 1024) != 0)
        return fail("listen");
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return fail("getsockname");
    const quint16 bound = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port
                                   : reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
    auto *tcp = new GuardedTcpServer(m_limits, this);
    if (!tcp->setSocketDescriptor(fd)) {
        delete tcp;
        return fail("QTcpServer::setSocketDescriptor");
    }
    m_server->bind(tcp);
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
    // The server's time: clients correct their countdowns by it.
    out.addHeader("Date", QLocale::c()
                              .toString(QDateTime::fromMSecsSinceEpoch(m_clock(), Qt::UTC),
                                        u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                              .toLatin1());
    out.write(std::move(responder));
}

} // namespace BoxOffice::Server
