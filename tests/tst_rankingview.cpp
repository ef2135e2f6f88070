// The rankings in the client: the table model (QAbstractItemModelTester, exact signal
// counts), and the view against a real server: windows, sorting, the chart, and a live
// update after a sale; the window's sales and the all-time sell-through in columns of
// their own, concerts not on sale yet said so, every column in view. With
// BOXOFFICE_SCREENSHOTS=DIR it saves the window.
#include "testsupport.h"
#include "uitestsupport.h"

#include "app/apiclient.h"
#include "app/rankingcontroller.h"
#include "models/rankingmodel.h"
#include "server/rank/rankingservice.h"
#include "ui/rankingview.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QScopeGuard>
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

    static int columnTitled(const QAbstractItemModel &model, const QString &title)
    {
        for (int c = 0; c < model.columnCount(); ++c)
            if (model.headerData(c, Qt::Horizontal).toString() == title)
                return c;
        return -1;
    }
    static QString textAt(const RankingModel &model, const QString &concertId, int column)
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data(RankingModel::ConcertIdRole).toString() == concertId)
                return model.index(row, column).data().toString();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTestLanguage();
    }

    void model_windowSalesAndSellThroughAreSeparate()
    {
        // The model's text in English whatever the run's language (the view tests
        // below take the pictures in it); back to the run's language afterwards.
        const QLocale saved;
        installTranslations(u"en"_s);
        const auto restore = qScopeGuard([saved] {
            QLocale::setDefault(saved);
            installTestLanguage();
        });
        RankingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Ranking r = ranking(Ranking::Window::Day, {u"a"_s});
        r.entries[0].soldRatio = 0.97;
        r.entries[0].soldSeats = 8;
        r.entries[0].totalSeats = 29392;
        model.setRanking(r);
        // Today's count under a header that says so; the all-time share on its own.
        const int today = columnTitled(model, u"Sold today"_s);
        const int sellThrough = columnTitled(model, u"Sell-through"_s);
        QVERIFY(today >= 0);
        QVERIFY(sellThrough >= 0);
        QCOMPARE(model.index(0, today).data().toString(), u"8"_s);
        QCOMPARE(model.index(0, today).data(RankingModel::SortRole).toInt(), 8);
        QCOMPARE(model.index(0, sellThrough).data().toString(), u"97%"_s);
        QCOMPARE(model.index(0, sellThrough).data(RankingModel::SortRole).toDouble(), 0.97);
        QVERIFY(!model.index(0, sellThrough).data(Qt::ToolTipRole).toString().isEmpty());
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY2(!model.index(0, c).data().toString().contains(u" of "_s), qPrintable(model.index(0, c).data().toString()));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRanking(ranking(Ranking::Window::Week, {u"a"_s}));
        QCOMPARE(reset.size(), 1);
        QVERIFY(columnTitled(model, u"Sold this week"_s) >= 0);
        model.setRanking(ranking(Ranking::Window::All, {u"a"_s}));
        QVERIFY(columnTitled(model, u"Sold, all time"_s) >= 0);
    }

    void model_notOnSaleYet_saysWhenItOpens()
    {
        // The model's text in English whatever the run's language (the view tests
        // below take the pictures in it); back to the run's language afterwards.
        const QLocale saved;
        installTranslations(u"en"_s);
        const auto restore = qScopeGuard([saved] {
            QLocale::setDefault(saved);
            installTestLanguage();
        });
        RankingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        model.setClock([now] { return now; });
        model.setRanking(ranking(Ranking::Window::All, {u"soon"_s, u"open"_s, u"unknown"_s}));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QHash<QString, QDateTime> opens{{u"soon"_s, now.addDays(4)}, {u"open"_s, now.addDays(-1)}};
        model.setSalesOpen(opens);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(RankingModel::SellOutColumn));
        QCOMPARE(changed.first().at(1).toModelIndex().column(), int(RankingModel::SellOutColumn));
        QCOMPARE(textAt(model, u"soon"_s, RankingModel::SellOutColumn),
                 u"opens 5 Mar, 09:00"_s);
        QCOMPARE(textAt(model, u"open"_s, RankingModel::SellOutColumn), u"selling"_s);
        QCOMPARE(textAt(model, u"unknown"_s, RankingModel::SellOutColumn), u"selling"_s);
        // Sorted after those selling.
        QVERIFY(model.index(0, RankingModel::SellOutColumn).data(RankingModel::SortRole).toLongLong()
                > model.index(1, RankingModel::SellOutColumn).data(RankingModel::SortRole).toLongLong());
        model.setSalesOpen(opens);  // nothing new: no signal
        QCOMPARE(changed.size(), 1);
    }

    void model_updatesInPlaceOrResets()
    {
        const QLocale saved;
        installTranslations(u"en"_s);  // the model's English text, whatever the run's language
        const auto restore = qScopeGuard([saved] {
            QLocale::setDefault(saved);
            installTestLanguage();
        });
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
        if (testLanguage().isEmpty()) {
            // Named for what it ranks by.
            auto *title = controller.view()->findChild<QLabel *>(u"rankingTitle"_s);
            QVERIFY(title);
            QVERIFY2(!title->text().contains(u"fast"_s, Qt::CaseInsensitive), qPrintable(title->text()));
            QVERIFY2(title->text().contains(u"share"_s, Qt::CaseInsensitive), qPrintable(title->text()));
            // Lumen opens in four days (the demo catalogue): not "selling" but when it opens;
            // one on sale is selling.
            QTRY_VERIFY_WITH_TIMEOUT(textAt(*model, u"lumen-seoul-live"_s, RankingModel::SellOutColumn).startsWith(u"opens "_s), 10000);
            QCOMPARE(textAt(*model, u"indie-bloom"_s, RankingModel::SellOutColumn), u"selling"_s);
        }
        // Every column in view, none cut short, at the window's own size.
        QVERIFY(QTest::qWaitForWindowExposed(controller.view()));
        auto *table = controller.view()->findChild<QTableView *>(u"rankingTable"_s);
        QHeaderView *header = table->horizontalHeader();
        for (int c = 0; c < model->columnCount(); ++c) {
            const QString name = model->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(header->sectionViewportPosition(c) + header->sectionSize(c) <= table->viewport()->width(), qPrintable(name));
            if (c != RankingModel::ConcertColumn) {
                QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c), qPrintable(name));
                QVERIFY2(header->sectionSize(c) >= static_cast<QAbstractItemView *>(table)->sizeHintForColumn(c), qPrintable(name));
            }
        }
        QCOMPARE(table->horizontalScrollBar()->maximum(), 0);

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
            screenshot(controller.view(), u"rankings"_s);
        }
    }
};

QTEST_MAIN(TestRankingView)
#include "tst_rankingview.moc"
