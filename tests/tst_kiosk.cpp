// Kiosk mode offscreen against a real server: full screen without menus, touch-sized
// controls; left alone mid-booking it asks "are you still there?", and when nobody
// answers it releases the hold, leaves the queue and forgets the buyer; a touch keeps
// the session; the staff PIN leaves (and locks after five wrong tries); the
// out-of-order screen comes when the server goes and goes when it is back.
// BOXOFFICE_SCREENSHOTS=DIR saves each screen.
#include "testsupport.h"
#include "uitestsupport.h"

#include "app/bookingcontroller.h"
#include "app/boxofficeapp.h"
#include "app/kioskcontroller.h"
#include "server/boxofficeserver.h"
#include "ui/bookingwindow.h"
#include "ui/kioskscreens.h"
#include "ui/mainwindow.h"
#include "ui/seatmapview.h"

#include <QApplication>
#include <QScreen>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestKiosk : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;
    QTemporaryDir m_data;

    QByteArray seatLetters(const QString &performance)
    {
        return StaffView{m_network, *m_server}.seatLetters(performance);
    }
    static KioskOptions options(int idleSeconds = 3600)
    {
        KioskOptions k;
        k.pin = u"2468"_s;
        k.idleSeconds = idleSeconds;
        k.promptSeconds = 2;
        k.healthInterval = std::chrono::milliseconds(200);
        k.retryInterval = std::chrono::milliseconds(200);
        return k;
    }
    // Full screen is applied by the window system in its own time: wait for it.
    static void fullScreenShot(QWidget *w, const QString &name)
    {
        QTRY_COMPARE_WITH_TIMEOUT(w->size(), w->screen()->size(), 5000);
        screenshot(w, name);
    }
    // Starts the kiosk over the app and waits for the concerts.
    static void startKiosk(BoxOfficeApp &app, KioskController &kiosk)
    {
        QSignalSpy loaded(&app, &BoxOfficeApp::concertsLoaded);
        kiosk.start();
        app.start();
        QVERIFY(loaded.wait(10000));
    }
    static void enterPin(KioskController &kiosk, const QString &pin)
    {
        auto *edit = kiosk.pinPad()->findChild<QLineEdit *>(u"pinEdit"_s);
        edit->setText(pin);
        QTest::mouseClick(kiosk.pinPad()->findChild<QPushButton *>(u"pinOk"_s), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTestLanguage();
        QCoreApplication::setOrganizationName(u"BoxOfficeTest"_s);
        QCoreApplication::setApplicationName(u"tst_kiosk"_s);
        m_server = TestServer::start(u"sqlite"_s, true, [](Server::ServerConfig &c) { c.tickMs = 50; });
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
    }

    void cleanup()
    {
        qApp->setStyleSheet({});
    }

    void fullScreen_noMenus_touchSized()
    {
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        KioskController kiosk(&app, options());
        startKiosk(app, kiosk);
        MainWindow *main = app.window();
        QVERIFY(main->isFullScreen());
        QVERIFY(main->windowFlags() & Qt::FramelessWindowHint);
        QVERIFY(!main->menuBar()->isVisible());
        // Hidden menus must not answer their shortcuts either (Quit above all).
        for (QAction *a : main->menuBar()->actions())
            for (QAction *item : a->menu() ? a->menu()->actions() : QList<QAction *>{})
                if (item->shortcut() == QKeySequence(QKeySequence::Quit))
                    QVERIFY(!item->isEnabled());
        for (QPushButton *b : main->findChildren<QPushButton *>())
            if (b->isVisibleTo(main))
                QVERIFY2(b->height() >= 44, qPrintable(b->text()));
        fullScreenShot(main, u"kiosk-home"_s);
    }

    void idleReset_releasesTheHoldAndForgetsTheBuyer()
    {
        QSettings().remove(u"buyer/id"_s);
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        KioskController kiosk(&app, options(1));
        startKiosk(app, kiosk);
        const QString perf = u"indie-bloom-p2"_s;
        app.book(u"indie-bloom"_s, perf, u"Indie Bloom"_s);
        BookingController *booking = app.booking();
        QVERIFY(booking);
        BookingWindow *window = booking->window();
        QVERIFY(window->isFullScreen());
        const QString buyer = QSettings().value(u"buyer/id"_s).toString();
        QVERIFY(!buyer.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(window->page(), BookingWindow::Page::Seats, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(booking->seats()->hasStatus(), 10000);
        const int seat = int(seatLetters(perf).indexOf('A'));
        window->seatMap()->select({seat});
        QTest::mouseClick(window->findChild<QPushButton *>(u"holdButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(seatLetters(perf).at(seat), 'H', 10000);
        for (QPushButton *b : window->findChildren<QPushButton *>())
            if (b->isVisibleTo(window))
                QVERIFY2(b->height() >= 44, qPrintable(b->objectName()));
        window->seatMap()->fitToView();
        fullScreenShot(window, u"kiosk-seats"_s);

        // Nobody touches it: the question, then the countdown runs out.
        QSignalSpy reset(&kiosk, &KioskController::reset);
        QTRY_COMPARE_WITH_TIMEOUT(kiosk.screen(), KioskController::Screen::StillThere, 10000);
        fullScreenShot(kiosk.overlay(), u"kiosk-still-there"_s);
        QVERIFY(reset.wait(10000));
        QCOMPARE(kiosk.screen(), KioskController::Screen::None);
        QVERIFY(!app.booking());
        QVERIFY(!QSettings().contains(u"buyer/id"_s));  // the next person is somebody else
        QTRY_COMPARE_WITH_TIMEOUT(seatLetters(perf).at(seat), 'A', 10000);  // the hold went back at once
    }

    void aTouch_keepsTheSession()
    {
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        KioskController kiosk(&app, options(1));
        startKiosk(app, kiosk);
        app.book(u"indie-bloom"_s, u"indie-bloom-p2"_s, u"Indie Bloom"_s);
        QTRY_COMPARE_WITH_TIMEOUT(kiosk.screen(), KioskController::Screen::StillThere, 10000);
        QTest::mouseClick(kiosk.prompt()->findChild<QPushButton *>(u"stillHereButton"_s), Qt::LeftButton);
        QCOMPARE(kiosk.screen(), KioskController::Screen::None);
        QVERIFY(app.booking());
        // It asks again later, but did not start over meanwhile.
        QTRY_COMPARE_WITH_TIMEOUT(kiosk.screen(), KioskController::Screen::StillThere, 10000);
        QVERIFY(app.booking());
    }

    void staffPin_leaves_andLocksAfterFiveWrongTries()
    {
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        KioskController kiosk(&app, options());
        kiosk.start();
        QSignalSpy exit(&kiosk, &KioskController::exitRequested);
        // The hidden way in: five taps in the top-left corner.
        for (int i = 0; i < 5; ++i)
            QTest::mouseClick(app.window(), Qt::LeftButton, {}, QPoint(10, 10));
        QCOMPARE(kiosk.screen(), KioskController::Screen::Pin);
        enterPin(kiosk, u"1111"_s);
        QCOMPARE(exit.count(), 0);
        QVERIFY(!kiosk.pinPad()->findChild<QLabel *>(u"pinMessage"_s)->text().isEmpty());
        fullScreenShot(kiosk.overlay(), u"kiosk-pin"_s);
        enterPin(kiosk, u"2468"_s);
        QCOMPARE(exit.count(), 1);
        QCOMPARE(kiosk.screen(), KioskController::Screen::None);

        kiosk.showPinPad();
        for (int i = 0; i < 5; ++i)
            enterPin(kiosk, u"0000"_s);
        QVERIFY(kiosk.isLocked());
        enterPin(kiosk, u"2468"_s);  // even the right PIN waits now
        QCOMPARE(exit.count(), 1);
    }

    void serverLost_outOfOrderUntilItIsBack()
    {
        QTemporaryDir dir;
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QUrl url;
        url.setScheme(u"http"_s);
        url.setHost(u"127.0.0.1"_s);
        url.setPort(port);
        BoxOfficeApp app(ClientOptions{url, m_data.path(), {}});
        KioskController kiosk(&app, options());
        QSignalSpy changed(&kiosk, &KioskController::outOfOrderChanged);
        kiosk.start();
        app.start();
        QTRY_COMPARE_WITH_TIMEOUT(kiosk.screen(), KioskController::Screen::OutOfOrder, 10000);
        fullScreenShot(kiosk.overlay(), u"kiosk-out-of-order"_s);

        // The server comes (back): the kiosk is in order again by itself, with the concerts.
        Server::ServerConfig config;
        config.port = port;
        config.demo = true;
        config.database = Server::DatabaseUrl::parse(u"sqlite:"_s + dir.filePath(u"k.sqlite"_s)).value();
        Server::BoxOfficeServer server(config);
        QVERIFY(server.start().ok());
        QSignalSpy loaded(&app, &BoxOfficeApp::concertsLoaded);
        QTRY_COMPARE_WITH_TIMEOUT(kiosk.screen(), KioskController::Screen::None, 10000);
        QVERIFY(loaded.wait(10000) || loaded.count() > 0);
        QVERIFY(app.concerts()->rowCount() > 0);
        QCOMPARE(changed.count(), 2);
    }
};

QTEST_MAIN(TestKiosk)
#include "tst_kiosk.moc"
