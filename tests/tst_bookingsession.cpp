// BookingSession, the booking's state machine without widgets, driven through a
// scripted network manager: joining → waiting → choosing → holding → paying → done,
// the session's clock from admission, the whole group kept together after a lost race,
// one payment per hold, and a counter's new sale from a clean state.
#include "app/apiclient.h"
#include "app/bookingsession.h"
#include "scriptednetwork.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// One row of eight seats, one tier.
SeatLayout layout()
{
    SeatLayout l;
    l.performanceId = u"p1"_s;
    l.venueId = u"hall"_s;
    l.venueName = u"Hall"_s;
    l.sections = {{u"A"_s, u"Floor A"_s, u"r"_s}};
    l.tiers = {{u"r"_s, u"R"_s, {100000, u"KRW"_s}}};
    for (int i = 0; i < 8; ++i)
        l.seats.append({u"A-1-%1"_s.arg(i + 1), u"A"_s, u"1"_s, i + 1, i * 0.52, 0, u"r"_s});
    return l;
}

QByteArray status(qint64 version, const QByteArray &letters)
{
    return json(SeatStatus{u"p1"_s, version, letters}.toJson());
}

QByteArray ticket(const QString &state, int position = 0)
{
    QueueTicket t;
    t.token = u"c1.0123456789abcdef0123456789abcdef"_s;
    t.concertId = u"c1"_s;
    t.state = *QueueTicket::stateFromName(state);
    if (t.state == QueueTicket::State::Waiting) {
        t.position = position;
        t.ahead = position - 1;
        t.waiting = position;
        t.etaSeconds = 60;
    } else if (t.state == QueueTicket::State::Active) {
        t.expiresAt = QDateTime::currentDateTimeUtc().addSecs(180);
    }
    return json(t.toJson());
}

QByteArray hold(const QStringList &seats)
{
    return json(Hold{u"h1"_s, u"p1"_s, seats, QDateTime::currentDateTimeUtc().addSecs(300),
                     {100000LL * seats.size(), u"KRW"_s}}
                    .toJson());
}

} // namespace

class TestBookingSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScriptedNetwork> m_network;
    std::unique_ptr<ApiClient> m_api;

    std::unique_ptr<BookingSession> session(bool counter = false)
    {
        auto s = std::make_unique<BookingSession>(m_api.get(), u"c1"_s, u"p1"_s, u"buyer"_s);
        s->setCounterSale(counter);
        s->setIntervals(std::chrono::milliseconds(20), std::chrono::milliseconds(40));
        return s;
    }

