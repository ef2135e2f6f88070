#include "server/net/queuefastpath.h"

#include "server/http/metrics.h"
#include "server/net/asyncredis.h"
#include "server/net/netfront.h"
#include "server/queue/queueservice.h"
#include "server/queue/redisconnection.h"
#include "server/queue/redisqueuestore.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

const QString JoinRoute = u"/api/v1/concerts/{id}/queue"_s;
const QString StatusRoute = u"/api/v1/queue/{token}"_s;
constexpr QStringView ConcertsPrefix = u"/api/v1/concerts/";
constexpr QStringView QueueSuffix = u"/queue";
constexpr QStringView QueuePrefix = u"/api/v1/queue/";

// A script's reply as an answer: the store's failure as RedisQueueStore reports it to
// the synchronous routes (AsyncRedis logs the outage once), or what `answer` makes of
// the reply.
template <typename Answer> HttpResponse answerFrom(const AsyncRedis::Reply &reply, Answer answer)
{
    if (!reply || reply.value().type == RedisValue::Type::Error)
        return HttpResponse::error(Failure::Code::Unavailable, u"the queue store is unavailable"_s);
    return answer(reply.value());
}

HttpResponse ticketAnswer(const QueueTicket &ticket, int status = 200)
{
    return HttpResponse::raw(ticket.toJsonBytes(), "application/json", status);
}

} // namespace

struct QueueFastPath::StatusRead
{
    QString token;
    HttpRequest request;  // a cluster: kept, to hand over when the node redirects
    std::function<void(HttpResponse)> respond;
    QElapsedTimer timer;
};

struct QueueFastPath::StatusBatch
{
    QueueService::ConcertInfo info;
    std::vector<StatusRead> reads;
};

QueueFastPath::QueueFastPath(NetFront *front, const QueueService *queue, QString redisHost, int redisPort, Metrics *metrics)
    : m_front(front), m_queue(queue), m_redisHost(std::move(redisHost)), m_redisPort(redisPort), m_metrics(metrics)
{
    m_redis.resize(std::size_t(front->threads()));
    for (int i = 0; i < front->threads(); ++i) {
        m_batches.push_back(std::make_unique<QHash<QString, StatusBatch>>());
        m_nodes.push_back(std::make_unique<std::unordered_map<std::string, std::unique_ptr<AsyncRedis>>>());
    }
}

QueueFastPath::~QueueFastPath() = default;

void QueueFastPath::useCluster(Fallback fallback)
{
    m_fallback = std::move(fallback);
}

void QueueFastPath::setSlotMap(std::shared_ptr<const RedisSlotMap> map)
{
    std::lock_guard lock(m_mapMutex);
    m_map = std::move(map);
}

std::shared_ptr<const RedisSlotMap> QueueFastPath::slotMap() const
{
    std::lock_guard lock(m_mapMutex);
    return m_map;
}

// The connection for a concert's scripts in this loop; null when a cluster's map does
// not name the node of its slot (yet).
AsyncRedis *QueueFastPath::redis(int loop, const QString &concertId)
{
    if (!m_fallback) {
        auto &single = m_redis[std::size_t(loop)];
        if (!single)
            single = std::make_unique<AsyncRedis>(m_front->loop(loop), m_redisHost, m_redisPort);
        return single.get();
    }
    const auto map = slotMap();
    if (!map)
        return nullptr;
    const int slot = RedisQueueStore::slot(concertId);
    const int owner = map->owner.empty() ? -1 : map->owner.at(std::size_t(slot));
    if (owner < 0 || std::size_t(owner) >= map->nodes.size())
        return nullptr;
    const RedisEndpoint &node = map->nodes.at(std::size_t(owner));
    auto &connections = *m_nodes[std::size_t(loop)];
    auto &connection = connections[node.host.toStdString() + ':' + std::to_string(node.port)];
    if (!connection)
        connection = std::make_unique<AsyncRedis>(m_front->loop(loop), node.host, node.port);
    return connection.get();
}

bool QueueFastPath::handle(const HttpRequest &request, int loop, const std::function<void(HttpResponse)> &respond)
{
    const QString &path = request.path;
    if (request.method == "GET" && path.startsWith(QueuePrefix)) {
        const QStringView token = QStringView(path).mid(QueuePrefix.size());
        return !token.contains(u'/') && status(request, token.toString(), loop, respond);
    }
    if (request.method == "POST" && path.startsWith(ConcertsPrefix) && path.endsWith(QueueSuffix)) {
        const QStringView id = QStringView(path).mid(ConcertsPrefix.size(),
                                                     path.size() - ConcertsPrefix.size() - QueueSuffix.size());
        return !id.isEmpty() && !id.contains(u'/') && join(request, id.toString(), loop, respond);
    }
    return false;
}

