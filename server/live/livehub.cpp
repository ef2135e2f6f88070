#include "server/live/livehub.h"
#include "server/live/livesocket.h"

#include "domain/jsonreader.h"
#include "domain/seatdelta.h"
#include "server/http/httpresponse.h"
#include "server/http/staffauth.h"
#include "server/queue/queueservice.h"
#include "server/rank/rankingservice.h"
#include "server/sales/seatservice.h"
#include "server/sales/sqlseatstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLive, "boxoffice.server.live")

namespace {

constexpr qint64 WaitingPushMs = 1000;  // at most one queue update a second while waiting

QByteArray encode(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject typed(const QString &type, QJsonObject o)
{
    o.insert(u"type"_s, type);
    return o;
}

} // namespace

LiveHub::LiveHub(QueueService *queue, SeatService *seats, SqlSeatStore *seatStore, RankingService *rankings,
                 const StaffAuth *staff, std::function<qint64()> clock, QObject *parent)
    : QObject(parent), m_queue(queue), m_seats(seats), m_seatStore(seatStore), m_rankings(rankings), m_staff(staff),
      m_clock(clock ? std::move(clock) : [] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

LiveHub::~LiveHub()
{
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        it->socket->disconnect(this);
        it->socket->abort();
        it->socket->deleteLater();
    }
}

void LiveHub::accept(LiveSocket *socket)
{
    socket->setParent(this);
    Client client;
    client.socket = socket;
    // Credentials ride on the upgrade request, as in REST.
    client.token = QString::fromUtf8(socket->header("x-queue-token")).trimmed();
    if (const QByteArray authorization = socket->header("authorization"); !authorization.isEmpty()) {
        HttpRequest asHttp;
        asHttp.headers.insert("authorization", authorization);
        client.staff = m_staff->isStaff(asHttp);
    }
    m_clients.insert(socket, client);
    connect(socket, &LiveSocket::textMessageReceived, this, [this, socket](const QString &text) { onMessage(socket, text); });
    connect(socket, &LiveSocket::binaryMessageReceived, this, [this, socket] {
        sendError(m_clients[socket], Failure{Failure::Code::BadRequest, u"messages are JSON text frames"_s, {}});
    });
    connect(socket, &LiveSocket::disconnected, this, [this, socket] { drop(socket); });
    qCDebug(lcLive) << "client connected;" << m_clients.size() << "clients";
}

void LiveHub::drop(LiveSocket *socket)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    for (const QString &topic : std::as_const(it->topics)) {
        auto subs = m_subscribers.find(topic);
        if (subs != m_subscribers.end()) {
            subs->remove(socket);
            if (subs->isEmpty())
                m_subscribers.erase(subs);
        }
    }
    m_clients.erase(it);
    socket->deleteLater();
}

bool LiveHub::send(Client &client, const QByteArray &json)
{
    // A slow consumer never stalls the others: past the limit its messages are dropped
    // (and closeStuck() closes it if it stays there).
    if (client.socket->bytesToWrite() > MaxBufferedBytes) {
        if (!client.overflowSinceMs)
            client.overflowSinceMs = m_clock();
        return false;
    }
    client.socket->sendText(json);
    ++m_sent;
    return true;
}

void LiveHub::sendError(Client &client, const Failure &failure)
{
    // The REST error body, as a frame: {"type":"error","error":{"code","message",…}}.
    send(client, encode(typed(u"error"_s, HttpResponse::errorBody(failure).toJson())));
}

