// Three boxoffice-server processes on one Redis (and one PostgreSQL): thousands of
// joins spread over them; active never above capacity at any observed instant, and
// admission order equal to join order.
#include "testsupport.h"

#include "server/queue/redisconnection.h"
#include "server/queue/redisqueuestore.h"
#include "domain/queuestats.h"

#include <QElapsedTimer>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Server;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestQueueCluster : public QObject
{
    Q_OBJECT

    static constexpr int Capacity = 25;
    static constexpr int Users = 2000;
    const QString m_concert = u"jazz-after-dark"_s;
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void threeInstances_admitInJoinOrderNeverAboveCapacity_data()
    {
        QTest::addColumn<QString>("redisUrl");
        QTest::newRow("one Redis") << serviceUrl("BOXOFFICE_TEST_REDIS_URL");
        QTest::newRow("Redis Cluster, 3 masters") << serviceUrl("BOXOFFICE_TEST_REDIS_CLUSTER");
    }

    void threeInstances_admitInJoinOrderNeverAboveCapacity()
    {
        QFETCH(QString, redisUrl);
        QVERIFY2(redisUrl.startsWith(u"redis://"), "no Redis: the CTest fixtures 'services' and 'cluster' start them");
        const auto db = freshPostgresDatabase();
        QVERIFY2(db, "no PostgreSQL: the CTest fixture 'services' starts one");
        QList<RedisEndpoint> seeds;
        for (const QString &seed : redisUrl.mid(8).split(u','))
            seeds.append({seed.section(u':', 0, 0), seed.section(u':', 1).toInt()});
        RedisConnection redis(seeds);
        QList<QByteArray> del{"DEL"};
        del += RedisQueueStore::keys(m_concert);
        QVERIFY(redis.command(del).ok());  // a clean room for this concert

        QProcess servers[3];
        const QList<QUrl> urls = startServerProcesses(
            {&servers[0], &servers[1], &servers[2]},
            {u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s, *db, u"--redis"_s, redisUrl, u"--join-rate"_s,
             u"0"_s, u"--tick-ms"_s, u"20"_s, u"--capacity"_s, QString::number(Capacity), u"--staff-key"_s, u"k"_s});
        for (const QUrl &url : urls)
            QVERIFY(url.isValid());
        auto at = [&](int instance, const QString &path) {
            QUrl u = urls[instance % 3];
            u.setPath(path);
            return u;
        };
        const QByteArray staff = "Bearer k";
        const QString admin = u"/api/v1/admin/concerts/"_s + m_concert + u"/queue"_s;
        QCOMPARE(http(m_network, "PUT", at(0, admin), R"({"paused":true})", {{"Authorization", staff}}).status, 200);

        // Joins, one after another so their order is known, spread over the instances.
        QHash<QString, int> orderOf;
        QStringList tokens;
        for (int i = 0; i < Users; ++i) {
            const HttpResult r = http(m_network, "POST", at(i, u"/api/v1/concerts/"_s + m_concert + u"/queue"_s),
                                      "{\"userId\":\"cluster-" + QByteArray::number(i) + "\"}");
            QCOMPARE(r.status, 201);
            const QString token = r.json().toObject().value(u"token"_s).toString();
            QCOMPARE(r.json().toObject().value(u"position"_s).toInt(), i + 1);
            orderOf.insert(token, i);
            tokens << token;
        }
        QCOMPARE(http(m_network, "PUT", at(1, admin), R"({"paused":false})", {{"Authorization", staff}}).status, 200);

        // Buyers leave as soon as they are seen active; the promoters of all three
        // instances refill the room. Every observation: at most Capacity active, and
        // exactly the next ones in join order.
        const QByteArray activeKey = RedisQueueStore::keys(m_concert).at(2);
        int left = 0, observations = 0, maxActive = 0;
        QElapsedTimer deadline;
        deadline.start();
        while (left < Users && deadline.elapsed() < 120000) {
            auto reply = redis.command({"ZRANGE", activeKey, "0", "-1"});
            QVERIFY(reply.ok());
            QList<int> indexes;
            for (const RedisValue &member : reply.value().array)
                indexes.append(orderOf.value(QString::fromUtf8(member.string), -1));
            std::sort(indexes.begin(), indexes.end());
            ++observations;
            maxActive = std::max(maxActive, int(indexes.size()));
            QVERIFY2(indexes.size() <= Capacity, qPrintable(u"%1 active"_s.arg(indexes.size())));
            for (int k = 0; k < indexes.size(); ++k)
                QCOMPARE(indexes[k], left + k);  // admitted in join order, none skipped
            const QueueStats stats = QueueStats::fromJson(
                http(m_network, "GET", at(observations, admin), {}, {{"Authorization", staff}}).json()).value();
            QVERIFY(stats.active <= Capacity);
            for (int index : std::as_const(indexes)) {
                QCOMPARE(http(m_network, "DELETE", at(index, u"/api/v1/queue/"_s + tokens[index])).status, 204);
                ++left;
            }
        }
        QCOMPARE(left, Users);
        QCOMPARE(maxActive, Capacity);
        qInfo() << observations << "observations of the active set";
        for (QProcess &p : servers) {
            p.terminate();
            QVERIFY(p.waitForFinished(10000));
        }
    }
};

QTEST_GUILESS_MAIN(TestQueueCluster)
#include "tst_queuecluster.moc"
