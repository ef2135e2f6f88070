#pragma once

#include "domain/health.h"
#include "server/http/httprouter.h"
#include "server/http/metrics.h"
#include "server/serverconfig.h"

#include <QObject>
#include <QUrl>

#include <atomic>
#include <functional>
#include <mutex>
#include <vector>
#include <memory>
#include <optional>

namespace BoxOffice::Server {

class CatalogService;
class JoinRateLimiter;
class MemoryQueueStore;
class SqlQueueSettingsStore;
class SqlQueueSnapshotStore;
class QueueService;
class QueueStore;
class LiveHub;
class RankingService;
class RedisConnection;
class SeatService;
class SqlSeatStore;
class StaffAuth;
class StaffService;
class StaffStore;
class AuditLog;
class OrderService;
class SqlCashStore;
class SqlOrderStore;
class NetFront;
class QueueFastPath;
class SqlCatalogStore;
class SqlDatabase;

// The whole server in one object: stores, services, routes and the listening
// socket, wired from a ServerConfig. main() and the tests both use it.
class BoxOfficeServer : public QObject
{
    Q_OBJECT
public:
    // metrics and joinLimiter: shared by the server threads of one process; made here
    // when absent.
    explicit BoxOfficeServer(ServerConfig config, std::shared_ptr<Metrics> metrics = {},
                             std::shared_ptr<JoinRateLimiter> joinLimiter = {}, QObject *parent = nullptr);
    ~BoxOfficeServer() override;

    // Opens and migrates the database, seeds the demo catalog when asked, listens.
    // Returns the base URL, e.g. http://127.0.0.1:40123.
    Result<QUrl, QString> start();

    QUrl url() const { return m_url; }
    // Rereads --tls-cert and --tls-key for new connections (SIGHUP); on an error (logged
    // and returned) the certificate in use stays.
    std::optional<QString> reloadTls();
    Health health();

    // One request through the routes, without the socket (the request fuzzer).
    HttpResponse dispatch(HttpRequest &request) const { return m_router.dispatch(request); }

    // --add-staff: creates one account in the configured database (PIN given, from
    // stdin), audited as "(command line)"; the account's JSON, or why not.
    static Result<QJsonObject, QString> addStaffAccount(const ServerConfig &config, const QString &pin);

    QueueService *queue() const { return m_queue.get(); }
    StaffService *staff() const { return m_staffService.get(); }
    const HttpRouter &router() const { return m_router; }
    SeatService *seats() const { return m_seats.get(); }
    RankingService *rankings() const { return m_rankings.get(); }
    int liveClients() const;
    int openConnections() const;

    // Another instance of this process (ServerPool) whose routes this one's front may
    // use: requests that need SQL are spread over the workers, each in its own thread.
    void addWorker(BoxOfficeServer *worker);

private:
    struct Worker
    {
        QObject *context;  // the thread the router runs in
        const HttpRouter *router;
    };
    // In a loop thread of the front: the queue's hot routes answered on the loop, the
    // rest handed to a worker thread.
    void toWorker(HttpRequest &&request, std::function<void(HttpResponse)> respond);
    void handle(HttpRequest &&request, int loop, std::function<void(HttpResponse)> respond);
    void tick();
    // The in-memory queue on SQLite (the embedded default): its rooms are saved at a
    // clean shutdown and taken back at the next start.
    void restoreQueueSnapshot();
    void saveQueueSnapshot();

    ServerConfig m_config;
    std::shared_ptr<Metrics> m_metrics;
    std::shared_ptr<JoinRateLimiter> m_joinLimiter;
    HttpRouter m_router;
    std::unique_ptr<SqlDatabase> m_database;
    std::unique_ptr<SqlCatalogStore> m_catalogStore;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<RedisConnection> m_redis;
    std::unique_ptr<QueueStore> m_queueStore;
    MemoryQueueStore *m_memoryQueue = nullptr;  // m_queueStore, when it is the in-memory one
    std::unique_ptr<SqlQueueSettingsStore> m_queueSettings;
    std::unique_ptr<SqlQueueSnapshotStore> m_queueSnapshots;  // SQLite with the in-memory queue only
    std::unique_ptr<QueueService> m_queue;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<StaffStore> m_staffStore;
    std::unique_ptr<StaffService> m_staffService;
    std::unique_ptr<StaffAuth> m_staff;
    std::unique_ptr<SqlSeatStore> m_seatStore;
    std::unique_ptr<SeatService> m_seats;
    std::unique_ptr<SqlOrderStore> m_orderStore;
    std::unique_ptr<SqlCashStore> m_cashStore;
    std::unique_ptr<OrderService> m_orders;
    std::unique_ptr<RankingService> m_rankings;
    LiveHub *m_live = nullptr;
    std::unique_ptr<QueueFastPath> m_fastPath;  // with Redis only
    std::unique_ptr<NetFront> m_front;
    std::mutex m_workersMutex;
    std::vector<Worker> m_workers;
    std::atomic<unsigned> m_nextWorker{0};
    QUrl m_url;
};

} // namespace BoxOffice::Server
