#pragma once

#include "domain/result.h"
#include "server/http/guardedtcpserver.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QWebSocket;

namespace BoxOffice::Server {

class HttpRouter;
class Metrics;
struct HttpRequest;

// The socket side: QtHttpServer 6.4 receives requests and hands each one, as an
// HttpRequest, to the HttpRouter through the missing-handler hook (so our router,
// not QtHttpServer's, decides 404/405 and every error has the JSON body).
// Bodies over the limit are refused with 413 before any route runs.
class HttpFrontend : public QObject
{
    Q_OBJECT
public:
    // clock: "now" for the Date header (the server's clock; tests skew it).
    HttpFrontend(const HttpRouter *router, Metrics *metrics, qint64 maxBodyBytes,
                 std::function<qint64()> clock = {}, GuardedTcpServer::Limits limits = {}, QObject *parent = nullptr);
    ~HttpFrontend() override;

    // Listens on address:port (0 = any free port); returns the bound port. With
    // sharePort the socket has SO_REUSEPORT, so several server threads can each
    // listen on the same port and the kernel spreads connections between them.
    Result<quint16, QString> listen(const QHostAddress &address, quint16 port, bool sharePort = false);

    QHttpServer *httpServer() const { return m_server; }

    // Upgrades on /api/v1/live (the same port) are handed to `handler`. A plain GET
    // there answers 426 with the JSON error body.
    void setWebSocketHandler(std::function<void(std::unique_ptr<QWebSocket>)> handler);

    static HttpRequest convert(const QHttpServerRequest &request);

private:
    Result<quint16, QString> listenShared(const QHostAddress &address, quint16 port);
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    const HttpRouter *m_router;
    Metrics *m_metrics;
    qint64 m_maxBodyBytes;
    QHttpServer *m_server;
    std::function<void(std::unique_ptr<QWebSocket>)> m_webSocketHandler;
    std::function<qint64()> m_clock;
    GuardedTcpServer::Limits m_limits;
};

} // namespace BoxOffice::Server
