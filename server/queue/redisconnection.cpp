#include "server/queue/redisconnection.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QThread>

#include <hiredis/hiredis.h>

#include <algorithm>
#include <vector>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRedis, "boxoffice.server.redis")

namespace {

timeval toTimeval(std::chrono::milliseconds ms)
{
    return timeval{static_cast<time_t>(ms.count() / 1000), static_cast<suseconds_t>((ms.count() % 1000) * 1000)};
}

} // namespace

qint64 RedisValue::toInteger() const
{
    if (type == Type::Integer)
        return integer;
    return string.toLongLong();
}

RedisValue RedisValue::fromReply(const redisReply *reply)
{
    RedisValue v;
    if (!reply)
        return v;
    switch (reply->type) {
    case REDIS_REPLY_INTEGER:
        v.type = Type::Integer;
        v.integer = reply->integer;
        break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
        v.type = Type::String;
        v.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        v.type = Type::Error;
        v.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ARRAY:
        v.type = Type::Array;
        v.array.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            v.array.append(fromReply(reply->element[i]));
        break;
    default:
        break;
    }
    return v;
}

int redisKeySlot(const QByteArray &key)
{
    QByteArrayView hashed(key);
    if (const qsizetype open = key.indexOf('{'); open >= 0) {
        if (const qsizetype close = key.indexOf('}', open + 1); close > open + 1)
            hashed = hashed.sliced(open + 1, close - open - 1);
    }
    quint16 crc = 0;
    for (const char c : hashed) {
        crc ^= quint16(quint16(quint8(c)) << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return crc & 16383;
}

struct RedisConnection::Node
{
    QString host;
    int port = 6379;
    redisContext *context = nullptr;
    QElapsedTimer sinceAttempt;

    ~Node()
    {
        if (context)
            redisFree(context);
    }
    QString endpoint() const { return host + u':' + QString::number(port); }
};

namespace {

constexpr int SlotCount = 16384;

// Where a command's key is, for routing: -1 when it has none (it goes to any node).
int slotOfCommand(const QList<QByteArray> &args)
{
    if (args.size() < 2)
        return -1;
    const QByteArray name = args.first().toUpper();
    static const QList<QByteArray> keyless{"PING",  "INFO",  "CONFIG", "SCRIPT", "FLUSHALL", "FLUSHDB", "CLUSTER",
                                           "DBSIZE", "WAIT", "TIME",   "CLIENT", "DEBUG",    "ASKING",  "MEMORY"};
    if (keyless.contains(name))
        return -1;
    if (name == "EVAL" || name == "EVALSHA")
        return args.size() > 3 && args.at(2).toInt() > 0 ? redisKeySlot(args.at(3)) : -1;
    return redisKeySlot(args.at(1));
}

} // namespace

RedisConnection::RedisConnection(QString host, int port) : RedisConnection(QList<RedisEndpoint>{{std::move(host), port}}) {}

RedisConnection::RedisConnection(QList<RedisEndpoint> seeds)
{
    for (const RedisEndpoint &seed : seeds)
        nodeAt(seed.host, seed.port);
}

RedisConnection::~RedisConnection() = default;

void RedisConnection::setTimeouts(std::chrono::milliseconds connect, std::chrono::milliseconds command)
{
    m_connectTimeout = connect;
    m_commandTimeout = command;
    for (auto &node : m_nodes)
        if (node->context)
            redisSetTimeout(node->context, toTimeval(m_commandTimeout));
}

QString RedisConnection::endpoint() const
{
    if (m_nodes.empty())
        return u"(none)"_s;
    if (m_cluster)
        return u"the cluster of %1 (%2 nodes known)"_s.arg(m_nodes.front()->endpoint()).arg(m_nodes.size());
    return m_nodes.front()->endpoint();
}

int RedisConnection::nodeAt(const QString &host, int port)
{
    for (size_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i]->port == port && m_nodes[i]->host == host)
            return int(i);
    auto node = std::make_unique<Node>();
    node->host = host;
    node->port = port;
    m_nodes.push_back(std::move(node));
    return int(m_nodes.size()) - 1;
}

bool RedisConnection::connect(Node &node)
{
    node.sinceAttempt.start();
    redisContext *c = redisConnectWithTimeout(node.host.toUtf8().constData(), node.port, toTimeval(m_connectTimeout));
    if (!c || c->err) {
        m_lastError = c ? QString::fromUtf8(c->errstr) : u"cannot allocate a Redis context"_s;
        if (c)
            redisFree(c);
        return false;
    }
    redisSetTimeout(c, toTimeval(m_commandTimeout));
    redisEnableKeepAlive(c);
    node.context = c;
    qCInfo(lcRedis).noquote() << "connected to Redis at" << node.endpoint();
    return true;
}

void RedisConnection::drop(Node &node, const QString &reason)
{
    m_lastError = reason;
    if (node.context) {
        qCWarning(lcRedis).noquote() << "Redis connection to" << node.endpoint() << "lost:" << reason;
        redisFree(node.context);
        node.context = nullptr;
    }
    node.sinceAttempt.start();
}

// One command on one node (after ASKING when `asking`): a dropped connection is the
// error; an error reply is a value.
Result<RedisValue, QString> RedisConnection::send(Node &node, const QList<QByteArray> &args, bool asking)
{
    if (!node.context) {
        if (node.sinceAttempt.isValid() && node.sinceAttempt.elapsed() < m_retryInterval.count())
            return u"Redis at %1 is unreachable: %2"_s.arg(node.endpoint(), m_lastError);
        if (!connect(node))
            return u"Redis at %1 is unreachable: %2"_s.arg(node.endpoint(), m_lastError);
    }
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(args.size()));
    lengths.reserve(size_t(args.size()));
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    if (asking)
        redisAppendCommand(node.context, "ASKING");
    redisAppendCommandArgv(node.context, int(argv.size()), argv.data(), lengths.data());
    void *raw = nullptr;
    if (asking) {
        if (redisGetReply(node.context, &raw) != REDIS_OK || !raw) {
            const QString reason = QString::fromUtf8(node.context->errstr);
            drop(node, reason);
            return u"Redis at %1 failed: %2"_s.arg(node.endpoint(), reason);
        }
        freeReplyObject(raw);
        raw = nullptr;
    }
    if (redisGetReply(node.context, &raw) != REDIS_OK || !raw) {
        const QString reason = QString::fromUtf8(node.context->errstr);
        drop(node, reason);
        return u"Redis at %1 failed: %2"_s.arg(node.endpoint(), reason);
    }
    RedisValue value = RedisValue::fromReply(static_cast<redisReply *>(raw));
    freeReplyObject(raw);
    return value;
}

