#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>

struct redisContext;
struct redisReply;

namespace BoxOffice::Server {

// A Redis reply as a value: nil, integer, (bulk or status) string, array or error.
struct RedisValue
{
    enum class Type { Nil, Integer, String, Array, Error };

    Type type = Type::Nil;
    qint64 integer = 0;
    QByteArray string;
    QList<RedisValue> array;

    bool isNil() const { return type == Type::Nil; }
    qint64 toInteger() const;  // Integer, or a String holding a number
    static RedisValue fromReply(const redisReply *reply);
};

// One synchronous hiredis connection with bounded waits: a connect timeout, a
// command timeout, and no retry inside a request. When a command fails on the
// connection, the connection is dropped; the next command (or reconnectIfDown())
// reconnects, at most once per retry interval, so a Redis outage costs each request
// one quick failure instead of a hang. Commands are argument vectors, never formatted.
// Not thread-safe: one per thread.
class RedisConnection
{
public:
    RedisConnection(QString host, int port);
    ~RedisConnection();
    RedisConnection(const RedisConnection &) = delete;
    RedisConnection &operator=(const RedisConnection &) = delete;

    void setTimeouts(std::chrono::milliseconds connect, std::chrono::milliseconds command);
    void setRetryInterval(std::chrono::milliseconds interval) { m_retryInterval = interval; }

    // An error of the connection (down, timeout) is the Result's error; an error
    // reply from Redis (e.g. NOSCRIPT, WRONGTYPE) is a RedisValue of Type::Error.
    Result<RedisValue, QString> command(const QList<QByteArray> &args);

    // EVALSHA of `script` (a Lua source that outlives the connection, e.g. a static);
    // on NOSCRIPT loads it and runs it again, so a Redis restart or SCRIPT FLUSH heals
    // by itself.
    Result<RedisValue, QString> eval(const QByteArray &script, const QList<QByteArray> &keys,
                                     const QList<QByteArray> &args);

    bool isConnected() const { return m_context != nullptr; }
    bool reconnectIfDown();  // true when connected afterwards
    bool ping();
    QString lastError() const { return m_lastError; }
    QString endpoint() const;

private:
    bool connect();
    void drop(const QString &reason);

    QString m_host;
    int m_port;
    redisContext *m_context = nullptr;
    std::chrono::milliseconds m_connectTimeout{300};
    std::chrono::milliseconds m_commandTimeout{500};
    std::chrono::milliseconds m_retryInterval{200};
    QElapsedTimer m_sinceAttempt;
    QString m_lastError;
    QHash<const char *, QByteArray> m_shaOf;  // script text (static) -> its SHA-1, hex
};

} // namespace BoxOffice::Server
