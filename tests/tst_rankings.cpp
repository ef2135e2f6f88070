// Rankings from a synthetic sales history whose ranking is known in advance, per
// window, on SQLite and on PostgreSQL; served from the cache; rank changes.
#include "testsupport.h"

#include "domain/ranking.h"
#include "server/rank/rankingservice.h"
#include "server/sales/democatalog.h"
#include "server/sales/sqlcatalogstore.h"
#include "server/sales/sqldatabase.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Server;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Minute = 60'000, Hour = 60 * Minute, Day = 24 * Hour;
const qint64 T = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

DemoCatalog::Venue venue(const QString &id, int seats)
{
    DemoCatalog::Venue v{id, id, {{u"S1"_s, u"Stalls"_s, u"R"_s}}, {}, u"Asia/Seoul"_s};
    for (int n = 1; n <= seats; ++n)
        v.seats.append(Seat{u"S1-1-"_s + QString::number(n), u"S1"_s, u"1"_s, n, double(n), 1, u"R"_s});
    return v;
}

// A: 10 seats, opened T-3d: 5 sold in the first minute, 3 at T-2d, 2 at T-1h: sold out.
// B: 12 seats, opened T-9d: 6 at T-8d, 4 at T-2h: 10 of 12.
// C: 10 seats, opened T-1d: 1 at T-30min.
DemoCatalog history()
{
    DemoCatalog c;
    c.venues = {venue(u"small"_s, 10), venue(u"larger"_s, 12)};
    const QList<Tier> tiers{{u"R"_s, u"R seat"_s, {10000, u"KRW"_s}}};
    auto concert = [&](const QString &id, const QString &v, qint64 opened) {
        c.concerts.append({id, u"Concert "_s + id, id, u"Pop"_s, v, tiers,
                           {{id + u"-p1"_s, at(T + 30 * Day), at(opened)}}});
    };
    concert(u"A"_s, u"small"_s, T - 3 * Day);
    concert(u"B"_s, u"larger"_s, T - 9 * Day);
    concert(u"C"_s, u"small"_s, T - Day);
    int serial = 0;
    auto sell = [&](const QString &id, QList<int> seats, qint64 when) {
        c.orders.append({u"o"_s + QString::number(++serial), id + u"-p1"_s, id, seats,
                         10000 * qint64(seats.size()), at(when)});
    };
    sell(u"A"_s, {0, 1, 2, 3, 4}, T - 3 * Day + Minute);
    sell(u"A"_s, {5, 6, 7}, T - 2 * Day);
    sell(u"A"_s, {8, 9}, T - Hour);
    sell(u"B"_s, {0, 1, 2, 3, 4, 5}, T - 8 * Day);
    sell(u"B"_s, {6, 7, 8, 9}, T - 2 * Hour);
    sell(u"C"_s, {0}, T - 30 * Minute);
    return c;
}

} // namespace