// Asks `node` for the slot map; false when it cannot tell. A Redis without cluster
// support says so, and is then the one node.
bool RedisConnection::discover(Node &node)
{
    auto reply = send(node, {"CLUSTER", "SLOTS"}, false);
    if (!reply.ok())
        return false;
    const RedisValue &v = reply.value();
    if (v.type == RedisValue::Type::Error) {
        if (!v.string.contains("cluster support disabled"))
            return false;
        m_discovered = true;
        m_cluster = false;
        return true;
    }
    if (v.type != RedisValue::Type::Array)
        return false;
    std::vector<int> owners(SlotCount, -1);
    for (const RedisValue &range : v.array) {
        if (range.array.size() < 3 || range.array.at(2).array.size() < 2)
            continue;
        const int first = int(range.array.at(0).toInteger());
        const int last = int(range.array.at(1).toInteger());
        const RedisValue &master = range.array.at(2);
        QString host = QString::fromUtf8(master.array.at(0).string);
        if (host.isEmpty() || host == u"?")
            host = node.host;  // "the address you reached me at"
        const int index = nodeAt(host, int(master.array.at(1).toInteger()));
        for (int slot = qMax(0, first); slot <= qMin(SlotCount - 1, last); ++slot)
            owners[size_t(slot)] = index;
    }
    if (!m_cluster)
        qCInfo(lcRedis).noquote() << "Redis Cluster:" << v.array.size() << "slot ranges, read from" << node.endpoint();
    m_slots = std::move(owners);
    m_discovered = true;
    m_cluster = true;
    m_sinceRefresh.start();
    return true;
}

// The slot map again, from the first node that answers (at most every 100 ms).
void RedisConnection::refreshSlots()
{
    if (m_sinceRefresh.isValid() && m_sinceRefresh.elapsed() < 100)
        return;
    m_sinceRefresh.start();
    for (size_t i = 0; i < m_nodes.size(); ++i) {  // by index: discover() may add nodes
        Node &node = *m_nodes[i];
        if (node.context && discover(node))
            return;
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        Node &node = *m_nodes[i];
        if (!node.context && discover(node))
            return;
    }
}

RedisConnection::Node *RedisConnection::anyNode()
{
    for (auto &node : m_nodes)
        if (node->context)
            return node.get();
    return m_nodes.empty() ? nullptr : m_nodes.front().get();
}

RedisConnection::Node *RedisConnection::nodeForSlot(int slot)
{
    if (!m_cluster || slot < 0)
        return anyNode();
    const int index = m_slots.at(size_t(slot));
    return index < 0 ? nullptr : m_nodes.at(size_t(index)).get();
}

