#pragma once

#include "domain/ranking.h"
#include "server/failure.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace BoxOffice::Server {

class QueueService;
class RankingService;
class SeatService;
class SqlSeatStore;
class StaffAuth;
class LiveSocket;

// The live channel (/api/v1/live) of one server thread: WebSocket clients, their
// topics (queue:<token>, seats:<performanceId>, rankings) and the pushes. Every tick
// it computes each concert's subscribed queue tickets in one store call, reads each
// subscribed performance's seat changes since the last push (from SQL, so changes
// made through any instance arrive), and compares the cached rankings with the last
// ones pushed. A client whose send buffer is full misses messages (seat deltas then
// show a version gap: it re-reads the status); one stuck for long is closed (checked
// every tick, pushes or not). Seat topics granted on a queue token's rights are checked
// again every tick: when its session is over they are dropped with an error frame.
class LiveHub : public QObject
{
    Q_OBJECT
public:
    // clock: "now" in ms since the epoch (ServerConfig::clock; empty = the system clock).
    // All the hub's time-dependent behaviour reads it: the stuck-reader limit and the
    // pace of queue pushes while waiting.
    LiveHub(QueueService *queue, SeatService *seats, SqlSeatStore *seatStore, RankingService *rankings,
            const StaffAuth *staff, std::function<qint64()> clock = {}, QObject *parent = nullptr);
    ~LiveHub() override;

    // Takes the socket (re-parented to the hub).
    void accept(LiveSocket *socket);
    void tick();
    int clientCount() const { return int(m_clients.size()); }
    // How long a client may stay over MaxBufferedBytes unsent before it is closed.
    void setStuckMs(qint64 ms) { m_stuckMs = ms; }

    static constexpr qint64 MaxBufferedBytes = 1 << 20;

private:
    struct Client
    {
        LiveSocket *socket = nullptr;
        QString token;       // rights from the upgrade header or a queue subscription
        bool staff = false;
        QSet<QString> topics;
        QHash<QString, QString> seatRights;  // seats topic -> the queue token that granted it
        struct QueueSent
        {
            QByteArray message;  // the last queue message sent for the token
            qint64 atMs = 0;
            int state = -1;      // QueueTicket::State
        };
        QHash<QString, QueueSent> lastQueue;  // token -> what was sent last
        qint64 overflowSinceMs = 0;
    };

    void onMessage(LiveSocket *socket, const QString &text);
    void subscribe(Client &client, const QJsonArray &topics);
    void unsubscribe(Client &client, const QJsonArray &topics);
    void drop(LiveSocket *socket);
    bool send(Client &client, const QByteArray &json);
    // An error frame: the failure's API.md error body (HttpResponse::errorBody) with "type":"error".
    void sendError(Client &client, const Failure &failure);
    void closeStuck(qint64 nowMs);
    void recheckSeatRights();
    void removeTopic(Client &client, const QString &topic);
    void pushQueues(qint64 nowMs);
    void pushSeats();
    void pushRankings();
    void rememberRankings();

    QueueService *m_queue;
    SeatService *m_seats;
    SqlSeatStore *m_seatStore;
    RankingService *m_rankings;
    const StaffAuth *m_staff;
    std::function<qint64()> m_clock;
    QHash<LiveSocket *, Client> m_clients;
    QHash<QString, QSet<LiveSocket *>> m_subscribers;  // topic -> clients
    QHash<QString, qint64> m_seatVersion;              // performance -> last version pushed
    struct QueueRound
    {
        qint64 changes = -1;  // QueueService::changes() at the last round
        qint64 atMs = 0;
    };
    QHash<QString, QueueRound> m_queueRounds;          // concert -> its last queue push round
    QHash<Ranking::Window, QByteArray> m_lastRankings;
    qint64 m_stuckMs = 30'000;
    int m_ticks = 0;
    int m_sent = 0;  // messages sent in the current tick
};

} // namespace BoxOffice::Server
