// Redis going away and coming back under a running server: requests that need it
// answer 503 with the error body within a bounded time, /healthz says so, and the
// server serves again within 2 s of Redis returning, by itself.
#include "testsupport.h"

#include "domain/errorbody.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestQueueOutage : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QProcess m_redis;

    bool startRedis()
    {
        m_redis.start(u"redis-server"_s, {u"--port"_s, QString::number(m_port), u"--bind"_s, u"127.0.0.1"_s,
                                          u"--save"_s, u""_s, u"--appendonly"_s, u"no"_s, u"--dir"_s, m_dir.path()});
        if (!m_redis.waitForStarted(5000))
            return false;
        // Ready when it accepts connections.
        QByteArray out;
        while (!out.contains("Ready to accept connections") && m_redis.state() == QProcess::Running) {
            m_redis.waitForReadyRead(5000);
            out += m_redis.readAllStandardOutput();
        }
        return m_redis.state() == QProcess::Running;
    }

    void stopRedis()
    {
        m_redis.kill();
        m_redis.waitForFinished(5000);
    }

    HttpResult join(TestServer &server, const QString &user)
    {
        return http(m_network, "POST", server.at(u"/api/v1/concerts/ironclad-reunion/queue"_s),
                    "{\"userId\":\"" + user.toUtf8() + "\"}");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_port = probe.serverPort();
        probe.close();
        m_redis.setProcessChannelMode(QProcess::MergedChannels);
    }

    void redisDown_answers503QuicklyAndRecoversWithin2s()
    {
        QVERIFY(startRedis());
        auto server = TestServer::start(u"sqlite"_s, true, [this](Server::ServerConfig &c) {
            c.redisUrl = QUrl(u"redis://127.0.0.1:%1"_s.arg(m_port));
            c.tickMs = 100;
        });
        QVERIFY2(server->error.isEmpty(), qPrintable(server->error));
        const HttpResult first = join(*server, u"before"_s);
        QCOMPARE(first.status, 201);
        const QString token = first.json().toObject().value(u"token"_s).toString();

        stopRedis();
        QElapsedTimer timer;
        timer.start();
        const HttpResult down = join(*server, u"during"_s);
        QVERIFY2(timer.elapsed() < 2000, "a request during the outage must not hang");
        QCOMPARE(down.status, 503);
        QCOMPARE(ErrorBody::fromJson(down.json()).value().code, u"unavailable"_s);
        QCOMPARE(http(m_network, "GET", server->at(u"/api/v1/queue/"_s + token)).status, 503);
        const HttpResult health = http(m_network, "GET", server->at(u"/healthz"_s));
        QCOMPARE(health.status, 503);
        QCOMPARE(health.json().toObject().value(u"status"_s).toString(), u"unavailable"_s);
        // The catalog does not need Redis and keeps working.
        QCOMPARE(http(m_network, "GET", server->at(u"/api/v1/concerts"_s)).status, 200);

        QVERIFY(startRedis());
        timer.restart();
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", server->at(u"/healthz"_s)).status, 200, 5000);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(u"recovered after %1 ms"_s.arg(timer.elapsed())));
        // Redis came back empty (no persistence): scripts reload and joins work again.
        const HttpResult after = join(*server, u"after"_s);
        QCOMPARE(after.status, 201);
        const QString again = after.json().toObject().value(u"token"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(
            http(m_network, "GET", server->at(u"/api/v1/queue/"_s + again)).json().toObject().value(u"status"_s).toString(),
            u"active"_s, 5000);
        stopRedis();
    }

    void redisDownAtStart_serverStartsUnhealthyThenServes()
    {
        auto server = TestServer::start(u"sqlite"_s, true, [this](Server::ServerConfig &c) {
            c.redisUrl = QUrl(u"redis://127.0.0.1:%1"_s.arg(m_port));
            c.tickMs = 100;
        });
        QVERIFY2(server->error.isEmpty(), qPrintable(server->error));
        QCOMPARE(http(m_network, "GET", server->at(u"/healthz"_s)).status, 503);
        QCOMPARE(join(*server, u"early"_s).status, 503);
        QVERIFY(startRedis());
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", server->at(u"/healthz"_s)).status, 200, 5000);
        QCOMPARE(join(*server, u"later"_s).status, 201);
        stopRedis();
    }
};

QTEST_GUILESS_MAIN(TestQueueOutage)
#include "tst_queueoutage.moc"
