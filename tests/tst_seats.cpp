// Seats, holds and purchases over HTTP on SQLite and on PostgreSQL: access, the order
// of the checks, versions, release, purchase, expiry, counter sales and bad input.
// The clock is the test's.
#include "testsupport.h"

#include "domain/errorbody.h"
#include "domain/hold.h"
#include "domain/order.h"
#include "domain/seatlayout.h"
#include "domain/seatstatus.h"
#include "server/sales/seatservice.h"
#include "server/sales/sqldatabase.h"

#include <QSqlQuery>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QTest>

#include <atomic>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {
const QByteArray Staff = "Bearer test-staff-key";
}

class TestSeats : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<TestServer> m_servers[2];
    std::atomic<qint64> m_now{0};
    int m_users = 0;

    TestServer &server()
    {
        QFETCH_GLOBAL(QString, database);
        return *m_servers[database == u"sqlite" ? 0 : 1];
    }
    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return http(m_network, method, server().at(path), body, headers);
    }
    // A buyer admitted to `concert`: joins, then waits for the promoter.
    QByteArray admittedToken(const QString &concert)
    {
        const HttpResult joined = call("POST", u"/api/v1/concerts/%1/queue"_s.arg(concert),
                                       "{\"userId\":\"buyer-" + QByteArray::number(++m_users) + "\"}");
        const QString token = joined.json().toObject().value(u"token"_s).toString();
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(
                call("GET", u"/api/v1/queue/"_s + token).json().toObject().value(u"status"_s).toString(),
                u"active"_s, 10000);
        }();
        return token.toUtf8();
    }
    SeatStatus status(const QString &performance)
    {
        auto s = SeatStatus::fromJson(call("GET", u"/api/v1/performances/%1/status"_s.arg(performance), {},
                                           {{"Authorization", Staff}}).json());
        return s ? s.value() : SeatStatus{};
    }
    QList<Seat> seats(const QString &performance)
    {
        auto l = SeatLayout::fromJson(call("GET", u"/api/v1/performances/%1/layout"_s.arg(performance)).json());
        return l ? l.value().seats : QList<Seat>{};
    }
    HttpResult hold(const QString &performance, const QStringList &ids, const QByteArray &token)
    {
        return call("POST", u"/api/v1/performances/%1/holds"_s.arg(performance),
                    QJsonDocument(QJsonObject{{u"seats"_s, QJsonArray::fromStringList(ids)}}).toJson(),
                    {{"X-Queue-Token", token}});
    }
    // The first n seats of the performance that are available now.
    QStringList available(const QString &performance, int n, qsizetype from = 0)
    {
        const SeatStatus s = status(performance);
        const QList<Seat> all = seats(performance);
        QStringList out;
        for (qsizetype i = from; i < all.size() && out.size() < n; ++i)
            if (s.status.at(i) == 'A')
                out << all[i].id;
        return out;
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
        m_now = QDateTime::currentMSecsSinceEpoch();
        const QString kinds[] = {u"sqlite"_s, u"postgresql"_s};
        for (int i = 0; i < 2; ++i) {
            m_servers[i] = TestServer::start(kinds[i], true, [this](Server::ServerConfig &c) {
                c.clock = [this] { return m_now.load(); };
                c.tickMs = 50;
                c.sweepMs = 3'600'000;  // the test sweeps by hand
                c.queue.defaults.capacity = 1000;
            });
            QVERIFY2(m_servers[i]->error.isEmpty(), qPrintable(m_servers[i]->error));
        }
    }

    void status_needsAnActiveTokenOfTheConcertOrStaff()
    {
        const QString path = u"/api/v1/performances/ironclad-reunion-p1/status"_s;
        verifyError(call("GET", path), 401, u"unauthorized"_s);
        verifyError(call("GET", path, {}, {{"Authorization", "Bearer wrong"}}), 403, u"forbidden"_s);
        verifyError(call("GET", path, {}, {{"X-Queue-Token", "ironclad-reunion.0123456789abcdef0123456789abcdef"}}),
                    403, u"forbidden"_s);
        verifyError(call("GET", path, {}, {{"X-Queue-Token", admittedToken(u"trot-king"_s)}}), 403, u"forbidden"_s);
        // Pre-queue: waiting, not active.
        const QByteArray early = call("POST", u"/api/v1/concerts/winter-musical/queue"_s, R"({"userId":"early"})")
                                     .json().toObject().value(u"token"_s).toString().toUtf8();
        verifyError(call("GET", u"/api/v1/performances/winter-musical-p1/status"_s, {}, {{"X-Queue-Token", early}}),
                    403, u"forbidden"_s);

        const HttpResult r = call("GET", path, {}, {{"X-Queue-Token", admittedToken(u"ironclad-reunion"_s)}});
        QCOMPARE(r.status, 200);
        auto s = SeatStatus::fromJson(r.json());
        QVERIFY(s.ok());
        QCOMPARE(s.value().status.size(), seats(u"ironclad-reunion-p1"_s).size());
        QVERIFY(s.value().status.contains('S') && s.value().status.contains('A'));  // the demo sold some
        verifyError(call("GET", u"/api/v1/performances/nope/status"_s, {}, {{"Authorization", Staff}}), 404,
                    u"not_found"_s);
    }

    void hold_movesSeatsToHeldWithOneVersion()
    {
        const QString perf = u"haneul-encore-p1"_s;
        const QByteArray token = admittedToken(u"haneul-encore"_s);
        const SeatStatus before = status(perf);
        const QStringList ids = available(perf, 3);
        const HttpResult r = hold(perf, ids, token);
        QCOMPARE(r.status, 201);
        auto h = Hold::fromJson(r.json());
        QVERIFY(h.ok());
        QCOMPARE(h.value().seats, ids);
        QVERIFY(h.value().total.amount > 0);
        QCOMPARE(h.value().total.currency, u"KRW"_s);
        QVERIFY(h.value().expiresAt > QDateTime::fromMSecsSinceEpoch(m_now));
        const SeatStatus after = status(perf);
        QCOMPARE(after.version, before.version + 1);  // three seats, one operation
        const QList<Seat> all = seats(perf);
        int held = 0;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (ids.contains(all[i].id))
                QCOMPARE(after.status.at(i), 'H');
            else
                QCOMPARE(after.status.at(i), before.status.at(i));
            held += after.status.at(i) == 'H';
        }
        QVERIFY(held >= 3);
    }

    void badHolds_areRefusedInOrderAndChangeNothing()
    {
        const QString perf = u"haneul-encore-p2"_s;
        const QByteArray token = admittedToken(u"haneul-encore"_s);
        const QStringList free = available(perf, 6);
        const qint64 version = status(perf).version;
        verifyError(hold(perf, {}, token), 400, u"bad_request"_s, QStringList());
        verifyError(hold(perf, {free[0], free[1], free[0]}, token), 400, u"bad_request"_s, QStringList{free[0]});
        // Duplicates come before unknown ids, unknown ids before the limit.
        verifyError(hold(perf, {free[0], free[0], u"Z-9-99"_s}, token), 400, u"bad_request"_s, QStringList{free[0]});
        verifyError(hold(perf, {free[0], u"Z-9-99"_s, u"nope"_s}, token), 400, u"bad_request"_s, QStringList{u"Z-9-99"_s, u"nope"_s});
        verifyError(hold(perf, free.mid(0, 5), token), 400, u"bad_request"_s, free.mid(0, 5));
        verifyError(call("POST", u"/api/v1/performances/%1/holds"_s.arg(perf), "{\"seats\":[1,2]}",
                         {{"X-Queue-Token", token}}), 400, u"bad_request"_s);
        verifyError(call("POST", u"/api/v1/performances/%1/holds"_s.arg(perf), "{\"seats\":", {{"X-Queue-Token", token}}),
                    400, u"bad_request"_s);
        verifyError(call("POST", u"/api/v1/performances/%1/holds"_s.arg(perf), "{}", {{"X-Queue-Token", token}}), 400,
                    u"bad_request"_s);
        QCOMPARE(status(perf).version, version);

        // Availability last: one seat taken by someone else makes the whole hold fail.
        QCOMPARE(hold(perf, {free[1]}, admittedToken(u"haneul-encore"_s)).status, 201);
        verifyError(hold(perf, {free[0], free[1], free[2]}, token), 409, u"seat_unavailable"_s, QStringList{free[1]});
        const SeatStatus after = status(perf);
        QCOMPARE(after.version, version + 1);  // only the other buyer's hold
        // The limit counts what a buyer already holds.
        QCOMPARE(hold(perf, {free[2], free[3], free[4]}, token).status, 201);
        verifyError(hold(perf, {free[5], available(perf, 1, 1).value(0)}, token), 400, u"bad_request"_s);
    }

    void release_returnsSeatsOnlyForItsOwner()
    {
        const QString perf = u"trot-king-p1"_s;
        const QByteArray token = admittedToken(u"trot-king"_s);
        const QStringList ids = available(perf, 2);
        const QString holdId = Hold::fromJson(hold(perf, ids, token).json()).value().holdId;
        const QString path = u"/api/v1/holds/"_s + holdId;
        verifyError(call("DELETE", path), 401, u"unauthorized"_s);
        verifyError(call("DELETE", path, {}, {{"X-Queue-Token", admittedToken(u"trot-king"_s)}}), 403, u"forbidden"_s);
        verifyError(call("DELETE", u"/api/v1/holds/h-nope"_s, {}, {{"X-Queue-Token", token}}), 404, u"not_found"_s);
        const qint64 version = status(perf).version;
        QCOMPARE(call("DELETE", path, {}, {{"X-Queue-Token", token}}).status, 204);
        const SeatStatus after = status(perf);
        QCOMPARE(after.version, version + 1);
        QCOMPARE(available(perf, 2), ids);
        verifyError(call("DELETE", path, {}, {{"X-Queue-Token", token}}), 409, u"conflict"_s);
        verifyError(call("POST", path + u"/purchase"_s, R"({"payment":{"method":"test"}})", {{"X-Queue-Token", token}}),
                    409, u"conflict"_s);
    }

    void purchase_sellsForGoodAndEndsTheSession()
    {
        const QString perf = u"ironclad-reunion-p2"_s;
        const QByteArray token = admittedToken(u"ironclad-reunion"_s);
        const QStringList ids = available(perf, 2);
        const Hold h = Hold::fromJson(hold(perf, ids, token).json()).value();
        const QString path = u"/api/v1/holds/"_s + h.holdId + u"/purchase"_s;
        verifyError(call("POST", path, R"({"payment":{"method":"bitcoin"}})", {{"X-Queue-Token", token}}), 400,
                    u"bad_request"_s);
        verifyError(call("POST", path, R"({"payment":"card"})", {{"X-Queue-Token", token}}), 400, u"bad_request"_s);
        verifyError(call("POST", path, R"({"payment":{"method":"card"}})"), 401, u"unauthorized"_s);
        const int availableBefore = call("GET", u"/api/v1/concerts/ironclad-reunion"_s).json().toObject()
                                        .value(u"performances"_s).toArray().at(1).toObject().value(u"available"_s).toInt();

        const HttpResult r = call("POST", path, R"({"payment":{"method":"card"}})", {{"X-Queue-Token", token}});
        QCOMPARE(r.status, 201);
        const Order o = Order::fromJson(r.json()).value();
        QCOMPARE(o.seats, ids);
        QCOMPARE(o.total, h.total);
        QCOMPARE(o.performanceId, perf);
        const SeatStatus s = status(perf);
        const QList<Seat> all = seats(perf);
        for (qsizetype i = 0; i < all.size(); ++i)
            if (ids.contains(all[i].id))
                QCOMPARE(s.status.at(i), 'S');
        // The buyer's session ended: the slot is free for the next waiter.
        QCOMPARE(call("GET", u"/api/v1/queue/"_s + QString::fromUtf8(token)).json().toObject().value(u"status"_s).toString(),
                 u"expired"_s);
        verifyError(call("POST", path, R"({"payment":{"method":"card"}})", {{"X-Queue-Token", token}}), 409,
                    u"conflict"_s);
        verifyError(call("DELETE", u"/api/v1/holds/"_s + h.holdId, {}, {{"X-Queue-Token", token}}), 409, u"conflict"_s);
        // One sales row per seat, with the order and the tier's price: the source of rankings.
        const auto db = Server::DatabaseUrl::parse(server().databaseUrl).value();
        {
            auto opened = Server::SqlDatabase::open(db, u"tst_seats-check"_s);
            QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error()));
            Server::SqlDatabase sql = std::move(opened).value();
            QSqlQuery q(sql.db());
            q.prepare(u"SELECT COUNT(*), SUM(amount) FROM sales WHERE order_id = ? AND concert_id = ?"_s);
            q.addBindValue(o.orderId);
            q.addBindValue(u"ironclad-reunion"_s);
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            QCOMPARE(q.value(1).toLongLong(), o.total.amount);
            q.prepare(u"SELECT method, amount FROM orders WHERE id = ?"_s);
            q.addBindValue(o.orderId);
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toString(), u"card"_s);
            QCOMPARE(q.value(1).toLongLong(), o.total.amount);
        }
        // Held seats were not available before either: the count is unchanged by the sale.
        const int availableAfter = call("GET", u"/api/v1/concerts/ironclad-reunion"_s).json().toObject()
                                       .value(u"performances"_s).toArray().at(1).toObject().value(u"available"_s).toInt();
        QCOMPARE(availableAfter, availableBefore);
    }

    void holds_expireAndNeverOutliveTheSession()
    {
        const QString perf = u"starlight-seven-p1"_s;
        const qint64 start = m_now;
        const auto restoreClock = qScopeGuard([&] { m_now = start; });
        const QByteArray token = admittedToken(u"starlight-seven"_s);
        const QStringList ids = available(perf, 1);
        const Hold h = Hold::fromJson(hold(perf, ids, token).json()).value();
        // Hold 300 s, session 180 s: the session's end wins.
        const qint64 expires = h.expiresAt.toMSecsSinceEpoch();
        QVERIFY2(expires <= start + 181'000 && expires >= start + 170'000, qPrintable(h.expiresAt.toString(Qt::ISODate)));

        m_now = expires + 1;
        verifyError(call("POST", u"/api/v1/holds/"_s + h.holdId + u"/purchase"_s, R"({"payment":{"method":"test"}})",
                         {{"Authorization", Staff}}), 409, u"conflict"_s);
        QVERIFY(server().server->seats()->sweepExpiredHolds() >= 1);  // with the other tests' holds of that time
        QCOMPARE(server().server->seats()->sweepExpiredHolds(), 0);
        QCOMPARE(available(perf, 1), ids);
        verifyError(call("DELETE", u"/api/v1/holds/"_s + h.holdId, {}, {{"Authorization", Staff}}), 409, u"conflict"_s);
    }

    // Adversarial pass: after DELETE /queue/{token} or a staff expiry the token's hold
    // stayed H and the token could still buy it (201).
    void holds_goWhenTheSessionEndsEarly_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("leave") << u"leave"_s;
        QTest::newRow("staff expiry") << u"expire"_s;
        QTest::newRow("a purchase") << u"purchase"_s;
    }
    void holds_goWhenTheSessionEndsEarly()
    {
        QFETCH(QString, how);
        const QString perf = u"haneul-encore-p2"_s;
        const QByteArray token = admittedToken(u"haneul-encore"_s);
        const QStringList ids = available(perf, 3);
        const Hold h = Hold::fromJson(hold(perf, ids.mid(0, 2), token).json()).value();
        const Hold other = Hold::fromJson(hold(perf, ids.mid(2, 1), token).json()).value();
        if (how == u"leave") {
            QCOMPARE(call("DELETE", u"/api/v1/queue/"_s + QString::fromUtf8(token)).status, 204);
        } else if (how == u"expire") {
            const HttpResult r = call("POST", u"/api/v1/admin/concerts/haneul-encore/expire"_s, R"({"count":1000000})",
                                      {{"Authorization", Staff}});
            QCOMPARE(r.status, 200);
        } else {
            QCOMPARE(call("POST", u"/api/v1/holds/"_s + other.holdId + u"/purchase"_s, R"({"payment":{"method":"test"}})",
                          {{"X-Queue-Token", token}}).status, 201);
        }
        // The seats are available again at once, and the token cannot buy them.
        QCOMPARE(available(perf, 2), ids.mid(0, 2));
        verifyError(call("POST", u"/api/v1/holds/"_s + h.holdId + u"/purchase"_s, R"({"payment":{"method":"test"}})",
                         {{"X-Queue-Token", token}}), 409, u"conflict"_s);
        if (how != u"purchase")
            verifyError(call("POST", u"/api/v1/holds/"_s + other.holdId + u"/purchase"_s,
                             R"({"payment":{"method":"test"}})", {{"X-Queue-Token", token}}), 409, u"conflict"_s);
    }

    void counterSale_staffSkipsTheQueueAndTheLimit()
    {
        const QString perf = u"seoul-phil-newyear-p2"_s;
        const QStringList ids = available(perf, 10);
        const HttpResult r = call("POST", u"/api/v1/performances/%1/holds"_s.arg(perf),
                                  QJsonDocument(QJsonObject{{u"seats"_s, QJsonArray::fromStringList(ids)}}).toJson(),
                                  {{"Authorization", Staff}});
        QCOMPARE(r.status, 201);
        const Hold h = Hold::fromJson(r.json()).value();
        const HttpResult sold = call("POST", u"/api/v1/holds/"_s + h.holdId + u"/purchase"_s,
                                     R"({"payment":{"method":"cash"}})", {{"Authorization", Staff}});
        QCOMPARE(sold.status, 201);
        QCOMPARE(Order::fromJson(sold.json()).value().seats.size(), 10);
        // A buyer cannot touch a staff hold.
        const HttpResult other = call("POST", u"/api/v1/performances/%1/holds"_s.arg(perf),
                                      QJsonDocument(QJsonObject{{u"seats"_s, QJsonArray::fromStringList(available(perf, 1))}}).toJson(),
                                      {{"Authorization", Staff}});
        verifyError(call("DELETE", u"/api/v1/holds/"_s + Hold::fromJson(other.json()).value().holdId, {},
                         {{"X-Queue-Token", admittedToken(u"seoul-phil-newyear"_s)}}), 403, u"forbidden"_s);
    }

    void staff_listHeldHoldsAndForceRelease()
    {
        const QString perf = u"trot-king-p2"_s;
        const QString path = u"/api/v1/admin/performances/%1/holds"_s.arg(perf);
        verifyError(call("GET", path), 401, u"unauthorized"_s);
        verifyError(call("GET", path, {}, {{"Authorization", "Bearer nope"}}), 403, u"forbidden"_s);
        verifyError(call("GET", u"/api/v1/admin/performances/nope/holds"_s, {}, {{"Authorization", Staff}}), 404,
                    u"not_found"_s);
        const QByteArray token = admittedToken(u"trot-king"_s);
        const QStringList ids = available(perf, 2);
        const Hold mine = Hold::fromJson(hold(perf, ids, token).json()).value();
        auto listed = [&] {
            const QJsonObject o = call("GET", path, {}, {{"Authorization", Staff}}).json().toObject();
            QHash<QString, QJsonObject> byId;
            for (const QJsonValue &v : o.value(u"holds"_s).toArray())
                byId.insert(v.toObject().value(u"holdId"_s).toString(), v.toObject());
            return byId;
        };
        const auto before = listed();
        QVERIFY(before.contains(mine.holdId));
        QCOMPARE(Hold::fromJson(before[mine.holdId]).value(), mine);
        QCOMPARE(before[mine.holdId].value(u"staff"_s).toBool(), false);
        // Staff release a buyer's hold: the seats are free and the hold is gone from the list.
        QCOMPARE(call("DELETE", u"/api/v1/holds/"_s + mine.holdId, {}, {{"Authorization", Staff}}).status, 204);
        QVERIFY(!listed().contains(mine.holdId));
        QCOMPARE(available(perf, 2), ids);
    }

    void bestAvailable_holdsAdjacentSeatsOfTheTier()
    {
        const QString perf = u"jazz-after-dark-p2"_s;
        const QByteArray token = admittedToken(u"jazz-after-dark"_s);
        const HttpResult r = call("POST", u"/api/v1/performances/%1/holds"_s.arg(perf),
                                  R"({"best":{"count":2,"tier":"S"}})", {{"X-Queue-Token", token}});
        if (r.status == 409) {
            verifyError(r, 409, u"seat_unavailable"_s);  // the demo may have sold every pair
            return;
        }
        QCOMPARE(r.status, 201);
        const Hold h = Hold::fromJson(r.json()).value();
        QCOMPARE(h.seats.size(), 2);
        Seat a, b;
        for (const Seat &s : seats(perf)) {
            if (s.id == h.seats[0])
                a = s;
            if (s.id == h.seats[1])
                b = s;
        }
        QCOMPARE(a.tier, u"S"_s);
        QCOMPARE(b.tier, u"S"_s);
        QCOMPARE(a.section, b.section);
        QCOMPARE(a.row, b.row);
        QCOMPARE(qAbs(a.number - b.number), 1);
        verifyError(call("POST", u"/api/v1/performances/%1/holds"_s.arg(perf), R"({"best":{"count":"two","tier":"S"}})",
                         {{"X-Queue-Token", token}}), 400, u"bad_request"_s);
    }
};

QTEST_GUILESS_MAIN(TestSeats)
#include "tst_seats.moc"
