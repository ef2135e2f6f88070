// Bad input, as a corpus: over a hundred malformed requests, JSON bodies, query strings,
// credentials and WebSocket frames, each answered with the right 4xx and API.md's error
// body (or, for bytes that are not HTTP at all, a closed connection), and the server
// still serving afterwards. Slow clients (a request trickled a byte at a time) and
// connection floods are bounded.
#include "testsupport.h"

#include "domain/errorbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Staff = "Bearer test-staff-key";

struct Case
{
    QByteArray method;
    QString path;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int status;
    QString code;
};

// Bodies that are not a JSON object, or not JSON at all.
QList<QByteArray> notAnObject()
{
    return {"", "{", "}", "[]", "null", "1", "\"text\"", "true", "{\"a\":1", "{\"a\":1}}", "\xff\xfe\xfd",
            QByteArray(20000, '['), "{'single':'quotes'}", "{\"a\":NaN}", "{\"a\":1,}"};
}

} // namespace

Q_DECLARE_METATYPE(Case)

class TestBadInput : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;
    int m_answered = 0;

    QList<Case> corpus() const
    {
        QList<Case> c;
        const QString join = u"/api/v1/concerts/trot-king/queue"_s;
        for (const QByteArray &b : notAnObject())
            c << Case{"POST", join, b, {}, 400, u"bad_request"_s};
        for (const QByteArray &b : {QByteArray("{}"), QByteArray("{\"userId\":1}"), QByteArray("{\"userId\":null}"),
                                    QByteArray("{\"userId\":\"\"}"), QByteArray("{\"userId\":\"   \"}"),
                                    QByteArray("{\"userId\":[\"a\"]}"), QByteArray("{\"userId\":{\"id\":\"a\"}}"),
                                    QByteArray("{\"userId\":\"" + QByteArray(201, 'x') + "\"}")})
            c << Case{"POST", join, b, {}, 400, u"bad_request"_s};
        c << Case{"POST", u"/api/v1/concerts/nope/queue"_s, "{\"userId\":\"a\"}", {}, 404, u"not_found"_s};

        // Holds (as staff, so the credential is not what fails).
        const QString holds = u"/api/v1/performances/trot-king-p1/holds"_s;
        for (const QByteArray &b : notAnObject())
            c << Case{"POST", holds, b, {{"Authorization", Staff}}, 400, u"bad_request"_s};
        QJsonArray many;
        for (int i = 0; i < 101; ++i)
            many.append(u"S-%1"_s.arg(i));
        for (const QByteArray &b :
             {QByteArray("{}"), QByteArray("{\"seats\":\"F1-1-1\"}"), QByteArray("{\"seats\":[1,2]}"),
              QByteArray("{\"seats\":[]}"), QByteArray("{\"seats\":[\"no-such-seat\"]}"),
              QByteArray("{\"best\":1}"), QByteArray("{\"best\":{\"count\":\"2\",\"tier\":\"VIP\"}}"),
              QByteArray("{\"best\":{\"count\":2.5,\"tier\":\"VIP\"}}"), QByteArray("{\"best\":{\"count\":0,\"tier\":\"VIP\"}}"),
              QByteArray("{\"best\":{\"count\":2,\"tier\":5}}"), QByteArray("{\"best\":{\"count\":51,\"tier\":\"VIP\"}}"),
              QJsonDocument(QJsonObject{{u"seats"_s, many}}).toJson(QJsonDocument::Compact)})
            c << Case{"POST", holds, b, {{"Authorization", Staff}}, 400, u"bad_request"_s};
        c << Case{"POST", u"/api/v1/performances/nope/holds"_s, "{\"seats\":[\"a\"]}", {{"Authorization", Staff}}, 404,
                  u"not_found"_s};

        // Purchase: the body is checked before the hold is looked up.
        const QString buy = u"/api/v1/holds/h-nope/purchase"_s;
        for (const QByteArray &b : {QByteArray("{}"), QByteArray("{\"payment\":{}}"), QByteArray("{\"payment\":\"card\"}"),
                                    QByteArray("{\"payment\":{\"method\":5}}"), QByteArray("nope")})
            c << Case{"POST", buy, b, {{"Authorization", Staff}}, 400, u"bad_request"_s};
        c << Case{"POST", buy, "{\"payment\":{\"method\":\"card\"}}", {{"Authorization", Staff}}, 404, u"not_found"_s};

        // Staff settings, crowd and expiry.
        const QString admin = u"/api/v1/admin/concerts/trot-king/queue"_s;
        for (const QByteArray &b : {QByteArray("{\"capacity\":-1}"), QByteArray("{\"capacity\":\"5\"}"),
                                    QByteArray("{\"capacity\":1e12}"), QByteArray("{\"capacity\":2.5}"),
                                    QByteArray("{\"sessionSeconds\":5}"), QByteArray("{\"paused\":1}"),
                                    QByteArray("[]"), QByteArray("{")})
            c << Case{"PUT", admin, b, {{"Authorization", Staff}}, 400, u"bad_request"_s};
        for (const QString &path : {u"/api/v1/admin/concerts/trot-king/crowd"_s, u"/api/v1/admin/concerts/trot-king/expire"_s})
            for (const QByteArray &b : {QByteArray("{}"), QByteArray("{\"count\":0}"), QByteArray("{\"count\":-5}"),
                                        QByteArray("{\"count\":\"x\"}"), QByteArray("{\"count\":2000000}")})
                c << Case{"POST", path, b, {{"Authorization", Staff}}, 400, u"bad_request"_s};

        // Credentials.
        for (const QString &path : {admin, u"/api/v1/admin/performances/trot-king-p1/holds"_s})
            c << Case{"GET", path, {}, {}, 401, u"unauthorized"_s}
              << Case{"GET", path, {}, {{"Authorization", "Bearer wrong"}}, 403, u"forbidden"_s}
              << Case{"GET", path, {}, {{"Authorization", "Basic dXNlcjpwYXNz"}}, 403, u"forbidden"_s}
              << Case{"GET", path, {}, {{"Authorization", "Bearer " + QByteArray(5000, 'k')}}, 403, u"forbidden"_s};
        const QString status = u"/api/v1/performances/trot-king-p1/status"_s;
        c << Case{"GET", status, {}, {}, 401, u"unauthorized"_s}
          << Case{"GET", status, {}, {{"X-Queue-Token", "garbage"}}, 403, u"forbidden"_s}
          << Case{"GET", status, {}, {{"X-Queue-Token", "trot-king.00000000000000000000000000000000"}}, 403, u"forbidden"_s}
          << Case{"GET", u"/api/v1/queue/not-a-token"_s, {}, {}, 404, u"not_found"_s}
          << Case{"GET", u"/api/v1/queue/trot-king.ffffffffffffffffffffffffffffffff"_s, {}, {}, 404, u"not_found"_s}
          << Case{"DELETE", u"/api/v1/queue/x"_s, {}, {}, 404, u"not_found"_s};

        // Staff sign-in and accounts.
        const QString signIn = u"/api/v1/staff/sessions"_s;
        for (const QByteArray &b : {QByteArray("{}"), QByteArray("{\"login\":\"a\"}"), QByteArray("{\"login\":1,\"pin\":\"1234\"}"),
                                    QByteArray("{\"login\":\"a\",\"pin\":1234}"), QByteArray("[]"), QByteArray("{\"login\"")})
            c << Case{"POST", signIn, b, {}, 400, u"bad_request"_s};
        for (const QByteArray &b : {QByteArray("{\"login\":\"nobody\",\"pin\":\"1234\"}"),
                                    QByteArray("{\"login\":\"" + QByteArray(5000, 'x') + "\",\"pin\":\"1234\"}"),
                                    QByteArray("{\"login\":\"\\u0000\",\"pin\":\"\"}"),
                                    QByteArray("{\"login\":\"nobody\",\"pin\":\"" + QByteArray(10000, '1') + "\"}")})
            c << Case{"POST", signIn, b, {}, 401, u"unauthorized"_s};
        const QString accounts = u"/api/v1/admin/staff"_s;
        for (const QByteArray &b : {QByteArray("{}"), QByteArray("{\"login\":\"a b\",\"name\":\"A\",\"role\":\"clerk\",\"pin\":\"1234\"}"),
                                    QByteArray("{\"login\":\"a\",\"name\":\"\",\"role\":\"clerk\",\"pin\":\"1234\"}"),
                                    QByteArray("{\"login\":\"a\",\"name\":\"A\",\"role\":\"root\",\"pin\":\"1234\"}"),
                                    QByteArray("{\"login\":\"a\",\"name\":\"A\",\"role\":\"clerk\",\"pin\":\"12\"}"),
                                    QByteArray("{\"login\":\"a\",\"name\":\"A\",\"role\":\"clerk\",\"pin\":1234}")})
            c << Case{"POST", accounts, b, {{"Authorization", Staff}}, 400, u"bad_request"_s};
        c << Case{"PATCH", accounts + u"/nobody"_s, "{\"name\":\"X\"}", {{"Authorization", Staff}}, 404, u"not_found"_s}
          << Case{"PATCH", accounts + u"/nobody"_s, "{}", {{"Authorization", Staff}}, 400, u"bad_request"_s}
          << Case{"DELETE", u"/api/v1/staff/sessions/current"_s, {}, {{"Authorization", Staff}}, 400, u"bad_request"_s}
          << Case{"GET", u"/api/v1/staff/sessions/current"_s, {}, {{"Authorization", "Bearer wrong"}}, 403, u"forbidden"_s};
        for (const QString &q : {u"limit=0"_s, u"limit=x"_s, u"from=now"_s, u"to=2026-02-30T00:00:00Z"_s})
            c << Case{"GET", u"/api/v1/admin/audit?"_s + q, {}, {{"Authorization", Staff}}, 400, u"bad_request"_s};

        // Query strings.
        for (const QString &q : {u"window=month"_s, u"limit=0"_s, u"limit=-1"_s, u"limit=abc"_s, u"limit=100000"_s,
                                 u"window=weekly"_s})
            c << Case{"GET", u"/api/v1/rankings?"_s + q, {}, {}, 400, u"bad_request"_s};

        // Paths and methods.
        for (const QString &p : {u"/"_s, u"/api"_s, u"/api/v2/concerts"_s, u"/api/v1/concert"_s,
                                 u"/api/v1/concerts/nope"_s, u"/api/v1/performances/nope/layout"_s,
                                 u"/api/v1/concerts/trot-king/queue/extra"_s, u"/%00"_s, QString(u"/api/v1/"_s + QString(4000, u'a')),
                                 u"/api/v1/concerts/%2e%2e/%2e%2e/etc/passwd"_s})
            c << Case{"GET", p, {}, {}, 404, u"not_found"_s};
        for (const auto &[method, path] : QList<QPair<QByteArray, QString>>{
                 {"DELETE", u"/api/v1/concerts"_s}, {"PUT", u"/api/v1/rankings"_s}, {"POST", u"/healthz"_s},
                 {"PATCH", u"/api/v1/concerts/trot-king"_s}, {"GET", u"/api/v1/concerts/trot-king/queue"_s},
                 {"POST", u"/api/v1/queue/x"_s}, {"DELETE", u"/api/v1/performances/trot-king-p1/layout"_s}})
            c << Case{method, path, {}, {}, 405, u"method_not_allowed"_s};

        // Size.
        c << Case{"POST", join, "{\"userId\":\"" + QByteArray(70 * 1024, 'x') + "\"}", {}, 413, u"payload_too_large"_s};
        c << Case{"POST", holds, QByteArray(100 * 1024, ' ') + "{}", {{"Authorization", Staff}}, 413, u"payload_too_large"_s};
        return c;
    }

    // Bytes over a raw socket: the status of the answer, or 0 when the server closed the
    // connection without one.
    int raw(const QByteArray &bytes)
    {
        QTcpSocket socket;
        socket.connectToHost(m_server->url.host(), quint16(m_server->url.port()));
        if (!socket.waitForConnected(5000))
            return -1;
        QByteArray got;
        bool closed = false;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { got += socket.readAll(); });
        connect(&socket, &QTcpSocket::disconnected, &socket, [&] { closed = true; });
        socket.write(bytes);
        // An answer (its status line and headers) or the end of the connection; the
        // server runs in this thread, so wait by spinning the event loop.
        if (!QTest::qWaitFor([&] { return closed || got.contains("\r\n\r\n"); }, 10000))
            return -2;  // neither: the server kept the connection open with no answer
        if (!got.startsWith("HTTP/1."))
            return 0;
        return got.mid(9, 3).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::start(u"sqlite"_s, true, [](Server::ServerConfig &c) { c.idleTimeoutMs = 1000; });
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
    }

    void corpus_everyRequestGetsItsError_data()
    {
        QTest::addColumn<Case>("c");
        const QList<Case> all = corpus();
        for (qsizetype i = 0; i < all.size(); ++i)
            QTest::addRow("%03d %s %s", int(i), all[i].method.constData(), qPrintable(all[i].path.left(60))) << all[i];
    }

    void corpus_everyRequestGetsItsError()
    {
        QFETCH(Case, c);
        verifyError(http(m_network, c.method, m_server->at(u"/"_s).resolved(QUrl(c.path)), c.body, c.headers), c.status, c.code);
        if (!QTest::currentTestFailed())
            ++m_answered;
    }

    void corpus_isLargeAndTheServerStillServes()
    {
        QVERIFY2(corpus().size() >= 100, qPrintable(QString::number(corpus().size())));
        QCOMPARE(http(m_network, "GET", m_server->at(u"/api/v1/concerts"_s)).status, 200);
        QCOMPARE(http(m_network, "GET", m_server->at(u"/healthz"_s)).status, 200);
    }

    void notHttp_isClosedOrRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\x03\xff\xfe\r\n\r\n", 10);
        QTest::newRow("no version") << QByteArray("GET /healthz\r\n\r\n");
        QTest::newRow("huge header") << "GET /healthz HTTP/1.1\r\nX-Big: " + QByteArray(200 * 1024, 'a') + "\r\n\r\n";
        QTest::newRow("negative length") << QByteArray("POST /api/v1/concerts/trot-king/queue HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
        QTest::newRow("two lengths") << QByteArray("POST /api/v1/concerts/trot-king/queue HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 9\r\n\r\n{}");
        QTest::newRow("length promised, never sent") << QByteArray("POST /api/v1/concerts/trot-king/queue HTTP/1.1\r\nContent-Length: 1000000\r\n\r\n{}");
    }

    void notHttp_isClosedOrRefused()
    {
        QFETCH(QByteArray, bytes);
        const int status = raw(bytes);
        QVERIFY2(status == 0 || (status >= 400 && status < 500), qPrintable(QString::number(status)));
        QCOMPARE(http(m_network, "GET", m_server->at(u"/healthz"_s)).status, 200);
    }

    // What QtHttpServer's parser lets through: answered as usual, nothing else happens.
    void tolerated_areAnsweredNormally_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("version 9.9") << QByteArray("GET /healthz HTTP/9.9\r\n\r\n");
        QTest::newRow("header without colon") << QByteArray("GET /healthz HTTP/1.1\r\nHost x\r\n\r\n");
        QTest::newRow("lower-case method") << QByteArray("get /healthz HTTP/1.1\r\n\r\n");
    }

    void tolerated_areAnsweredNormally()
    {
        QFETCH(QByteArray, bytes);
        const int status = raw(bytes);
        QVERIFY2(status == 0 || status == 200 || (status >= 400 && status < 500), qPrintable(QString::number(status)));
        QCOMPARE(http(m_network, "GET", m_server->at(u"/healthz"_s)).status, 200);
    }

    void liveFrames_badOnesGetErrorsAndTheConnectionStays()
    {
        QWebSocket ws;
        QUrl url = m_server->url;
        url.setScheme(u"ws"_s);
        url.setPath(u"/api/v1/live"_s);
        QSignalSpy connected(&ws, &QWebSocket::connected);
        QSignalSpy texts(&ws, &QWebSocket::textMessageReceived);
        ws.open(url);
        QVERIFY(connected.wait(5000));
        const QList<QPair<QString, QString>> frames = {
            {u"not json"_s, u"bad_request"_s}, {u"[]"_s, u"bad_request"_s}, {u"1"_s, u"bad_request"_s},
            {u"null"_s, u"bad_request"_s}, {u"{}"_s, u"bad_request"_s}, {u"{\"type\":5}"_s, u"bad_request"_s},
            {u"{\"type\":\"dance\"}"_s, u"bad_request"_s}, {u"{\"type\":\"subscribe\"}"_s, u"bad_request"_s},
            {u"{\"type\":\"subscribe\",\"topics\":\"rankings\"}"_s, u"bad_request"_s},
            {u"{\"type\":\"subscribe\",\"topics\":[\"queue:nope\"]}"_s, u"forbidden"_s},
            {u"{\"type\":\"subscribe\",\"topics\":[\"seats:trot-king-p1\"]}"_s, u"forbidden"_s},
            {u"{\"type\":\"subscribe\",\"topics\":[\"nonsense\"]}"_s, u"forbidden"_s},
            {u"{\"type\":\"subscribe\",\"topics\":[5]}"_s, u"forbidden"_s},
            {u"{\"type\":\"unsubscribe\",\"topics\":{}}"_s, u"bad_request"_s},
            {u"{\"type\":\"subscribe\",\"topics\":["_s + QString(u"\"x\","_s).repeated(101) + u"\"x\"]}"_s, u"bad_request"_s},
            {QString(70 * 1024, u'x'), u"payload_too_large"_s},
            {u"{\"type\":\"subscribe\",\"topics\":[\"seats:"_s + QString(300, u'z') + u"\"]}"_s, u"forbidden"_s},
            {u"\u00e9\u00e8"_s, u"bad_request"_s}};
        for (const auto &[frame, code] : frames) {
            texts.clear();
            ws.sendTextMessage(frame);
            QTRY_VERIFY_WITH_TIMEOUT(!texts.isEmpty(), 5000);
            // The subscribe answer comes first for a refused topic, then the error.
            QJsonObject error;
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (const auto &t : texts) {
                        const QJsonObject o = QJsonDocument::fromJson(t.first().toString().toUtf8()).object();
                        if (o.value(u"type"_s).toString() == u"error") {
                            error = o.value(u"error"_s).toObject();
                            return true;
                        }
                    }
                    return false;
                }(),
                5000);
            QCOMPARE(error.value(u"code"_s).toString(), code);
            QVERIFY(!error.value(u"message"_s).toString().isEmpty());
            if (code == u"payload_too_large")  // the REST error body, exactly
                QCOMPARE(error, (ErrorBody{code, u"messages are at most 64 KiB"_s, {}}.toJson().value(u"error"_s).toObject()));
        }
        texts.clear();
        ws.sendBinaryMessage("\x01\x02");
        QTRY_VERIFY_WITH_TIMEOUT(!texts.isEmpty(), 5000);
        QJsonObject binary = ErrorBody{u"bad_request"_s, u"messages are JSON text frames"_s, {}}.toJson();
        binary.insert(u"type"_s, u"error"_s);
        QCOMPARE(QJsonDocument::fromJson(texts.first().first().toString().toUtf8()).object(), binary);
        // Still up: a ping is answered.
        texts.clear();
        ws.sendTextMessage(u"{\"type\":\"ping\"}"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!texts.isEmpty(), 5000);
        QVERIFY(texts.first().first().toString().contains(u"pong"_s));
        QVERIFY(frames.size() >= 18);
    }

    void slowClient_isCutOff()
    {
        // A request trickled a byte every 100 ms never completes: the server closes the
        // connection after its idle timeout (1 s here), though bytes keep coming.
        QTcpSocket socket;
        socket.connectToHost(m_server->url.host(), quint16(m_server->url.port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray request = "GET /api/v1/concerts HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(1000, 's');
        int sent = 0;
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, &socket, [&] {
            if (sent < request.size() && socket.state() == QAbstractSocket::ConnectedState)
                socket.write(request.mid(sent++, 1));
        });
        trickle.start(100);
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        QVERIFY(closed.wait(10000));
        QVERIFY(sent < request.size());
        QCOMPARE(http(m_network, "GET", m_server->at(u"/healthz"_s)).status, 200);
    }

    void connectionFlood_isBounded()
    {
        auto server = TestServer::start(u"sqlite"_s, false, [](Server::ServerConfig &c) {
            c.maxConnections = 20;
            c.idleTimeoutMs = 60000;
        });
        QVERIFY2(server->error.isEmpty(), qPrintable(server->error));
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        int closedByServer = 0;
        for (int i = 0; i < 30; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            connect(s.get(), &QTcpSocket::disconnected, this, [&closedByServer] { ++closedByServer; });
            s->connectToHost(server->url.host(), quint16(server->url.port()));
            QVERIFY(s->waitForConnected(5000));
            sockets.push_back(std::move(s));
        }
        // Past the limit, connections are closed at once.
        QTRY_COMPARE_WITH_TIMEOUT(closedByServer, 10, 5000);
        // The flood goes: the server serves again.
        sockets.clear();
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", server->at(u"/healthz"_s)).status, 200, 10000);
    }
};

QTEST_MAIN(TestBadInput)
#include "tst_badinput.moc"
