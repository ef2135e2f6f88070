// Redis Cluster, natively (issue 18), against the real 3-master, 3-replica cluster the
// CTest fixture "cluster" starts: the slot of a key as the cluster computes it; each
// concert's scripts on the master that owns its slot, from one seed; a concert's slot
// moved to another master in the middle of a run of joins (no error, nobody lost, the
// order kept); a master killed mid-sale (its concerts answer "unavailable" until its
// replica takes over and then recover by themselves, the other concerts never notice).
#include "server/queue/redisconnection.h"
#include "server/queue/redisqueuestore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace BoxOffice;
using namespace BoxOffice::Server;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

struct ClusterNode
{
    int port = 0;
    QByteArray id;
    bool master = false;
    QByteArray masterId;  // a replica's master
    QList<std::pair<int, int>> ranges;
};

// What `redis-cli -p PORT ARGS…` prints (one command on one node, whatever the slot).
QByteArray redisCli(int port, const QStringList &arguments)
{
    QProcess p;
    p.start(u"redis-cli"_s, QStringList{u"-p"_s, QString::number(port)} + arguments);
    p.waitForFinished(10000);
    return p.readAllStandardOutput().trimmed();
}

// The cluster as `port` sees it (CLUSTER NODES).
QList<ClusterNode> clusterNodes(int port)
{
    QList<ClusterNode> nodes;
    for (const QByteArray &line : redisCli(port, {u"cluster"_s, u"nodes"_s}).split('\n')) {
        const QList<QByteArray> f = line.trimmed().split(' ');
        if (f.size() < 8 || f.at(2).contains("fail"))
            continue;
        ClusterNode n;
        n.id = f.at(0);
        n.port = f.at(1).mid(f.at(1).lastIndexOf(':') + 1).split('@').first().toInt();
        n.master = f.at(2).contains("master");
        if (!n.master)
            n.masterId = f.at(3);
        for (qsizetype i = 8; i < f.size(); ++i) {
            if (f.at(i).startsWith('['))
                continue;  // a migration in progress
            const QList<QByteArray> range = f.at(i).split('-');
            n.ranges.append({range.first().toInt(), range.last().toInt()});
        }
        nodes.append(n);
    }
    return nodes;
}

const ClusterNode *ownerOf(const QList<ClusterNode> &nodes, int slot)
{
    for (const ClusterNode &n : nodes)
        if (n.master)
            for (const auto &[first, last] : n.ranges)
                if (slot >= first && slot <= last)
                    return &n;
    return nullptr;
}

} // namespace

class TestRedisCluster : public QObject
{
    Q_OBJECT

    QList<RedisEndpoint> m_seeds;
    QString m_dataDir;

    int anyPort() const { return m_seeds.first().port; }

    // A fresh concert id whose slot the master on `masterPort` owns.
    QString concertOn(const QList<ClusterNode> &nodes, int masterPort, const QString &stem)
    {
        for (int i = 0; i < 100000; ++i) {
            const QString id = stem + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(8);
            const ClusterNode *owner = ownerOf(nodes, redisKeySlot(RedisQueueStore::keys(id).first()));
            if (owner && owner->port == masterPort)
                return id;
        }
        return {};
    }

