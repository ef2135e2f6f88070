#include "domain/auditentry.h"
#include "domain/concert.h"
#include "domain/errorbody.h"
#include "domain/health.h"
#include "domain/hold.h"
#include "domain/jsonreader.h"
#include "domain/order.h"
#include "domain/queuehistory.h"
#include "domain/queuestats.h"
#include "domain/queueticket.h"
#include "domain/ranking.h"
#include "domain/seatlayout.h"
#include "domain/seatdelta.h"
#include "domain/seatstatus.h"
#include "domain/staffaccount.h"
#include "domain/staffsession.h"
#include "domain/venuetime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace BoxOffice;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

QJsonObject parseObject(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

Concert sampleConcert()
{
    return Concert{u"c1"_s, u"하늘 앙코르"_s, u"Haneul"_s, u"Ballad"_s, {u"v1"_s, u"Arena"_s, 15000, u"Asia/Seoul"_s},
                   {{u"p1"_s, at("2026-12-11T10:00:00Z"), at("2026-11-18T11:00:00Z"), 15000, 5100},
                    {u"p2"_s, at("2026-12-12T10:00:00Z"), at("2026-11-18T11:00:00Z"), 15000, 0}}};
}

template <typename T> T roundTrip(const T &value)
{
    // Through bytes, as on the wire.
    const QByteArray bytes = QJsonDocument(value.toJson()).toJson(QJsonDocument::Compact);
    auto decoded = T::fromJson(QJsonDocument::fromJson(bytes).object());
    if (!decoded)
        qWarning() << decoded.error().toString();
    return decoded.ok() ? decoded.value() : T{};
}

} // namespace

class TestDomainCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concert_roundTripsThroughBytes()
    {
        const Concert c = sampleConcert();
        QCOMPARE(roundTrip(c), c);
    }

    void concertList_decodesArrayAndRejectsObject()
    {
        const QJsonArray list{sampleConcert().toJson(), sampleConcert().toJson()};
        auto decoded = Concert::listFromJson(list);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value().size(), 2);
        QVERIFY(!Concert::listFromJson(sampleConcert().toJson()).ok());
    }

    void concert_wireFieldsMatchApi()
    {
        const QJsonObject o = sampleConcert().toJson();
        for (const char *key : {"id", "title", "artist", "genre", "venue", "performances"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        const QJsonObject p = o.value(u"performances"_s).toArray().first().toObject();
        QCOMPARE(p.value(u"startsAt"_s).toString(), u"2026-12-11T10:00:00Z"_s);
        for (const char *key : {"id", "startsAt", "salesOpenAt", "seatCount", "available"})
            QVERIFY2(p.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(u"venue"_s).toObject().value(u"seatCount"_s).toInt(), 15000);
    }

    void layout_roundTripsAndChecksReferences()
    {
        SeatLayout l;
        l.performanceId = u"p1"_s;
        l.venueId = u"v1"_s;
        l.venueName = u"Hall"_s;
        l.sections = {{u"A"_s, u"Stalls A"_s, u"VIP"_s}};
        l.tiers = {{u"VIP"_s, u"VIP"_s, {198000, u"KRW"_s}}};
        l.seats = {{u"A-1-1"_s, u"A"_s, u"1"_s, 1, 1.5, 2.25, u"VIP"_s},
                   {u"A-1-2"_s, u"A"_s, u"1"_s, 2, 2.0, 2.25, u"VIP"_s}};
        QCOMPARE(roundTrip(l), l);

        QJsonObject bad = l.toJson();
        QJsonArray seats = bad.value(u"seats"_s).toArray();
        QJsonObject seat = seats.at(1).toObject();
        seat.insert(u"tier"_s, u"NOPE"_s);
        seats.replace(1, seat);
        bad.insert(u"seats"_s, seats);
        auto decoded = SeatLayout::fromJson(bad);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().path, u"seats[1]"_s);

        seat.insert(u"tier"_s, u"VIP"_s);
        seat.insert(u"id"_s, u"A-1-1"_s);  // duplicate id
        seats.replace(1, seat);
        bad.insert(u"seats"_s, seats);
        QVERIFY(!SeatLayout::fromJson(bad).ok());
    }

    void seatStatus_roundTripsAndRejectsUnknownLetters()
    {
        const SeatStatus s{u"p1"_s, 42, "AAHSX"};
        QCOMPARE(roundTrip(s), s);
        QVERIFY(!SeatStatus::fromJson(parseObject(R"({"performanceId":"p","version":1,"status":"AAQ"})")).ok());
        QVERIFY(!SeatStatus::fromJson(parseObject(R"({"performanceId":"p","version":1,"status":"AÄ"})")).ok());
    }

    void queueTicket_roundTripsEachState()
    {
        QueueTicket waiting{u"tok"_s, u"c1"_s, QueueTicket::State::Waiting, 5, 4, 1200, 90, std::nullopt, false, {}, false};
        QCOMPARE(roundTrip(waiting), waiting);
        QueueTicket early = waiting;
        early.preQueue = true;
        early.opensAt = at("2026-11-28T11:00:00Z");
        QCOMPARE(roundTrip(early), early);
        QCOMPARE(roundTrip(waiting), waiting);
        QueueTicket active{u"tok"_s, u"c1"_s, QueueTicket::State::Active, std::nullopt, std::nullopt, 1200,
                           std::nullopt, at("2026-11-24T18:03:00Z"), false, {}, false};
        QCOMPARE(roundTrip(active), active);
        QVERIFY(!active.toJson().contains(u"position"_s));
        QueueTicket paused = waiting;
        paused.paused = true;
        QCOMPARE(roundTrip(paused), paused);
        QVERIFY(paused.toJson().value(u"paused"_s).toBool());
        QVERIFY(!waiting.toJson().contains(u"paused"_s));
        QueueTicket expired{u"tok"_s, u"c1"_s, QueueTicket::State::Expired, {}, {}, 0, {}, {}, false, {}, false};
        QCOMPARE(roundTrip(expired), expired);
    }

    // The hot paths write tickets by hand: the text must be QJsonDocument's, byte for byte.
    void queueTicket_bytesAreTheDocumentsText()
    {
        QueueTicket waiting{u"aurora.0123456789abcdef0123456789abcdef"_s, u"aurora"_s, QueueTicket::State::Waiting,
                            123456, 123455, 999999, 7 * 24 * 3600, std::nullopt, false, {}, false};
        QueueTicket early = waiting;
        early.preQueue = true;
        early.opensAt = at("2026-11-28T11:00:00Z");
        QueueTicket paused = waiting;
        paused.paused = true;
        QueueTicket active{u"t"_s, u"c"_s, QueueTicket::State::Active, std::nullopt, std::nullopt, 0,
                           std::nullopt, at("2026-11-24T18:03:00Z"), false, {}, false};
        QueueTicket expired{u"t"_s, u"c"_s, QueueTicket::State::Expired, {}, {}, 0, {}, {}, false, {}, false};
        QueueTicket odd = expired;
        odd.concertId = u"quote\" back\\slash \n\t\u0001 한국 \U0001F600"_s;
        for (const QueueTicket &t : {waiting, early, paused, active, expired, odd}) {
            QCOMPARE(t.toJsonBytes(), QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact));
            QJsonObject typed = t.toJson();
            typed.insert(u"type"_s, u"queue"_s);
            QCOMPARE(t.toJsonBytes(u"queue"), QJsonDocument(typed).toJson(QJsonDocument::Compact));
        }
    }

    void venue_carriesItsTimeZone()
    {
        const Concert c = sampleConcert();
        QCOMPARE(c.toJson().value(u"venue"_s).toObject().value(u"timeZone"_s).toString(), u"Asia/Seoul"_s);
        QCOMPARE(roundTrip(c).venue.timeZone, u"Asia/Seoul"_s);
        // Older servers send none: empty, and the client falls back to its own zone.
        auto old = VenueSummary::fromJson(parseObject(R"({"id":"v","name":"n","seatCount":1})"));
        QVERIFY(old.ok());
        QVERIFY(old.value().timeZone.isEmpty());
        // Times of a performance in its venue's zone, whatever the machine's (TZ=UTC here).
        const QDateTime seoul = inVenueZone(at("2026-12-11T10:00:00Z"), u"Asia/Seoul"_s);
        QCOMPARE(seoul.time(), QTime(19, 0));
        QCOMPARE(seoul.toUTC(), at("2026-12-11T10:00:00Z"));
        QCOMPARE(inVenueZone(at("2026-12-11T10:00:00Z"), u"No/Such_Zone"_s).toUTC(), at("2026-12-11T10:00:00Z"));
    }

    void seatDelta_roundTripsAndIsAllOrNothing()
    {
        const SeatDelta d{u"p1"_s, 42, {{0, 'H'}, {17, 'A'}, {59999, 'S'}}};
        QCOMPARE(roundTrip(d), d);
        QCOMPARE(d.toJson().value(u"type"_s).toString(), u"seats"_s);
        QCOMPARE(QJsonDocument(d.toJson().value(u"changes"_s).toArray()).toJson(QJsonDocument::Compact),
                 QByteArray(R"([[0,"H"],[17,"A"],[59999,"S"]])"));
        // One bad pair rejects the whole delta: the version must not advance past it.
        for (const char *bad : {R"({"performanceId":"p","version":3,"changes":[[1,"H"],[2,"Q"]]})",
                                R"({"performanceId":"p","version":3,"changes":[[1,"H"],["2","S"]]})",
                                R"({"performanceId":"p","version":3,"changes":[[1,"H"],[2]]})",
                                R"({"performanceId":"p","version":3,"changes":[[-1,"H"]]})",
                                R"({"performanceId":"p","version":3,"changes":[[1.5,"H"]]})",
                                R"({"performanceId":"p","version":3,"changes":[[1,"HS"]]})",
                                R"({"performanceId":"p","version":0,"changes":[]})",
                                R"({"performanceId":"p","changes":[]})"})
            QVERIFY2(!SeatDelta::fromJson(parseObject(bad)).ok(), bad);
    }

    // The staff dashboard's history: the bytes the route wrote by hand before the codec.
    void queueHistory_roundTripsWithTheWireFormat()
    {
        const QueueHistory h{u"c1"_s, {{at("2026-11-24T18:00:00Z"), 1200, 50}, {at("2026-11-24T18:00:10Z"), 0, 0}}};
        QCOMPARE(roundTrip(h), h);
        QCOMPARE(QJsonDocument(h.toJson()).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"concertId":"c1","samples":[{"active":50,"at":"2026-11-24T18:00:00Z","waiting":1200},)"
                            R"({"active":0,"at":"2026-11-24T18:00:10Z","waiting":0}]})"));
        QCOMPARE(roundTrip(QueueHistory{u"c2"_s, {}}), (QueueHistory{u"c2"_s, {}}));
    }

    void queueHistory_malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("no concert") << QByteArray(R"({"samples":[]})") << u"concertId"_s;
        QTest::newRow("samples missing") << QByteArray(R"({"concertId":"c"})") << u"samples"_s;
        QTest::newRow("samples object") << QByteArray(R"({"concertId":"c","samples":{}})") << u"samples"_s;
        QTest::newRow("sample not object") << QByteArray(R"({"concertId":"c","samples":[3]})") << u"samples[0]"_s;
        QTest::newRow("bad time") << QByteArray(R"({"concertId":"c","samples":[{"at":"2026-11-24T18:00:00Z","waiting":1,"active":1},{"at":"soon","waiting":1,"active":1}]})") << u"samples[1].at"_s;
        QTest::newRow("waiting string") << QByteArray(R"({"concertId":"c","samples":[{"at":"2026-11-24T18:00:00Z","waiting":"1","active":1}]})") << u"samples[0].waiting"_s;
        QTest::newRow("active fraction") << QByteArray(R"({"concertId":"c","samples":[{"at":"2026-11-24T18:00:00Z","waiting":1,"active":0.5}]})") << u"samples[0].active"_s;
        QTest::newRow("negative waiting") << QByteArray(R"({"concertId":"c","samples":[{"at":"2026-11-24T18:00:00Z","waiting":-1,"active":0}]})") << u"samples[0].waiting"_s;
        QTest::newRow("active missing") << QByteArray(R"({"concertId":"c","samples":[{"at":"2026-11-24T18:00:00Z","waiting":1}]})") << u"samples[0].active"_s;
    }

    void queueHistory_malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        auto decoded = QueueHistory::fromJson(parseObject(json.constData()));
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().path, path);
    }

    // Staff's list of holds: a hold's members plus "staff", as the route wrote by hand before.
    void heldHolds_roundTripWithTheWireFormat()
    {
        const Hold h{u"h1"_s, u"p1"_s, {u"A-1-1"_s}, at("2026-11-24T18:05:00Z"), {99000, u"KRW"_s}};
        const HeldHolds list{u"p1"_s, {{h, true}, {Hold{u"h2"_s, u"p1"_s, {}, at("2026-11-24T18:06:00Z"), {0, u"KRW"_s}}, false}}};
        QCOMPARE(roundTrip(list), list);
        QJsonObject expected = h.toJson();
        expected.insert(u"staff"_s, true);
        QCOMPARE(list.toJson().value(u"holds"_s).toArray().first().toObject(), expected);
        QCOMPARE(list.toJson().value(u"performanceId"_s).toString(), u"p1"_s);
        QCOMPARE(list.toJson().keys(), (QStringList{u"holds"_s, u"performanceId"_s}));
    }

    void heldHolds_malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        const QByteArray hold = R"("holdId":"h","performanceId":"p","seats":["A-1-1"],"expiresAt":"2026-11-24T18:05:00Z","total":{"amount":1,"currency":"KRW"})";
        QTest::newRow("no performance") << QByteArray(R"({"holds":[]})") << u"performanceId"_s;
        QTest::newRow("holds missing") << QByteArray(R"({"performanceId":"p"})") << u"holds"_s;
        QTest::newRow("holds object") << QByteArray(R"({"performanceId":"p","holds":{}})") << u"holds"_s;
        QTest::newRow("staff missing") << QByteArray(R"({"performanceId":"p","holds":[{)" + hold + "}]}") << u"holds[0].staff"_s;
        QTest::newRow("staff string") << QByteArray(R"({"performanceId":"p","holds":[{)" + hold + R"(,"staff":"yes"}]})") << u"holds[0].staff"_s;
        QTest::newRow("second hold's seats") << QByteArray(R"({"performanceId":"p","holds":[{)" + hold + R"(,"staff":true},{"holdId":"h","performanceId":"p","seats":"A-1-1","expiresAt":"2026-11-24T18:05:00Z","total":{"amount":1,"currency":"KRW"},"staff":false}]})") << u"holds[1].seats"_s;
        QTest::newRow("total missing") << QByteArray(R"({"performanceId":"p","holds":[{"holdId":"h","performanceId":"p","seats":[],"expiresAt":"2026-11-24T18:05:00Z","staff":false}]})") << u"holds[0].total"_s;
    }

    void heldHolds_malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        auto decoded = HeldHolds::fromJson(parseObject(json.constData()));
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().path, path);
    }

    void queueTicket_waitingWithoutPositionIsAnError()
    {
        auto r = QueueTicket::fromJson(parseObject(R"({"token":"t","concertId":"c","status":"waiting","waiting":3})"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().path, u"position"_s);
        QVERIFY(!QueueTicket::fromJson(parseObject(R"({"token":"t","concertId":"c","status":"gone","waiting":3})")).ok());
    }

    void holdOrderStatsHealth_roundTrip()
    {
        const Hold h{u"h1"_s, u"p1"_s, {u"A-1-1"_s, u"A-1-2"_s}, at("2026-11-24T18:05:00Z"), {396000, u"KRW"_s}};
        QCOMPARE(roundTrip(h), h);
        Order o;  // the purchase's first fields only, as before tickets
        o.orderId = u"o1"_s;
        o.performanceId = u"p1"_s;
        o.seats = {u"A-1-1"_s};
        o.total = {198000, u"KRW"_s};
        o.purchasedAt = at("2026-11-24T18:04:00Z");
        QCOMPARE(roundTrip(o), o);
        const QueueStats s{u"c1"_s, 1000, 100, 100, 180, true, 37};
        QCOMPARE(roundTrip(s), s);
        const Health health{u"ok"_s, u"redis"_s, u"postgresql"_s};
        QCOMPARE(roundTrip(health), health);
    }

    void refundRequestAndOrderList_asTheApiWritesThem()
    {
        // No seats named: the server refunds every seat not yet refunded.
        RefundRequest all;
        all.reason = u"ill"_s;
        QCOMPARE(all.toJson(), (QJsonObject{{u"reason"_s, u"ill"_s}, {u"release"_s, u"available"_s}}));
        const RefundRequest some{{u"A-1-2"_s}, u"double booked"_s, u"not_for_sale"_s};
        QCOMPARE(some.toJson()[u"seats"_s].toArray(), QJsonArray{u"A-1-2"_s});
        QCOMPARE(some.toJson()[u"release"_s].toString(), u"not_for_sale"_s);

        const auto list = Order::listFromJson(parseObject(
            R"({"orders":[{"orderId":"o1","code":"7K3M9Q2X","performanceId":"p1","concertId":"c1","status":"partially_refunded",
                "payment":{"method":"cash"},"customer":{"name":"Hong"},"soldBy":"minji","purchasedAt":"2026-11-24T18:04:00Z",
                "total":{"amount":198000,"currency":"KRW"},"seats":["A-1-1","A-1-2"],
                "tickets":[{"seatId":"A-1-2","label":"Section A · Row 1 · Seat 2","price":{"amount":99000,"currency":"KRW"},"state":"refunded","secret":"s2"},
                           {"seatId":"A-1-1","label":"Section A · Row 1 · Seat 1","price":{"amount":99000,"currency":"KRW"},"state":"valid","secret":"s1"}],
                "refunds":[]}]})"));
        QVERIFY2(list.ok(), list.ok() ? "" : qPrintable(list.error().toString()));
        QCOMPARE(list.value().size(), 1);
        const Order &o = list.value().first();
        QCOMPARE(o.ticketFor(u"A-1-1"_s)->secret, u"s1"_s);
        QCOMPARE(o.ticketFor(u"A-1-2"_s)->state, u"refunded"_s);
        QVERIFY(!o.ticketFor(u"B-9-9"_s));
        QCOMPARE(o.customer->name, u"Hong"_s);
        QVERIFY(!Order::listFromJson(parseObject(R"({"orders":[{"orderId":1}]})")).ok());
        QVERIFY(!Order::listFromJson(parseObject(R"({"list":[]})")).ok());
    }

    void ranking_roundTripsWithNullSellOut()
    {
        Ranking r;
        r.window = Ranking::Window::Week;
        r.generatedAt = at("2026-11-24T18:00:00Z");
        r.entries = {{1, u"c1"_s, u"A"_s, 0.6, 1.0, 600, 600, 270, 12.5, 1},
                     {2, u"c2"_s, u"B"_s, 0.4, 0.2, 400, 2000, {}, 0, {}}};
        QCOMPARE(roundTrip(r), r);
        const QJsonObject second = r.toJson().value(u"entries"_s).toArray().at(1).toObject();
        QVERIFY(second.value(u"soldOutSeconds"_s).isNull());
        QVERIFY(!Ranking::fromJson(parseObject(R"({"window":"month","generatedAt":"2026-11-24T18:00:00Z","entries":[]})")).ok());
    }

    void errorBody_keepsDetails()
    {
        const ErrorBody e{u"seat_unavailable"_s, u"taken"_s, {{u"seats"_s, QJsonArray{u"A-1-1"_s}}}};
        const QJsonObject json = e.toJson();
        QCOMPARE(json.value(u"error"_s).toObject().value(u"code"_s).toString(), u"seat_unavailable"_s);
        QCOMPARE(roundTrip(e), e);
        QVERIFY(!ErrorBody::fromJson(parseObject(R"({"code":"x","message":"y"})")).ok());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("missing title") << QByteArray(R"({"id":"c","artist":"a","genre":"g","venue":{"id":"v","name":"n","seatCount":1},"performances":[]})") << u"title"_s;
        QTest::newRow("number as string") << QByteArray(R"({"id":"c","title":"t","artist":"a","genre":"g","venue":{"id":"v","name":"n","seatCount":"1"},"performances":[]})") << u"venue.seatCount"_s;
        QTest::newRow("fractional count") << QByteArray(R"({"id":"c","title":"t","artist":"a","genre":"g","venue":{"id":"v","name":"n","seatCount":1.5},"performances":[]})") << u"venue.seatCount"_s;
        QTest::newRow("huge count") << QByteArray(R"({"id":"c","title":"t","artist":"a","genre":"g","venue":{"id":"v","name":"n","seatCount":1e300},"performances":[]})") << u"venue.seatCount"_s;
        QTest::newRow("id null") << QByteArray(R"({"id":null,"title":"t","artist":"a","genre":"g","venue":{"id":"v","name":"n","seatCount":1},"performances":[]})") << u"id"_s;
        QTest::newRow("performances object") << QByteArray(R"({"id":"c","title":"t","artist":"a","genre":"g","venue":{"id":"v","name":"n","seatCount":1},"performances":{}})") << u"performances"_s;
        QTest::newRow("bad time") << QByteArray(R"({"id":"c","title":"t","artist":"a","genre":"g","venue":{"id":"v","name":"n","seatCount":10},"performances":[{"id":"p","startsAt":"tomorrow","salesOpenAt":"2026-11-18T11:00:00Z","seatCount":10,"available":1}]})") << u"performances[0].startsAt"_s;
        QTest::newRow("time without zone") << QByteArray(R"({"id":"c","title":"t","artist":"a","genre":"g","venue":{"id":"v","name":"n","seatCount":10},"performances":[{"id":"p","startsAt":"2026-12-11T10:00:00","salesOpenAt":"2026-11-18T11:00:00Z","seatCount":10,"available":1}]})") << u"performances[0].startsAt"_s;
        QTest::newRow("available over seats") << QByteArray(R"({"id":"c","title":"t","artist":"a","genre":"g","venue":{"id":"v","name":"n","seatCount":10},"performances":[{"id":"p","startsAt":"2026-12-11T10:00:00Z","salesOpenAt":"2026-11-18T11:00:00Z","seatCount":10,"available":11}]})") << u"performances[0].available"_s;
        QTest::newRow("array at top") << QByteArray("[1,2]") << QString();
    }

    void malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        auto value = parseJson(json);
        QVERIFY(value.ok());
        auto decoded = Concert::fromJson(value.value());
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().path, path);
        QVERIFY(!decoded.error().message.isEmpty());
    }

    void parseJson_rejectsGarbage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << QByteArray(R"({"id":"c")");
        QTest::newRow("scalar") << QByteArray("42");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4);
        QTest::newRow("trailing") << QByteArray(R"({} {})");
        QTest::newRow("deep") << QByteArray(100000, '[');
    }

    void parseJson_rejectsGarbage()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!parseJson(bytes).ok());
    }

    void parseTime_acceptsOffsetsAndNormalisesToUtc()
    {
        auto t = parseTime(u"2026-11-25T03:00:00+09:00"_s);
        QVERIFY(t.has_value());
        QCOMPARE(formatTime(*t), u"2026-11-24T18:00:00Z"_s);
        QVERIFY(parseTime(u"2026-11-24T18:00:00.250Z"_s).has_value());
        QVERIFY(!parseTime(u"2026-13-45T18:00:00Z"_s).has_value());
        QVERIFY(!parseTime(u"2026-11-24"_s).has_value());
    }

    void staff_sessionsAccountsAndTheStaffKey()
    {
        // The sign-in answer, as API.md gives it.
        const auto signedIn = StaffSession::fromJson(parseObject(
            R"({"token":"t0k3n","expiresAt":"2026-11-25T06:00:00Z","staff":{"id":"s1","login":"minji","name":"Kim Minji","role":"clerk"}})"));
        QVERIFY(signedIn.ok());
        QCOMPARE(signedIn.value().token, u"t0k3n"_s);
        QCOMPARE(*signedIn.value().expiresAt, at("2026-11-25T06:00:00Z"));
        QCOMPARE(signedIn.value().staff.id, u"s1"_s);
        QCOMPARE(signedIn.value().staff.role, StaffRole::Clerk);
        QVERIFY(signedIn.value().staff.active);  // a session's staff carries no "active"
        QCOMPARE(roundTrip(signedIn.value()), signedIn.value());
        // The configured key: no id, no expiry, the admin.
        const auto key = StaffSession::fromJson(parseObject(
            R"x({"expiresAt":null,"staff":{"id":null,"login":"(staff key)","name":"Staff key","role":"admin"}})x"));
        QVERIFY(key.ok());
        QVERIFY(key.value().token.isEmpty());
        QVERIFY(!key.value().expiresAt);
        QVERIFY(key.value().staff.isStaffKey());
        QVERIFY(key.value().staff.hasRole(StaffRole::Manager));
        QCOMPARE(roundTrip(key.value()), key.value());
        QVERIFY(key.value().toJson().value(u"staff"_s).toObject().value(u"id"_s).isNull());
        // Roles rank, and only the three names exist.
        const StaffAccount clerk{u"s2"_s, u"a"_s, u"A"_s, StaffRole::Clerk, true};
        QVERIFY(clerk.hasRole(StaffRole::Clerk) && !clerk.hasRole(StaffRole::Manager));
        QVERIFY(!StaffSession::fromJson(parseObject(
                    R"({"expiresAt":null,"staff":{"id":"s","login":"a","name":"A","role":"owner"}})")).ok());
        // The admin's list.
        const auto list = StaffAccount::listFromJson(parseObject(
            R"({"staff":[{"id":"s1","login":"minji","name":"Kim Minji","role":"clerk","active":true},)"
            R"({"id":"s2","login":"boss","name":"Jung","role":"manager","active":false}]})"));
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 2);
        QVERIFY(!list.value().at(1).active);
        QCOMPARE(list.value().at(1).role, StaffRole::Manager);
        const auto bad = StaffAccount::listFromJson(parseObject(R"({"staff":[{"id":"s1","login":"x","name":"X","role":"clerk","active":"yes"}]})"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().path, u"staff[0].active"_s);
    }

    void staff_newAccountsAndChangesCarryOnlyWhatIsSet()
    {
        const NewStaffAccount added{u"minji"_s, u"Kim Minji"_s, StaffRole::Manager, u"013579"_s};
        QCOMPARE(added.toJson(), parseObject(R"({"login":"minji","name":"Kim Minji","role":"manager","pin":"013579"})"));
        QCOMPARE(roundTrip(added), added);
        StaffAccountChange change;
        QVERIFY(change.isEmpty());
        QCOMPARE(change.toJson(), QJsonObject());
        change.role = StaffRole::Admin;
        change.active = false;
        QCOMPARE(change.toJson(), parseObject(R"({"role":"admin","active":false})"));
        QCOMPARE(roundTrip(change), change);
        QVERIFY(!StaffAccountChange::fromJson(parseObject(R"({"active":"no"})")).ok());
        for (const char *pin : {"1234", "000000000000", "0987"})
            QVERIFY2(isValidStaffPin(QString::fromLatin1(pin)), pin);
        for (const char *pin : {"", "123", "1234567890123", "12a4", "١٢٣٤", " 1234"})
            QVERIFY2(!isValidStaffPin(QString::fromUtf8(pin)), pin);
    }

    void audit_entriesAndTheQuery()
    {
        const auto entries = AuditEntry::listFromJson(parseObject(
            R"x({"entries":[{"id":"7","at":"2026-11-24T09:30:05Z","staffId":"s1","login":"minji","action":"order.sale",)x"
            R"x("target":"o-1","details":{"seats":["A-1-1","A-1-2"],"total":{"amount":198000,"currency":"KRW"}}},)x"
            R"x({"id":"6","at":"2026-11-24T09:00:00Z","staffId":null,"login":"(staff key)","action":"staff.create",)x"
            R"x("target":"s1","details":{}}]})x"));
        QVERIFY(entries.ok());
        QCOMPARE(entries.value().size(), 2);
        const AuditEntry &sale = entries.value().first();
        QCOMPARE(sale.at, at("2026-11-24T09:30:05Z"));
        QCOMPARE(sale.details.value(u"seats"_s).toArray().size(), 2);
        QVERIFY(!sale.byStaffKey());
        QVERIFY(entries.value().at(1).byStaffKey());
        QCOMPARE(roundTrip(sale), sale);
        QCOMPARE(roundTrip(entries.value().at(1)), entries.value().at(1));
        // A failed sign-in of an unknown login: no account, but not the key either.
        const auto unknown = AuditEntry::fromJson(parseObject(
            R"({"id":"8","at":"2026-11-24T09:31:00Z","staffId":null,"login":"mallory","action":"staff.sign_in_failed","target":"mallory","details":{"reason":"unknown_login"}})"));
        QVERIFY(unknown.ok());
        QVERIFY(!unknown.value().byStaffKey());
        QVERIFY(!AuditEntry::fromJson(parseObject(R"({"id":"9","at":"yesterday","staffId":null,"login":"x","action":"a","target":"","details":{}})")).ok());
        QVERIFY(!AuditEntry::fromJson(parseObject(R"({"id":"9","at":"2026-11-24T09:31:00Z","staffId":null,"login":"x","action":"a","target":"","details":[1]})")).ok());

        AuditQuery query;
        QCOMPARE(query.toQueryString(), u"limit=100"_s);
        query.staffId = u"s 1"_s;
        query.to = QDateTime(QDate(2026, 11, 24), QTime(18, 0), QTimeZone(9 * 3600));  // sent in UTC
        QCOMPARE(query.toQueryString(), u"staffId=s%201&to=2026-11-24T09%3A00%3A00Z&limit=100"_s);
    }
};

QTEST_GUILESS_MAIN(TestDomainCodecs)
#include "tst_domaincodecs.moc"