void LiveHub::onMessage(LiveSocket *socket, const QString &text)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    Client &client = *it;
    if (text.size() > 64 * 1024)
        return sendError(client, Failure{Failure::Code::PayloadTooLarge, u"messages are at most 64 KiB"_s, {}});
    auto json = parseJson(text.toUtf8());
    if (!json || !json.value().isObject())
        return sendError(client, Failure{Failure::Code::BadRequest, u"a message is one JSON object"_s, {}});
    const QJsonObject message = json.value().toObject();
    const QString type = message.value(u"type"_s).toString();
    if (type == u"ping")
        return void(send(client, encode({{u"type"_s, u"pong"_s}})));
    if (type != u"subscribe" && type != u"unsubscribe")
        return sendError(client,
                         Failure{Failure::Code::BadRequest, u"type must be subscribe, unsubscribe or ping"_s, {}});
    const QJsonValue topics = message.value(u"topics"_s);
    if (!topics.isArray() || topics.toArray().size() > 100)
        return sendError(client,
                         Failure{Failure::Code::BadRequest, u"topics must be a list of at most 100 topics"_s, {}});
    if (type == u"subscribe")
        subscribe(client, topics.toArray());
    else
        unsubscribe(client, topics.toArray());
}

void LiveHub::subscribe(Client &client, const QJsonArray &topics)
{
    QJsonArray granted, refused;
    QList<QByteArray> snapshots;
    // Queue topics first: subscribing to one gives the rights a seats topic in the same
    // message may need, whatever order the client listed them in.
    QJsonArray ordered;
    for (const QJsonValue &value : topics)
        if (value.toString().startsWith(u"queue:"))
            ordered.append(value);
    for (const QJsonValue &value : topics)
        if (!value.toString().startsWith(u"queue:"))
            ordered.append(value);
    for (const QJsonValue &value : std::as_const(ordered)) {
        const QString topic = value.toString();
        bool ok = false;
        if (topic.startsWith(u"queue:")) {
            const QString token = topic.mid(6);
            auto ticket = m_queue->status(token);
            if (ticket) {
                ok = true;
                client.token = token;  // a queue subscription gives that token's rights
                const QByteArray state = ticket.value().toJsonBytes(u"queue");
                client.lastQueue.insert(token, {state, m_clock(), int(ticket.value().state)});
                snapshots << state;
            }
        } else if (topic.startsWith(u"seats:")) {
            const QString performance = topic.mid(6);
            auto status = m_seats->status(performance, Buyer{client.token, client.staff, {}});
            if (status) {
                ok = true;
                if (client.staff)
                    client.seatRights.remove(topic);
                else
                    client.seatRights.insert(topic, client.token);
                if (!m_seatVersion.contains(performance))
                    m_seatVersion.insert(performance, status.value().version);
            }
        } else if (topic == u"rankings") {
            ok = true;
            if (m_lastRankings.isEmpty())
                rememberRankings();  // pushes are the changes from here on
        }
        if (!ok) {
            refused.append(topic);
            continue;
        }
        granted.append(topic);
        client.topics.insert(topic);
        m_subscribers[topic].insert(client.socket);
    }
    send(client, encode({{u"type"_s, u"subscribed"_s}, {u"topics"_s, granted}}));
    if (!refused.isEmpty())
        sendError(client, Failure{Failure::Code::Forbidden, u"these topics were refused"_s, {{u"topics"_s, refused}}});
    for (const QByteArray &state : std::as_const(snapshots))
        send(client, state);
}

void LiveHub::unsubscribe(Client &client, const QJsonArray &topics)
{
    QJsonArray removed;
    for (const QJsonValue &value : topics) {
        const QString topic = value.toString();
        if (!client.topics.contains(topic))
            continue;
        removed.append(topic);
        removeTopic(client, topic);
    }
    send(client, encode({{u"type"_s, u"unsubscribed"_s}, {u"topics"_s, removed}}));
}

void LiveHub::removeTopic(Client &client, const QString &topic)
{
    client.topics.remove(topic);
    client.seatRights.remove(topic);
    auto subs = m_subscribers.find(topic);
    if (subs != m_subscribers.end()) {
        subs->remove(client.socket);
        if (subs->isEmpty())
            m_subscribers.erase(subs);
    }
}

