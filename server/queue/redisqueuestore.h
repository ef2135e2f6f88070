#pragma once

#include "server/queue/queuestore.h"

#include <QByteArrayList>
#include <memory>

namespace BoxOffice::Server {

class RedisConnection;
struct RedisValue;

// The waiting room in Redis. Per concert the keys q:{concertId}:waiting, :pre,
// :active, :seen, :tokens, :users, :seq, :open, :settings and :admits share one hash
// tag, so one concert lives in one Redis Cluster slot. Every operation is one Lua
// script (EVALSHA): exact with any number of server instances on one Redis.
class RedisQueueStore final : public QueueStore
{
public:
    explicit RedisQueueStore(RedisConnection *connection);
    // A join is answered once `replicas` replicas have its writes (WAIT, 500 ms at most):
    // a failover then cannot lose an answered join. 0: asynchronous replication.
    void setWaitReplicas(int replicas) { m_waitReplicas = replicas; }

    QString kind() const override { return QStringLiteral("redis"); }
    Outcome<QueuePlace> join(const QString &concertId, const QString &userId, const QString &newToken,
                             qint64 nowMs) override;
    Outcome<QueuePlace> status(const QString &concertId, const QString &token, qint64 nowMs) override;
    Outcome<QList<QueuePlace>> statusMany(const QString &concertId, const QStringList &tokens,
                                          qint64 nowMs) override;
    Outcome<bool> leave(const QString &concertId, const QString &token, qint64 nowMs) override;
    Outcome<PromoteResult> promote(const QString &concertId, qint64 nowMs, qint64 idleMs, qint64 retentionMs,
                                   const QueueSettings &defaults) override;
    Outcome<qint64> open(const QString &concertId, quint32 seed) override;
    Outcome<QueueCounts> counts(const QString &concertId, qint64 nowMs, const QueueSettings &defaults) override;
    Outcome<QueueSettings> updateSettings(const QString &concertId, const QueueSettingsChange &change,
                                          const QueueSettings &defaults) override;
    Outcome<qint64> addSynthetic(const QString &concertId, qint64 count, qint64 nowMs,
                                 const QString &tokenPrefix) override;
    Outcome<QStringList> expireActive(const QString &concertId, qint64 count, qint64 nowMs) override;
    Outcome<qint64> entries(const QString &concertId) override;
    Outcome<bool> recordHistory(const QString &concertId, const QueueSample &sample) override;
    Outcome<QList<QueueSample>> history(const QString &concertId) override;
    bool isHealthy() override;

    static QByteArrayList keys(const QString &concertId);
    // The Redis Cluster slot of every one of those keys (their hash tag is the id).
    static int slot(const QString &concertId);
    // The join and status scripts and how their replies read, for the asynchronous
    // path (net/queuefastpath.h), which runs the same scripts on an event loop.
    static const QByteArray &joinScript();
    static const QByteArray &statusScript();
    static const QByteArray &statusManyScript();  // ARGV: now, tokens…; 4 values per token
    static QueuePlace placeFrom(const RedisValue &reply);

private:
    RedisConnection *m_redis;
    int m_waitReplicas = 0;
};

} // namespace BoxOffice::Server
