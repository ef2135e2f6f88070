// The rankings in the client: the table model (QAbstractItemModelTester, exact signal
// counts), and the view against a real server: windows, sorting, the chart, and a live
// update after a sale. With BOXOFFICE_SCREENSHOTS=DIR it saves the window.
#include "testsupport.h"

#include "app/apiclient.h"
#include "app/rankingcontroller.h"
#include "models/rankingmodel.h"
#include "server/rank/rankingservice.h"
#include "ui/rankingview.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestRankingView : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    static Ranking ranking(Ranking::Window w, const QStringList &ids)
    {
        Ranking r;
        r.window = w;
        r.generatedAt = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < ids.size(); ++i)
            r.entries.append({i + 1, ids[i], u"Concert "_s + ids[i], 0.5 / (i + 1), 0.5, 10, 20, std::nullopt, 1.5, {}});
        return r;
    }

private Q_SLOTS:
    void model_updatesInPlaceOrResets()
    {
        RankingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setRanking(ranking(Ranking::Window::All, {u"a"_s, u"b"_s}));
        QCOMPARE(reset.size(), 1);
        model.setRanking(ranking(Ranking::Window::All, {u"a"_s, u"b"_s}));  // same rows: in place
        QCOMPARE(reset.size(), 1);
        QCOMPARE(changed.size(), 1);
        model.setRanking(ranking(Ranking::Window::All, {u"b"_s, u"a"_s}));  // another order: reset
        QCOMPARE(reset.size(), 2);
        QCOMPARE(model.index(0, RankingModel::ConcertColumn).data().toString(), u"Concert b"_s);
        QCOMPARE(model.index(0, RankingModel::ShareColumn).data().toString(), u"50.0%"_s);
        QCOMPARE(model.index(0, RankingModel::SellOutColumn).data().toString(), u"selling"_s);
        QCOMPARE(model.index(0, RankingModel::ChangeColumn).data().toString(), u"new"_s);
    }

    void view_followsTheServer()
    {
        auto server = TestServer::start(u"sqlite"_s, true, [](Server::ServerConfig &c) {
            c.liveMs = 50;
            c.rankingsMs = 3'600'000;
        });
        QVERIFY2(server->error.isEmpty(), qPrintable(server->error));
        ApiClient api(&m_network);
        api.setBaseUrl(server->url);
        RankingController controller(&api);
        controller.start();
        RankingModel *model = controller.model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 12, 10000);
        QCOMPARE(model->ranking().window, Ranking::Window::All);
        QCOMPARE(model->index(0, RankingModel::ConcertColumn).data(RankingModel::ConcertIdRole).toString(),
                 u"aurora-world-tour"_s);
        QCOMPARE(controller.view()->chartBars(), 10);

        QTest::mouseClick(controller.view()->findChild<QPushButton *>(u"window-day"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(model->ranking().window, Ranking::Window::Day, 10000);

        // A sale of a concert with none today, and the next aggregation: pushed live.
        QTRY_VERIFY_WITH_TIMEOUT(controller.live()->isConnected(), 10000);
        const QString perf = u"midnight-bass-p1"_s;
        const HttpResult held = http(m_network, "POST", server->at(u"/api/v1/performances/%1/holds"_s.arg(perf)),
                                     R"({"best":{"count":4,"tier":"VIP"}})", {{"Authorization", "Bearer test-staff-key"}});
        QCOMPARE(held.status, 201);
        QCOMPARE(http(m_network, "POST",
                      server->at(u"/api/v1/holds/%1/purchase"_s.arg(held.json().toObject().value(u"holdId"_s).toString())),
                      R"({"payment":{"method":"cash"}})", {{"Authorization", "Bearer test-staff-key"}}).status, 201);
        server->server->rankings()->refresh(true);
        auto midnightSold = [&] {
            for (const RankingEntry &e : model->ranking().entries)
                if (e.concertId == u"midnight-bass")
                    return e.soldSeats;
            return -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(midnightSold(), 4, 10000);
        if (const QString dir = qEnvironmentVariable("BOXOFFICE_SCREENSHOTS"); !dir.isEmpty()) {
            QTest::mouseClick(controller.view()->findChild<QPushButton *>(u"window-all"_s), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(model->ranking().window, Ranking::Window::All, 10000);
            controller.view()->grab().save(dir + u"/rankings.png"_s);
        }
    }
};

QTEST_MAIN(TestRankingView)
#include "tst_rankingview.moc"
