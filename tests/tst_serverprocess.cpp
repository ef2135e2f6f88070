// boxoffice-server as a process: its one "listening on" line, its exit codes and
// messages when it cannot start, and several instances sharing one PostgreSQL.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestServerProcess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;

    // Starts the server; returns its URL from the one stdout line, or an empty URL.
    static QUrl startServer(QProcess &process, const QStringList &args)
    {
        const QUrl url = startServerProcess(process, args);
        static const QRegularExpression loopback(uR"(^http://127\.0\.0\.1:\d+$)"_s);
        return loopback.match(url.toString()).hasMatch() ? url : QUrl();
    }

    static QPair<int, QString> runToExit(const QStringList &args)
    {
        QProcess p;
        p.start(serverBinary(), args);
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return {-1, u"did not exit"_s};
        }
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void start_printsOneLineAndServesUntilTerminated()
    {
        QProcess server;
        const QUrl url = startServer(server, {u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s,
                                              u"sqlite:"_s + m_dir.filePath(u"a.sqlite"_s)});
        QVERIFY(url.isValid() && url.port() > 0);
        QUrl health = url;
        health.setPath(u"/healthz"_s);
        QCOMPARE(http(m_network, "GET", health).status, 200);
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QVERIFY(server.readAllStandardOutput().isEmpty());  // nothing after the line
    }

    void restart_keepsTheDatabaseAndDoesNotSeedTwice()
    {
        const QString db = u"sqlite:"_s + m_dir.filePath(u"b.sqlite"_s);
        for (int run = 0; run < 2; ++run) {
            QProcess server;
            const QUrl url = startServer(server, {u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s, db});
            QVERIFY(url.isValid());
            QUrl concerts = url;
            concerts.setPath(u"/api/v1/concerts"_s);
            QCOMPARE(http(m_network, "GET", concerts).json().toArray().size(), 12);
            server.terminate();
            QVERIFY(server.waitForFinished(10000));
        }
    }

    // Issue 12: the embedded default (in-memory queue, SQLite) keeps its waiting rooms
    // and settings across SIGTERM and a new start on the same file.
    void sigterm_keepsTheInMemoryWaitingRooms()
    {
        const QString db = u"sqlite:"_s + m_dir.filePath(u"rooms.sqlite"_s);
        const QStringList args{u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s, db, u"--tick-ms"_s, u"50"_s,
                               u"--capacity"_s, u"1"_s, u"--join-rate"_s, u"0"_s, u"--staff-key"_s, u"k"_s};
        const QList<QPair<QByteArray, QByteArray>> staff{{"Authorization", "Bearer k"},
                                                         {"Content-Type", "application/json"}};
        auto at = [](QUrl url, const QString &path) {
            url.setPath(path);
            return url;
        };
        QStringList tokens;
        QList<QJsonValue> before;
        QJsonValue stats;
        {
            QProcess server;
            const QUrl url = startServer(server, args);
            QVERIFY(url.isValid());
            for (int i = 0; i < 4; ++i) {
                const HttpResult r = http(m_network, "POST", at(url, u"/api/v1/concerts/trot-king/queue"_s),
                                          "{\"userId\":\"p" + QByteArray::number(i) + "\"}", staff);
                QCOMPARE(r.status, 201);
                tokens << r.json()[u"token"_s].toString();
            }
            QTRY_COMPARE_WITH_TIMEOUT(
                http(m_network, "GET", at(url, u"/api/v1/queue/"_s + tokens[0])).json()[u"status"_s].toString(),
                u"active"_s, 10000);
            QCOMPARE(http(m_network, "PUT", at(url, u"/api/v1/admin/concerts/trot-king/queue"_s),
                          R"({"capacity":3,"sessionSeconds":600,"paused":true})", staff)
                         .status,
                     200);
            // Tickets say "paused" from the next promoter tick on.
            QTRY_VERIFY_WITH_TIMEOUT(
                http(m_network, "GET", at(url, u"/api/v1/queue/"_s + tokens[1])).json()[u"paused"_s].toBool(), 10000);
            for (const QString &t : tokens)
                before << http(m_network, "GET", at(url, u"/api/v1/queue/"_s + t)).json();
            stats = http(m_network, "GET", at(url, u"/api/v1/admin/concerts/trot-king/queue"_s), {}, staff).json();
            server.terminate();
            QVERIFY(server.waitForFinished(10000));
            QCOMPARE(server.exitCode(), 0);
            QVERIFY(server.readAllStandardError().contains("saved"));
        }
        QCOMPARE(before[0][u"status"_s].toString(), u"active"_s);
        QCOMPARE(before[3][u"position"_s].toInt(), 3);
        QProcess server;
        const QUrl url = startServer(server, args);
        QVERIFY(url.isValid());
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const QJsonValue now = http(m_network, "GET", at(url, u"/api/v1/queue/"_s + tokens[i])).json();
            QCOMPARE(now[u"status"_s], before[i][u"status"_s]);
            QCOMPARE(now[u"position"_s], before[i][u"position"_s]);
            QCOMPARE(now[u"expiresAt"_s], before[i][u"expiresAt"_s]);
            QCOMPARE(now[u"paused"_s], before[i][u"paused"_s]);
        }
        const QJsonValue after = http(m_network, "GET", at(url, u"/api/v1/admin/concerts/trot-king/queue"_s), {}, staff).json();
        for (const QString &key : {u"waiting"_s, u"active"_s, u"capacity"_s, u"sessionSeconds"_s, u"paused"_s})
            QCOMPARE(after[key], stats[key]);
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

    void portTaken_exitsNonZeroWithMessage()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const auto [code, err] = runToExit({u"--port"_s, QString::number(squatter.serverPort()), u"--db"_s,
                                            u"sqlite:"_s + m_dir.filePath(u"c.sqlite"_s)});
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(u"cannot listen"_s), qPrintable(err));
    }

    void badArguments_exitTwoWithMessage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("db url") << QStringList{u"--db"_s, u"mysql://x/y"_s} << u"--db"_s;
        QTest::newRow("redis url") << QStringList{u"--redis"_s, u"localhost"_s} << u"--redis"_s;
        QTest::newRow("port") << QStringList{u"--port"_s, u"-1"_s} << u"--port"_s;
    }

    void badArguments_exitTwoWithMessage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const auto [code, err] = runToExit(args);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(mentions), qPrintable(err));
    }

    void unreachableDatabase_exitsNonZeroWithMessage()
    {
        // Port 1 on loopback: nothing listens there; refused at once. The message names
        // the database but never its password.
        const auto [code, err] = runToExit(
            {u"--port"_s, u"0"_s, u"--db"_s, u"postgresql://postgres:pw-7f3a9c@127.0.0.1:1/none"_s});
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(u"cannot open the database"_s), qPrintable(err));
        QVERIFY2(err.contains(u"127.0.0.1:1"_s), qPrintable(err));
        QVERIFY2(!err.contains(u"pw-7f3a9c"_s), qPrintable(err));
    }

    void unwritableSqlite_exitsNonZeroWithMessage()
    {
        const auto [code, err] = runToExit({u"--port"_s, u"0"_s, u"--db"_s, u"sqlite:/proc/boxoffice/x.sqlite"_s});
        QCOMPARE(code, 1);
        QVERIFY2(!err.isEmpty(), "no message");
    }

    void threads_shareOnePortAndOneSetOfMetrics()
    {
        const QString redis = serviceUrl("BOXOFFICE_TEST_REDIS_URL");
        QVERIFY2(!redis.isEmpty(), "no Redis: the CTest fixture 'services' starts one");
        QProcess server;
        const QUrl url = startServer(server, {u"--port"_s, u"0"_s, u"--demo"_s, u"--threads"_s, u"3"_s, u"--redis"_s,
                                              redis, u"--join-rate"_s, u"0"_s, u"--db"_s,
                                              u"sqlite:"_s + m_dir.filePath(u"t.sqlite"_s)});
        QVERIFY(url.isValid());
        QVERIFY(server.readAllStandardError().contains("serving with 3 threads"));
        // Many requests at once over several connections: every thread gets some.
        QUrl join = url;
        join.setPath(u"/api/v1/concerts/indie-bloom/queue"_s);
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 300; ++i) {
            QNetworkRequest request(join);
            request.setRawHeader("Content-Type", "application/json");
            replies << m_network.post(request, "{\"userId\":\"threads-" + QByteArray::number(i) + "\"}");
        }
        int created = 0;
        for (QNetworkReply *reply : std::as_const(replies)) {
            if (!reply->isFinished())
                QSignalSpy(reply, &QNetworkReply::finished).wait(30000);
            created += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201;
            reply->deleteLater();
        }
        QCOMPARE(created, 300);
        QUrl metrics = url;
        metrics.setPath(u"/metrics"_s);
        const QByteArray text = http(m_network, "GET", metrics).body;
        QVERIFY2(text.contains(R"(route="/api/v1/concerts/{id}/queue",method="POST",status="201"} 300)"),
                 text.left(600).constData());
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
    }

    void inMemoryQueue_refusesThreads()
    {
        const auto [code, err] = runToExit({u"--threads"_s, u"2"_s});
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(u"--redis"_s), qPrintable(err));
    }

    void threeInstancesOnOnePostgres_seedOnceAndAgree()
    {
        const auto db = freshPostgresDatabase();
        QVERIFY2(db, "no PostgreSQL: the CTest fixture 'services' starts one");
        QProcess servers[3];
        const QList<QUrl> urls = startServerProcesses({&servers[0], &servers[1], &servers[2]},
                                                      {u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s, *db});
        for (const QUrl &url : urls)
            QVERIFY(url.isValid());
        QByteArray first;
        for (QUrl url : urls) {
            url.setPath(u"/api/v1/concerts"_s);
            const HttpResult r = http(m_network, "GET", url);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().toArray().size(), 12);
            if (first.isEmpty())
                first = r.body;
            QCOMPARE(r.body, first);
        }
        for (QProcess &p : servers) {
            p.terminate();
            QVERIFY(p.waitForFinished(10000));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
