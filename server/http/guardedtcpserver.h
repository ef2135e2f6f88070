#pragma once

#include <QTcpServer>

namespace BoxOffice::Server {

// Bounds what clients can hold on to, for QtHttpServer 6.4 (which has no timeouts and
// no connection limit of its own):
// - at most `maxConnections` open connections per listening thread: past it a new
//   connection is closed at once (a flood costs the flooder, not the server);
// - a connection that gets no answer for `idleMs` is closed: a client trickling its
//   request a byte at a time (slowloris), a half-sent body, or an idle keep-alive.
//   The clock restarts whenever the server writes; WebSocket upgrades on
//   /api/v1/live are exempt (the live hub watches those itself);
// - a connection that sends more than `maxRequestBytes` without getting an answer (an
//   endless header, say: QtHttpServer 6.4 would buffer it all) is closed.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxConnections = 10000;
        int idleMs = 30000;
        qint64 maxRequestBytes = 128 * 1024;  // read with no answer in between: headers and body
    };
    explicit GuardedTcpServer(Limits limits, QObject *parent = nullptr);

    int openConnections() const { return m_open; }
    qint64 refusedConnections() const { return m_refused; }
    qint64 timedOutConnections() const { return m_timedOut; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void refuseOversized(class QTcpSocket *socket);

private:
    Limits m_limits;
    int m_open = 0;
    qint64 m_refused = 0;
    qint64 m_timedOut = 0;
    qint64 m_oversized = 0;
};

} // namespace BoxOffice::Server