private Q_SLOTS:
    void init()
    {
        m_network = std::make_unique<ScriptedNetwork>();
        m_network->next = {404, R"({"error":{"code":"not_found","message":"no route in this script"}})"};
        m_network->route("GET", u"/api/v1/performances/p1/layout"_s, {200, json(layout().toJson())});
        m_network->route("GET", u"/api/v1/performances/p1/status"_s, {200, status(1, "AAAAAAAA")});
        m_network->route("DELETE", u"/api/v1/queue/"_s, {204, {}});
        m_network->route("DELETE", u"/api/v1/holds/"_s, {204, {}});
        m_api = std::make_unique<ApiClient>(m_network.get());
        m_api->setBaseUrl(QUrl(u"http://127.0.0.1:1"_s));  // the live channel finds nobody there
    }

    void waits_thenIsAdmitted_withTheSessionsClock()
    {
        m_network->route("POST", u"/api/v1/concerts/c1/queue"_s, {201, ticket(u"waiting"_s, 3)});
        m_network->route("GET", u"/api/v1/queue/"_s, {200, ticket(u"waiting"_s, 2)});
        auto s = session();
        QSignalSpy states(s.get(), &BookingSession::stateChanged);
        QSignalSpy queue(s.get(), &BookingSession::queueUpdated);
        QSignalSpy admitted(s.get(), &BookingSession::admitted);
        QSignalSpy ready(s.get(), &BookingSession::seatsReady);
        QSignalSpy clock(s.get(), &BookingSession::sessionSecondsLeft);
        s->start();
        QTRY_COMPARE(s->state(), BookingSession::State::Waiting);
        QTRY_VERIFY(queue.size() >= 2);
        QCOMPARE(*queue.last().first().value<QueueTicket>().position, 2);
        QCOMPARE(admitted.size(), 0);

        m_network->route("GET", u"/api/v1/queue/"_s, {200, ticket(u"active"_s)});
        QTRY_COMPARE(s->state(), BookingSession::State::Choosing);
        QCOMPARE(admitted.size(), 1);
        QTRY_COMPARE(ready.size(), 1);
        QTRY_VERIFY(s->seats()->hasStatus());
        QCOMPARE(s->seats()->seatCount(), 8);
        // The session's clock runs from admission, before any hold.
        QVERIFY(clock.size() >= 1);
        QVERIFY(clock.first().first().toInt() > 170 && clock.first().first().toInt() <= 180);
        QCOMPARE(states.first().first().value<BookingSession::State>(), BookingSession::State::Waiting);
    }

    void lostRace_keepsTheWholeGroupTogether()
    {
        m_network->route("POST", u"/api/v1/concerts/c1/queue"_s, {201, ticket(u"active"_s)});
        m_network->route("GET", u"/api/v1/queue/"_s, {200, ticket(u"active"_s)});
        auto s = session();
        s->start();
        QTRY_VERIFY(s->seats()->hasStatus());
        // Seats 2–4 asked for; seat 3 went to someone else, and so did 6.
        m_network->route("POST", u"/api/v1/performances/p1/holds"_s,
                         {409, R"({"error":{"code":"seat_unavailable","message":"taken","seats":["A-1-3"]}})"});
        m_network->route("GET", u"/api/v1/performances/p1/status"_s, {200, status(2, "AAHAAHAA")});
        QSignalSpy failed(s.get(), &BookingSession::holdFailed);
        QSignalSpy suggested(s.get(), &BookingSession::suggested);
        QSignalSpy messages(s.get(), &BookingSession::message);
        s->hold({u"A-1-2"_s, u"A-1-3"_s, u"A-1-4"_s});
        QTRY_COMPARE(suggested.size(), 1);
        QCOMPARE(failed.size(), 1);
        // Three together again, never fewer. Free runs are 1–2, 4–5 and 7–8: no three
        // adjacent seats anywhere, so nothing is picked and the buyer is told.
        const QList<int> block = suggested.first().first().value<QList<int>>();
        QVERIFY(block.isEmpty());
        QVERIFY(messages.last().first().toString().contains(u"no 3 seats together"_s));
        QCOMPARE(s->state(), BookingSession::State::Choosing);

        // With a run of three free: the nearest block of three.
        m_network->route("GET", u"/api/v1/performances/p1/status"_s, {200, status(3, "AAHAAAAA")});
        s->hold({u"A-1-2"_s, u"A-1-3"_s, u"A-1-4"_s});
        QTRY_COMPARE(suggested.size(), 2);
        const QList<int> three = suggested.last().first().value<QList<int>>();
        QCOMPARE(three, (QList<int>{3, 4, 5}));
        QVERIFY(messages.last().first().toString().contains(u"Seats 4\u20136"_s));
    }

    void purchase_isSentOncePerHold()
    {
        m_network->route("POST", u"/api/v1/concerts/c1/queue"_s, {201, ticket(u"active"_s)});
        m_network->route("GET", u"/api/v1/queue/"_s, {200, ticket(u"active"_s)});
        m_network->route("POST", u"/api/v1/performances/p1/holds"_s, {201, hold({u"A-1-1"_s})});
        auto s = session();
        s->start();
        QTRY_VERIFY(s->seats()->hasStatus());
        s->hold({u"A-1-1"_s});
        QTRY_COMPARE(s->state(), BookingSession::State::Holding);
        m_network->route("POST", u"/api/v1/holds/h1/purchase"_s, {200, {}, QNetworkReply::NoError, true});  // pending
        s->purchase(u"test"_s);
        s->purchase(u"test"_s);
        s->purchase(u"card"_s);
        QCOMPARE(s->state(), BookingSession::State::Paying);
        QTRY_COMPARE(m_network->count("POST", u"/api/v1/holds/h1/purchase"_s), 1);
    }

    void purchaseRefused_backToTheHold()
    {
        m_network->route("POST", u"/api/v1/concerts/c1/queue"_s, {201, ticket(u"active"_s)});
        m_network->route("GET", u"/api/v1/queue/"_s, {200, ticket(u"active"_s)});
        m_network->route("POST", u"/api/v1/performances/p1/holds"_s, {201, hold({u"A-1-1"_s})});
        m_network->route("POST", u"/api/v1/holds/h1/purchase"_s,
                         {503, R"({"error":{"code":"unavailable","message":"payments are down"}})"});
        auto s = session();
        QSignalSpy failed(s.get(), &BookingSession::purchaseFailed);
        s->start();
        QTRY_VERIFY(s->seats()->hasStatus());
        s->hold({u"A-1-1"_s});
        QTRY_COMPARE(s->state(), BookingSession::State::Holding);
        s->purchase(u"test"_s);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(s->state(), BookingSession::State::Holding);
        QVERIFY(s->currentHold());
    }

    void counter_newSale_startsClean()
    {
        m_network->route("POST", u"/api/v1/performances/p1/holds"_s, {201, hold({u"A-1-1"_s, u"A-1-2"_s})});
        Order order;  // the purchase's first fields only, as before tickets
        order.orderId = u"o-1"_s;
        order.performanceId = u"p1"_s;
        order.seats = {u"A-1-1"_s, u"A-1-2"_s};
        order.total = {200000, u"KRW"_s};
        order.purchasedAt = QDateTime::currentDateTimeUtc();
        m_network->route("POST", u"/api/v1/holds/h1/purchase"_s, {200, json(order.toJson())});
        auto s = session(true);
        QSignalSpy purchased(s.get(), &BookingSession::purchased);
        s->start();
        QCOMPARE(s->state(), BookingSession::State::Choosing);
        QTRY_VERIFY(s->seats()->hasStatus());
        QCOMPARE(m_network->count("POST", u"/api/v1/concerts/"_s), 0);  // no queue at a counter
        s->hold({u"A-1-1"_s, u"A-1-2"_s});
        QTRY_COMPARE(s->state(), BookingSession::State::Holding);
        s->purchase(u"cash"_s);
        QTRY_COMPARE(s->state(), BookingSession::State::Done);
        QCOMPARE(purchased.first().at(1).toString(), u"cash"_s);
        QVERIFY(s->order());

        s->newSale();
        QCOMPARE(s->state(), BookingSession::State::Choosing);
        QVERIFY(!s->order());
        QVERIFY(!s->currentHold());
        s->purchase(u"cash"_s);  // nothing to pay: no request
        QCOMPARE(m_network->count("POST", u"/api/v1/holds/h1/purchase"_s), 1);
    }
};

QTEST_MAIN(TestBookingSession)
#include "tst_bookingsession.moc"
