#include "server/http/guardedtcpserver.h"

#include "server/http/httpresponse.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

#include <unistd.h>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGuard, "boxoffice.server.connections")

GuardedTcpServer::GuardedTcpServer(Limits limits, QObject *parent) : QTcpServer(parent), m_limits(limits) {}

void GuardedTcpServer::refuseOversized(QTcpSocket *socket)
{
    // QtHttpServer must not see more of it: only this object reads the socket now. The
    // answer is the API's 413, then the connection closes (the client's rest is read
    // away meanwhile, so the answer is not lost to a reset).
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    const HttpResponse answer = HttpResponse::error(
        Failure::Code::PayloadTooLarge, u"the request is larger than %1 bytes"_s.arg(m_limits.maxRequestBytes),
        {{u"limit"_s, m_limits.maxRequestBytes}});
    socket->write(answer.toHttp11(true));
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    if (m_open >= m_limits.maxConnections) {
        ::close(int(descriptor));
        if (m_refused++ % 1000 == 0)
            qCWarning(lcGuard) << "connection limit" << m_limits.maxConnections << "reached; refusing";
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    // The socket may be deleted by QtHttpServer or handed to a QWebSocket; the timer
    // is its child, so it goes with it.
    struct State
    {
        bool live = false;       // a WebSocket upgrade: exempt
        qint64 unanswered = 0;   // bytes read since the last answer
    };
    auto state = std::make_shared<State>();
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_limits.idleMs);
    connect(idle, &QTimer::timeout, this, [this, socket] {
        ++m_timedOut;
        socket->abort();
    });
    connect(socket, &QTcpSocket::bytesWritten, idle, [idle, state] {
        state->unanswered = 0;
        if (!state->live)
            idle->start();
    });
    // Connected before QtHttpServer's own handler, so the bytes are still there to see.
    connect(socket, &QTcpSocket::readyRead, idle, [this, socket, idle, state] {
        if (state->live)
            return;
        if (state->unanswered == 0 && socket->peek(16).startsWith("GET /api/v1/live")) {
            state->live = true;  // the live hub watches these itself
            idle->stop();
            return;
        }
        state->unanswered += socket->bytesAvailable();
        if (state->unanswered > m_limits.maxRequestBytes) {
            ++m_oversized;
            refuseOversized(socket);
        }
    });
    idle->start();
    addPendingConnection(socket);  // QTcpServer emits newConnection after this returns
}

} // namespace BoxOffice::Server
