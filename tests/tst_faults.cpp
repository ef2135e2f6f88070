// Faults in the middle of a sale, each on loopback and bounded in time:
// - Redis killed (SIGKILL) and restarted from its append-only file: meanwhile the queue
//   answers 503 with the error body; afterwards the server is healthy within 2 s and
//   every waiter is still there, in join order;
// - PostgreSQL restarted: holds and purchases fail meanwhile, then work again without
//   anybody calling /healthz, and a hold made before the restart can still be bought;
// - one of three instances killed: its buyers carry on through the others by token.
// The client losing the server is in tst_mainwindow (banner) and tst_booking (offline).
#include "testsupport.h"

#include "domain/hold.h"
#include "domain/queueticket.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Staff = "Bearer test-staff-key";

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// A redis-server of the test's own, in the foreground under QProcess.
bool startRedis(QProcess &redis, quint16 port, const QString &dir, bool appendOnly)
{
    redis.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    redis.start(u"redis-server"_s, {u"--port"_s, QString::number(port), u"--bind"_s, u"127.0.0.1"_s, u"--save"_s,
                                    u""_s, u"--appendonly"_s, appendOnly ? u"yes"_s : u"no"_s, u"--appendfsync"_s,
                                    u"always"_s, u"--dir"_s, dir});
    if (!redis.waitForStarted(5000))
        return false;
    // Ready when it accepts a connection.
    return QTest::qWaitFor([port] {
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_s, port);
        return s.waitForConnected(100);
    }, 5000);
}

