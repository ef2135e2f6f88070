// ConcertModel fed by ApiClient from a real server, checked by QAbstractItemModelTester.
#include "testsupport.h"

#include "app/apiclient.h"
#include "models/concertmodel.h"
#include "app/translations.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestConcertModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;

    QList<Concert> fetch()
    {
        ApiClient api(&m_network);
        api.setBaseUrl(m_server->url);
        std::optional<ApiResult<QList<Concert>>> result;
        api.fetchConcerts(this, [&](const ApiResult<QList<Concert>> &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000); }();
        if (!result || !result->ok())
            return {};
        return result->value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(u"en"_s);  // plural forms, as the app loads them
        m_server = TestServer::start();
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
    }

    void snapshot_resetsOnceAndPassesTheTester()
    {
        ConcertModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        const QList<Concert> concerts = fetch();
        QCOMPARE(concerts.size(), 12);
        model.setConcerts(concerts);
        QCOMPARE(aboutToReset.size(), 1);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.rowCount(), 12);
        int performances = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex concert = model.index(row, 0);
            QCOMPARE(model.rowCount(concert), int(concerts[row].performances.size()));
            performances += model.rowCount(concert);
            QCOMPARE(model.parent(model.index(0, 0, concert)), concert);
            QCOMPARE(model.rowCount(model.index(0, 0, concert)), 0);  // performances have no children
        }
        QVERIFY(performances >= 24);

        // A second snapshot: one more reset, nothing else.
        model.setConcerts(concerts);
        QCOMPARE(reset.size(), 2);
    }

    void data_displayAndSortRoles()
    {
        ConcertModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        PerformanceSummary p{u"p1"_s, QDateTime(QDate(2026, 12, 11), QTime(10, 0), Qt::UTC),
                             QDateTime(QDate(2026, 11, 18), QTime(11, 0), Qt::UTC), 15000, 5100};
        PerformanceSummary soldOut = p;
        soldOut.id = u"p2"_s;
        soldOut.available = 0;
        model.setConcerts({{u"c1"_s, u"Encore"_s, u"Haneul"_s, u"Ballad"_s, {u"v"_s, u"Arena"_s, 15000, u"Asia/Seoul"_s}, {p, soldOut}}});
        model.setClock([] { return QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC); });

        const QModelIndex concert = model.index(0, ConcertModel::TitleColumn);
        QCOMPARE(concert.data().toString(), u"Encore"_s);
        QCOMPARE(concert.data(ConcertModel::IdRole).toString(), u"c1"_s);
        QCOMPARE(model.index(0, ConcertModel::AvailableColumn).data(ConcertModel::SortRole).toInt(), 5100);
        QCOMPARE(model.index(0, ConcertModel::AvailableColumn).data().toString(), u"5,100 of 30,000"_s);
        QCOMPARE(model.index(0, ConcertModel::SalesColumn).data().toString(), u"2 performances"_s);

        const QModelIndex perf = model.index(0, ConcertModel::TitleColumn, concert);
        QCOMPARE(perf.data(ConcertModel::IdRole).toString(), u"p1"_s);
        QCOMPARE(perf.data(ConcertModel::SortRole).toDateTime(), p.startsAt);
        // 10:00 UTC is 19:00 at the venue (Asia/Seoul), whatever this machine's zone (UTC).
        QCOMPARE(perf.data().toString(), u"Fri 11 Dec 2026, 19:00"_s);
        QCOMPARE(model.index(0, ConcertModel::SalesColumn, concert).data().toString(), u"On sale"_s);
        QCOMPARE(model.index(1, ConcertModel::SalesColumn, concert).data().toString(), u"Sold out"_s);
        QCOMPARE(model.index(0, ConcertModel::AvailableColumn, concert).data(ConcertModel::AvailableFractionRole).toDouble(),
                 5100.0 / 15000.0);

        // Before sales open, the same performance is upcoming: the clock decides.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setClock([] { return QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC); });
        QCOMPARE(changed.size(), 1);
        QVERIFY(model.index(0, ConcertModel::SalesColumn, concert).data().toString().startsWith(u"Opens 18 Nov"_s));
    }
};

QTEST_MAIN(TestConcertModel)
#include "tst_concertmodel.moc"
