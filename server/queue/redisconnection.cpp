#include "server/queue/redisconnection.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

#include <hiredis/hiredis.h>

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

RedisConnection::RedisConnection(QString host, int port) : m_host(std::move(host)), m_port(port) {}

RedisConnection::~RedisConnection()
{
    if (m_context)
        redisFree(m_context);
}

void RedisConnection::setTimeouts(std::chrono::milliseconds connect, std::chrono::milliseconds command)
{
    m_connectTimeout = connect;
    m_commandTimeout = command;
    if (m_context)
        redisSetTimeout(m_context, toTimeval(m_commandTimeout));
}

QString RedisConnection::endpoint() const
{
    return m_host + u':' + QString::number(m_port);
}

bool RedisConnection::connect()
{
    m_sinceAttempt.start();
    redisContext *c = redisConnectWithTimeout(m_host.toUtf8().constData(), m_port, toTimeval(m_connectTimeout));
    if (!c || c->err) {
        m_lastError = c ? QString::fromUtf8(c->errstr) : u"cannot allocate a Redis context"_s;
        if (c)
            redisFree(c);
        return false;
    }
    redisSetTimeout(c, toTimeval(m_commandTimeout));
    redisEnableKeepAlive(c);
    m_context = c;
    qCInfo(lcRedis).noquote() << "connected to Redis at" << endpoint();
    return true;
}

void RedisConnection::drop(const QString &reason)
{
    m_lastError = reason;
    if (m_context) {
        qCWarning(lcRedis).noquote() << "Redis connection lost:" << reason;
        redisFree(m_context);
        m_context = nullptr;
    }
    m_sinceAttempt.start();
}

bool RedisConnection::reconnectIfDown()
{
    if (m_context)
        return true;
    if (m_sinceAttempt.isValid() && m_sinceAttempt.elapsed() < m_retryInterval.count())
        return false;
    return connect();
}

Result<RedisValue, QString> RedisConnection::command(const QList<QByteArray> &args)
{
    if (!reconnectIfDown())
        return u"Redis at %1 is unreachable: %2"_s.arg(endpoint(), m_lastError);
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(args.size()));
    lengths.reserve(size_t(args.size()));
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    auto *reply = static_cast<redisReply *>(redisCommandArgv(m_context, int(argv.size()), argv.data(), lengths.data()));
    if (!reply) {
        const QString reason = QString::fromUtf8(m_context->errstr);
        drop(reason);
        return u"Redis at %1 failed: %2"_s.arg(endpoint(), reason);
    }
    RedisValue value = RedisValue::fromReply(reply);
    freeReplyObject(reply);
    return value;
}

Result<RedisValue, QString> RedisConnection::eval(const QByteArray &script, const QList<QByteArray> &keys,
                                                  const QList<QByteArray> &args)
{
    auto cached = m_shaOf.constFind(script.constData());
    if (cached == m_shaOf.cend())
        cached = m_shaOf.insert(script.constData(), QCryptographicHash::hash(script, QCryptographicHash::Sha1).toHex());
    const QByteArray &sha = *cached;
    QList<QByteArray> argv{"EVALSHA", sha, QByteArray::number(keys.size())};
    argv += keys;
    argv += args;
    auto reply = command(argv);
    if (reply.ok() && reply.value().type == RedisValue::Type::Error && reply.value().string.startsWith("NOSCRIPT")) {
        auto loaded = command({"SCRIPT", "LOAD", script});
        if (!loaded.ok())
            return loaded;
        if (loaded.value().type == RedisValue::Type::Error)
            return QString(u"cannot load a script: "_s + QString::fromUtf8(loaded.value().string));
        reply = command(argv);
    }
    return reply;
}

bool RedisConnection::ping()
{
    auto reply = command({"PING"});
    return reply.ok() && reply.value().string == "PONG";
}

} // namespace BoxOffice::Server
