// The buyer's way through the desktop client against a real server, offscreen:
// waiting in line, admitted to the seat map, losing a race for a seat, holding with a
// countdown, buying. With BOXOFFICE_SCREENSHOTS=DIR it saves each page.
#include "testsupport.h"

#include "app/apiclient.h"
#include "app/bookingcontroller.h"
#include "app/offlinecache.h"
#include "ui/bookingwindow.h"
#include "ui/seatmapview.h"

#include "models/seatmapmodel.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QPushButton>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestBooking : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;

    void screenshot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("BOXOFFICE_SCREENSHOTS");
        if (!dir.isEmpty())
            w->grab().save(dir + u'/' + name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::start(u"sqlite"_s, true, [](Server::ServerConfig &c) {
            c.tickMs = 50;
            c.queue.defaults.capacity = 1;
        });
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
    }

    void buyer_waitsThenHoldsThenBuys()
    {
        // Someone is in the room already: we wait.
        const QString first = http(m_network, "POST", m_server->at(u"/api/v1/concerts/indie-bloom/queue"_s),
                                   R"({"userId":"first"})").json().toObject().value(u"token"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", m_server->at(u"/api/v1/queue/"_s + first)).json().toObject()
                                      .value(u"status"_s).toString(), u"active"_s, 10000);

        ApiClient api(&m_network);
        api.setBaseUrl(m_server->url);
        BookingController booking(&api, u"indie-bloom"_s, u"indie-bloom-p1"_s, u"Indie Bloom · Sun 20 Dec"_s, u"me"_s);
        booking.setIntervals(std::chrono::milliseconds(50), std::chrono::milliseconds(100));
        booking.start();
        BookingWindow *window = booking.window();
        auto *position = window->findChild<QLabel *>(u"queuePosition"_s);
        QTRY_VERIFY_WITH_TIMEOUT(position->text().contains(u"number 1"_s), 10000);
        QCOMPARE(window->page(), BookingWindow::Page::Queue);
        screenshot(window, u"booking-queue.png"_s);

        // The one ahead leaves: we are admitted and see the seats.
        QCOMPARE(http(m_network, "DELETE", m_server->at(u"/api/v1/queue/"_s + first)).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(window->page(), BookingWindow::Page::Seats, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(booking.seats()->hasStatus(), 10000);
        // The session's clock runs from admission, before any hold.
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QLabel *>(u"countdown"_s)->text().contains(u"left to pick"_s), 5000);

        QStringList free;
        for (int i = 0; i < booking.seats()->seatCount() && free.size() < 3; ++i)
            if (booking.seats()->letter(i) == 'A')
                free << booking.seats()->layout().seats[i].id;
        QCOMPARE(free.size(), 3);

        // Someone at the counter is faster for one seat: the message names it.
        QCOMPARE(http(m_network, "POST", m_server->at(u"/api/v1/performances/indie-bloom-p1/holds"_s),
                      "{\"seats\":[\"" + free[0].toUtf8() + "\"]}", {{"Authorization", "Bearer test-staff-key"}}).status,
                 201);
        auto *message = window->findChild<QLabel *>(u"message"_s);
        Q_EMIT window->holdRequested({free[0], free[1]});
        // Named as people read seats, not by id.
        const QString lostName = booking.seats()->describe(QStringList{free[0]});
        QVERIFY(lostName.contains(u" · Row "_s));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(lostName), 10000);
        QVERIFY(message->text().contains(u"faster"_s));
        QVERIFY(!message->text().contains(free[0]));
        QTRY_COMPARE_WITH_TIMEOUT(booking.seats()->letter(booking.seats()->indexOf(free[0])), 'H', 10000);
        // The whole group again, together: two adjacent free seats of the same tier,
        // never one seat for two.
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(u"together"_s), 10000);
        const QList<int> suggested = window->seatMap()->selection();
        QCOMPARE(suggested.size(), 2);
        const Seat &lost = booking.seats()->layout().seats[booking.seats()->indexOf(free[0])];
        for (int s : suggested) {
            QCOMPARE(booking.seats()->layout().seats[s].tier, lost.tier);
            QCOMPARE(booking.seats()->letter(s), 'A');
            QCOMPARE(booking.seats()->rowOf(s), booking.seats()->rowOf(suggested.first()));
        }
        QCOMPARE(qAbs(booking.seats()->layout().seats[suggested[0]].number
                      - booking.seats()->layout().seats[suggested[1]].number),
                 1);
        window->seatMap()->clearSelection();

        // Pick two free seats on the map and hold them: a countdown starts.
        for (const QString &id : {free[1], free[2]}) {
            SeatMapView *map = window->seatMap();
            const int seat = booking.seats()->indexOf(id);
            for (int i = 0; i < 14 && !map->showsSeats(); ++i)
                map->zoomBy(1.6, map->seatPosition(seat));
            map->zoomBy(1.0, map->seatPosition(seat));
            // Centre the seat, then click it.
            QTest::mouseClick(map, Qt::LeftButton, {}, map->seatPosition(seat).toPoint());
        }
        QCOMPARE(window->seatMap()->selectedIds(), (QStringList{free[1], free[2]}));
        auto *hold = window->findChild<QPushButton *>(u"holdButton"_s);
        QVERIFY(hold->isEnabled());
        QTest::mouseClick(hold, Qt::LeftButton);
        auto *countdown = window->findChild<QLabel *>(u"countdown"_s);
        QTRY_VERIFY_WITH_TIMEOUT(countdown->text().contains(u"left to buy"_s), 10000);
        QVERIFY(countdown->text().startsWith(u"2:"_s) || countdown->text().startsWith(u"3:"_s));  // session-capped
        auto *buy = window->findChild<QPushButton *>(u"buyButton"_s);
        QVERIFY(buy->isEnabled());
        window->seatMap()->fitToView();
        screenshot(window, u"booking-seats.png"_s);

        // Release, then let the server pick: best available holds adjacent seats.
        QTest::mouseClick(window->findChild<QPushButton *>(u"releaseButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!buy->isEnabled(), 10000);
        auto *best = window->findChild<QPushButton *>(u"bestButton"_s);
        QVERIFY(best->isEnabled());
        QTest::mouseClick(best, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(buy->isEnabled(), 10000);
        QVERIFY(message->text().startsWith(u"Held:"_s));

        QTest::mouseClick(buy, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window->page(), BookingWindow::Page::Done, 10000);
        auto *order = window->findChild<QLabel *>(u"orderText"_s);
        QVERIFY(!booking.order()->code.isEmpty());
        QVERIFY(order->text().contains(u"Order "_s + booking.order()->code));  // the code people read out
        screenshot(window, u"booking-done.png"_s);
        // The purchase ended our session: the next buyer's turn.
        QCOMPARE(http(m_network, "GET", m_server->at(u"/api/v1/queue/"_s + booking.token())).json().toObject()
                     .value(u"status"_s).toString(), u"expired"_s);
    }

    void offline_showsTheCachedSeatsReadOnly()
    {
        QTemporaryDir data;
        OfflineCache cache(data.filePath(u"cache.sqlite"_s));
        QByteArray lettersSeen;
        {
            auto server = TestServer::start();
            QVERIFY2(server->error.isEmpty(), qPrintable(server->error));
            ApiClient api(&m_network);
            api.setBaseUrl(server->url);
            BookingController online(&api, u"trot-king"_s, u"trot-king-p2"_s, u"Trot"_s, u"cached"_s, &cache);
            online.setIntervals(std::chrono::milliseconds(50), std::chrono::milliseconds(100));
            online.start();
            QTRY_VERIFY_WITH_TIMEOUT(online.seats()->hasStatus(), 10000);
            for (int i = 0; i < online.seats()->seatCount(); ++i)
                lettersSeen += online.seats()->letter(i);
        }  // the server is gone
        QTcpServer probe;  // a port nothing listens on, for now
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ApiClient api(&m_network);
        api.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        BookingController offline(&api, u"trot-king"_s, u"trot-king-p2"_s, u"Trot"_s, u"cached"_s, &cache);
        offline.setIntervals(std::chrono::milliseconds(100), std::chrono::milliseconds(200));
        offline.start();
        BookingWindow *window = offline.window();
        QTRY_COMPARE_WITH_TIMEOUT(window->page(), BookingWindow::Page::Seats, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(offline.seats()->hasStatus(), 10000);
        QCOMPARE(offline.seats()->seatCount(), lettersSeen.size());
        QCOMPARE(offline.seats()->letter(0), lettersSeen.at(0));
        QVERIFY(window->findChild<QLabel *>(u"message"_s)->text().startsWith(u"Offline"_s));
        QVERIFY(!window->findChild<QPushButton *>(u"holdButton"_s)->isEnabled());
        QVERIFY(!window->findChild<QPushButton *>(u"bestButton"_s)->isEnabled());
        // Clicking a seat picks nothing: read-only.
        SeatMapView *map = window->seatMap();
        const int free = int(lettersSeen.indexOf('A'));
        for (int i = 0; i < 14 && !map->showsSeats(); ++i)
            map->zoomBy(1.6, map->seatPosition(free));
        QTest::mouseClick(map, Qt::LeftButton, {}, map->seatPosition(free).toPoint());
        QVERIFY(map->selection().isEmpty());

        // The server comes back: the buyer is in line again by itself, admitted, and
        // can pick seats (the map is live, not the cached one).
        QTemporaryDir db;
        Server::ServerConfig config;
        config.port = port;
        config.demo = true;
        config.tickMs = 50;
        config.database = Server::DatabaseUrl::parse(u"sqlite:"_s + db.filePath(u"db.sqlite"_s)).value();
        Server::BoxOfficeServer back(config);
        QVERIFY(back.start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(!offline.token().isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QPushButton *>(u"bestButton"_s)->isEnabled(), 20000);
        QCOMPARE(window->page(), BookingWindow::Page::Seats);
        QVERIFY(!window->findChild<QLabel *>(u"message"_s)->text().startsWith(u"Offline"_s));
        // What is true now: admitted (an empty room), so no talk of a place in line.
        QTRY_VERIFY2_WITH_TIMEOUT(window->findChild<QLabel *>(u"message"_s)->text().contains(u"your turn"_s),
                                  qPrintable(window->findChild<QLabel *>(u"message"_s)->text()), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(offline.seats()->letter(free), 'A', 5000);
        for (int i = 0; i < 14 && !map->showsSeats(); ++i)
            map->zoomBy(1.6, map->seatPosition(free));
        QTest::mouseClick(map, Qt::LeftButton, {}, map->seatPosition(free).toPoint());
        QCOMPARE(map->selection().size(), 1);
    }

    void counterSale_newSaleResets_cashChange_oneStrikePerHold()
    {
        ApiClient api(&m_network);
        api.setBaseUrl(m_server->url);
        api.setStaffCredential(u"test-staff-key"_s);
        BookingController sale(&api, u"jazz-after-dark"_s, u"jazz-after-dark-p1"_s, u"Jazz After Dark"_s, {});
        sale.setCounterSale(true);
        sale.setTicketDetails(u"Hanbit Concert Hall"_s, QDateTime(QDate(2026, 12, 24), QTime(11, 0), Qt::UTC),
                              u"Asia/Seoul"_s);
        // The title bar names the performance, in the venue's time (20:00 in Seoul).
        QVERIFY2(sale.window()->windowTitle().contains(u"Hanbit Concert Hall"_s), qPrintable(sale.window()->windowTitle()));
        QVERIFY2(sale.window()->windowTitle().contains(u"8:00"_s) || sale.window()->windowTitle().contains(u"20:00"_s),
                 qPrintable(sale.window()->windowTitle()));
        sale.setIntervals(std::chrono::milliseconds(50), std::chrono::milliseconds(100));
        sale.start();
        BookingWindow *window = sale.window();
        QTRY_VERIFY_WITH_TIMEOUT(sale.seats()->hasStatus(), 10000);
        QList<int> three;
        for (int i = 0; i < sale.seats()->seatCount() && three.size() < 3; ++i)
            if (sale.seats()->letter(i) == 'A')
                three << i;
        window->seatMap()->select(three);
        QTest::mouseClick(window->findChild<QPushButton *>(u"holdButton"_s), Qt::LeftButton);
        auto *buy = window->findChild<QPushButton *>(u"buyButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(buy->isEnabled(), 10000);
        auto *message = window->findChild<QLabel *>(u"message"_s);
        QVERIFY2(message->text().contains(u" · Row "_s), qPrintable(message->text()));

        // Cash: the button waits for enough money, and the change is shown.
        auto *payment = window->findChild<QComboBox *>(u"paymentMethod"_s);
        payment->setCurrentIndex(payment->findData(u"cash"_s));
        auto *tendered = window->findChild<QSpinBox *>(u"cashTendered"_s);
        QVERIFY(tendered->isVisibleTo(window));
        QVERIFY(!buy->isEnabled());
        qint64 total = 0;
        for (int s : three)
            total += sale.seats()->price(s).amount;
        tendered->setValue(int(total + 5000));
        QVERIFY(buy->isEnabled());
        QVERIFY2(window->findChild<QLabel *>(u"cashChange"_s)->text().contains(QLocale().toString(5000)),
                 qPrintable(window->findChild<QLabel *>(u"cashChange"_s)->text()));

        // Two quick clicks: one payment.
        QTest::mouseClick(buy, Qt::LeftButton);
        QVERIFY(!buy->isEnabled());
        QTest::mouseClick(buy, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window->page(), BookingWindow::Page::Done, 10000);
        auto *order = window->findChild<QLabel *>(u"orderText"_s);
        QVERIFY2(order->text().contains(u"Paid in cash"_s), qPrintable(order->text()));
        QVERIFY(order->text().contains(QLocale().toString(5000)));
        QVERIFY(!message->text().contains(u"409"_s) && !message->text().contains(u"conflict"_s));

        // New sale: nothing of the last one can be paid or shown again.
        QTest::mouseClick(window->findChild<QPushButton *>(u"newSaleButton"_s), Qt::LeftButton);
        QCOMPARE(window->page(), BookingWindow::Page::Seats);
        QVERIFY(!buy->isEnabled());
        QVERIFY(window->findChild<QLabel *>(u"countdown"_s)->text().isEmpty());
        QVERIFY(!window->findChild<QPushButton *>(u"releaseButton"_s)->isEnabled());
        QVERIFY(window->seatMap()->held().isEmpty());
        Q_EMIT window->purchaseRequested(u"card"_s);  // even if asked: there is no hold to pay
        QTest::qWait(0);
        QCOMPARE(window->page(), BookingWindow::Page::Seats);
        QVERIFY(!sale.order());
    }

    void window_tiersShowWhatIsLeft_soldOutCannotBeChosen()
    {
        SeatLayout layout;
        layout.performanceId = u"p"_s;
        layout.sections = {{u"A"_s, u"Floor A"_s, u"vip"_s}, {u"B"_s, u"Floor B"_s, u"r"_s}};
        layout.tiers = {{u"vip"_s, u"VIP"_s, {200000, u"KRW"_s}}, {u"r"_s, u"R"_s, {100000, u"KRW"_s}},
                        {u"s"_s, u"S"_s, {50000, u"KRW"_s}}};
        for (int i = 0; i < 9; ++i)
            layout.seats.append({u"s%1"_s.arg(i), i < 3 ? u"A"_s : u"B"_s, u"1"_s, i + 1, i * 0.52, 0,
                                 i < 3 ? u"vip"_s : i < 6 ? u"r"_s : u"s"_s});
        SeatMapModel model;
        model.setLayout(layout);
        BookingWindow window(u"Test"_s, &model);
        window.showSeats();
        model.setStatus(SeatStatus{u"p"_s, 1, "SSSAAHAAA"});
        auto *tiers = window.findChild<QComboBox *>(u"bestTier"_s);
        auto *items = qobject_cast<QStandardItemModel *>(tiers->model());
        QVERIFY(items);
        QVERIFY(!items->item(0)->isEnabled());  // VIP: sold out
        QVERIFY(items->item(0)->text().contains(u"sold out"_s));
        QVERIFY(items->item(1)->text().contains(u"2 left"_s));
        QVERIFY(items->item(1)->text().contains(QLocale().toString(100000)));
        QCOMPARE(tiers->currentIndex(), 1);  // the dearest tier with seats
        // R sells out too: the choice moves to S.
        QCOMPARE(model.applyDelta(2, {{3, 'S'}, {4, 'S'}}), SeatMapModel::Delta::Applied);
        QVERIFY(!items->item(1)->isEnabled());
        QCOMPARE(tiers->currentIndex(), 2);
    }

    void window_queueScreen_pausedAndLongWaits()
    {
        SeatMapModel model;
        BookingWindow window(u"Test"_s, &model);
        QueueTicket t;
        t.state = QueueTicket::State::Waiting;
        t.position = 4000;
        t.ahead = 3999;
        t.waiting = 9000;
        t.etaSeconds = 5 * 3600;
        window.showQueue(t, QDateTime::currentDateTimeUtc());
        const QList<QLabel *> labels = window.findChildren<QLabel *>();
        auto shown = [&](const QString &part) {
            return std::any_of(labels.begin(), labels.end(), [&](QLabel *l) { return l->text().contains(part); });
        };
        QVERIFY(shown(u"Estimated wait"_s));
        QVERIFY(shown(u" h"_s));            // hours, not "240–390 minutes"
        QVERIFY(!shown(u"minutes"_s));
        t.paused = true;
        window.showQueue(t, QDateTime::currentDateTimeUtc());
        QVERIFY(shown(u"paused"_s));
        QVERIFY(!shown(u"Estimated wait"_s));
    }

    void countdown_followsTheServersClock()
    {
        // A server an hour ahead of this machine: the hold still shows ~3 minutes, not 63.
        auto skewed = TestServer::start(u"sqlite"_s, true, [](Server::ServerConfig &c) {
            c.tickMs = 50;
            c.clock = [] { return QDateTime::currentMSecsSinceEpoch() + 3'600'000; };
        });
        QVERIFY2(skewed->error.isEmpty(), qPrintable(skewed->error));
        ApiClient api(&m_network);
        api.setBaseUrl(skewed->url);
        BookingController booking(&api, u"indie-bloom"_s, u"indie-bloom-p2"_s, u"Indie Bloom"_s, u"skewed-buyer"_s);
        booking.setIntervals(std::chrono::milliseconds(50), std::chrono::milliseconds(100));
        booking.start();
        BookingWindow *window = booking.window();
        QTRY_COMPARE_WITH_TIMEOUT(window->page(), BookingWindow::Page::Seats, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(booking.seats()->hasStatus(), 10000);
        QTest::mouseClick(window->findChild<QPushButton *>(u"bestButton"_s), Qt::LeftButton);
        auto *countdown = window->findChild<QLabel *>(u"countdown"_s);
        auto *message = window->findChild<QLabel *>(u"message"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(countdown->text().contains(u"left to buy"_s), qPrintable(message->text()), 10000);
        QVERIFY2(countdown->text().startsWith(u"2:"_s) || countdown->text().startsWith(u"3:"_s),
                 qPrintable(countdown->text()));
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(api.serverNow()) - 3600) <= 2);
    }
};

QTEST_MAIN(TestBooking)
#include "tst_booking.moc"