bool QueueFastPath::join(const HttpRequest &request, const QString &concertId, int loop,
                         const std::function<void(HttpResponse)> &respond)
{
    if (m_joinsToWorkers)
        return false;
    const auto view = m_queue->view();
    const auto info = view->concerts.constFind(concertId);
    if (info == view->concerts.cend() || !info->open)
        return false;  // unknown here, or opening: the synchronous route knows
    QJsonParseError error{};
    const QJsonDocument body = QJsonDocument::fromJson(request.body, &error);
    const QJsonValue user = body.object().value(u"userId"_s);
    const QString userId = user.toString();
    if (error.error != QJsonParseError::NoError || !body.isObject() || !user.isString() || userId.trimmed().isEmpty()
        || userId.size() > 200)
        return false;  // its error message comes from the route

    QElapsedTimer timer;
    timer.start();
    const qint64 now = m_queue->now();
    if (auto wait = m_queue->joinLimiter().allow(request.remoteAddress.toString(), now)) {
        HttpResponse r = HttpResponse::error(Failure::Code::RateLimited, u"too many joins from this address; try again later"_s,
                                             {{u"retryAfterSeconds"_s, *wait}});
        m_metrics->observeRequest(JoinRoute, "POST", r.status, double(timer.nsecsElapsed()) / 1e9);
        respond(std::move(r));
        return true;
    }
    AsyncRedis *redis = this->redis(loop, concertId);
    if (!redis)
        return false;
    const QString token = QueueService::newToken(concertId);
    HttpRequest handOver = m_fallback ? request : HttpRequest();
    redis->eval(RedisQueueStore::joinScript(), RedisQueueStore::keys(concertId),
                {userId.toUtf8(), token.toUtf8(), QByteArray::number(now)},
                [this, concertId, info = *info, respond, timer, loop, handOver](AsyncRedis::Reply reply) mutable {
        if (m_fallback && (!reply || reply.value().type == RedisValue::Type::Error))
            return m_fallback(std::move(handOver), loop, respond);  // MOVED, ASK, a failover: the workers know
        HttpResponse r = answerFrom(reply, [&](const RedisValue &value) {
            const QueuePlace place = RedisQueueStore::placeFrom(value);
            return ticketAnswer(QueueService::ticketFor(concertId, place, info, m_queue->now()), place.created ? 201 : 200);
        });
        m_metrics->observeRequest(JoinRoute, "POST", r.status, double(timer.nsecsElapsed()) / 1e9);
        respond(std::move(r));
    });
    return true;
}

bool QueueFastPath::status(const HttpRequest &request, const QString &token, int loop,
                           const std::function<void(HttpResponse)> &respond)
{
    const auto concertId = QueueService::concertOfToken(token);
    if (!concertId || (m_fallback && !redis(loop, *concertId)))
        return false;
    const auto view = m_queue->view();
    const auto info = view->concerts.constFind(*concertId);
    if (info == view->concerts.cend())
        return false;
    auto &batches = *m_batches[std::size_t(loop)];
    if (batches.isEmpty())  // the first read of this turn: answer them all once the turn's reads are in
        boost::asio::post(m_front->loop(loop), [this, loop] { flushStatus(loop); });
    StatusBatch &batch = batches[*concertId];
    if (batch.reads.empty())
        batch.info = *info;
    QElapsedTimer timer;
    timer.start();
    batch.reads.push_back({token, m_fallback ? request : HttpRequest(), respond, timer});
    return true;
}

void QueueFastPath::flushStatus(int loop)
{
    auto &batches = *m_batches[std::size_t(loop)];
    const qint64 now = m_queue->now();
    for (auto it = batches.begin(); it != batches.end(); ++it) {
        auto reads = std::make_shared<std::vector<StatusRead>>(std::move(it->reads));
        const bool one = reads->size() == 1;
        QByteArrayList args;
        args.reserve(qsizetype(reads->size()) + 1);
        if (one)
            args << reads->front().token.toUtf8() << QByteArray::number(now);
        else {
            args << QByteArray::number(now);
            for (const StatusRead &read : *reads)
                args << read.token.toUtf8();
        }
        AsyncRedis *redis = this->redis(loop, it.key());
        if (!redis) {  // the map lost it since: the workers answer
            for (StatusRead &read : *reads)
                m_fallback(std::move(read.request), loop, read.respond);
            continue;
        }
        redis->eval(one ? RedisQueueStore::statusScript() : RedisQueueStore::statusManyScript(),
                    RedisQueueStore::keys(it.key()), args,
                    [this, reads, concertId = it.key(), info = it->info, loop](AsyncRedis::Reply reply) {
            if (m_fallback && (!reply || reply.value().type == RedisValue::Type::Error)) {
                for (StatusRead &read : *reads)
                    m_fallback(std::move(read.request), loop, read.respond);
                return;
            }
            const qint64 answeredAt = m_queue->now();
            for (std::size_t i = 0; i < reads->size(); ++i) {
                StatusRead &read = (*reads)[i];
                HttpResponse r = answerFrom(reply, [&](const RedisValue &value) {
                    RedisValue mine = value;
                    if (reads->size() > 1)  // statusMany: four values per token
                        mine.array = value.array.mid(qsizetype(i) * 4, 4);
                    QueuePlace place = RedisQueueStore::placeFrom(mine);
                    place.token = read.token;
                    return place.state == QueuePlace::State::Unknown
                               ? HttpResponse::error(Failure::Code::NotFound, u"no such queue token"_s)
                               : ticketAnswer(QueueService::ticketFor(concertId, place, info, answeredAt));
                });
                m_metrics->observeRequest(StatusRoute, "GET", r.status, double(read.timer.nsecsElapsed()) / 1e9);
                read.respond(std::move(r));
            }
        });
    }
    batches.clear();
}

} // namespace BoxOffice::Server
