// The server's routes through a real QNetworkAccessManager against a server on a
// free port, once on SQLite and once on PostgreSQL (from the CTest fixture).
#include "testsupport.h"

#include "domain/concert.h"
#include "domain/errorbody.h"
#include "domain/seatlayout.h"
#include "server/http/httpresponse.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestServerRoutes : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<TestServer> m_sqlite;
    std::unique_ptr<TestServer> m_postgres;

    TestServer *server()
    {
        QFETCH_GLOBAL(QString, database);
        return database == u"sqlite" ? m_sqlite.get() : m_postgres.get();
    }

    HttpResult get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return http(m_network, "GET", server()->at(path), {}, headers);
    }


private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("database");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }

    void initTestCase()
    {
        m_sqlite = TestServer::start(u"sqlite"_s);
        QVERIFY2(m_sqlite->error.isEmpty(), qPrintable(m_sqlite->error));
        m_postgres = TestServer::start(u"postgresql"_s);
        QVERIFY2(m_postgres->error.isEmpty(), qPrintable(m_postgres->error));
    }

    void concerts_listTheDemoCatalog()
    {
        const HttpResult r = get(u"/api/v1/concerts"_s);
        QCOMPARE(r.status, 200);
        auto concerts = Concert::listFromJson(r.json());
        QVERIFY2(concerts.ok(), concerts.ok() ? "" : qPrintable(concerts.error().toString()));
        QCOMPARE(concerts.value().size(), 12);
        QSet<int> venueSizes;
        int onSale = 0, upcoming = 0, soldOut = 0;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Concert &c : concerts.value()) {
            venueSizes.insert(c.venue.seatCount);
            QVERIFY(!c.performances.isEmpty());
            for (const auto &p : c.performances) {
                QCOMPARE(p.seatCount, c.venue.seatCount);
                if (p.salesOpenAt > now) {
                    ++upcoming;
                    QCOMPARE(p.available, p.seatCount);
                } else if (p.available == 0)
                    ++soldOut;
                else
                    ++onSale;
            }
        }
        QVERIFY(venueSizes.contains(500));
        QVERIFY(std::any_of(venueSizes.cbegin(), venueSizes.cend(), [](int n) { return n >= 14000 && n <= 16000; }));
        QVERIFY(std::any_of(venueSizes.cbegin(), venueSizes.cend(), [](int n) { return n >= 58000 && n <= 62000; }));
        QVERIFY(onSale > 0);
        QVERIFY(upcoming > 0);
        QVERIFY(soldOut > 0);
    }

    void concert_byIdAndUnknownId()
    {
        const HttpResult r = get(u"/api/v1/concerts/echo-solo"_s);
        QCOMPARE(r.status, 200);
        auto c = Concert::fromJson(r.json());
        QVERIFY(c.ok());
        QCOMPARE(c.value().id, u"echo-solo"_s);
        verifyError(get(u"/api/v1/concerts/no-such-concert"_s), 404, u"not_found"_s);
        verifyError(get(u"/api/v1/concerts/%27%3B%20DROP%20TABLE%20concerts%3B--"_s), 404, u"not_found"_s);
        QCOMPARE(get(u"/api/v1/concerts"_s).json().toArray().size(), 12);  // still there
    }

    void layout_isCompleteAndConsistent()
    {
        const HttpResult r = get(u"/api/v1/performances/aurora-world-tour-p1/layout"_s);
        QCOMPARE(r.status, 200);
        auto layout = SeatLayout::fromJson(r.json());
        QVERIFY2(layout.ok(), layout.ok() ? "" : qPrintable(layout.error().toString()));
        const SeatLayout &l = layout.value();
        QCOMPARE(l.performanceId, u"aurora-world-tour-p1"_s);
        QVERIFY(l.seats.size() >= 58000);
        QVERIFY(l.tiers.size() >= 3 && l.tiers.size() <= 5);
        for (const Tier &t : l.tiers) {
            QCOMPARE(t.price.currency, u"KRW"_s);
            QVERIFY(t.price.amount > 10000);
        }
        QVERIFY(l.sections.size() > 20);
    }

    void layout_etagAnswers304()
    {
        const QString path = u"/api/v1/performances/echo-solo-p1/layout"_s;
        const HttpResult first = get(path);
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("ETag");
        QVERIFY(etag.startsWith('"') && etag.endsWith('"') && etag.size() > 10);
        const HttpResult again = get(path, {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("ETag"), etag);
        QCOMPARE(get(path, {{"If-None-Match", "\"other\", " + etag}}).status, 304);
        QCOMPARE(get(path, {{"If-None-Match", "\"stale\""}}).status, 200);
        // Another performance of another venue has another tag.
        QVERIFY(get(u"/api/v1/performances/haneul-encore-p1/layout"_s).header("ETag") != etag);
    }

    void layout_unknownPerformance()
    {
        verifyError(get(u"/api/v1/performances/nope/layout"_s), 404, u"not_found"_s);
    }

    void unknownPaths_getJsonNotFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("root") << u"/"_s;
        QTest::newRow("unknown") << u"/api/v1/nothing"_s;
        QTest::newRow("trailing slash") << u"/api/v1/concerts/"_s;
        QTest::newRow("double slash") << u"/api/v1//concerts"_s;
        QTest::newRow("too deep") << u"/api/v1/concerts/a/b/c/d"_s;
        QTest::newRow("v2") << u"/api/v2/concerts"_s;
        QTest::newRow("encoded") << u"/api/v1/%00%ff"_s;
    }

    void unknownPaths_getJsonNotFound()
    {
        QFETCH(QString, path);
        verifyError(http(m_network, "GET", QUrl(server()->url.toString() + path)), 404, u"not_found"_s);
    }

    void wrongMethod_is405WithAllow_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("POST concerts") << QByteArray("POST") << u"/api/v1/concerts"_s;
        QTest::newRow("DELETE concert") << QByteArray("DELETE") << u"/api/v1/concerts/echo-solo"_s;
        QTest::newRow("PUT layout") << QByteArray("PUT") << u"/api/v1/performances/echo-solo-p1/layout"_s;
        QTest::newRow("PATCH healthz") << QByteArray("PATCH") << u"/healthz"_s;
    }

    void wrongMethod_is405WithAllow()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const HttpResult r = http(m_network, method, server()->at(path), "{}");
        verifyError(r, 405, u"method_not_allowed"_s);
        QCOMPARE(r.header("Allow"), QByteArray("GET"));
    }

    // A body over --max-body is refused by the front as soon as its length is known,
    // before any route runs, through the one mapping, naming the limit.
    void oversizedBody_is413()
    {
        for (const qint64 size : {qint64(200 * 1024), qint64(100 * 1024 + 2)}) {
            const HttpResult r = http(m_network, "POST", server()->at(u"/api/v1/concerts/echo-solo/queue"_s),
                                      QByteArray(size - 2, ' ') + "{}");
            verifyError(r, 413, u"payload_too_large"_s);
            const ErrorBody expected{u"payload_too_large"_s,
                                     u"request body of %1 bytes is over the limit of %2"_s.arg(size).arg(64 * 1024),
                                     {{u"limit"_s, 64 * 1024}}};
            QCOMPARE(ErrorBody::fromJson(r.json()).value(), expected);
            QCOMPARE(r.body, Server::HttpResponse::error(Server::Failure::Code::PayloadTooLarge, expected.message,
                                                         expected.details).body);
        }
    }

    void healthz_reportsStores()
    {
        QFETCH_GLOBAL(QString, database);
        const HttpResult r = get(u"/healthz"_s);
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json().toObject();
        QCOMPARE(o.value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(o.value(u"queueStore"_s).toString(), u"memory"_s);
        QCOMPARE(o.value(u"database"_s).toString(), database);
    }

    void metrics_countRequestsPerRoute()
    {
        get(u"/api/v1/concerts/echo-solo"_s);
        get(u"/api/v1/concerts/nope"_s);
        const HttpResult r = get(u"/metrics"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        QVERIFY(r.body.contains("# TYPE boxoffice_http_requests_total counter"));
        QVERIFY(r.body.contains(R"(boxoffice_http_requests_total{route="/api/v1/concerts/{id}",method="GET",status="404"})"));
        QVERIFY(r.body.contains(R"(boxoffice_http_request_duration_seconds_bucket{route="/api/v1/concerts/{id}",le="+Inf"})"));
        QVERIFY(r.body.contains("# TYPE boxoffice_http_request_duration_seconds histogram"));
    }
};

QTEST_GUILESS_MAIN(TestServerRoutes)
#include "tst_serverroutes.moc"
