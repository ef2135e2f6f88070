#pragma once

#include "domain/result.h"
#include "server/queue/redisconnection.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

struct redisAsyncContext;

namespace boost::asio {
class io_context;
}

namespace BoxOffice::Server {

// One hiredis asynchronous connection driven by an Asio event loop: nothing waits.
// Commands issued in one turn of the loop leave in one write (pipelined); replies
// come back in order to their callbacks, in the loop's thread. A command gets an
// error at once while Redis is down, and when no reply has come for commandTimeout
// the connection is dropped (every pending command fails); reconnects are tried
// every retryInterval. Scripts run by EVALSHA, loaded with EVAL on NOSCRIPT.
// Not thread-safe: one per loop.
class AsyncRedis
{
public:
    using Reply = Result<RedisValue, QString>;
    using Callback = std::function<void(Reply)>;

    AsyncRedis(boost::asio::io_context &loop, QString host, int port);
    ~AsyncRedis();
    AsyncRedis(const AsyncRedis &) = delete;
    AsyncRedis &operator=(const AsyncRedis &) = delete;

    // script: a Lua source that outlives the connection (a static).
    void eval(const QByteArray &script, const QList<QByteArray> &keys, const QList<QByteArray> &args, Callback done);
    bool isConnected() const;
    qint64 pending() const;

    static constexpr int CommandTimeoutMs = 1000;
    static constexpr int RetryIntervalMs = 200;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace BoxOffice::Server
