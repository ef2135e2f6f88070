// The waiting room over HTTP: join, status, leave, staff settings, the crowd
// simulator and every bad input, against an in-process server on a free port.
#include "testsupport.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

#include "domain/errorbody.h"
#include "domain/queuestats.h"
#include "domain/queueticket.h"
#include "server/queue/queueservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {
const QByteArray Staff = "Bearer test-staff-key";
}

class TestQueueRoutes : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<TestServer> m_server;

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return http(m_network, method, m_server->at(path), body, headers);
    }
    HttpResult join(const QString &concert, const QString &user)
    {
        return call("POST", u"/api/v1/concerts/%1/queue"_s.arg(concert),
                    QJsonDocument(QJsonObject{{u"userId"_s, user}}).toJson());
    }
    static QueueTicket ticket(const HttpResult &r)
    {
        auto t = QueueTicket::fromJson(r.json());
        return t ? t.value() : QueueTicket{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::start(u"sqlite"_s, true, [](Server::ServerConfig &c) {
            c.tickMs = 50;
            c.queue.defaults.capacity = 2;
        });
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
    }

    void join_createsThenReturnsTheSameToken()
    {
        const HttpResult first = join(u"ironclad-reunion"_s, u"alice"_s);
        QCOMPARE(first.status, 201);
        const QueueTicket t = ticket(first);
        QCOMPARE(t.concertId, u"ironclad-reunion"_s);
        QVERIFY(t.token.startsWith(u"ironclad-reunion."_s));
        QCOMPARE(t.token.size(), qsizetype(u"ironclad-reunion."_s.size() + 32));  // 128 random bits in hex
        const HttpResult again = join(u"ironclad-reunion"_s, u"alice"_s);
        QCOMPARE(again.status, 200);
        QCOMPARE(ticket(again).token, t.token);
        QVERIFY(join(u"ironclad-reunion"_s, u"bob"_s).status == 201);
        QVERIFY(ticket(join(u"ironclad-reunion"_s, u"carol"_s)).token != t.token);
    }

    void status_movesFromWaitingToActiveByItself()
    {
        // Capacity 2: the third and fourth wait until someone leaves.
        QStringList tokens;
        for (const QString &user : {u"w1"_s, u"w2"_s, u"w3"_s, u"w4"_s})
            tokens << ticket(join(u"trot-king"_s, user)).token;
        QTRY_COMPARE_WITH_TIMEOUT(ticket(call("GET", u"/api/v1/queue/"_s + tokens[1])).state,
                                  QueueTicket::State::Active, 10000);
        const QueueTicket active = ticket(call("GET", u"/api/v1/queue/"_s + tokens[0]));
        QCOMPARE(active.state, QueueTicket::State::Active);
        QVERIFY(active.expiresAt && *active.expiresAt > QDateTime::currentDateTimeUtc());
        QVERIFY(!active.position);

        const QueueTicket waiting = ticket(call("GET", u"/api/v1/queue/"_s + tokens[3]));
        QCOMPARE(waiting.state, QueueTicket::State::Waiting);
        QCOMPARE(*waiting.position, 2);
        QCOMPARE(*waiting.ahead, 1);
        QCOMPARE(waiting.waiting, 2);
        QVERIFY(waiting.etaSeconds && *waiting.etaSeconds > 0);

        // Leaving frees the slot at once; the next waiter gets it on the next tick.
        QCOMPARE(call("DELETE", u"/api/v1/queue/"_s + tokens[0]).status, 204);
        QCOMPARE(ticket(call("GET", u"/api/v1/queue/"_s + tokens[0])).state, QueueTicket::State::Expired);
        QTRY_COMPARE_WITH_TIMEOUT(ticket(call("GET", u"/api/v1/queue/"_s + tokens[2])).state,
                                  QueueTicket::State::Active, 10000);
    }

    void preQueue_beforeSalesOpen()
    {
        const QueueTicket t = ticket(join(u"winter-musical"_s, u"early-bird"_s));
        QCOMPARE(t.state, QueueTicket::State::Waiting);
        QVERIFY(t.preQueue);
        QVERIFY(t.opensAt && *t.opensAt > QDateTime::currentDateTimeUtc());
        QVERIFY(*t.etaSeconds > 3600);
    }

    void badTokens_are404()
    {
        verifyError(call("GET", u"/api/v1/queue/nope"_s), 404, u"not_found"_s);
        verifyError(call("GET", u"/api/v1/queue/ironclad-reunion.0123456789abcdef0123456789abcdef"_s), 404,
                    u"not_found"_s);
        verifyError(call("GET", u"/api/v1/queue/no-concert.0123456789abcdef0123456789abcdef"_s), 404,
                    u"not_found"_s);
        verifyError(call("DELETE", u"/api/v1/queue/ironclad-reunion.0123456789abcdef0123456789abcdef"_s), 404,
                    u"not_found"_s);
    }

    void badJoins_are4xxAndChangeNothing_data()
    {
        QTest::addColumn<QString>("concert");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("malformed") << u"ironclad-reunion"_s << QByteArray("{\"userId\":") << 400 << u"bad_request"_s;
        QTest::newRow("empty body") << u"ironclad-reunion"_s << QByteArray() << 400 << u"bad_request"_s;
        QTest::newRow("array") << u"ironclad-reunion"_s << QByteArray("[\"a\"]") << 400 << u"bad_request"_s;
        QTest::newRow("no userId") << u"ironclad-reunion"_s << QByteArray("{}") << 400 << u"bad_request"_s;
        QTest::newRow("number userId") << u"ironclad-reunion"_s << QByteArray("{\"userId\":7}") << 400 << u"bad_request"_s;
        QTest::newRow("blank userId") << u"ironclad-reunion"_s << QByteArray("{\"userId\":\"  \"}") << 400 << u"bad_request"_s;
        QTest::newRow("long userId") << u"ironclad-reunion"_s << QByteArray("{\"userId\":\"" + QByteArray(300, 'x') + "\"}") << 400 << u"bad_request"_s;
        QTest::newRow("unknown concert") << u"no-such-concert"_s << QByteArray("{\"userId\":\"a\"}") << 404 << u"not_found"_s;
    }

    void badJoins_are4xxAndChangeNothing()
    {
        QFETCH(QString, concert);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const int before = QueueStats::fromJson(call("GET", u"/api/v1/admin/concerts/ironclad-reunion/queue"_s, {},
                                                     {{"Authorization", Staff}}).json()).value().waiting;
        verifyError(call("POST", u"/api/v1/concerts/%1/queue"_s.arg(concert), body), status, code);
        const int after = QueueStats::fromJson(call("GET", u"/api/v1/admin/concerts/ironclad-reunion/queue"_s, {},
                                                    {{"Authorization", Staff}}).json()).value().waiting;
        QCOMPARE(after, before);
    }

    void staff_needsTheKey()
    {
        const QString path = u"/api/v1/admin/concerts/ironclad-reunion/queue"_s;
        verifyError(call("GET", path), 401, u"unauthorized"_s);
        verifyError(call("GET", path, {}, {{"Authorization", "Bearer wrong"}}), 403, u"forbidden"_s);
        verifyError(call("GET", path, {}, {{"Authorization", "Basic dGVzdA=="}}), 403, u"forbidden"_s);
        verifyError(call("PUT", path, "{\"paused\":true}"), 401, u"unauthorized"_s);
        const HttpResult ok = call("GET", path, {}, {{"Authorization", Staff}});
        QCOMPARE(ok.status, 200);
        auto stats = QueueStats::fromJson(ok.json());
        QVERIFY(stats.ok());
        QCOMPARE(stats.value().capacity, 2);
        QCOMPARE(stats.value().sessionSeconds, 180);
    }

    void staff_changesSettings()
    {
        const QString path = u"/api/v1/admin/concerts/haneul-encore/queue"_s;
        const HttpResult r = call("PUT", path, R"({"capacity":7,"sessionSeconds":120,"paused":true})",
                                  {{"Authorization", Staff}});
        QCOMPARE(r.status, 200);
        const QueueStats s = QueueStats::fromJson(r.json()).value();
        QCOMPARE(s.capacity, 7);
        QCOMPARE(s.sessionSeconds, 120);
        QVERIFY(s.paused);
        // Paused: a waiter stays waiting through several ticks.
        const QString token = ticket(join(u"haneul-encore"_s, u"patient"_s)).token;
        // Several promoter ticks later it still waits.
        const qint64 ticks = m_server->server->queue()->tickCount();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->server->queue()->tickCount() >= ticks + 3, 10000);
        QCOMPARE(ticket(call("GET", u"/api/v1/queue/"_s + token)).state, QueueTicket::State::Waiting);
        QCOMPARE(call("PUT", path, R"({"paused":false})", {{"Authorization", Staff}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(ticket(call("GET", u"/api/v1/queue/"_s + token)).state,
                                  QueueTicket::State::Active, 10000);

        verifyError(call("PUT", path, R"({"capacity":"many"})", {{"Authorization", Staff}}), 400, u"bad_request"_s);
        verifyError(call("PUT", path, R"({"capacity":-1})", {{"Authorization", Staff}}), 400, u"bad_request"_s);
        verifyError(call("PUT", path, R"({"sessionSeconds":1.5})", {{"Authorization", Staff}}), 400, u"bad_request"_s);
        verifyError(call("PUT", path, R"({"paused":"yes"})", {{"Authorization", Staff}}), 400, u"bad_request"_s);
        verifyError(call("PUT", path, "nope", {{"Authorization", Staff}}), 400, u"bad_request"_s);
        verifyError(call("PUT", u"/api/v1/admin/concerts/nope/queue"_s, "{}", {{"Authorization", Staff}}), 404,
                    u"not_found"_s);
        QCOMPARE(QueueStats::fromJson(call("GET", path, {}, {{"Authorization", Staff}}).json()).value().capacity, 7);
    }

    void crowd_fillsTheQueue()
    {
        const QString path = u"/api/v1/admin/concerts/jazz-after-dark/crowd"_s;
        verifyError(call("POST", path, R"({"count":10})"), 401, u"unauthorized"_s);
        verifyError(call("POST", path, R"({"count":0})", {{"Authorization", Staff}}), 400, u"bad_request"_s);
        const HttpResult r = call("POST", path, R"({"count":5000})", {{"Authorization", Staff}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().toObject().value(u"added"_s).toInt(), 5000);
        auto stats = [this] {
            return QueueStats::fromJson(call("GET", u"/api/v1/admin/concerts/jazz-after-dark/queue"_s, {},
                                             {{"Authorization", Staff}}).json()).value();
        };
        // The promoter fills the room (capacity 2) on its next tick; after that nobody
        // moves until a session ends (minutes away).
        QTRY_COMPARE_WITH_TIMEOUT(stats().active, 2, 5000);
        const QueueStats s = stats();
        QCOMPARE(s.waiting + s.active, 5000);
        const QueueTicket me = ticket(join(u"jazz-after-dark"_s, u"real-person"_s));
        QCOMPARE(*me.position, s.waiting + 1);
    }

    void history_isRecordedByThePromoter()
    {
        const QString path = u"/api/v1/admin/concerts/ironclad-reunion/queue/history"_s;
        verifyError(call("GET", path), 401, u"unauthorized"_s);
        verifyError(call("GET", path, {}, {{"Authorization", "Bearer wrong"}}), 403, u"forbidden"_s);
        verifyError(call("GET", u"/api/v1/admin/concerts/nope/queue/history"_s, {}, {{"Authorization", Staff}}), 404,
                    u"not_found"_s);
        // The promoter has ticked since the server started: a sample is there.
        QTRY_VERIFY_WITH_TIMEOUT(!call("GET", path, {}, {{"Authorization", Staff}}).json().toObject()
                                      .value(u"samples"_s).toArray().isEmpty(), 5000);
        const QJsonObject sample = call("GET", path, {}, {{"Authorization", Staff}}).json().toObject()
                                       .value(u"samples"_s).toArray().first().toObject();
        QVERIFY(parseTime(sample.value(u"at"_s).toString()).has_value());
        QVERIFY(sample.value(u"waiting"_s).isDouble());
        QVERIFY(sample.value(u"active"_s).isDouble());
    }

    void expire_endsActiveSessions()
    {
        const QString path = u"/api/v1/admin/concerts/echo-solo/expire"_s;
        verifyError(call("POST", path, R"({"count":1})"), 401, u"unauthorized"_s);
        verifyError(call("POST", path, R"({"count":1})", {{"Authorization", "Bearer wrong"}}), 403, u"forbidden"_s);
        verifyError(call("POST", path, R"({"count":"all"})", {{"Authorization", Staff}}), 400, u"bad_request"_s);
        verifyError(call("POST", u"/api/v1/admin/concerts/nope/expire"_s, R"({"count":1})", {{"Authorization", Staff}}),
                    404, u"not_found"_s);
        const QueueTicket me = ticket(join(u"echo-solo"_s, u"expire-me"_s));
        QTRY_COMPARE(ticket(call("GET", u"/api/v1/queue/"_s + me.token)).state, QueueTicket::State::Active);
        const HttpResult r = call("POST", path, R"({"count":1000})", {{"Authorization", Staff}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().toObject().value(u"expired"_s).toInt() >= 1);
        QCOMPARE(ticket(call("GET", u"/api/v1/queue/"_s + me.token)).state, QueueTicket::State::Expired);
    }

    void joins_areRateLimitedPerAddress()
    {
        auto limited = TestServer::start(u"sqlite"_s, true, [](Server::ServerConfig &c) {
            c.queue.joinRatePerSecond = 1;
            c.queue.joinBurst = 3;
        });
        QVERIFY(limited->error.isEmpty());
        int accepted = 0;
        HttpResult refused;
        for (int i = 0; i < 10 && refused.status == 0; ++i) {
            const HttpResult r = http(m_network, "POST", limited->at(u"/api/v1/concerts/echo-solo/queue"_s),
                                      "{\"userId\":\"u" + QByteArray::number(i) + "\"}");
            if (r.status == 429)
                refused = r;
            else
                ++accepted;
        }
        QCOMPARE(accepted, 3);
        verifyError(refused, 429, u"rate_limited"_s);
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
    }

    void metrics_reportTheQueue()
    {
        const HttpResult r = call("GET", u"/metrics"_s);
        QVERIFY(r.body.contains("boxoffice_queue_admitted_total "));
        QVERIFY(r.body.contains("boxoffice_queue_waiting{concert=\"jazz-after-dark\"}"));
    }
};

QTEST_GUILESS_MAIN(TestQueueRoutes)
#include "tst_queueroutes.moc"
