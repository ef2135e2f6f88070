#pragma once

#include "domain/queueticket.h"
#include "domain/ranking.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <chrono>

namespace BoxOffice {

// The client end of /api/v1/live: one WebSocket, its topics kept across reconnects.
// Reconnects by itself with capped exponential backoff, watches the connection with
// pings (no answer in time: reconnect), resubscribes after every reconnect and says so
// (connectedChanged), so the owner reads a REST snapshot first and polls while the
// channel is down. Typed signals for the pushes.
class LiveChannel : public QObject
{
    Q_OBJECT
public:
    explicit LiveChannel(QObject *parent = nullptr);
    ~LiveChannel() override;

    void setServer(const QUrl &baseUrl) { m_base = baseUrl; }
    void setToken(const QString &token) { m_token = token; }  // sent as X-Queue-Token on connect
    void setStaffCredential(const QString &credential) { m_staffCredential = credential; }  // sent as Authorization: Bearer
    void setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max);
    void setPingInterval(std::chrono::milliseconds interval);

    void subscribe(const QStringList &topics);
    // Drops topics (not resubscribed after a reconnect); told to the server when connected.
    void unsubscribe(const QStringList &topics);
    void start();
    void stop();
    bool isConnected() const { return m_connected; }

Q_SIGNALS:
    void connectedChanged(bool connected);
    void queueUpdated(const QueueTicket &ticket);
    void seatsChanged(const QString &performanceId, qint64 version, const QList<QPair<int, char>> &changes);
    // A seat delta arrived that could not be read: the status must be read whole.
    void seatsUnreadable(const QString &performanceId);
    void rankingsUpdated(const Ranking &ranking);
    // Every text frame as it went over the wire (the QA tools' raw log).
    void frameSent(const QString &text);
    void frameReceived(const QString &text);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onMessage(const QString &text);
    void scheduleReconnect();
    void sendSubscribe(const QStringList &topics);
    void sendTopics(const QString &type, const QStringList &topics);

    QWebSocket m_socket;
    QUrl m_base;
    QString m_token;
    QString m_staffCredential;
    QSet<QString> m_topics;
    QTimer m_reconnect;
    QTimer m_ping;
    QTimer m_pongDeadline;
    std::chrono::milliseconds m_firstBackoff{500};
    std::chrono::milliseconds m_maxBackoff{30000};
    int m_attempt = 0;
    bool m_running = false;
    bool m_connected = false;
};

} // namespace BoxOffice