void LiveHub::closeStuck(qint64 nowMs)
{
    // On the tick, not on a push: a reader stuck during a quiet spell goes too.
    QList<LiveSocket *> stuck;
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if (it->socket->bytesToWrite() <= MaxBufferedBytes) {
            it->overflowSinceMs = 0;
            continue;
        }
        if (!it->overflowSinceMs)
            it->overflowSinceMs = nowMs;
        else if (nowMs - it->overflowSinceMs >= m_stuckMs)
            stuck << it->socket;
    }
    for (LiveSocket *socket : std::as_const(stuck)) {
        qCInfo(lcLive) << "closing a client that has not read for" << m_stuckMs << "ms with"
                       << socket->bytesToWrite() << "bytes unsent";
        socket->abort();
        drop(socket);  // in case abort() did not say disconnected
    }
}

void LiveHub::recheckSeatRights()
{
    // The tokens behind seat topics, by concert: one store call per concert.
    QHash<QString, QSet<QString>> byConcert;
    for (const Client &client : std::as_const(m_clients))
        for (const QString &token : client.seatRights)
            byConcert[QueueService::concertOfToken(token).value_or(QString())].insert(token);
    if (byConcert.isEmpty())
        return;
    QSet<QString> ended;
    for (auto it = byConcert.cbegin(); it != byConcert.cend(); ++it) {
        const QStringList tokens(it->cbegin(), it->cend());
        if (it.key().isEmpty()) {
            ended.unite(*it);
            continue;
        }
        auto tickets = m_queue->statusMany(it.key(), tokens);
        if (!tickets)
            continue;  // the store is down: decide when it answers
        for (qsizetype i = 0; i < tokens.size() && i < tickets.value().size(); ++i)
            if (tickets.value()[i].state != QueueTicket::State::Active)
                ended.insert(tokens[i]);
    }
    if (ended.isEmpty())
        return;
    for (Client &client : m_clients) {
        QJsonArray revoked;
        for (auto it = client.seatRights.cbegin(); it != client.seatRights.cend(); ++it)
            if (ended.contains(*it))
                revoked.append(it.key());
        if (revoked.isEmpty())
            continue;
        for (const QJsonValue &topic : std::as_const(revoked))
            removeTopic(client, topic.toString());
        sendError(client, Failure{Failure::Code::Forbidden, u"the queue session has ended; these topics were dropped"_s,
                                  {{u"topics"_s, revoked}}});
    }
}

void LiveHub::tick()
{
    if (m_clients.isEmpty())
        return;
    QElapsedTimer timer;
    timer.start();
    const qint64 now = m_clock();
    m_sent = 0;
    closeStuck(now);
    recheckSeatRights();
    pushQueues(now);
    pushSeats();
    if (++m_ticks % 4 == 0)
        pushRankings();
    if (timer.elapsed() >= 100)
        qCInfo(lcLive) << "live tick:" << m_clients.size() << "clients," << m_sent << "messages in" << timer.elapsed()
                       << "ms";
}

