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
#include <QCloseEvent>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QScreen>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
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
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        app.settings()->remove(u"buyer/id"_s);
        KioskController kiosk(&app, options(1));
        startKiosk(app, kiosk);
        const QString perf = u"indie-bloom-p2"_s;
        app.book(u"indie-bloom"_s, perf, u"Indie Bloom"_s);
        BookingController *booking = app.booking();
        QVERIFY(booking);
        BookingWindow *window = booking->window();
        QVERIFY(window->isFullScreen());
        const QString buyer = app.settings()->value(u"buyer/id"_s).toString();
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
        QVERIFY(!app.settings()->contains(u"buyer/id"_s));  // the next person is somebody else
        QVERIFY(!QSettings(m_data.filePath(u"client.ini"_s), QSettings::IniFormat).contains(u"buyer/id"_s));
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
        QSignalSpy exit(&kiosk, &KioskController::left);
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
        // Out of kiosk mode into the normal window: menus back, Quit only when asked.
        QVERIFY(!kiosk.isActive());
        QVERIFY(app.window()->isVisible());
        QVERIFY(!app.window()->isFullScreen());
        QVERIFY(!(app.window()->windowFlags() & Qt::FramelessWindowHint));
        QVERIFY(app.window()->menuBar()->isVisibleTo(app.window()));
        bool quitEnabled = false;
        for (QAction *a : app.window()->menuBar()->actions())
            for (QAction *item : a->menu() ? a->menu()->actions() : QList<QAction *>{})
                if (item->shortcut() == QKeySequence(QKeySequence::Quit))
                    quitEnabled = item->isEnabled();
        QVERIFY(quitEnabled);
        QVERIFY(qApp->styleSheet().isEmpty());

        kiosk.start();  // back in kiosk mode for the lock-out
        kiosk.showPinPad();
        for (int i = 0; i < 5; ++i)
            enterPin(kiosk, u"0000"_s);
        QVERIFY(kiosk.isLocked());
        enterPin(kiosk, u"2468"_s);  // even the right PIN waits now
        QCOMPARE(exit.count(), 1);
        QVERIFY(kiosk.isLocked());
    }

    void pinLockOut_endsAfterAMinute()
    {
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        QDateTime now = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
        KioskOptions o = options();
        o.clock = [&now] { return now; };
        KioskController kiosk(&app, o);
        kiosk.start();
        QSignalSpy left(&kiosk, &KioskController::left);
        kiosk.showPinPad();
        for (int i = 0; i < 5; ++i)
            enterPin(kiosk, u"0000"_s);
        QVERIFY(kiosk.isLocked());
        now = now.addSecs(59);
        enterPin(kiosk, u"2468"_s);
        QCOMPARE(left.count(), 0);
        now = now.addSecs(2);  // a minute and a second after the fifth wrong PIN
        QVERIFY(!kiosk.isLocked());
        enterPin(kiosk, u"2468"_s);
        QCOMPARE(left.count(), 1);
    }

    // A walk-up buys: the ticket must never open a file or print dialog.
    BookingController *buyOne(BoxOfficeApp &app, const QString &concert, const QString &perf)
    {
        app.book(concert, perf, concert);
        BookingController *booking = app.booking();
        if (!booking)
            return nullptr;
        BookingWindow *window = booking->window();
        if (!QTest::qWaitFor([&] { return window->page() == BookingWindow::Page::Seats && booking->seats()->hasStatus(); },
                             10000))
            return nullptr;
        QTest::mouseClick(window->findChild<QPushButton *>(u"bestButton"_s), Qt::LeftButton);
        auto *buy = window->findChild<QPushButton *>(u"buyButton"_s);
        if (!QTest::qWaitFor([&] { return buy->isEnabled(); }, 10000))
            return nullptr;
        QTest::mouseClick(buy, Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return window->page() == BookingWindow::Page::Done; }, 10000))
            return nullptr;
        return booking;
    }

    static bool anyDialogVisible()
    {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<QDialog *>(w) && w->isVisible())
                return true;
        return false;
    }

    void ticket_withoutAPrinter_isShownOnScreen_neverADialog()
    {
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        app.settings()->remove(u"buyer/id"_s);
        KioskController kiosk(&app, options());
        QSignalSpy blocked(&kiosk, &KioskController::dialogBlocked);
        startKiosk(app, kiosk);
        BookingController *booking = buyOne(app, u"jazz-after-dark"_s, u"jazz-after-dark-p2"_s);
        QVERIFY(booking);
        BookingWindow *window = booking->window();
        auto *save = window->findChild<QPushButton *>(u"saveTicketButton"_s);
        auto *print = window->findChild<QPushButton *>(u"printTicketButton"_s);
        QVERIFY(!save->isVisibleTo(window));
        QVERIFY(!print->isVisibleTo(window));
        QVERIFY(!window->findChild<QLabel *>(u"orderQr"_s)->pixmap().isNull());
        auto *note = window->findChild<QLabel *>(u"ticketNote"_s);
        QVERIFY(note->isVisibleTo(window));
        QVERIFY(!note->text().isEmpty());
        if (testLanguage().isEmpty())
            QVERIFY(note->text().contains(u"no printer"_s));
        // Even if asked (a stray shortcut, a script): nothing opens, nothing is written.
        QSignalSpy saved(booking, &BookingController::ticketSaved);
        QTest::mouseClick(save, Qt::LeftButton);
        Q_EMIT window->saveTicketRequested(m_data.filePath(u"stray.pdf"_s));
        Q_EMIT window->printTicketRequested();
        QVERIFY(!anyDialogVisible());
        QVERIFY(!QFile::exists(m_data.filePath(u"stray.pdf"_s)));
        QCOMPARE(blocked.count(), 0);
        fullScreenShot(window, u"kiosk-ticket-on-screen"_s);
    }

    void ticket_withAPrinter_printsThereWithoutADialog()
    {
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        app.settings()->remove(u"buyer/id"_s);
        KioskOptions o = options();
        const QString spool = m_data.filePath(u"kiosk-printer.pdf"_s);
        o.printer = u"file:"_s + spool;
        KioskController kiosk(&app, o);
        QSignalSpy blocked(&kiosk, &KioskController::dialogBlocked);
        startKiosk(app, kiosk);
        app.book(u"jazz-after-dark"_s, u"jazz-after-dark-p2"_s, u"Jazz"_s);
        QSignalSpy printed(app.booking(), &BookingController::ticketPrinted);
        QVERIFY(buyOne(app, u"jazz-after-dark"_s, u"jazz-after-dark-p2"_s));
        // The purchase printed by itself; the printer button prints again, no dialog either way.
        QSignalSpy printedAgain(app.booking(), &BookingController::ticketPrinted);
        QVERIFY(printedAgain.wait(10000) || printedAgain.count() > 0);
        QCOMPARE(printedAgain.first().at(1).toBool(), true);
        QFile file(spool);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(5), QByteArray("%PDF-"));
        auto *print = app.booking()->window()->findChild<QPushButton *>(u"printTicketButton"_s);
        QVERIFY(print->isVisibleTo(app.booking()->window()));
        QVERIFY(!app.booking()->window()->findChild<QPushButton *>(u"saveTicketButton"_s)->isVisibleTo(app.booking()->window()));
        QTest::mouseClick(print, Qt::LeftButton);
        QVERIFY(printedAgain.wait(10000));
        QVERIFY(!anyDialogVisible());
        QCOMPARE(blocked.count(), 0);
        Q_UNUSED(printed);
    }

    void keysAndGestures_neverReachTheDesktop()
    {
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        KioskController kiosk(&app, options());
        startKiosk(app, kiosk);
        MainWindow *main = app.window();
        // Alt+F4 through a window manager arrives as a close request: refused.
        QCloseEvent close;
        QApplication::sendEvent(main, &close);
        QVERIFY(!close.isAccepted());
        QVERIFY(main->isVisible());
        // The keys themselves are swallowed.
        for (const QKeyCombination &key : {QKeyCombination(Qt::AltModifier, Qt::Key_F4),
                                           QKeyCombination(Qt::ControlModifier, Qt::Key_Q),
                                           QKeyCombination(Qt::ControlModifier, Qt::Key_W),
                                           QKeyCombination(Qt::ControlModifier, Qt::Key_S),
                                           QKeyCombination(Qt::ControlModifier, Qt::Key_P)}) {
            QKeyEvent press(QEvent::KeyPress, key.key(), key.keyboardModifiers());
            QVERIFY(QApplication::sendEvent(main, &press));
            QVERIFY(main->isVisible());
        }
        // No context menu anywhere (the search field's would offer paste and more).
        bool popupSeen = false;
        QTimer guard;  // a menu opened with exec() is closed again, so the test fails instead of hanging
        connect(&guard, &QTimer::timeout, [&popupSeen] {
            if (QWidget *popup = QApplication::activePopupWidget()) {
                popupSeen = true;
                popup->close();
            }
        });
        guard.start(20);
        for (QLineEdit *edit : main->findChildren<QLineEdit *>()) {
            QContextMenuEvent menu(QContextMenuEvent::Mouse, QPoint(5, 5), edit->mapToGlobal(QPoint(5, 5)));
            QApplication::sendEvent(edit, &menu);
            popupSeen = popupSeen || QApplication::activePopupWidget();
        }
        QVERIFY(!popupSeen);
        QVERIFY(main->isVisible());
    }

    void aDialogThatSlipsThrough_isClosedAtOnce()
    {
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        KioskController kiosk(&app, options());
        QSignalSpy blocked(&kiosk, &KioskController::dialogBlocked);
        startKiosk(app, kiosk);
        QFileDialog dialog(app.window());
        dialog.show();
        QCOMPARE(blocked.count(), 1);
        QTRY_VERIFY(!dialog.isVisible());
    }

    void waitingInLine_isNeverReset_askedOnceAdmitted()
    {
        // The room is full (capacity 0): the buyer waits.
        const QString room = m_server->at(u"/api/v1/admin/concerts/seoul-phil-newyear/queue"_s).toString();
        QCOMPARE(http(m_network, "PUT", QUrl(room), R"({"capacity":0})", {{"Authorization", "Bearer test-staff-key"}}).status,
                 200);
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        app.settings()->remove(u"buyer/id"_s);
        KioskController kiosk(&app, options(1));
        QSignalSpy reset(&kiosk, &KioskController::reset);
        startKiosk(app, kiosk);
        app.book(u"seoul-phil-newyear"_s, u"seoul-phil-newyear-p1"_s, u"Gala"_s);
        BookingController *booking = app.booking();
        QTRY_VERIFY_WITH_TIMEOUT(!booking->window()->findChild<QLabel *>(u"queuePosition"_s)->text().isEmpty(), 10000);
        QCOMPARE(booking->window()->page(), BookingWindow::Page::Queue);
        // Three idle periods in line: no question, no reset.
        QVERIFY(!QTest::qWaitFor([&] { return kiosk.screen() != KioskController::Screen::None; }, 3500));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(app.booking(), booking);
        // Admitted while nobody touched it: now it asks.
        QCOMPARE(http(m_network, "PUT", QUrl(room), R"({"capacity":100})", {{"Authorization", "Bearer test-staff-key"}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(booking->window()->page(), BookingWindow::Page::Seats, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(kiosk.screen(), KioskController::Screen::StillThere, 2000);
    }

    void seatPicking_byTouch()
    {
        BoxOfficeApp app(ClientOptions{m_server->url, m_data.path(), {}});
        app.settings()->remove(u"buyer/id"_s);
        KioskController kiosk(&app, options());
        startKiosk(app, kiosk);
        app.book(u"aurora-world-tour"_s, u"aurora-world-tour-p1"_s, u"Aurora"_s);
        BookingWindow *window = app.booking()->window();
        QTRY_COMPARE_WITH_TIMEOUT(window->page(), BookingWindow::Page::Seats, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(app.booking()->seats()->hasStatus(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window->size(), window->screen()->size(), 5000);
        // The instructions name no keys.
        for (QLabel *label : window->findChildren<QLabel *>()) {
            const QString text = label->text();
            QVERIFY2(!text.contains(u"Space"_s) && !text.contains(u"arrow key"_s) && !text.contains(u"press"_s),
                     qPrintable(text));
        }
        // The map opens fitted to the full-screen window, with touch-sized zoom buttons.
        SeatMapView *map = window->seatMap();
        QTRY_VERIFY(map->isFitted());
        const QRectF b = app.booking()->seats()->bounds();
        QVERIFY(b.width() * map->scale() >= 0.85 * map->width() || b.height() * map->scale() >= 0.8 * map->height());
        for (QToolButton *button : map->findChildren<QToolButton *>())
            QVERIFY(button->width() >= 44 && button->height() >= 44);
        // The spin box and the tier list are touch sized too.
        QVERIFY(window->findChild<QSpinBox *>()->height() >= 44);
        QVERIFY(window->findChild<QComboBox *>(u"bestTier"_s)->height() >= 44);
        // Tapping a section opens it with seats at least 32 px.
        const int section = 3;
        int seat = -1;
        for (int i = 0; i < app.booking()->seats()->seatCount() && seat < 0; ++i)
            if (app.booking()->seats()->sectionOf(i) == section)
                seat = i;
        const Seat &s = app.booking()->seats()->layout().seats[seat];
        const QPointF centre = map->seatPosition(seat)
                               + (app.booking()->seats()->sections()[section].bounds.center() - QPointF(s.x, s.y)) * map->scale();
        QTest::mouseClick(map, Qt::LeftButton, {}, centre.toPoint());
        QVERIFY(map->showsSeats());
        QVERIFY(map->tapSize() >= 32);
        fullScreenShot(window, u"kiosk-section"_s);
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
