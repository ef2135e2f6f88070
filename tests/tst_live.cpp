// The live channel over a real QWebSocket on the REST port: subscribe, refusals,
// bad frames with the connection staying up, queue pushes on admission, seat deltas
// in version order (also from another server instance), rankings pushes.
#include "testsupport.h"

#include "domain/errorbody.h"
#include "domain/hold.h"
#include "domain/seatlayout.h"
#include "server/rank/rankingservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QElapsedTimer>
#include <QDateTime>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <atomic>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {
const QByteArray Staff = "Bearer test-staff-key";
}

// A WebSocket client that keeps every message it gets.
class LiveClient : public QObject
{
public:
    QWebSocket socket;
    QList<QJsonObject> messages;

    explicit LiveClient(const QUrl &server, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QUrl url = server;
        url.setScheme(u"ws"_s);
        url.setPath(u"/api/v1/live"_s);
        QNetworkRequest request(url);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        socket.open(request);
    }
    bool waitConnected()
    {
        QSignalSpy connected(&socket, &QWebSocket::connected);
        return socket.state() == QAbstractSocket::ConnectedState || connected.wait(10000);
    }
    void sendJson(const QJsonObject &o) { socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson())); }
    void subscribe(const QStringList &topics)
    {
        sendJson({{u"type"_s, u"subscribe"_s}, {u"topics"_s, QJsonArray::fromStringList(topics)}});
    }
    // The first message of `type` received from index `from` on, waiting for it.
    std::optional<QJsonObject> next(const QString &type, qsizetype *from, int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            for (; *from < messages.size(); ++*from)
                if (messages[*from].value(u"type"_s).toString() == type)
                    return messages[(*from)++];
            if (timer.elapsed() > timeoutMs)
                return std::nullopt;
            QSignalSpy got(&socket, &QWebSocket::textMessageReceived);
            got.wait(200);
        }
    }
};

