#include "server/boxofficeserver.h"

#include "server/live/livesocket.h"
#include "server/net/netfront.h"
#include "server/net/queuefastpath.h"
#include "server/http/staffauth.h"
#include "server/queue/joinratelimiter.h"
#include "server/queue/memoryqueuestore.h"
#include "server/queue/queueservice.h"
#include "server/queue/redisconnection.h"
#include "server/queue/redisqueuestore.h"
#include "server/queue/sqlqueuesettingsstore.h"
#include "server/queue/sqlqueuesnapshotstore.h"
#include "server/routes/queueroutes.h"
#include "server/live/livehub.h"
#include "server/rank/rankingservice.h"
#include "server/routes/rankingroutes.h"
#include "server/routes/seatroutes.h"
#include "server/sales/seatservice.h"
#include "server/sales/sqlseatstore.h"
#include "server/routes/catalogroutes.h"
#include "server/routes/opsroutes.h"
#include "server/sales/catalogservice.h"
#include "server/sales/democatalog.h"
#include "server/sales/demotemplate.h"
#include "server/sales/sqlcatalogstore.h"
#include "server/sales/sqldatabase.h"
#include "server/routes/orderroutes.h"
#include "server/routes/staffroutes.h"
#include "server/sales/orderservice.h"
#include "server/sales/sqlcashstore.h"
#include "server/sales/sqlorderstore.h"
#include "server/staff/auditlog.h"
#include "server/staff/staffservice.h"
#include "server/staff/staffstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "boxoffice.server")

BoxOfficeServer::BoxOfficeServer(ServerConfig config, std::shared_ptr<Metrics> metrics,
                                 std::shared_ptr<JoinRateLimiter> joinLimiter, QObject *parent)
    : QObject(parent), m_config(std::move(config)),
      m_metrics(metrics ? std::move(metrics) : std::make_shared<Metrics>()),
      m_joinLimiter(joinLimiter ? std::move(joinLimiter)
                                : std::make_shared<JoinRateLimiter>(m_config.queue.joinRatePerSecond,
                                                                    m_config.queue.joinBurst)),
      m_router(m_metrics.get())
{
}

int BoxOfficeServer::liveClients() const
{
    return m_live ? m_live->clientCount() : 0;
}

int BoxOfficeServer::openConnections() const
{
    return m_front ? m_front->openConnections() : 0;
}

void BoxOfficeServer::addWorker(BoxOfficeServer *worker)
{
    std::lock_guard lock(m_workersMutex);
    m_workers.push_back({worker, &worker->m_router});
}

void BoxOfficeServer::handle(HttpRequest &&request, int loop, std::function<void(HttpResponse)> respond)
{
    if (m_fastPath && m_fastPath->handle(request, loop, respond))
        return;
    toWorker(std::move(request), std::move(respond));
}

void BoxOfficeServer::toWorker(HttpRequest &&request, std::function<void(HttpResponse)> respond)
{
    Worker worker{nullptr, nullptr};
    {
        std::lock_guard lock(m_workersMutex);
        worker = m_workers[m_nextWorker++ % m_workers.size()];
    }
    QMetaObject::invokeMethod(
        worker.context,
        [router = worker.router, request = std::move(request), respond = std::move(respond)]() mutable {
            respond(router->dispatch(request));
        },
        Qt::QueuedConnection);
}

BoxOfficeServer::~BoxOfficeServer()
{
    // No loop runs from here; the hub's stand-ins post their last words to the stopped
    // loops, which drop them when the front goes, before the services do.
    if (m_front)
        m_front->stop();
    delete m_live;
    m_live = nullptr;
    m_fastPath.reset();  // its Redis connections live on the loops
    m_front.reset();
    saveQueueSnapshot();  // nobody is served any more: the rooms are as they will stay
}

