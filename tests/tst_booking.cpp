// The buyer's way through the desktop client against a real server, offscreen:
// waiting in line, admitted to the seat map, losing a race for a seat, holding with a
// countdown, buying. With BOXOFFICE_SCREENSHOTS=DIR it saves each page.
#include "testsupport.h"

#include "app/apiclient.h"
#include "app/bookingcontroller.h"
#include "app/offlinecache.h"
#include "ui/bookingwindow.h"
#include "ui/seatmapview.h"

#include <QLabel>
#include <QNetworkAccessManager>
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
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(free[0]), 10000);
        QVERIFY(message->text().contains(u"faster"_s));
        QTRY_COMPARE_WITH_TIMEOUT(booking.seats()->letter(booking.seats()->indexOf(free[0])), 'H', 10000);
        // The nearest free seat of the same tier is picked instead, ready to hold.
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(u"nearest free seats"_s), 10000);
        const QList<int> suggested = window->seatMap()->selection();
        QCOMPARE(suggested.size(), 1);
        const Seat &lost = booking.seats()->layout().seats[booking.seats()->indexOf(free[0])];
        QCOMPARE(booking.seats()->layout().seats[suggested.first()].tier, lost.tier);
        QCOMPARE(booking.seats()->letter(suggested.first()), 'A');
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
        QVERIFY(order->text().contains(u"Order o-"_s));
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
        QTRY_COMPARE_WITH_TIMEOUT(offline.seats()->letter(free), 'A', 5000);
        for (int i = 0; i < 14 && !map->showsSeats(); ++i)
            map->zoomBy(1.6, map->seatPosition(free));
        QTest::mouseClick(map, Qt::LeftButton, {}, map->seatPosition(free).toPoint());
        QCOMPARE(map->selection().size(), 1);
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
