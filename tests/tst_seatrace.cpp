// 200 buyers race for overlapping seats through HTTP: on PostgreSQL with three server
// processes (sharing Redis for the queue), and on SQLite with one. Exactly one winner
// per seat, every loser a 409 naming taken seats, and afterwards the status letters
// agree with the holds and then with the orders.
#include "testsupport.h"

#include "domain/hold.h"
#include "domain/order.h"
#include "domain/seatlayout.h"
#include "domain/seatstatus.h"
#include "server/queue/redisconnection.h"
#include "server/queue/redisqueuestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Server;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestSeatRace : public QObject
{
    Q_OBJECT

    static constexpr int Buyers = 200;
    static constexpr int Pool = 30;
    const QString m_concert = u"indie-bloom"_s;
    const QString m_performance = u"indie-bloom-p2"_s;
    QTemporaryDir m_dir;

    struct Reply
    {
        int status = 0;
        QJsonValue json;
    };

    // Fires every request at once over `clients` connections pools; waits for all.
    static QList<Reply> inParallel(const QList<QPair<QUrl, QPair<QByteArray, QByteArray>>> &requests)
    {
        QList<QNetworkAccessManager *> clients;
        for (int i = 0; i < 25; ++i)
            clients << new QNetworkAccessManager;
        QList<QNetworkReply *> replies;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            QNetworkRequest request(requests[i].first);
            request.setRawHeader("Content-Type", "application/json");
            const auto &[credential, body] = requests[i].second;
            request.setRawHeader(credential.startsWith("Bearer") ? "Authorization" : "X-Queue-Token", credential);
            replies << clients[i % clients.size()]->post(request, body);
        }
        QList<Reply> out;
        for (QNetworkReply *reply : std::as_const(replies)) {
            if (!reply->isFinished())
                QSignalSpy(reply, &QNetworkReply::finished).wait(60000);
            const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
            out.append({reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                        doc.isObject() ? QJsonValue(doc.object()) : QJsonValue()});
        }
        qDeleteAll(clients);
        return out;
    }

    void race(const QList<QUrl> &servers)
    {
        QNetworkAccessManager network;
        auto at = [&](int i, const QString &path) {
            QUrl u = servers[i % servers.size()];
            u.setPath(path);
            return u;
        };
        const QByteArray staff = "Bearer k";
        const QList<Seat> seats = SeatLayout::fromJson(
            http(network, "GET", at(0, u"/api/v1/performances/%1/layout"_s.arg(m_performance))).json()).value().seats;
        auto letters = [&] {
            return SeatStatus::fromJson(http(network, "GET", at(1, u"/api/v1/performances/%1/status"_s.arg(m_performance)),
                                             {}, {{"Authorization", staff}}).json()).value().status;
        };
        QStringList pool;
        const QByteArray before = letters();
        for (qsizetype i = 0; i < seats.size() && pool.size() < Pool; ++i)
            if (before.at(i) == 'A')
                pool << seats[i].id;
        QCOMPARE(pool.size(), Pool);

        // 200 buyers join (spread over the instances) and are admitted.
        QList<QByteArray> tokens;
        for (int i = 0; i < Buyers; ++i) {
            const HttpResult r = http(network, "POST", at(i, u"/api/v1/concerts/%1/queue"_s.arg(m_concert)),
                                      "{\"userId\":\"racer-" + QByteArray::number(i) + "\"}");
            QCOMPARE(r.status, 201);
            tokens << r.json().toObject().value(u"token"_s).toString().toUtf8();
        }
        QTRY_COMPARE_WITH_TIMEOUT(http(network, "GET", at(0, u"/api/v1/queue/"_s + QString::fromUtf8(tokens.last())))
                                      .json().toObject().value(u"status"_s).toString(),
                                  u"active"_s, 20000);

        // Each wants two seats of the pool: overlapping on purpose.
        QRandomGenerator random(2026);
        QList<QStringList> wanted;
        QList<QPair<QUrl, QPair<QByteArray, QByteArray>>> holds;
        for (int i = 0; i < Buyers; ++i) {
            const int a = random.bounded(Pool);
            const int b = (a + 1 + random.bounded(Pool - 1)) % Pool;
            wanted << QStringList{pool[a], pool[b]};
            holds.append({at(i, u"/api/v1/performances/%1/holds"_s.arg(m_performance)),
                          {tokens[i], QJsonDocument(QJsonObject{{u"seats"_s, QJsonArray::fromStringList(wanted[i])}})
                                          .toJson(QJsonDocument::Compact)}});
        }
        const QList<Reply> results = inParallel(holds);

        QHash<QString, int> ownerOf;  // seat -> winning buyer
        QList<int> winners;
        int losers = 0;
        for (int i = 0; i < Buyers; ++i) {
            const Reply &r = results[i];
            QVERIFY2(r.status == 201 || r.status == 409, qPrintable(u"buyer %1 got %2"_s.arg(i).arg(r.status)));
            if (r.status == 409) {
                ++losers;
                const QJsonObject error = r.json.toObject().value(u"error"_s).toObject();
                QCOMPARE(error.value(u"code"_s).toString(), u"seat_unavailable"_s);
                const QJsonArray named = error.value(u"seats"_s).toArray();
                QVERIFY(!named.isEmpty());
                for (const QJsonValue &seat : named)
                    QVERIFY(wanted[i].contains(seat.toString()));
                continue;
            }
            winners << i;
            for (const QString &seat : wanted[i]) {
                QVERIFY2(!ownerOf.contains(seat), qPrintable(u"seat %1 held twice"_s.arg(seat)));
                ownerOf.insert(seat, i);
            }
        }
        QVERIFY(winners.size() >= 1);
        QVERIFY(losers >= Buyers - Pool / 2);
        qInfo() << winners.size() << "winners," << losers << "losers";

        auto verifyLetters = [&](char expected) {
            const QByteArray now = letters();
            for (qsizetype i = 0; i < seats.size(); ++i) {
                if (ownerOf.contains(seats[i].id))
                    QCOMPARE(now.at(i), expected);
                else if (pool.contains(seats[i].id))
                    QCOMPARE(now.at(i), 'A');  // a loser's seat nobody won stays available
                else
                    QCOMPARE(now.at(i), before.at(i));
            }
        };
        verifyLetters('H');

        // The winners buy, at once; then the letters agree with the orders.
        QList<QPair<QUrl, QPair<QByteArray, QByteArray>>> purchases;
        for (int w : std::as_const(winners))
            purchases.append({at(w + 1, u"/api/v1/holds/%1/purchase"_s.arg(results[w].json.toObject()
                                                                                  .value(u"holdId"_s).toString())),
                              {tokens[w], R"({"payment":{"method":"test"}})"}});
        const QList<Reply> orders = inParallel(purchases);
        QSet<QString> sold;
        for (const Reply &o : orders) {
            QCOMPARE(o.status, 201);
            for (const QJsonValue &seat : o.json.toObject().value(u"seats"_s).toArray()) {
                QVERIFY2(!sold.contains(seat.toString()), "a seat in two orders");
                sold.insert(seat.toString());
            }
        }
        QCOMPARE(sold.size(), ownerOf.size());
        verifyLetters('S');
    }

