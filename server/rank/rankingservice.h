#pragma once

#include "domain/ranking.h"
#include "server/failure.h"
#include "server/serverconfig.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace BoxOffice::Server {

class RedisConnection;
class SqlDatabase;

// The ranking of concerts: a periodic job aggregates the sales records per window
// (day, week, all) into one document per window, written to the cache (a Redis key
// shared by every instance, or memory); reads are served from the cache and never
// touch SQL. Ordered by booking share, ties by the sooner sell-out.
class RankingService
{
public:
    using Clock = std::function<qint64()>;

    // redis: null for the in-memory cache.
    RankingService(SqlDatabase *database, RedisConnection *redis, qint64 periodMs, Clock clock = {});

    // Computes and caches the rankings unless another instance did within the period
    // (force: regardless). Returns the windows whose order or figures changed.
    QList<Ranking::Window> refresh(bool force = false);
    // The periodic job: the same, but the aggregation runs on the thread pool with a
    // database connection of its own (opened from `database` each time), so the
    // requests of this thread never wait for it; the result is cached back here.
    void setBackgroundDatabase(const DatabaseUrl &database) { m_background = database; }
    void refreshInBackground();

    // window and limit as in GET /api/v1/rankings; from the cache only.
    Outcome<Ranking> read(Ranking::Window window, int limit);

    static QByteArray cacheKey(Ranking::Window window);

private:
    bool due(qint64 now);
    static Outcome<QHash<Ranking::Window, Ranking>> compute(SqlDatabase *database, qint64 nowMs);
    QList<Ranking::Window> apply(const QHash<Ranking::Window, Ranking> &computed);
    std::optional<Ranking> cached(Ranking::Window window);
    bool store(const Ranking &ranking);

    SqlDatabase *m_database;
    RedisConnection *m_redis;
    qint64 m_periodMs;
    Clock m_clock;
    QHash<Ranking::Window, QByteArray> m_memory;  // the cache without Redis
    std::optional<DatabaseUrl> m_background;
    std::unique_ptr<QObject> m_context = std::make_unique<QObject>();  // for the worker's answer
    bool m_inFlight = false;
};

} // namespace BoxOffice::Server
