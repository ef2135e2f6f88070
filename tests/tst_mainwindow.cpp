// The main window driven by the real client wiring (BoxOfficeApp) against real
// servers: loading, the concert list, search, the error state and its retry, and
// the embedded default.
#include "testsupport.h"

#include "app/boxofficeapp.h"
#include "app/embeddedserver.h"
#include "app/signincontroller.h"
#include "models/staffaccountmodel.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

    static quint16 unusedPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();  // closed again when probe goes
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void againstServer_showsConcertsAndFilters()
    {
        auto server = TestServer::start();
        QVERIFY2(server->error.isEmpty(), qPrintable(server->error));
        QTemporaryDir data;
        BoxOfficeApp app(ClientOptions{server->url, data.path(), {}});
        MainWindow *window = app.window();
        window->show();
        QCOMPARE(window->state(), MainWindow::State::Loading);
        QSignalSpy loaded(&app, &BoxOfficeApp::concertsLoaded);
        app.start();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(window->state(), MainWindow::State::Ready);

        auto *tree = window->findChild<QTreeView *>(u"concertTree"_s);
        QVERIFY(tree && tree->isVisible());
        QCOMPARE(tree->model()->rowCount(), 12);
        QVERIFY(tree->isExpanded(tree->model()->index(0, 0)));

        auto *search = window->findChild<QLineEdit *>(u"searchField"_s);
        QTest::keyClicks(search, u"starlight"_s);
        QCOMPARE(tree->model()->rowCount(), 1);
        QCOMPARE(tree->model()->index(0, 0).data().toString(), u"STARLIGHT7 Fan Concert"_s);
        search->clear();
        QCOMPARE(tree->model()->rowCount(), 12);

        // Reload keeps the list on screen and refreshes it.
        auto *reload = window->findChild<QPushButton *>(u"reloadButton"_s);
        QTest::mouseClick(reload, Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(window->state(), MainWindow::State::Ready);
    }

    void serverDown_showsErrorThenRetryRecovers()
    {
        const quint16 port = unusedPort();
        QUrl url(u"http://127.0.0.1"_s);
        url.setPort(port);
        QTemporaryDir data;  // nothing cached: an error, not an offline list
        BoxOfficeApp app(ClientOptions{url, data.path(), {}});
        app.window()->show();
        app.start();
        QTRY_COMPARE_WITH_TIMEOUT(app.window()->state(), MainWindow::State::Error, 20000);
        auto *message = app.window()->findChild<QLabel *>(u"errorMessage"_s);
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(u"cannot be reached"_s));

        // A long message (a refused certificate's words) is shown whole, not cut after
        // the lines of the short one's size.
        app.window()->resize(1024, 700);
        app.window()->showError(u"Cannot load the concerts"_s, QString(u"a reason in many words, "_s).repeated(20));
        QTRY_VERIFY(message->height() >= message->heightForWidth(message->width()));
        QVERIFY(message->heightForWidth(message->width()) > 3 * message->fontMetrics().height());

        // The server comes up on that port; "Try again" loads the list.
        Server::ServerConfig config;
        config.port = port;
        config.demo = true;
        QTemporaryDir dir;
        config.database = Server::DatabaseUrl::parse(u"sqlite:"_s + dir.filePath(u"db.sqlite"_s)).value();
        Server::BoxOfficeServer server(config);
        QVERIFY(server.start().ok());
        QSignalSpy loaded(&app, &BoxOfficeApp::concertsLoaded);
        QTest::mouseClick(app.window()->findChild<QPushButton *>(u"retryButton"_s), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(app.window()->state(), MainWindow::State::Ready);
    }

    void serverLost_showsTheCachedListWithABanner()
    {
        QTemporaryDir data;
        std::optional<BoxOfficeApp> app;
        QUrl url;
        {
            auto server = TestServer::start();
            QVERIFY2(server->error.isEmpty(), qPrintable(server->error));
            url = server->url;
            app.emplace(ClientOptions{url, data.path(), {}});
            app->window()->show();
            QSignalSpy loaded(&*app, &BoxOfficeApp::concertsLoaded);
            app->start();
            QVERIFY(loaded.wait(20000));
        }  // the server is gone
        auto *banner = app->window()->findChild<QLabel *>(u"offlineBanner"_s);
        QVERIFY(!banner->isVisible());
        QSignalSpy loaded(&*app, &BoxOfficeApp::concertsLoaded);
        QTest::mouseClick(app->window()->findChild<QPushButton *>(u"reloadButton"_s), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(app->window()->state(), MainWindow::State::Ready);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY(banner->text().startsWith(u"Offline"_s));
        QCOMPARE(app->concerts()->rowCount(), 12);
        if (const QString dir = qEnvironmentVariable("BOXOFFICE_SCREENSHOTS"); !dir.isEmpty())
            app->window()->grab().save(dir + u"/main-window-offline.png"_s);
    }

    void serverGoneAndBack_bannerBySelfThenFreshList()
    {
        QTemporaryDir data, dir;
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        auto serverOn = [&] {
            Server::ServerConfig config;
            config.port = port;
            config.demo = true;
            config.database = Server::DatabaseUrl::parse(u"sqlite:"_s + dir.filePath(u"db.sqlite"_s)).value();
            auto server = std::make_unique<Server::BoxOfficeServer>(config);
            return server->start().ok() ? std::move(server) : nullptr;
        };
        auto server = serverOn();
        QVERIFY(server);
        BoxOfficeApp app(ClientOptions{server->url(), data.path(), {}});
        app.setWatchInterval(std::chrono::milliseconds(200));
        QSignalSpy loaded(&app, &BoxOfficeApp::concertsLoaded);
        app.start();
        QVERIFY(loaded.wait(20000));
        auto *banner = app.window()->findChild<QLabel *>(u"offlineBanner"_s);
        QVERIFY(!app.isOffline());
        // The server goes: nobody presses anything, the banner comes within 5 s.
        server.reset();
        QTRY_VERIFY_WITH_TIMEOUT(app.isOffline(), 5000);
        QTRY_VERIFY(banner->isVisibleTo(app.window()));
        QCOMPARE(app.concerts()->rowCount(), 12);
        // It comes back: a fresh list by itself, the banner gone.
        server = serverOn();
        QVERIFY(server);
        QTRY_VERIFY_WITH_TIMEOUT(!app.isOffline(), 10000);
        QVERIFY(!banner->isVisibleTo(app.window()));
        QCOMPARE(app.concerts()->rowCount(), 12);
    }

    void embeddedDefault_startsLocalServerAndShowsDemo()
    {
        qputenv("BOXOFFICE_SERVER_BIN", serverBinary().toLocal8Bit());
        QTemporaryDir dir;
        BoxOfficeApp app(ClientOptions{std::nullopt, dir.path(), {}});
        app.window()->show();
        QSignalSpy loaded(&app, &BoxOfficeApp::concertsLoaded);
        app.start();
        QVERIFY(loaded.wait(60000));
        QCOMPARE(app.concerts()->rowCount(), 12);
        QVERIFY(app.embeddedServer()->isRunning());
        // With no accounts at all, the local server's own key makes this its admin.
        QTRY_VERIFY_WITH_TIMEOUT(app.staffSignIn()->isSignedIn(), 10000);
        const StaffAccount staff = *app.staffSignIn()->staff();
        QVERIFY(staff.isStaffKey());
        QCOMPARE(staff.login, u"(staff key)"_s);
        QCOMPARE(staff.role, StaffRole::Admin);
        QVERIFY(app.window()->findChild<QAction *>(u"accountsAction"_s)->isVisible());
        QVERIFY(!app.window()->findChild<QAction *>(u"signInAction"_s)->isVisible());
        const QString signedIn = QCoreApplication::translate("BoxOffice::MainWindow", "Signed in: %1 (%2)")
                                     .arg(QCoreApplication::translate("BoxOffice::MainWindow", "Staff key"),
                                          QLocale().toLower(StaffAccountModel::roleText(StaffRole::Admin)));
        QCOMPARE(app.window()->findChild<QLabel *>(u"staffLabel"_s)->text(), signedIn);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