private Q_SLOTS:
    void postgres_threeInstances()
    {
        const QUrl redisUrl(serviceUrl("BOXOFFICE_TEST_REDIS_URL"));
        QVERIFY2(redisUrl.port() > 0, "no Redis: the CTest fixture 'services' starts one");
        const auto db = freshPostgresDatabase();
        QVERIFY2(db, "no PostgreSQL: the CTest fixture 'services' starts one");
        RedisConnection redis(redisUrl.host(), redisUrl.port());
        QList<QByteArray> del{"DEL"};
        del += RedisQueueStore::keys(m_concert);
        QVERIFY(redis.command(del).ok());
        QProcess servers[3];
        const QList<QUrl> urls = startServerProcesses(
            {&servers[0], &servers[1], &servers[2]},
            {u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s, *db, u"--redis"_s, redisUrl.toString(), u"--join-rate"_s,
             u"0"_s, u"--capacity"_s, u"1000"_s, u"--tick-ms"_s, u"50"_s, u"--staff-key"_s, u"k"_s});
        for (const QUrl &url : urls)
            QVERIFY(url.isValid());
        race(urls);
        for (QProcess &p : servers) {
            p.terminate();
            QVERIFY(p.waitForFinished(10000));
        }
    }

    void sqlite_oneInstance()
    {
        QProcess server;
        const QUrl url = startServerProcess(server, {u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s,
                                                     u"sqlite:"_s + m_dir.filePath(u"race.sqlite"_s), u"--join-rate"_s,
                                                     u"0"_s, u"--capacity"_s, u"1000"_s, u"--tick-ms"_s, u"50"_s,
                                                     u"--staff-key"_s, u"k"_s});
        QVERIFY(url.isValid());
        race({url});
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestSeatRace)
#include "tst_seatrace.moc"
