#include "app/livechannel.h"

#include "domain/jsonreader.h"
#include "domain/seatdelta.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkRequest>

namespace BoxOffice {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLive, "boxoffice.client.live")

LiveChannel::LiveChannel(QObject *parent) : QObject(parent)
{
    m_reconnect.setSingleShot(true);
    m_pongDeadline.setSingleShot(true);
    m_ping.setInterval(std::chrono::seconds(15));
    m_pongDeadline.setInterval(std::chrono::seconds(10));
    connect(&m_socket, &QWebSocket::connected, this, &LiveChannel::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &LiveChannel::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &LiveChannel::onMessage);
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_pongDeadline.stop(); });
    connect(&m_reconnect, &QTimer::timeout, this, &LiveChannel::connectNow);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        m_socket.ping();
        if (!m_pongDeadline.isActive())
            m_pongDeadline.start();
    });
    connect(&m_pongDeadline, &QTimer::timeout, this, [this] {
        qCInfo(lcLive) << "no pong in time: reconnecting";
        m_socket.abort();
    });
}

LiveChannel::~LiveChannel()
{
    stop();
}

void LiveChannel::setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max)
{
    m_firstBackoff = first;
    m_maxBackoff = max;
}

void LiveChannel::setPingInterval(std::chrono::milliseconds interval)
{
    m_ping.setInterval(interval);
    m_pongDeadline.setInterval(interval);
}

void LiveChannel::subscribe(const QStringList &topics)
{
    QStringList fresh;
    for (const QString &t : topics)
        if (!m_topics.contains(t))
            m_topics.insert(t), fresh << t;
    if (m_connected && !fresh.isEmpty())
        sendSubscribe(fresh);
}

void LiveChannel::unsubscribe(const QStringList &topics)
{
    QStringList gone;
    for (const QString &t : topics)
        if (m_topics.remove(t))
            gone << t;
    if (m_connected && !gone.isEmpty())
        sendTopics(u"unsubscribe"_s, gone);
}

void LiveChannel::start()
{
    m_running = true;
    m_attempt = 0;
    connectNow();
}

void LiveChannel::stop()
{
    m_running = false;  // so the disconnect below schedules nothing
    m_reconnect.stop();
    m_ping.stop();
    m_pongDeadline.stop();
    m_socket.abort();
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectedChanged(false);
    }
}

void LiveChannel::connectNow()
{
    if (!m_running || m_base.isEmpty())
        return;
    QUrl url = m_base;
    url.setScheme(m_base.scheme() == u"https" ? u"wss"_s : u"ws"_s);
    url.setPath(u"/api/v1/live"_s);
    QNetworkRequest request(url);
    if (!m_token.isEmpty())
        request.setRawHeader("X-Queue-Token", m_token.toUtf8());
    if (!m_staffCredential.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_staffCredential.toUtf8());
    m_socket.open(request);
    // A handshake that never completes counts as a failure too.
    m_pongDeadline.start();
}

void LiveChannel::onConnected()
{
    m_pongDeadline.stop();
    m_attempt = 0;
    m_connected = true;
    m_ping.start();
    if (!m_topics.isEmpty())
        sendSubscribe(m_topics.values());
    qCInfo(lcLive) << "live channel connected";
    Q_EMIT connectedChanged(true);
}

void LiveChannel::onDisconnected()
{
    m_ping.stop();
    m_pongDeadline.stop();
    if (m_connected) {
        m_connected = false;
        qCInfo(lcLive) << "live channel lost";
        Q_EMIT connectedChanged(false);
    }
    scheduleReconnect();
}

void LiveChannel::scheduleReconnect()
{
    if (!m_running || m_reconnect.isActive())
        return;
    const std::chrono::milliseconds delay = std::min<std::chrono::milliseconds>(
        m_maxBackoff, m_firstBackoff * (qint64(1) << std::min(m_attempt, 16)));
    ++m_attempt;
    m_reconnect.start(delay);
}

void LiveChannel::sendSubscribe(const QStringList &topics)
{
    sendTopics(u"subscribe"_s, topics);
}

void LiveChannel::sendTopics(const QString &type, const QStringList &topics)
{
    const QString frame = QString::fromUtf8(QJsonDocument(QJsonObject{
        {u"type"_s, type}, {u"topics"_s, QJsonArray::fromStringList(topics)}}).toJson(QJsonDocument::Compact));
    m_socket.sendTextMessage(frame);
    Q_EMIT frameSent(frame);
}

void LiveChannel::onMessage(const QString &text)
{
    Q_EMIT frameReceived(text);
    auto json = parseJson(text.toUtf8());
    if (!json || !json.value().isObject())
        return;
    const QJsonObject o = json.value().toObject();
    const QString type = o.value(u"type"_s).toString();
    if (type == u"queue") {
        if (auto ticket = QueueTicket::fromJson(o))
            Q_EMIT queueUpdated(ticket.value());
    } else if (type == u"seats") {
        // All or nothing: a delta with a malformed change is not applied in part (its
        // version would advance past what was not applied); the status is read instead.
        if (auto delta = SeatDelta::fromJson(o)) {
            Q_EMIT seatsChanged(delta.value().performanceId, delta.value().version, delta.value().changes);
        } else {
            qCInfo(lcLive) << "unreadable seat delta:" << delta.error().toString();
            Q_EMIT seatsUnreadable(o.value(u"performanceId"_s).toString());
        }
    } else if (type == u"rankings") {
        if (auto ranking = Ranking::fromJson(o))
            Q_EMIT rankingsUpdated(ranking.value());
    } else if (type == u"error") {
        qCInfo(lcLive) << "live channel error:" << o.value(u"error"_s).toObject().value(u"message"_s).toString();
    }
}

} // namespace BoxOffice