bool runScript(const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(u"bash"_s, arguments);
    QSignalSpy finished(&p, &QProcess::finished);
    return p.waitForStarted(5000) && (finished.wait(60000) || p.state() == QProcess::NotRunning) && p.exitCode() == 0;
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    QJsonObject get(const QUrl &base, const QString &path)
    {
        return http(m_network, "GET", base.resolved(QUrl(path))).json().toObject();
    }
    QString join(const QUrl &base, const QString &concert, const QString &user)
    {
        return http(m_network, "POST", base.resolved(QUrl(u"/api/v1/concerts/%1/queue"_s.arg(concert))),
                    "{\"userId\":\"" + user.toUtf8() + "\"}").json().toObject().value(u"token"_s).toString();
    }

private Q_SLOTS:
    void redisKilled_noWaiterLostWithAppendOnly()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        QProcess redis;
        QVERIFY(startRedis(redis, port, dir.path(), true));
        auto server = TestServer::start(u"sqlite"_s, true, [port](Server::ServerConfig &c) {
            c.redisUrl = QUrl(u"redis://127.0.0.1:%1"_s.arg(port));
            c.queue.defaults.capacity = 5;
            c.tickMs = 50;
        });
        QVERIFY2(server->error.isEmpty(), qPrintable(server->error));
        QStringList tokens;
        for (int i = 0; i < 200; ++i)
            tokens << join(server->url, u"trot-king"_s, u"w%1"_s.arg(i));
        QVERIFY(!tokens.contains(QString()));
        QTRY_COMPARE_WITH_TIMEOUT(get(server->url, u"/api/v1/queue/"_s + tokens[4]).value(u"status"_s).toString(),
                                  u"active"_s, 5000);

        redis.kill();
        QVERIFY(redis.waitForFinished(5000));
        // Meanwhile: a fast 503 with the error body, for joins and reads alike.
        verifyError(http(m_network, "POST", server->at(u"/api/v1/concerts/trot-king/queue"_s), R"({"userId":"late"})"),
                    503, u"unavailable"_s);
        verifyError(http(m_network, "GET", server->at(u"/api/v1/queue/"_s + tokens[100])), 503, u"unavailable"_s);
        QCOMPARE(http(m_network, "GET", server->at(u"/healthz"_s)).status, 503);

        QProcess again;
        QVERIFY(startRedis(again, port, dir.path(), true));
        QElapsedTimer recovery;
        recovery.start();
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", server->at(u"/healthz"_s)).status, 200, 2000);
        qInfo("healthy again %lld ms after Redis answered", recovery.elapsed());

        // Nobody lost, nobody moved out of turn.
        int previous = 0;
        for (int i = 0; i < tokens.size(); ++i) {
            const QJsonObject t = get(server->url, u"/api/v1/queue/"_s + tokens[i]);
            const QString state = t.value(u"status"_s).toString();
            QVERIFY2(state == u"waiting" || state == u"active", qPrintable(u"%1: %2"_s.arg(i).arg(state)));
            if (state == u"waiting") {
                const int position = t.value(u"position"_s).toInt();
                QVERIFY2(position > previous, qPrintable(u"%1 at %2 after %3"_s.arg(i).arg(position).arg(previous)));
                previous = position;
            }
        }
        again.kill();
        again.waitForFinished(5000);
    }

    void postgresRestarted_theSaleCarriesOn()
    {
        QTemporaryDir dir;
        const QString services = dir.filePath(u"services"_s);
        const QString script = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../scripts/test-services.sh");
        QVERIFY(runScript({script, u"start"_s, services}));
        auto stop = qScopeGuard([&] { runScript({script, u"stop"_s, services}); });
        QFile env(services + u"/env"_s);
        QVERIFY(env.open(QIODevice::ReadOnly));
        QString pg;
        for (const QByteArray &line : env.readAll().split('\n'))
            if (line.startsWith("BOXOFFICE_TEST_PG_URL="))
                pg = QString::fromUtf8(line.mid(22));
        // scripts/setup.sh installs PostgreSQL for the tests: its absence is a failure.
        QVERIFY2(!pg.isEmpty(), "no PostgreSQL server binaries (the postgresql package; scripts/setup.sh installs it)");
        auto server = TestServer::start(u"sqlite"_s, true, [pg](Server::ServerConfig &c) {
            c.database = Server::DatabaseUrl::parse(pg).value();
            c.tickMs = 50;
            c.sweepMs = 200;
        });
        QVERIFY2(server->error.isEmpty(), qPrintable(server->error));
        const QString token = join(server->url, u"indie-bloom"_s, u"before"_s);
        QTRY_COMPARE_WITH_TIMEOUT(get(server->url, u"/api/v1/queue/"_s + token).value(u"status"_s).toString(),
                                  u"active"_s, 5000);
        const HttpResult held = http(m_network, "POST", server->at(u"/api/v1/performances/indie-bloom-p1/holds"_s),
                                     R"({"best":{"count":2,"tier":"R"}})", {{"X-Queue-Token", token.toUtf8()}});
        QCOMPARE(held.status, 201);
        const Hold hold = Hold::fromJson(held.json()).value();

        QVERIFY(runScript({script, u"restart-pg"_s, services}));
        // Without anybody asking /healthz, holds work again (the server reconnects).
        const QString other = join(server->url, u"indie-bloom"_s, u"after"_s);
        QTRY_COMPARE_WITH_TIMEOUT(get(server->url, u"/api/v1/queue/"_s + other).value(u"status"_s).toString(),
                                  u"active"_s, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "POST", server->at(u"/api/v1/performances/indie-bloom-p1/holds"_s),
                                       R"({"best":{"count":1,"tier":"R"}})", {{"X-Queue-Token", other.toUtf8()}}).status,
                                  201, 10000);
        // The hold made before the restart is still there, and sells.
        const HttpResult sold = http(m_network, "POST", server->at(u"/api/v1/holds/%1/purchase"_s.arg(hold.holdId)),
                                     R"({"payment":{"method":"card"}})", {{"X-Queue-Token", token.toUtf8()}});
        QCOMPARE(sold.status, 201);
    }

    void instanceKilled_buyersCarryOnThroughAnother()
    {
        const auto db = freshPostgresDatabase();
        QVERIFY2(db, "no PostgreSQL: the CTest fixture 'services' starts one");
        QTemporaryDir dir;
        const quint16 port = freePort();
        QProcess redis;
        QVERIFY(startRedis(redis, port, dir.path(), false));
        QProcess a, b, c;
        const QList<QUrl> urls = startServerProcesses(
            {&a, &b, &c}, {u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s, *db, u"--redis"_s,
                           u"redis://127.0.0.1:%1"_s.arg(port), u"--join-rate"_s, u"0"_s, u"--staff-key"_s,
                           u"test-staff-key"_s, u"--tick-ms"_s, u"100"_s, u"--capacity"_s, u"10"_s});
        for (const QUrl &u : urls)
            QVERIFY(u.isValid() && !u.isEmpty());
        QStringList tiers;
        for (const QJsonValue &t : get(urls[1], u"/api/v1/performances/indie-bloom-p2/layout"_s).value(u"tiers"_s).toArray())
            tiers << t.toObject().value(u"id"_s).toString();
        QVERIFY(!tiers.isEmpty());
        // Thirty buyers join through instance A.
        QStringList tokens;
        for (int i = 0; i < 30; ++i)
            tokens << join(urls[0], u"indie-bloom"_s, u"k%1"_s.arg(i));
        QVERIFY(!tokens.contains(QString()));
        a.kill();
        QVERIFY(a.waitForFinished(5000));
        // Through B and C: every buyer is still there; the admitted ones hold and buy,
        // and the rest come in as they finish.
        int bought = 0;
        QSet<QString> done;
        QElapsedTimer clock;
        clock.start();
        while (done.size() < tokens.size() && clock.elapsed() < 60000) {
            for (int i = 0; i < tokens.size(); ++i) {
                if (done.contains(tokens[i]))
                    continue;
                const QUrl &via = urls[1 + i % 2];
                const QJsonObject t = get(via, u"/api/v1/queue/"_s + tokens[i]);
                const QString state = t.value(u"status"_s).toString();
                QVERIFY2(state == u"waiting" || state == u"active", qPrintable(u"%1: %2"_s.arg(i).arg(state)));
                if (state != u"active")
                    continue;
                HttpResult held;
                for (const QString &tier : tiers) {
                    held = http(m_network, "POST", via.resolved(QUrl(u"/api/v1/performances/indie-bloom-p2/holds"_s)),
                                "{\"best\":{\"count\":1,\"tier\":\"" + tier.toUtf8() + "\"}}",
                                {{"X-Queue-Token", tokens[i].toUtf8()}});
                    if (held.status != 409)
                        break;
                }
                if (held.status == 201) {
                    const Hold h = Hold::fromJson(held.json()).value();
                    const QUrl &other = urls[1 + (i + 1) % 2];  // and buy through the other one
                    QCOMPARE(http(m_network, "POST", other.resolved(QUrl(u"/api/v1/holds/%1/purchase"_s.arg(h.holdId))),
                                  R"({"payment":{"method":"test"}})", {{"X-Queue-Token", tokens[i].toUtf8()}}).status,
                             201);
                    ++bought;
                } else {
                    QCOMPARE(http(m_network, "DELETE", via.resolved(QUrl(u"/api/v1/queue/"_s + tokens[i]))).status, 204);
                }
                done.insert(tokens[i]);
            }
            QTest::qWait(100);  // the promoter's next tick, on B or C
        }
        QCOMPARE(done.size(), tokens.size());
        QVERIFY(bought > 0);
        for (QProcess *p : {&b, &c}) {
            p->terminate();
            p->waitForFinished(5000);
        }
        redis.kill();
        redis.waitForFinished(5000);
    }
};

QTEST_MAIN(TestFaults)
#include "tst_faults.moc"