Result<RedisValue, QString> RedisConnection::run(int slot, const QList<QByteArray> &args, const QByteArray *script)
{
    if (!m_discovered) {
        for (size_t i = 0; i < m_nodes.size() && !m_discovered; ++i)
            discover(*m_nodes[i]);
        if (!m_discovered)
            return u"Redis at %1 is unreachable: %2"_s.arg(endpoint(), m_lastError);
    }
    Node *node = nodeForSlot(slot);
    bool asking = false;
    int waits = 0;
    QElapsedTimer waiting;  // TRYAGAIN: how long this command has waited for a migration
    for (int redirects = 0; redirects < 8;) {
        if (!node) {
            refreshSlots();
            node = nodeForSlot(slot);
            if (!node)
                return u"no Redis node serves slot %1 (the cluster is incomplete)"_s.arg(slot);
        }
        auto reply = send(*node, args, asking);
        if (!reply.ok()) {
            if (m_cluster) {
                // A master that died: once the cluster names its replica, go there.
                refreshSlots();
                if (Node *other = nodeForSlot(slot); other && other != node && !asking) {
                    node = other;
                    ++redirects;
                    continue;
                }
            }
            return reply;
        }
        const RedisValue &v = reply.value();
        if (v.type != RedisValue::Type::Error)
            return reply;
        if (script && v.isError("NOSCRIPT")) {
            auto loaded = send(*node, {"SCRIPT", "LOAD", *script}, false);
            if (!loaded.ok())
                return loaded;
            if (loaded.value().type == RedisValue::Type::Error)
                return QString(u"cannot load a script: "_s + QString::fromUtf8(loaded.value().string));
            ++redirects;
            continue;
        }
        if (!m_cluster)
            return reply;
        if (v.isError("MOVED") || v.isError("ASK")) {  // "MOVED 3999 127.0.0.1:6381"
            const QList<QByteArray> parts = v.string.split(' ');
            const qsizetype colon = parts.size() == 3 ? parts.at(2).lastIndexOf(':') : -1;
            if (colon < 0)
                return reply;
            const int index = nodeAt(QString::fromUtf8(parts.at(2).left(colon)), parts.at(2).mid(colon + 1).toInt());
            Node *target = m_nodes[size_t(index)].get();
            asking = v.isError("ASK");
            if (!asking) {
                const int moved = parts.at(1).toInt();
                if (moved >= 0 && moved < SlotCount)
                    m_slots[size_t(moved)] = index;
                m_sinceRefresh.invalidate();  // the rest of the map may have moved too: read it on the next miss
            }
            node = target;
            ++redirects;
            continue;
        }
        if (v.isError("TRYAGAIN")) {
            // A script's keys are split between two nodes while their slot migrates
            // (or some do not exist yet on either): wait for the move to end, up to 2 s.
            if (!waiting.isValid())
                waiting.start();
            if (waiting.elapsed() > 2000)
                return reply;
            QThread::msleep(unsigned(qMin(100, 5 << qMin(waits++, 5))));
            continue;
        }
        if (v.isError("CLUSTERDOWN"))
            refreshSlots();
        return reply;
    }
    return u"Redis Cluster: too many redirections for slot %1"_s.arg(slot);
}

RedisSlotMap RedisConnection::slotMap() const
{
    RedisSlotMap map;
    for (const auto &node : m_nodes)
        map.nodes.push_back({node->host, node->port});
    map.owner.reserve(m_slots.size());
    for (const int index : m_slots)
        map.owner.push_back(qint16(index));
    return map;
}

bool RedisConnection::isConnected() const
{
    return std::any_of(m_nodes.begin(), m_nodes.end(), [](const auto &n) { return n->context != nullptr; });
}

bool RedisConnection::reconnectIfDown()
{
    if (isConnected())
        return true;
    return ping();
}

Result<RedisValue, QString> RedisConnection::command(const QList<QByteArray> &args)
{
    return run(slotOfCommand(args), args, nullptr);
}

Result<RedisValue, QString> RedisConnection::commandFor(const QByteArray &key, const QList<QByteArray> &args)
{
    return run(redisKeySlot(key), args, nullptr);
}

Result<RedisValue, QString> RedisConnection::eval(const QByteArray &script, const QList<QByteArray> &keys,
                                                  const QList<QByteArray> &args)
{
    auto cached = m_shaOf.constFind(script.constData());
    if (cached == m_shaOf.cend())
        cached = m_shaOf.insert(script.constData(), QCryptographicHash::hash(script, QCryptographicHash::Sha1).toHex());
    QList<QByteArray> argv{"EVALSHA", *cached, QByteArray::number(keys.size())};
    argv += keys;
    argv += args;
    return run(keys.isEmpty() ? -1 : redisKeySlot(keys.first()), argv, &script);
}

bool RedisConnection::ping()
{
    auto reply = command({"PING"});
    return reply.ok() && reply.value().string == "PONG";
}

} // namespace BoxOffice::Server