    // Waits until every live node says cluster_state:ok and the map has 3 masters.
    bool clusterOk(int ms)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            const auto nodes = clusterNodes(anyPort());
            // Every node sees the whole cluster, and every replica is in sync with its
            // master (one that is still syncing could not take over).
            const bool ok = std::all_of(nodes.begin(), nodes.end(), [](const ClusterNode &n) {
                return redisCli(n.port, {u"cluster"_s, u"info"_s}).contains("cluster_state:ok")
                    && (n.master || redisCli(n.port, {u"info"_s, u"replication"_s}).contains("master_link_status:up"));
            });
            if (ok && std::count_if(nodes.begin(), nodes.end(), [](const ClusterNode &n) { return n.master; }) == 3)
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    // Moves `slot` from one master to another in a process of its own, as
    // `redis-cli --cluster reshard` does it: IMPORTING/MIGRATING, MIGRATE, SETSLOT NODE
    // (with pauses, so the requests meet every stage).
    static void startSlotMove(QProcess &mover, const ClusterNode &from, const ClusterNode &to, int slot)
    {
        const QString script = uR"(set -e
p_from=%1; p_to=%2; slot=%3; id_from=%4; id_to=%5
redis-cli -p $p_to cluster setslot $slot importing $id_from >/dev/null
redis-cli -p $p_from cluster setslot $slot migrating $id_to >/dev/null
sleep 0.3
while true; do
  keys=$(redis-cli -p $p_from cluster getkeysinslot $slot 100)
  [ -z "$keys" ] && break
  out=$(redis-cli -p $p_from migrate 127.0.0.1 $p_to "" 0 5000 keys $keys)
  [ "$out" = OK ] || { echo "MIGRATE: $out" >&2; exit 1; }
done
sleep 0.3
for p in $p_to $p_from; do redis-cli -p $p cluster setslot $slot node $id_to >/dev/null; done
)"_s.arg(from.port)
                                   .arg(to.port)
                                   .arg(slot)
                                   .arg(QString::fromLatin1(from.id), QString::fromLatin1(to.id));
        mover.start(u"bash"_s, {u"-c"_s, script});
        mover.waitForStarted();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString seeds = serviceUrl("BOXOFFICE_TEST_REDIS_CLUSTER");
        QVERIFY2(!seeds.isEmpty(), "no Redis Cluster: the CTest fixture 'cluster' starts one");
        for (const QString &seed : seeds.mid(8).split(u','))
            m_seeds.append({seed.section(u':', 0, 0), seed.section(u':', 1).toInt()});
        m_dataDir = serviceUrl("BOXOFFICE_TEST_REDIS_CLUSTER_DIR");
        QVERIFY(clusterOk(10000));
    }

    // CRC16 of the hash tag, as the cluster computes it: the known values, then 2,000
    // random keys (with and without tags, empty and odd braces) against CLUSTER KEYSLOT.
    void keySlot_isTheClustersOwn()
    {
        QCOMPARE(redisKeySlot("123456789"), 0x31C3);
        QCOMPARE(redisKeySlot("foo"), 12182);
        QCOMPARE(redisKeySlot("{user1000}.following"), redisKeySlot("{user1000}.followers"));
        for (const QByteArray &key : RedisQueueStore::keys(u"aurora-world-tour"_s))  // the fast path's shortcut
            QCOMPARE(redisKeySlot(key), RedisQueueStore::slot(u"aurora-world-tour"_s));
        RedisConnection redis(m_seeds.mid(0, 1));
        auto *random = QRandomGenerator::global();
        static const char alphabet[] = "abcXYZ019{}:-";
        for (int i = 0; i < 2000; ++i) {
            QByteArray key;
            for (int n = int(random->bounded(1, 14)); n > 0; --n)
                key += alphabet[random->bounded(int(sizeof alphabet - 1))];
            const auto reply = redis.command({"CLUSTER", "KEYSLOT", key});
            QVERIFY(reply.ok());
            QVERIFY2(reply.value().integer == redisKeySlot(key), key.constData());
        }
    }

    // From one seed, concerts on each of the three masters: each works, and its keys are
    // on the master that owns its slot (asked there directly).
    void concerts_runOnTheMasterOfTheirSlot()
    {
        RedisConnection redis(m_seeds.mid(0, 1));
        RedisQueueStore store(&redis);
        QVERIFY(store.isHealthy());
        QVERIFY(redis.isCluster());
        const auto nodes = clusterNodes(anyPort());
        for (const ClusterNode &master : nodes) {
            if (!master.master)
                continue;
            const QString concert = concertOn(nodes, master.port, u"spread"_s);
            QVERIFY(!concert.isEmpty());
            QVERIFY(store.open(concert, 7).ok());
            for (int i = 0; i < 20; ++i)
                QVERIFY(store.join(concert, u"u%1"_s.arg(i), u"t%1-%2"_s.arg(concert).arg(i), 1000 + i).ok());
            QCOMPARE(store.status(concert, u"t%1-19"_s.arg(concert), 2000).value().position, 20);
            const QByteArray waiting = RedisQueueStore::keys(concert).first();
            QCOMPARE(redisCli(master.port, {u"zcard"_s, QString::fromUtf8(waiting)}), QByteArray("20"));
        }
        QVERIFY(redis.nodeCount() >= 3);
    }

    // --redis-wait-replicas: an answered join is on the master's replica already (read
    // there at once, READONLY), every time.
    void waitReplicas_anAnsweredJoinIsOnTheReplica()
    {
        RedisConnection redis(m_seeds.mid(0, 1));
        RedisQueueStore store(&redis);
        store.setWaitReplicas(1);
        QVERIFY(store.isHealthy());
        const auto nodes = clusterNodes(anyPort());
        const ClusterNode *master = nullptr;
        const ClusterNode *replica = nullptr;
        for (const ClusterNode &n : nodes)
            for (const ClusterNode &r : nodes)
                if (n.master && !r.master && r.masterId == n.id)
                    master = &n, replica = &r;
        QVERIFY(master && replica);
        const QString concert = concertOn(nodes, master->port, u"wait"_s);
        QVERIFY(store.open(concert, 1).ok());
        const QString waiting = QString::fromUtf8(RedisQueueStore::keys(concert).first());
        for (int i = 0; i < 50; ++i) {
            QVERIFY(store.join(concert, u"w%1"_s.arg(i), u"wt%1"_s.arg(i), 1000 + i).ok());
            QProcess cli;
            cli.start(u"redis-cli"_s, {u"-p"_s, QString::number(replica->port)});
            cli.write("READONLY\nZCARD " + waiting.toUtf8() + "\n");
            cli.closeWriteChannel();
            QVERIFY(cli.waitForFinished(5000));
            QCOMPARE(cli.readAllStandardOutput().trimmed().split('\n').last(), QByteArray::number(i + 1));
        }
    }

    // A concert's slot moves to another master (IMPORTING/MIGRATING, MIGRATE, SETSLOT
    // NODE: what `redis-cli --cluster reshard` does, slot by slot) while joins go on:
    // every join answers, none is lost, positions follow the order of the joins.
    void resharding_duringJoins_losesNothingAndKeepsOrder()
    {
        RedisConnection redis(m_seeds.mid(0, 1));
        RedisQueueStore store(&redis);
        QVERIFY(store.isHealthy());
        auto nodes = clusterNodes(anyPort());
        QList<const ClusterNode *> masters;
        for (const ClusterNode &n : nodes)
            if (n.master)
                masters << &n;
        QCOMPARE(masters.size(), 3);
        const ClusterNode *from = masters.at(0);
        const ClusterNode *to = masters.at(1);
        const QString concert = concertOn(nodes, from->port, u"reshard"_s);
        const int slot = redisKeySlot(RedisQueueStore::keys(concert).first());
        QVERIFY(store.open(concert, 1).ok());

        // The move, in another process, while this thread joins.
        QProcess mover;
        startSlotMove(mover, *from, *to, slot);
        int joined = 0;
        QElapsedTimer t;
        t.start();
        qint64 movedInMs = -1;
        while ((movedInMs < 0 || joined < 200) && t.elapsed() < 20000) {
            if (movedInMs < 0 && (mover.state() == QProcess::NotRunning || mover.waitForFinished(0)))  // (no event loop here: ask)
                movedInMs = t.elapsed();
            const auto place = store.join(concert, u"r%1"_s.arg(joined), u"rt%1"_s.arg(joined), 10'000 + joined);
            QVERIFY2(place.ok(), qPrintable(u"join %1: %2"_s.arg(joined).arg(place.ok() ? QString() : place.error().message)));
            QCOMPARE(place.value().position, joined + 1);
            ++joined;
        }
        QVERIFY2(movedInMs >= 0, "the slot did not move within 20 s");
        QVERIFY2(mover.exitCode() == 0, mover.readAllStandardError().constData());
        QVERIFY(joined >= 200);
        // All there, in order, on the new owner.
        for (int i = 0; i < joined; i += 37)
            QCOMPARE(store.status(concert, u"rt%1"_s.arg(i), 20'000).value().position, i + 1);
        QCOMPARE(store.status(concert, u"rt%1"_s.arg(joined - 1), 20'000).value().position, joined);
        QCOMPARE(ownerOf(clusterNodes(to->port), slot)->port, to->port);
        qInfo() << joined << "joins while slot" << slot << "moved from" << from->port << "to" << to->port << "in"
                << movedInMs << "ms";
    }

    // The same through the server (its event loops' asynchronous path, whose redirected
    // requests go to a worker): every join over HTTP answers 201 in order while the
    // concert's slot moves.
    void resharding_throughTheServer_noBuyerSeesAnError()
    {
        QTemporaryDir dir;
        const QString concert = u"jazz-after-dark"_s;
        const int slot = redisKeySlot(RedisQueueStore::keys(concert).first());
        {
            RedisConnection redis(m_seeds);
            QList<QByteArray> del{"DEL"};
            del += RedisQueueStore::keys(concert);
            QVERIFY(redis.command(del).ok());
        }
        QStringList seeds;
        for (const RedisEndpoint &e : m_seeds)
            seeds << e.host + u':' + QString::number(e.port);
        QProcess server;
        server.setStandardErrorFile(dir.filePath(u"server.log"_s));
        const QUrl url = startServerProcess(server, {u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s,
                                                     u"sqlite:"_s + dir.filePath(u"x.sqlite"_s), u"--redis"_s,
                                                     u"redis://"_s + seeds.join(u','), u"--threads"_s, u"2"_s,
                                                     u"--join-rate"_s, u"0"_s, u"--capacity"_s, u"0"_s});
        QVERIFY(url.isValid());
        QNetworkAccessManager network;
        QUrl join = url;
        join.setPath(u"/api/v1/concerts/"_s + concert + u"/queue"_s);
        auto joinOne = [&](int i) {
            return http(network, "POST", join, "{\"userId\":\"h" + QByteArray::number(i) + "\"}");
        };
        // The first join (the sale opens at the server's first tick).
        QTRY_VERIFY_WITH_TIMEOUT(joinOne(-1).status / 100 == 2, 10000);
        QCOMPARE(joinOne(-1).json().toObject().value(u"position"_s).toInt(), 1);

        const auto nodes = clusterNodes(anyPort());
        const ClusterNode *from = ownerOf(nodes, slot);
        QVERIFY(from);
        const ClusterNode *to = nullptr;
        for (const ClusterNode &n : nodes)
            if (n.master && n.port != from->port)
                to = &n;
        QVERIFY(to);
        QProcess mover;
        startSlotMove(mover, *from, *to, slot);
        int joined = 0;
        qint64 movedInMs = -1;
        QElapsedTimer t;
        t.start();
        while ((movedInMs < 0 || joined < 300) && t.elapsed() < 20000) {
            if (movedInMs < 0 && (mover.state() == QProcess::NotRunning || mover.waitForFinished(0)))
                movedInMs = t.elapsed();
            const HttpResult r = joinOne(joined);
            QVERIFY2(r.status == 201, qPrintable(u"join %1: %2 %3"_s.arg(joined).arg(r.status).arg(QString::fromUtf8(r.body))));
            QCOMPARE(r.json().toObject().value(u"position"_s).toInt(), joined + 2);
            ++joined;
        }
        QVERIFY2(movedInMs >= 0, "the slot did not move within 20 s");
        QVERIFY2(mover.exitCode() == 0, mover.readAllStandardError().constData());
        qInfo() << joined << "joins over HTTP while slot" << slot << "moved in" << movedInMs << "ms";
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

    // A master dies mid-sale. Its concerts answer "unavailable" (503 to the buyer) until
    // its replica is promoted, then recover by themselves within 5 s of the promotion;
    // a concert on another master never fails. The dead node comes back as a replica.
    void failover_affectsOnlyTheDeadMastersConcerts_andHeals()
    {
        QVERIFY(!m_dataDir.isEmpty());
        RedisConnection redis(m_seeds);
        RedisQueueStore store(&redis);
        QVERIFY(store.isHealthy());
        const auto nodes = clusterNodes(anyPort());
        QList<int> masters;
        for (const ClusterNode &n : nodes)
            if (n.master)
                masters << n.port;
        QCOMPARE(masters.size(), 3);
        const int victim = masters.at(0);
        const QString hit = concertOn(nodes, victim, u"failover"_s);
        const QString spared = concertOn(nodes, masters.at(1), u"spared"_s);
        QVERIFY(store.open(hit, 1).ok() && store.open(spared, 1).ok());

        QFile pidFile(m_dataDir + u'/' + QString::number(victim) + u"/redis.pid"_s);
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const pid_t pid = pid_t(pidFile.readAll().trimmed().toInt());
        QVERIFY(pid > 0);
        QVERIFY(::kill(pid, SIGKILL) == 0);
        QElapsedTimer sinceKill;
        sinceKill.start();

        int n = 0, failedHit = 0, failedSpared = 0;
        qint64 promotedAt = -1, recoveredAt = -1;
        while (sinceKill.elapsed() < 30000 && recoveredAt < 0) {
            const auto spare = store.join(spared, u"s%1"_s.arg(n), u"st%1"_s.arg(n), 50'000 + n);
            if (!spare.ok())
                ++failedSpared;
            const auto place = store.join(hit, u"h%1"_s.arg(n), u"ht%1"_s.arg(n), 50'000 + n);
            if (!place.ok()) {
                ++failedHit;
                QCOMPARE(place.error().code, Failure::Code::Unavailable);  // 503, not a crash or a hang
            }
            if (promotedAt < 0 && n % 5 == 0) {
                const auto now = clusterNodes(masters.at(1));
                const ClusterNode *owner = ownerOf(now, redisKeySlot(RedisQueueStore::keys(hit).first()));
                if (owner && owner->port != victim)
                    promotedAt = sinceKill.elapsed();
            }
            if (place.ok() && promotedAt >= 0)
                recoveredAt = sinceKill.elapsed();
            ++n;
            QTest::qWait(20);
        }
        qInfo() << "killed master" << victim << "; replica promoted after" << promotedAt << "ms; its concert answered again after"
                << recoveredAt << "ms;" << failedHit << "of" << n << "joins to it failed meanwhile," << failedSpared
                << "to the other";
        QVERIFY2(promotedAt >= 0, "no replica took over within 30 s");
        QVERIFY(recoveredAt >= 0);
        QVERIFY2(recoveredAt - promotedAt <= 5000, qPrintable(u"%1 ms after the promotion"_s.arg(recoveredAt - promotedAt)));
        QCOMPARE(failedSpared, 0);
        QVERIFY(failedHit > 0);  // it did fail over: there was an outage to ride out

        // The dead master comes back, as a replica of its successor: the fixture is whole.
        QProcess::execute(u"redis-server"_s,
                          {u"--port"_s, QString::number(victim), u"--bind"_s, u"127.0.0.1"_s, u"--cluster-enabled"_s,
                           u"yes"_s, u"--cluster-config-file"_s, u"nodes.conf"_s, u"--cluster-node-timeout"_s, u"1000"_s, u"--cluster-require-full-coverage"_s, u"no"_s,
                           u"--cluster-replica-validity-factor"_s, u"0"_s,
                           u"--save"_s, u""_s, u"--appendonly"_s, u"no"_s, u"--daemonize"_s, u"yes"_s, u"--pidfile"_s,
                           pidFile.fileName(), u"--logfile"_s, m_dataDir + u'/' + QString::number(victim) + u"/redis.log"_s,
                           u"--dir"_s, m_dataDir + u'/' + QString::number(victim)});
        QVERIFY(clusterOk(20000));
    }
};

QTEST_GUILESS_MAIN(TestRedisCluster)
#include "tst_rediscluster.moc"
