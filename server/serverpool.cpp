#include "server/serverpool.h"

#include "server/boxofficeserver.h"
#include "server/queue/joinratelimiter.h"

#include <QLoggingCategory>
#include <QThread>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPool, "boxoffice.server.pool")

ServerPool::ServerPool(ServerConfig config)
    : m_config(std::move(config)), m_metrics(std::make_shared<Metrics>()),
      m_joinLimiter(std::make_shared<JoinRateLimiter>(m_config.queue.joinRatePerSecond, m_config.queue.joinBurst))
{
}

ServerPool::~ServerPool()
{
    // Each server goes in its own thread, the way it came.
    for (qsizetype i = m_workers.size() - 1; i >= 0; --i) {
        Worker &w = m_workers[i];
        if (!w.thread) {
            delete w.server;
            continue;
        }
        QMetaObject::invokeMethod(w.server, [server = w.server] { delete server; }, Qt::BlockingQueuedConnection);
        w.thread->quit();
        w.thread->wait();
        delete w.thread;
    }
}

Result<QUrl, QString> ServerPool::start()
{
    int threads = m_config.threads;
    if (threads <= 0)
        threads = m_config.redisUrl ? qBound(1, QThread::idealThreadCount(), 16) : 1;

    // The first instance listens: its front runs `threads` event loops. Every instance
    // (the first in the caller's thread, the others in their own) is a worker with its
    // own SQL and Redis connections for the requests the loops hand over.
    ServerConfig first = m_config;
    first.netThreads = threads;
    auto *primary = new BoxOfficeServer(first, m_metrics, m_joinLimiter);
    m_workers.append({primary, nullptr});
    auto url = primary->start();
    if (!url)
        return url;

    ServerConfig others = first;
    others.listen = false;
    others.demo = false;  // seeded by the first
    for (int i = 1; i < threads; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(u"server-%1"_s.arg(i));
        auto *server = new BoxOfficeServer(others, m_metrics, m_joinLimiter);
        server->moveToThread(thread);
        thread->start();
        m_workers.append({server, thread});
        Result<QUrl, QString> started = QString();
        QMetaObject::invokeMethod(server, [server] { return server->start(); }, Qt::BlockingQueuedConnection,
                                  &started);
        if (!started)
            return QString(u"server thread %1: "_s.arg(i) + started.error());
        primary->addWorker(server);
    }
    qCInfo(lcPool) << "serving with" << threads << (threads == 1 ? "thread" : "threads");
    return url;
}

std::optional<QString> ServerPool::reloadTls()
{
    return m_workers.isEmpty() ? std::nullopt : m_workers.first().server->reloadTls();  // the first one listens
}

} // namespace BoxOffice::Server