void BoxOfficeServer::restoreQueueSnapshot()
{
    auto taken = m_queueSnapshots->take();
    if (!taken) {
        // Left in place (the transaction rolled back): the next start tries again.
        qCWarning(lcServer).noquote() << "cannot read the saved waiting rooms; starting with empty ones:"
                                      << taken.error();
        return;
    }
    if (taken.value().isEmpty())
        return;
    const qint64 now = m_config.clock ? m_config.clock() : QDateTime::currentMSecsSinceEpoch();
    qint64 tokens = 0;
    for (const auto &room : taken.value())
        tokens += room.tokens.size();
    m_memoryQueue->restoreRooms(taken.value(), now);
    qCInfo(lcServer) << "queue store: restored" << taken.value().size() << "waiting rooms with" << tokens
                     << "tokens saved at the last shutdown";
}

void BoxOfficeServer::saveQueueSnapshot()
{
    if (!m_memoryQueue || !m_queueSnapshots)
        return;
    QElapsedTimer timer;
    timer.start();
    const qint64 now = m_config.clock ? m_config.clock() : QDateTime::currentMSecsSinceEpoch();
    const auto rooms = m_memoryQueue->saveRooms();
    if (auto saved = m_queueSnapshots->save(rooms, now); !saved)
        qCWarning(lcServer).noquote() << "cannot save the waiting rooms; they are lost:" << saved.error();
    else
        qCInfo(lcServer) << "queue store: saved" << rooms.size() << "waiting rooms with" << saved.value()
                         << "tokens in" << timer.elapsed() << "ms";
    m_queueSnapshots.reset();  // once
}

