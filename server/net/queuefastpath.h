#pragma once

#include "server/http/httprequest.h"
#include "server/http/httpresponse.h"

#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace BoxOffice::Server {

class AsyncRedis;
struct RedisSlotMap;
class Metrics;
class NetFront;
class QueueService;

// The two requests a big on-sale is made of, answered on the front's event loops with
// no thread waiting: a join (POST /api/v1/concerts/{id}/queue) and a status read
// (GET /api/v1/queue/{token}) run the Redis store's own scripts through one
// asynchronous, pipelined connection per loop, with the concert's details from the
// QueueService's view (as of its last tick). Status reads of one concert that arrive
// in the same turn of a loop are answered by one script call (the store's statusMany).
// Whatever the view cannot answer (a concert
// it does not know, a sale not yet open, a malformed request: its error message) goes
// to the synchronous routes, which answer it the same way as before.
class QueueFastPath
{
public:
    // What it hands back when a cluster answers a redirection or is failing over: the
    // request to the synchronous routes (the workers follow MOVED, ASK and TRYAGAIN).
    using Fallback = std::function<void(HttpRequest &&request, int loop, std::function<void(HttpResponse)> respond)>;

    QueueFastPath(NetFront *front, const QueueService *queue, QString redisHost, int redisPort, Metrics *metrics);
    ~QueueFastPath();

    // A Redis Cluster: each concert's scripts go to the node the map names for its slot,
    // one connection per node and loop; a reply that is a redirection or an error, or no
    // reply, sends the request to `fallback`. setSlotMap may be called from any thread.
    void useCluster(Fallback fallback);
    void setSlotMap(std::shared_ptr<const RedisSlotMap> map);
    // Joins to the synchronous routes (--redis-wait-replicas: a join waits for replicas
    // there); status reads stay on the loops.
    void setJoinsToWorkers(bool toWorkers) { m_joinsToWorkers = toWorkers; }

    // In loop `loop`'s thread. Returns false when the request is not one it answers.
    bool handle(const HttpRequest &request, int loop, const std::function<void(HttpResponse)> &respond);

private:
    AsyncRedis *redis(int loop, const QString &concertId);
    std::shared_ptr<const RedisSlotMap> slotMap() const;
    bool join(const HttpRequest &request, const QString &concertId, int loop, const std::function<void(HttpResponse)> &respond);
    bool status(const HttpRequest &request, const QString &token, int loop, const std::function<void(HttpResponse)> &respond);
    void flushStatus(int loop);

    struct StatusRead;
    struct StatusBatch;

    NetFront *m_front;
    const QueueService *m_queue;
    QString m_redisHost;
    int m_redisPort;
    Metrics *m_metrics;
    std::vector<std::unique_ptr<AsyncRedis>> m_redis;  // one per loop, made in its thread
    // A cluster: per loop, one connection per node ("host:port"), made in its thread.
    std::vector<std::unique_ptr<std::unordered_map<std::string, std::unique_ptr<AsyncRedis>>>> m_nodes;
    Fallback m_fallback;  // set: a cluster
    bool m_joinsToWorkers = false;
    mutable std::mutex m_mapMutex;
    std::shared_ptr<const RedisSlotMap> m_map;
    std::vector<std::unique_ptr<QHash<QString, StatusBatch>>> m_batches;  // per loop: concert -> reads this turn
};

} // namespace BoxOffice::Server
