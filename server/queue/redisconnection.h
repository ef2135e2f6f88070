#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

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
    bool isError(const char *prefix) const { return type == Type::Error && string.startsWith(prefix); }
    qint64 toInteger() const;  // Integer, or a String holding a number
    static RedisValue fromReply(const redisReply *reply);
};

// Redis Cluster's slot of a key: CRC16 (XMODEM) of its hash tag ("{…}", when there is a
// non-empty one) or of the whole key, modulo 16384.
int redisKeySlot(const QByteArray &key);

struct RedisEndpoint
{
    QString host;
    int port = 6379;
};

// A cluster's slot map as a value, for other threads (the event loops' asynchronous
// path): which node owns each slot, -1 unknown.
struct RedisSlotMap
{
    std::vector<RedisEndpoint> nodes;
    std::vector<qint16> owner;  // 16384 entries: index in nodes
};

// Synchronous hiredis connections with bounded waits: a connect timeout, a command
// timeout, and no retry inside a request. When a command fails on a connection, that
// connection is dropped; the next command reconnects, at most once per retry interval,
// so a Redis outage costs each request one quick failure instead of a hang. Commands
// are argument vectors, never formatted. Not thread-safe: one per thread.
//
// One Redis or a Redis Cluster, found out on the first connection (CLUSTER SLOTS). In a
// cluster each command goes to the master that owns its key's slot, one connection per
// node: the slot map is read from any node and read again when a MOVED answer says it
// changed (the command follows the MOVED at once); an ASK (a slot being migrated) is
// followed for that one command (ASKING first); TRYAGAIN (a multi-key command during a
// migration, or keys that do not exist yet) is retried for up to 2 s. A node that does not answer (a
// master that died) fails its commands until the map names its replica, which is read
// again at most every 100 ms meanwhile.
class RedisConnection
{
public:
    RedisConnection(QString host, int port);
    explicit RedisConnection(QList<RedisEndpoint> seeds);
    ~RedisConnection();
    RedisConnection(const RedisConnection &) = delete;
    RedisConnection &operator=(const RedisConnection &) = delete;

    void setTimeouts(std::chrono::milliseconds connect, std::chrono::milliseconds command);
    void setRetryInterval(std::chrono::milliseconds interval) { m_retryInterval = interval; }

    // An error of the connection (down, timeout) is the Result's error; an error
    // reply from Redis (e.g. NOSCRIPT, WRONGTYPE) is a RedisValue of Type::Error. In a
    // cluster the key is args[1] (EVAL/EVALSHA: the first key); commands without a key
    // (PING, INFO, CONFIG, SCRIPT…) go to one node.
    Result<RedisValue, QString> command(const QList<QByteArray> &args);
    // The same, sent to the node of `key`'s slot (WAIT after a write there).
    Result<RedisValue, QString> commandFor(const QByteArray &key, const QList<QByteArray> &args);

    // EVALSHA of `script` (a Lua source that outlives the connection, e.g. a static);
    // on NOSCRIPT loads it (on that node) and runs it again, so a Redis restart or
    // SCRIPT FLUSH heals by itself. All keys must share a slot in a cluster.
    Result<RedisValue, QString> eval(const QByteArray &script, const QList<QByteArray> &keys,
                                     const QList<QByteArray> &args);

    bool isConnected() const;
    bool reconnectIfDown();  // true when connected afterwards
    bool ping();
    bool isCluster() const { return m_cluster; }
    RedisSlotMap slotMap() const;
    int nodeCount() const { return int(m_nodes.size()); }
    QString lastError() const { return m_lastError; }
    QString endpoint() const;

private:
    struct Node;
    int nodeAt(const QString &host, int port);  // its index in m_nodes, added when new
    bool connect(Node &node);
    void drop(Node &node, const QString &reason);
    Node *anyNode();
    bool discover(Node &node);
    void refreshSlots();
    Node *nodeForSlot(int slot);
    Result<RedisValue, QString> send(Node &node, const QList<QByteArray> &args, bool asking);
    Result<RedisValue, QString> run(int slot, const QList<QByteArray> &args, const QByteArray *script);

    std::vector<std::unique_ptr<Node>> m_nodes;  // the seeds first, then nodes the cluster named
    bool m_discovered = false;  // whether one node has answered CLUSTER SLOTS (or that it is no cluster)
    bool m_cluster = false;
    std::vector<int> m_slots;  // cluster: slot -> index in m_nodes, -1 unknown
    QElapsedTimer m_sinceRefresh;
    std::chrono::milliseconds m_connectTimeout{300};
    std::chrono::milliseconds m_commandTimeout{500};
    std::chrono::milliseconds m_retryInterval{200};
    QString m_lastError;
    QHash<const char *, QByteArray> m_shaOf;  // script text (static) -> its SHA-1, hex
};

} // namespace BoxOffice::Server