class TestRankings : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_servers[2];
    qint64 m_now = T;

    TestServer &server()
    {
        QFETCH_GLOBAL(QString, database);
        return *m_servers[database == u"sqlite" ? 0 : 1];
    }
    Ranking get(const QString &query)
    {
        const HttpResult r = http(m_network, "GET", server().at(u"/api/v1/rankings"_s + query));
        auto ranking = Ranking::fromJson(r.json());
        return ranking ? ranking.value() : Ranking{};
    }
    static QStringList order(const Ranking &r)
    {
        QStringList ids;
        for (const RankingEntry &e : r.entries)
            ids << e.concertId;
        return ids;
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
        const auto pg = freshPostgresDatabase();
        QVERIFY2(pg, "no PostgreSQL: the CTest fixture 'services' starts one");
        const QString urls[] = {u"sqlite:"_s + m_dir.filePath(u"rank.sqlite"_s), *pg};
        for (int i = 0; i < 2; ++i) {
            const DatabaseUrl url = DatabaseUrl::parse(urls[i]).value();
            {
                auto opened = SqlDatabase::open(url, u"seed"_s);
                QVERIFY(opened.ok());
                SqlDatabase db = std::move(opened).value();
                QVERIFY(SqlCatalogStore(&db).seedDemo(history()).value());
            }
            m_servers[i] = TestServer::start(u"sqlite"_s, false, [&](ServerConfig &c) {
                c.database = url;
                c.clock = [this] { return m_now; };
                c.rankingsMs = 3'600'000;  // refreshed by hand below
            });
            QVERIFY2(m_servers[i]->error.isEmpty(), qPrintable(m_servers[i]->error));
        }
    }

    void windows_rankAsExpected()
    {
        const Ranking all = get(u"?window=all"_s);
        QCOMPARE(all.window, Ranking::Window::All);
        QCOMPARE(all.generatedAt, at(T));
        // A and B both sold 10: the sell-out breaks the tie.
        QCOMPARE(order(all), (QStringList{u"A"_s, u"B"_s, u"C"_s}));
        QCOMPARE(all.entries[0].soldSeats, 10);
        QCOMPARE(all.entries[0].bookingShare, 10.0 / 21.0);
        QCOMPARE(all.entries[0].soldRatio, 1.0);
        QCOMPARE(*all.entries[0].soldOutSeconds, (3 * Day - Hour) / 1000);
        QCOMPARE(all.entries[0].velocity, 0.5);
        QCOMPARE(all.entries[1].soldRatio, 10.0 / 12.0);
        QVERIFY(!all.entries[1].soldOutSeconds);
        QCOMPARE(all.entries[1].totalSeats, 12);
        QCOMPARE(all.entries[2].bookingShare, 1.0 / 21.0);
        QCOMPARE(all.entries[2].rank, 3);
        QVERIFY(!all.entries[0].rankChange);  // the first ranking

        const Ranking week = get(u"?window=week"_s);
        QCOMPARE(order(week), (QStringList{u"A"_s, u"B"_s, u"C"_s}));
        QCOMPARE(week.entries[1].soldSeats, 4);
        QCOMPARE(week.entries[1].bookingShare, 4.0 / 15.0);
        QCOMPARE(week.entries[1].soldRatio, 10.0 / 12.0);  // soldRatio counts all time

        const Ranking day = get(u"?window=day"_s);
        QCOMPARE(order(day), (QStringList{u"B"_s, u"A"_s, u"C"_s}));
        QCOMPARE(day.entries[0].bookingShare, 4.0 / 7.0);
        QCOMPARE(day.entries[1].soldSeats, 2);

        QCOMPARE(order(get(QString())), order(all));  // window defaults to all
        QCOMPARE(get(u"?window=day&limit=2"_s).entries.size(), 2);
    }

    void badQueries_are400()
    {
        for (const QString &q : QStringList{u"?window=month"_s, u"?window=%00"_s, u"?limit=0"_s, u"?limit=x"_s})
            QCOMPARE(http(m_network, "GET", server().at(u"/api/v1/rankings"_s + q)).status, 400);
    }

    void laterRanking_reportsRankChanges()
    {
        // 23 hours later the day window holds A's 2 and C's 1 only.
        m_now = T + 23 * Hour;
        const auto changed = server().server->rankings()->refresh(true);
        QVERIFY(changed.contains(Ranking::Window::Day));
        const Ranking day = get(u"?window=day"_s);
        QCOMPARE(order(day), (QStringList{u"A"_s, u"C"_s, u"B"_s}));
        QCOMPARE(*day.entries[0].rankChange, 1);   // 2nd → 1st
        QCOMPARE(*day.entries[1].rankChange, 1);   // 3rd → 2nd
        QCOMPARE(*day.entries[2].rankChange, -2);  // 1st → 3rd
        QCOMPARE(day.generatedAt, at(T + 23 * Hour));
        m_now = T;
        server().server->rankings()->refresh(true);
    }
};

QTEST_GUILESS_MAIN(TestRankings)
#include "tst_rankings.moc"
