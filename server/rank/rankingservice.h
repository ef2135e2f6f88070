#pragma once

#include "domain/ranking.h"
#include "server/failure.h"

#include <QHash>

#include <functional>

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

    // window and limit as in GET /api/v1/rankings; from the cache only.
    Outcome<Ranking> read(Ranking::Window window, int limit);

    static QByteArray cacheKey(Ranking::Window window);

private:
    Outcome<QHash<Ranking::Window, Ranking>> compute(qint64 nowMs);
    std::optional<Ranking> cached(Ranking::Window window);
    bool store(const Ranking &ranking);

    SqlDatabase *m_database;
    RedisConnection *m_redis;
    qint64 m_periodMs;
    Clock m_clock;
    QHash<Ranking::Window, QByteArray> m_memory;  // the cache without Redis
};

} // namespace BoxOffice::Server
