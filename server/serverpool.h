#pragma once

#include "server/serverconfig.h"

#include <QList>
#include <QUrl>

#include <memory>
#include <optional>

class QThread;

namespace BoxOffice::Server {

class BoxOfficeServer;
class JoinRateLimiter;
class Metrics;

// One process's server: the first BoxOfficeServer listens, with one event loop per
// thread in its network front; it and the others (each in its own thread, with its own
// SQL and Redis connections) are the workers that run the routes which need SQL or a
// synchronous store. The first runs in the calling thread and does the one-off work
// (migrations, demo seed).
class ServerPool
{
public:
    explicit ServerPool(ServerConfig config);
    ~ServerPool();

    Result<QUrl, QString> start();
    int threadCount() const { return int(m_workers.size()); }
    std::optional<QString> reloadTls();

private:
    struct Worker
    {
        BoxOfficeServer *server = nullptr;
        QThread *thread = nullptr;  // null for the first, which runs in the caller's thread
    };
    ServerConfig m_config;
    std::shared_ptr<Metrics> m_metrics;
    std::shared_ptr<JoinRateLimiter> m_joinLimiter;  // one limit per address for all threads
    QList<Worker> m_workers;
};

} // namespace BoxOffice::Server