Result<QUrl, QString> BoxOfficeServer::start()
{
    const QString connection = u"boxoffice-server-%1"_s.arg(quintptr(this));
    if (m_config.demo && m_config.database.kind == DatabaseUrl::Kind::Sqlite
        && !QFile::exists(m_config.database.sqlitePath)) {
        // A first start with the demo: from the build's template when there is one.
        QElapsedTimer timer;
        timer.start();
        if (const QString demo = DemoTemplate::find(); !demo.isEmpty()) {
            QDir().mkpath(QFileInfo(m_config.database.sqlitePath).absolutePath());
            if (auto made = DemoTemplate::instantiate(demo, m_config.database.sqlitePath, QDateTime::currentDateTimeUtc()))
                qCInfo(lcServer) << "demo catalog made from" << demo << "in" << timer.elapsed() << "ms";
            else
                qCWarning(lcServer).noquote() << "demo template unusable, seeding instead:" << made.error();
        }
    }
    auto database = SqlDatabase::open(m_config.database, connection);
    if (!database)
        return database.error();
    m_database = std::make_unique<SqlDatabase>(std::move(database).value());
    qCInfo(lcServer).noquote() << "database:" << m_config.database.redacted() << "schema version"
                               << m_database->schemaVersion();

    m_catalogStore = std::make_unique<SqlCatalogStore>(m_database.get());
    if (m_config.demo) {
        QElapsedTimer timer;
        timer.start();
        auto seeded = m_catalogStore->seedDemo(DemoCatalog::build(QDateTime::currentDateTimeUtc()));
        if (!seeded)
            return QString(u"cannot seed the demo catalog: "_s + seeded.error());
        if (seeded.value())
            qCInfo(lcServer) << "demo catalog seeded in" << timer.elapsed() << "ms";
    }
    m_catalog = std::make_unique<CatalogService>(m_catalogStore.get());

    m_queueSettings = std::make_unique<SqlQueueSettingsStore>(m_database.get());
    const bool sqlite = m_config.database.kind == DatabaseUrl::Kind::Sqlite;
    if (m_config.redisUrl) {
        if (sqlite) {
            // Redis keeps its own state; a snapshot from runs with the in-memory queue stays
            // where it is, unused.
            if (auto saved = SqlQueueSnapshotStore(m_database.get()).rooms(); saved && saved.value() > 0)
                qCInfo(lcServer) << "queue store: ignoring" << saved.value()
                                 << "waiting rooms saved by the in-memory queue (this run uses Redis)";
        }
        QList<RedisEndpoint> seeds = m_config.redisNodes;
        if (seeds.isEmpty())  // a config made in code with redisUrl alone
            seeds.append({m_config.redisUrl->host(), m_config.redisUrl->port(6379)});
        m_redis = std::make_unique<RedisConnection>(seeds);
        auto store = std::make_unique<RedisQueueStore>(m_redis.get());
        store->setWaitReplicas(m_config.redisWaitReplicas);
        m_queueStore = std::move(store);
        // Redis down at start: serve anyway (healthz says 503, queue calls 503) and reconnect.
        if (!m_redis->ping())
            qCWarning(lcServer).noquote() << "queue store: Redis at" << m_redis->endpoint()
                                          << "is unreachable; serving unhealthy until it answers:"
                                          << m_redis->lastError();
        else
            qCInfo(lcServer).noquote() << "queue store: Redis at" << m_redis->endpoint();
    } else {
        auto memory = std::make_unique<MemoryQueueStore>();
        m_memoryQueue = memory.get();
        m_queueStore = std::move(memory);
        qCInfo(lcServer) << "queue store: memory (one instance only)";
        // The embedded default: its rooms outlive a restart. On PostgreSQL the in-memory
        // queue is a test set-up, possibly several instances on one database: not saved.
        if (sqlite) {
            m_queueSnapshots = std::make_unique<SqlQueueSnapshotStore>(m_database.get());
            restoreQueueSnapshot();
        }
    }
    m_queue = std::make_unique<QueueService>(m_queueStore.get(), m_catalog.get(), m_config.queue, m_config.clock,
                                             m_joinLimiter, m_queueSettings.get());
    // Staff's settings from the database: the store may be new (memory) or emptied
    // (Redis restarted). If it is down now, the first tick that reaches it does this.
    if (auto restored = m_queue->restoreSettings(); !restored)
        qCWarning(lcServer).noquote() << "queue settings not put back yet:" << restored.error().message;
    // The crowd simulator adds big crowds a chunk per event-loop turn.
    auto *crowdFeeder = new QTimer(this);
    crowdFeeder->setInterval(0);
    connect(crowdFeeder, &QTimer::timeout, this, [this, crowdFeeder] {
        if (!m_queue->feedCrowd())
            crowdFeeder->stop();
    });
    m_queue->onCrowdPending([crowdFeeder] {
        if (!crowdFeeder->isActive())
            crowdFeeder->start();
    });
    m_audit = std::make_unique<AuditLog>(m_database.get());
    m_staffStore = std::make_unique<StaffStore>(m_database.get());
    m_staffService = std::make_unique<StaffService>(m_staffStore.get(), m_audit.get(), m_config.staffKey,
                                                    m_config.staff, m_config.clock);
    m_staff = std::make_unique<StaffAuth>(m_staffService.get());
    m_router.setStaffAuth(m_staff.get());
    if (m_config.staffKey.isEmpty())
        qCInfo(lcServer) << "no staff key (--staff-key or BOXOFFICE_STAFF_KEY): staff sign in with accounts only";

    m_seatStore = std::make_unique<SqlSeatStore>(m_database.get());
    m_seats = std::make_unique<SeatService>(m_seatStore.get(), m_catalog.get(), m_queue.get(), m_config.seats, m_config.clock);
    m_orderStore = std::make_unique<SqlOrderStore>(m_database.get(), m_seatStore.get());
    m_cashStore = std::make_unique<SqlCashStore>(m_database.get());
    m_orders = std::make_unique<OrderService>(m_orderStore.get(), m_cashStore.get(), m_catalog.get(), m_config.clock);
    // Holds never outlive the session: a session this instance ends takes its holds along
    // (and a purchase checks the session, wherever it ended).
    m_queue->onSessionsEnded([this](const QStringList &tokens) { m_seats->endSessions(tokens); });
    auto *sweeper = new QTimer(this);
    sweeper->setInterval(m_config.sweepMs);
    connect(sweeper, &QTimer::timeout, this, [this, sweeps = 0]() mutable {
        // A dropped database connection (PostgreSQL restarted) does not come back by
        // itself: a ping reconnects it, so the next request works again.
        if (!m_database->ping())
            return;
        m_seats->sweepExpiredHolds();
        if (sweeps++ % qMax(1, 60'000 / m_config.sweepMs) == 0)
            m_staffService->purge();  // about once a minute
    });
    sweeper->start();

    m_rankings = std::make_unique<RankingService>(m_database.get(), m_redis.get(), m_config.rankingsMs, m_config.clock);
    m_rankings->refresh(true);
    auto *ranker = new QTimer(this);
    ranker->setInterval(m_config.rankingsMs);
    m_rankings->setBackgroundDatabase(m_config.database);
    connect(ranker, &QTimer::timeout, this, [this] { m_rankings->refreshInBackground(); });
    ranker->start();

    auto *promoter = new QTimer(this);
    promoter->setInterval(m_config.tickMs);
    connect(promoter, &QTimer::timeout, this, &BoxOfficeServer::tick);
    promoter->start();
    tick();

    m_metrics->describe("boxoffice_queue_admitted_total", "counter", "Waiters admitted by the promoters.");
    m_metrics->describe("boxoffice_queue_waiting", "gauge", "Waiters per concert at the last promoter tick.");
    m_metrics->describe("boxoffice_queue_active", "gauge", "Active buyers per concert at the last promoter tick.");
    m_metrics->describe("boxoffice_http_connections_open", "gauge", "Open HTTP and WebSocket connections.");
    m_metrics->describe("boxoffice_http_connections_refused", "gauge",
                        "Connections closed at once since start: past --max-connections.");
    m_metrics->describe("boxoffice_queue_admissions_per_second", "gauge",
                        "Admission rate per concert over the last five minutes.");

    addCatalogRoutes(m_router, *m_catalog);
    addQueueRoutes(m_router, *m_queue, *m_staffService);
    addStaffRoutes(m_router, *m_staffService);
    addOrderRoutes(m_router, *m_orders, *m_staff);
    addSeatRoutes(m_router, *m_seats, *m_staff);
    addRankingRoutes(m_router, *m_rankings);
    addOpsRoutes(m_router, *m_metrics, [this] { return health(); });

    if (!m_config.listen)
        return QUrl();
    m_live = new LiveHub(m_queue.get(), m_seats.get(), m_seatStore.get(), m_rankings.get(), m_staff.get(),
                         m_config.clock, this);
    m_live->setStuckMs(m_config.liveStuckMs);
    auto *pusher = new QTimer(this);
    pusher->setInterval(m_config.liveMs);
    connect(pusher, &QTimer::timeout, m_live, &LiveHub::tick);
    pusher->start();
    m_workers.push_back({this, &m_router});
    NetFront::Limits limits;
    limits.maxConnections = m_config.maxConnections;
    limits.idleMs = m_config.idleTimeoutMs;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    m_front = std::make_unique<NetFront>(
        m_config.netThreads, limits,
        [this](HttpRequest &&request, int loop, NetFront::Respond respond) {
            handle(std::move(request), loop, std::move(respond));
        },
        [live = m_live](std::shared_ptr<NetFront::LiveLink> link) {
            QMetaObject::invokeMethod(
                live, [live, link] { live->accept(link->attach()); }, Qt::QueuedConnection);
        },
        m_config.clock, m_metrics.get());
    if (m_config.redisUrl) {
        m_fastPath = std::make_unique<QueueFastPath>(m_front.get(), m_queue.get(), m_config.redisUrl->host(),
                                                     m_config.redisUrl->port(6379), m_metrics.get());
        // Joins that wait for replicas go through the workers (WAIT is synchronous there).
        m_fastPath->setJoinsToWorkers(m_config.redisWaitReplicas > 0);
        if (m_redis->isCluster()) {
            // The loops send each concert's scripts to its slot's node as this thread's
            // connection last saw the map (its promoter touches every concert each tick,
            // so a move is seen within a tick); a redirection goes to a worker, which follows it.
            m_fastPath->useCluster([this](HttpRequest &&request, int, std::function<void(HttpResponse)> respond) {
                toWorker(std::move(request), std::move(respond));
            });
            auto publish = [this] { m_fastPath->setSlotMap(std::make_shared<const RedisSlotMap>(m_redis->slotMap())); };
            publish();
            auto *mapTimer = new QTimer(this);
            mapTimer->setInterval(m_config.tickMs);
            connect(mapTimer, &QTimer::timeout, this, publish);
            mapTimer->start();
        }
    }
    if (m_config.tls)
        if (auto failed = m_front->useTls(m_config.tls->certificatePath, m_config.tls->keyPath))
            return QString(u"TLS: "_s + *failed);
    auto port = m_front->listen(m_config.host, m_config.port);
    if (!port)
        return port.error();
    m_url.setScheme(m_config.tls ? u"https"_s : u"http"_s);
    m_url.setHost(m_config.host.toString());
    m_url.setPort(port.value());
    return m_url;
}

std::optional<QString> BoxOfficeServer::reloadTls()
{
    if (!m_front || !m_config.tls)
        return std::nullopt;
    if (auto failed = m_front->useTls(m_config.tls->certificatePath, m_config.tls->keyPath)) {
        qCWarning(lcServer).noquote() << "TLS certificate not reloaded, the previous one stays:" << *failed;
        return failed;
    }
    qCInfo(lcServer).noquote() << "TLS certificate reloaded from" << m_config.tls->certificatePath;
    return std::nullopt;
}

Result<QJsonObject, QString> BoxOfficeServer::addStaffAccount(const ServerConfig &config, const QString &pin)
{
    auto database = SqlDatabase::open(config.database, u"boxoffice-add-staff"_s);
    if (!database)
        return database.error();
    SqlDatabase db = std::move(database).value();
    StaffStore store(&db);
    AuditLog audit(&db);
    StaffService staff(&store, &audit, {}, config.staff, config.clock);
    const StaffActor setUp{{}, CommandLineLogin, u"Command line"_s, StaffRole::Admin, 0};
    auto added = staff.addAccount(config.addStaff->login, config.addStaff->name, config.addStaff->role, pin, setUp);
    if (!added)
        return added.error().message;
    return added.value().toJson();
}

void BoxOfficeServer::tick()
{
    const qint64 before = m_queue->admittedTotal();
    m_queue->tick();
    if (const qint64 admitted = m_queue->admittedTotal() - before)
        m_metrics->addToCounter("boxoffice_queue_admitted_total", {}, double(admitted));
    if (m_front) {
        m_metrics->setGauge("boxoffice_http_connections_open", {}, double(m_front->openConnections()));
        m_metrics->setGauge("boxoffice_http_connections_refused", {}, double(m_front->refusedConnections()));
    }
    const auto &ticks = m_queue->lastTick();
    for (auto it = ticks.cbegin(); it != ticks.cend(); ++it) {
        const QByteArray label = "concert=\"" + it.key().toUtf8() + '"';
        m_metrics->setGauge("boxoffice_queue_waiting", label, double(it->waiting));
        m_metrics->setGauge("boxoffice_queue_active", label, double(it->active));
        m_metrics->setGauge("boxoffice_queue_admissions_per_second", label,
                            it->windowMs > 0 ? double(it->admittedInWindow) * 1000.0 / double(it->windowMs) : 0);
    }
}

Health BoxOfficeServer::health()
{
    const bool databaseUp = m_database && m_database->ping();
    const bool queueUp = m_queue && m_queue->isHealthy();
    return Health{databaseUp && queueUp ? u"ok"_s : u"unavailable"_s, m_config.redisUrl ? u"redis"_s : u"memory"_s,
                  m_config.database.driverName()};
}

} // namespace BoxOffice::Server