void LiveHub::pushQueues(qint64 nowMs)
{
    // Group the subscribed tokens by concert: one store call per concert. The
    // subscriber sets are read in place (nothing below changes m_subscribers).
    struct Subscribed
    {
        QStringList tokens;
        QList<const QSet<LiveSocket *> *> sockets;
    };
    QHash<QString, Subscribed> byConcert;
    for (auto it = m_subscribers.cbegin(); it != m_subscribers.cend(); ++it) {
        if (!it.key().startsWith(u"queue:"))
            continue;
        const QString token = it.key().mid(6);
        if (auto concert = QueueService::concertOfToken(token)) {
            Subscribed &s = byConcert[*concert];
            s.tokens << token;
            s.sockets << &it.value();
        }
    }
    for (auto it = byConcert.cbegin(); it != byConcert.cend(); ++it) {
        // A room is read again when this instance moved places in it (admissions and
        // expiries go out at once) or a second has passed (waiters' positions, which
        // are sent at most once a second, and moves made by other instances).
        QueueRound &round = m_queueRounds[it.key()];
        const qint64 changes = m_queue->changes(it.key());
        if (changes == round.changes && nowMs - round.atMs < WaitingPushMs)
            continue;
        round = {changes, nowMs};
        auto tickets = m_queue->statusMany(it.key(), it->tokens);
        if (!tickets)
            continue;
        for (qsizetype i = 0; i < it->tokens.size(); ++i) {
            const QString &token = it->tokens.at(i);
            const QueueTicket &ticket = tickets.value()[i];
            QByteArray json;  // written once for all its subscribers, and only when one is due
            for (LiveSocket *socket : *it->sockets.at(i)) {
                Client &client = m_clients[socket];
                Client::QueueSent &sent = client.lastQueue[token];
                // Admission or expiry at once; while waiting at most once a second.
                const bool waitingBoth = ticket.state == QueueTicket::State::Waiting
                                         && sent.state == int(QueueTicket::State::Waiting);
                if (waitingBoth && nowMs - sent.atMs < WaitingPushMs)
                    continue;
                if (json.isNull())
                    json = ticket.toJsonBytes(u"queue");
                if (json == sent.message)
                    continue;
                if (send(client, json))
                    sent = {json, nowMs, int(ticket.state)};
            }
        }
    }
}

void LiveHub::pushSeats()
{
    constexpr int Limit = 5000;
    for (auto it = m_seatVersion.begin(); it != m_seatVersion.end();) {
        const QString topic = u"seats:"_s + it.key();
        if (!m_subscribers.contains(topic)) {
            it = m_seatVersion.erase(it);  // nobody listens: start again from the status
            continue;
        }
        auto changes = m_seatStore->changesSince(it.key(), *it, Limit);
        if (!changes || changes.value().isEmpty()) {
            ++it;
            continue;
        }
        QList<SqlSeatStore::Change> list = changes.value();
        if (list.size() == Limit && list.first().version != list.last().version) {
            const qint64 partial = list.last().version;  // the last version may continue past the limit
            while (list.last().version == partial)
                list.removeLast();
        }
        // One message per version, in version order.
        for (qsizetype i = 0; i < list.size();) {
            SeatDelta delta{it.key(), list[i].version, {}};
            for (; i < list.size() && list[i].version == delta.version; ++i)
                delta.changes.append({list[i].index, list[i].letter});
            const qint64 version = delta.version;
            const QByteArray json = encode(delta.toJson());
            const QSet<LiveSocket *> subscribers = m_subscribers.value(topic);
            for (LiveSocket *socket : subscribers)
                send(m_clients[socket], json);
            *it = version;
        }
        ++it;
    }
}

namespace {

// A ranking's content without its time: pushed when this changes.
QByteArray rankingContent(Ranking r)
{
    r.generatedAt = QDateTime();
    return QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
}

constexpr Ranking::Window AllWindows[] = {Ranking::Window::All, Ranking::Window::Week, Ranking::Window::Day};

} // namespace

void LiveHub::rememberRankings()
{
    for (Ranking::Window window : AllWindows)
        if (auto ranking = m_rankings->read(window, -1))
            m_lastRankings.insert(window, rankingContent(ranking.value()));
}

void LiveHub::pushRankings()
{
    const auto subscribers = m_subscribers.value(u"rankings"_s);
    if (subscribers.isEmpty())
        return;
    for (Ranking::Window window : AllWindows) {
        auto ranking = m_rankings->read(window, -1);
        if (!ranking)
            continue;
        const QByteArray content = rankingContent(ranking.value());
        if (m_lastRankings.value(window) == content)
            continue;
        m_lastRankings.insert(window, content);
        const QByteArray json = encode(typed(u"rankings"_s, ranking.value().toJson()));
        for (LiveSocket *socket : subscribers)
            send(m_clients[socket], json);
    }
}

} // namespace BoxOffice::Server