class TestLive : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<TestServer> m_server;

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return http(m_network, method, m_server->at(path), body, headers);
    }
    QString join(const QString &concert, const QString &user)
    {
        return call("POST", u"/api/v1/concerts/%1/queue"_s.arg(concert), "{\"userId\":\"" + user.toUtf8() + "\"}")
            .json().toObject().value(u"token"_s).toString();
    }

    // A raw WebSocket client that never reads, sending subscribes whose error frames
    // (each names its 100 refused topics back) pile up in the server: ~60 KB out per
    // frame in, 18 MB in all, far past what the kernel buffers.
    static bool floodWithoutReading(TestServer &server, QTcpSocket &raw)
    {
        const int before = server.server->liveClients();
        raw.setReadBufferSize(4096);  // Qt reads no more: the rest waits in the kernel, then in the server
        raw.connectToHost(server.url.host(), quint16(server.url.port()));
        if (!raw.waitForConnected(5000))
            return false;
        raw.write("GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        if (!QTest::qWaitFor([&] { return server.server->liveClients() == before + 1; }, 10000))
            return false;
        QJsonArray topics;
        for (int i = 0; i < 100; ++i)
            topics.append(QString(u"nope:"_s + QString(590, u'x') + QString::number(i)));
        const QByteArray payload = QJsonDocument(QJsonObject{{u"type"_s, u"subscribe"_s}, {u"topics"_s, topics}})
                                       .toJson(QJsonDocument::Compact);
        if (payload.size() >= 64 * 1024)
            return false;
        QByteArray frame;
        frame += char(0x81);                      // FIN, text
        frame += char(0x80 | 126);                // masked, 16-bit length
        frame += char(payload.size() >> 8);
        frame += char(payload.size() & 0xff);
        frame += QByteArray(4, '\0');             // a zero mask leaves the payload as it is
        frame += payload;
        for (int i = 0; i < 300; ++i)
            raw.write(frame);
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::start(u"sqlite"_s, true, [](Server::ServerConfig &c) {
            c.tickMs = 50;
            c.liveMs = 50;
            c.queue.defaults.capacity = 1;
            c.rankingsMs = 3'600'000;
            c.liveStuckMs = 1000;
        });
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
    }

    void plainGet_isTold426()
    {
        const HttpResult r = call("GET", u"/api/v1/live"_s);
        QCOMPARE(r.status, 426);
        QCOMPARE(r.header("Upgrade"), QByteArray("websocket"));
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        QCOMPARE(r.json().toObject(),
                 (ErrorBody{u"upgrade_required"_s, u"/api/v1/live is a WebSocket: send an upgrade request"_s, {}}.toJson()));
    }

    void badMessages_getErrorFramesAndTheConnectionStays()
    {
        LiveClient client(m_server->url);
        QVERIFY(client.waitConnected());
        qsizetype at = 0;
        const QList<QPair<QString, QString>> bad = {
            {u"not json"_s, u"a message is one JSON object"_s},
            {u"[1,2]"_s, u"a message is one JSON object"_s},
            {u"{\"type\":\"dance\"}"_s, u"type must be subscribe, unsubscribe or ping"_s},
            {u"{\"type\":\"subscribe\",\"topics\":\"rankings\"}"_s, u"topics must be a list of at most 100 topics"_s}};
        for (const auto &[frame, message] : bad) {
            client.socket.sendTextMessage(frame);
            const auto error = client.next(u"error"_s, &at);
            QVERIFY2(error, qPrintable(frame));
            // The REST error body with "type":"error", nothing else.
            QJsonObject expected = ErrorBody{u"bad_request"_s, message, {}}.toJson();
            expected.insert(u"type"_s, u"error"_s);
            QCOMPARE(*error, expected);
        }
        client.sendJson({{u"type"_s, u"ping"_s}});
        QVERIFY(client.next(u"pong"_s, &at));
        QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
        // Refused topics come back in an error naming them; granted ones in "subscribed".
        client.subscribe({u"rankings"_s, u"queue:nope"_s, u"seats:echo-solo-p1"_s});
        const auto subscribed = client.next(u"subscribed"_s, &at);
        QVERIFY(subscribed);
        QCOMPARE(subscribed->value(u"topics"_s).toArray(), QJsonArray{u"rankings"_s});
        const auto refused = client.next(u"error"_s, &at);
        QVERIFY(refused);
        QCOMPARE(refused->value(u"error"_s).toObject().value(u"topics"_s).toArray(),
                 (QJsonArray{u"queue:nope"_s, u"seats:echo-solo-p1"_s}));
        QCOMPARE(ErrorBody::fromJson(*refused).value(),
                 (ErrorBody{u"forbidden"_s, u"these topics were refused"_s,
                            {{u"topics"_s, QJsonArray{u"queue:nope"_s, u"seats:echo-solo-p1"_s}}}}));
    }

    void queue_pushesTheStateThenTheAdmission()
    {
        // Capacity 1: the first is admitted, the second waits until the first leaves.
        const QString first = join(u"trot-king"_s, u"live-1"_s);
        const QString second = join(u"trot-king"_s, u"live-2"_s);
        LiveClient client(m_server->url);
        QVERIFY(client.waitConnected());
        client.subscribe({u"queue:"_s + second});
        qsizetype at = 0;
        QVERIFY(client.next(u"subscribed"_s, &at));
        const auto now = client.next(u"queue"_s, &at);  // the current state at once
        QVERIFY(now);
        QCOMPARE(now->value(u"token"_s).toString(), second);
        QCOMPARE(now->value(u"status"_s).toString(), u"waiting"_s);
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", u"/api/v1/queue/"_s + first).json().toObject().value(u"status"_s).toString(),
                                  u"active"_s, 10000);
        QCOMPARE(call("DELETE", u"/api/v1/queue/"_s + first).status, 204);
        std::optional<QJsonObject> update;
        do
            update = client.next(u"queue"_s, &at);
        while (update && update->value(u"status"_s).toString() != u"active");
        QVERIFY2(update, "no admission pushed");
        QVERIFY(update->contains(u"expiresAt"_s));
    }

    void seats_deltasInVersionOrder()
    {
        const QString perf = u"seoul-phil-newyear-p3"_s;
        LiveClient client(m_server->url, {{"Authorization", Staff}});
        QVERIFY(client.waitConnected());
        client.subscribe({u"seats:"_s + perf});
        qsizetype at = 0;
        QCOMPARE(client.next(u"subscribed"_s, &at)->value(u"topics"_s).toArray().size(), 1);
        const qint64 version = call("GET", u"/api/v1/performances/%1/status"_s.arg(perf), {}, {{"Authorization", Staff}})
                                   .json().toObject().value(u"version"_s).toInteger();
        const QByteArray letters = call("GET", u"/api/v1/performances/%1/status"_s.arg(perf), {}, {{"Authorization", Staff}})
                                       .json().toObject().value(u"status"_s).toString().toLatin1();
        const QList<Seat> seats = SeatLayout::fromJson(call("GET", u"/api/v1/performances/%1/layout"_s.arg(perf)).json())
                                      .value().seats;
        QStringList ids;
        QList<int> indexes;
        for (qsizetype i = 0; i < seats.size() && ids.size() < 2; ++i)
            if (letters.at(i) == 'A')
                ids << seats[i].id, indexes << int(i);
        const HttpResult held = call("POST", u"/api/v1/performances/%1/holds"_s.arg(perf),
                                     QJsonDocument(QJsonObject{{u"seats"_s, QJsonArray::fromStringList(ids)}}).toJson(),
                                     {{"Authorization", Staff}});
        QCOMPARE(held.status, 201);
        const QString holdId = held.json().toObject().value(u"holdId"_s).toString();
        QCOMPARE(call("DELETE", u"/api/v1/holds/"_s + holdId, {}, {{"Authorization", Staff}}).status, 204);

        const auto first = client.next(u"seats"_s, &at);
        QVERIFY(first);
        QCOMPARE(first->value(u"performanceId"_s).toString(), perf);
        QCOMPARE(first->value(u"version"_s).toInteger(), version + 1);
        QCOMPARE(first->value(u"changes"_s).toArray(),
                 (QJsonArray{QJsonArray{indexes[0], u"H"_s}, QJsonArray{indexes[1], u"H"_s}}));
        const auto second = client.next(u"seats"_s, &at);
        QVERIFY(second);
        QCOMPARE(second->value(u"version"_s).toInteger(), version + 2);
        QCOMPARE(second->value(u"changes"_s).toArray(),
                 (QJsonArray{QJsonArray{indexes[0], u"A"_s}, QJsonArray{indexes[1], u"A"_s}}));
    }

    void seats_needTheStatusRight()
    {
        const QString waiting = join(u"trot-king"_s, u"live-waiter"_s);  // capacity 1, taken
        LiveClient client(m_server->url, {{"X-Queue-Token", waiting.toUtf8()}});
        QVERIFY(client.waitConnected());
        client.subscribe({u"seats:trot-king-p1"_s});
        qsizetype at = 0;
        QVERIFY(client.next(u"subscribed"_s, &at)->value(u"topics"_s).toArray().isEmpty());
        QVERIFY(client.next(u"error"_s, &at));
    }

    void seats_grantedByAQueueTopicListedAfterThem()
    {
        const QString token = join(u"echo-solo"_s, u"order-matters"_s);  // alone in line: admitted
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", u"/api/v1/queue/"_s + token).json().toObject().value(u"status"_s).toString(),
                                  u"active"_s, 10000);
        LiveClient client(m_server->url);  // no credentials on the upgrade
        QVERIFY(client.waitConnected());
        client.subscribe({u"seats:echo-solo-p1"_s, u"queue:"_s + token});
        qsizetype at = 0;
        const auto subscribed = client.next(u"subscribed"_s, &at);
        QVERIFY(subscribed);
        QCOMPARE(subscribed->value(u"topics"_s).toArray().size(), 2);
    }

    // Adversarial pass: after its token left, a connection subscribed to seats: on that
    // token's rights still got deltas while REST answered 403.
    void seats_droppedWithAnErrorWhenTheSessionEnds()
    {
        const QString perf = u"haneul-encore-p1"_s;
        const QString token = join(u"haneul-encore"_s, u"live-leaver"_s);  // alone in line: admitted
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", u"/api/v1/queue/"_s + token).json().toObject().value(u"status"_s).toString(),
                                  u"active"_s, 10000);
        LiveClient buyer(m_server->url, {{"X-Queue-Token", token.toUtf8()}});
        LiveClient staff(m_server->url, {{"Authorization", Staff}});
        QVERIFY(buyer.waitConnected() && staff.waitConnected());
        buyer.subscribe({u"seats:"_s + perf});
        staff.subscribe({u"seats:"_s + perf});
        qsizetype at = 0, staffAt = 0;
        QCOMPARE(buyer.next(u"subscribed"_s, &at)->value(u"topics"_s).toArray().size(), 1);
        QCOMPARE(staff.next(u"subscribed"_s, &staffAt)->value(u"topics"_s).toArray().size(), 1);

        QCOMPARE(call("DELETE", u"/api/v1/queue/"_s + token).status, 204);
        verifyError(call("GET", u"/api/v1/performances/%1/status"_s.arg(perf), {}, {{"X-Queue-Token", token.toUtf8()}}),
                    403, u"forbidden"_s);
        const auto error = buyer.next(u"error"_s, &at);
        QVERIFY2(error, "no error frame when the session ended");
        QCOMPARE(error->value(u"error"_s).toObject().value(u"code"_s).toString(), u"forbidden"_s);
        QCOMPARE(error->value(u"error"_s).toObject().value(u"topics"_s).toArray(), (QJsonArray{QString(u"seats:"_s + perf)}));

        // A change after that reaches staff, not the buyer (a ping's pong comes after
        // anything sent to the buyer before it).
        const QByteArray letters = call("GET", u"/api/v1/performances/%1/status"_s.arg(perf), {}, {{"Authorization", Staff}})
                                       .json().toObject().value(u"status"_s).toString().toLatin1();
        const QList<Seat> seats = SeatLayout::fromJson(call("GET", u"/api/v1/performances/%1/layout"_s.arg(perf)).json())
                                      .value().seats;
        const qsizetype free = letters.indexOf('A');
        QCOMPARE(call("POST", u"/api/v1/performances/%1/holds"_s.arg(perf), "{\"seats\":[\"" + seats[free].id.toUtf8() + "\"]}",
                      {{"Authorization", Staff}}).status, 201);
        QVERIFY(staff.next(u"seats"_s, &staffAt));
        buyer.sendJson({{u"type"_s, u"ping"_s}});
        qsizetype pongAt = at;
        QVERIFY(buyer.next(u"pong"_s, &pongAt));
        qsizetype seatsAt = at;
        QVERIFY2(!buyer.next(u"seats"_s, &seatsAt, 0), "a seat delta after the rights were gone");
    }

    // Adversarial pass: a reader that never reads, over 1 MiB unsent, was closed only
    // when the next message was pushed; in a quiet spell it stayed. Now the tick checks.
    void stuckReader_isClosedDuringAQuietSpell()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_server->server->liveClients(), 0, 10000);  // the other tests' clients are gone
        QTcpSocket raw;
        QVERIFY(floodWithoutReading(*m_server, raw));
        // The server answers until over 1 MiB waits for this client, then all is quiet;
        // the client is closed within the stuck limit (1 s here) all the same.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->server->liveClients(), 0, 20000);
    }

    // The hub reads the server's injected clock: a stuck limit of an hour passes in
    // the test's time, not the wall clock's.
    void stuckReader_limitIsMeasuredOnTheInjectedClock()
    {
        std::atomic<qint64> now = QDateTime::currentMSecsSinceEpoch();
        auto server = TestServer::start(u"sqlite"_s, true, [&now](Server::ServerConfig &c) {
            c.liveMs = 50;
            c.rankingsMs = 3'600'000;
            c.liveStuckMs = 3'600'000;
            c.clock = [&now] { return now.load(); };
        });
        QVERIFY2(server->error.isEmpty(), qPrintable(server->error));
        QTcpSocket raw;
        QVERIFY(floodWithoutReading(*server, raw));
        // An hour per look on the injected clock (the hub notes the overflow on some
        // tick, then the next hour passes the limit); on the wall clock the test lasts
        // seconds, so with the system clock the reader would stay.
        const auto anHourLater = [&] {
            now += 3'600'000;
            return server->server->liveClients();
        };
        QTRY_COMPARE_WITH_TIMEOUT(anHourLater(), 0, 20000);
    }

    void rankings_pushedWhenTheyChange()
    {
        LiveClient client(m_server->url);
        QVERIFY(client.waitConnected());
        client.subscribe({u"rankings"_s});
        qsizetype at = 0;
        QVERIFY(client.next(u"subscribed"_s, &at));
        // A counter sale changes the sales, the next aggregation the rankings.
        const QString perf = u"midnight-bass-p1"_s;
        const QString seat = SeatLayout::fromJson(call("GET", u"/api/v1/performances/%1/layout"_s.arg(perf)).json())
                                 .value().seats.first().id;
        const HttpResult held = call("POST", u"/api/v1/performances/%1/holds"_s.arg(perf),
                                     "{\"seats\":[\"" + seat.toUtf8() + "\"]}", {{"Authorization", Staff}});
        QCOMPARE(held.status, 201);
        QCOMPARE(call("POST", u"/api/v1/holds/%1/purchase"_s.arg(held.json().toObject().value(u"holdId"_s).toString()),
                      R"({"payment":{"method":"cash"}})", {{"Authorization", Staff}}).status, 201);
        m_server->server->rankings()->refresh(true);
        const auto pushed = client.next(u"rankings"_s, &at);
        QVERIFY(pushed);
        bool found = false;
        for (const QJsonValue &e : pushed->value(u"entries"_s).toArray())
            found = found || (e.toObject().value(u"concertId"_s).toString() == u"midnight-bass"_s
                              && e.toObject().value(u"soldSeats"_s).toInt() >= 1);
        QVERIFY(found);
    }

    void seats_changesThroughAnotherInstanceArrive()
    {
        const auto db = freshPostgresDatabase();
        QVERIFY2(db, "no PostgreSQL: the CTest fixture 'services' starts one");
        QProcess servers[2];
        const QList<QUrl> urls = startServerProcesses({&servers[0], &servers[1]},
                                                      {u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s, *db,
                                                       u"--staff-key"_s, u"k"_s});
        QVERIFY(urls[0].isValid() && urls[1].isValid());
        LiveClient client(urls[0], {{"Authorization", "Bearer k"}});
        QVERIFY(client.waitConnected());
        client.subscribe({u"seats:echo-solo-p1"_s, u"seats:indie-bloom-p1"_s});
        qsizetype at = 0;
        QCOMPARE(client.next(u"subscribed"_s, &at)->value(u"topics"_s).toArray().size(), 2);
        QUrl layout = urls[1];
        layout.setPath(u"/api/v1/performances/indie-bloom-p1/status"_s);
        const QByteArray letters = http(m_network, "GET", layout, {}, {{"Authorization", "Bearer k"}})
                                       .json().toObject().value(u"status"_s).toString().toLatin1();
        layout.setPath(u"/api/v1/performances/indie-bloom-p1/layout"_s);
        const QList<Seat> seats = SeatLayout::fromJson(http(m_network, "GET", layout).json()).value().seats;
        const qsizetype free = letters.indexOf('A');
        QUrl holds = urls[1];
        holds.setPath(u"/api/v1/performances/indie-bloom-p1/holds"_s);
        QCOMPARE(http(m_network, "POST", holds, "{\"seats\":[\"" + seats[free].id.toUtf8() + "\"]}",
                      {{"Authorization", "Bearer k"}}).status, 201);
        const auto delta = client.next(u"seats"_s, &at);
        QVERIFY(delta);
        QCOMPARE(delta->value(u"performanceId"_s).toString(), u"indie-bloom-p1"_s);
        QCOMPARE(delta->value(u"changes"_s).toArray(), (QJsonArray{QJsonArray{int(free), u"H"_s}}));
        for (QProcess &p : servers) {
            p.terminate();
            QVERIFY(p.waitForFinished(10000));
        }
    }
};

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"
