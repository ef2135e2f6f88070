// The HTTP/WebSocket front against hostile clients, over raw sockets to a
// boxoffice-server process: bodies and headers past the limits are refused early and
// cost the server no memory; WebSocket frames and messages past 64 KiB close the
// connection; idle connections are closed; framing that two parsers could read two
// ways is refused with 400 and a close (no request smuggling); HEAD, Expect:
// 100-continue, Connection: close, HTTP/1.0 and pipelining follow HTTP/1.1; and the
// server neither crashes nor spins when it runs out of file descriptors or connections.
// Memory is the server's VmRSS (/proc/<pid>/status), CPU its utime + stime (/proc/<pid>/stat).
#include "testsupport.h"

#include "domain/errorbody.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 Chunk = 64 * KiB;      // what a flood writes at a time
constexpr qint64 FloodCap = 256 * MiB;  // no flood sends more, whatever it announced
constexpr int FloodMs = 2000;           // how long a flood goes on at most
constexpr int GraceMs = 1000;           // after a flood or an answer that ends the connection: closed by then
constexpr int AnswerMs = 2000;          // an answer the server owes at once
const QByteArray Join = "/api/v1/concerts/aurora-world-tour/queue";
const QByteArray Healthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
const QByteArray Smuggled = Healthz;  // a second request hidden in a first one's body

// The first field of /proc/<pid>/<file> that starts with `name`.
QByteArray procField(qint64 pid, const char *file, const QByteArray &name)
{
    QFile f(u"/proc/%1/%2"_s.arg(pid).arg(QLatin1String(file)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(name))
            return line.mid(name.size());
    return {};
}

qint64 rssBytes(qint64 pid)
{
    return procField(pid, "status", "VmRSS:").trimmed().split(' ').first().toLongLong() * KiB;
}

double cpuSeconds(qint64 pid)
{
    const QByteArray stat = procField(pid, "stat", "");
    // The fields after the command's closing parenthesis, from field 3 (state) on:
    // utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

// The server's resident memory over an attack: its growth from the start, at the
// highest of the samples taken.
class RssWatch
{
public:
    explicit RssWatch(qint64 pid) : m_pid(pid), m_base(rssBytes(pid)), m_peak(m_base) {}
    void sample() { m_peak = std::max(m_peak, rssBytes(m_pid)); }
    qint64 growthMiB()
    {
        sample();
        return (m_peak - m_base) / MiB;
    }

private:
    qint64 m_pid;
    qint64 m_base;
    qint64 m_peak;
};

// A boxoffice-server child process on a free port over its own SQLite file: a copy of
// `seeded` when given (the demo catalog takes seconds to seed), joins not rate limited.
// Its stderr goes to a file, shown when a test fails. maxOpenFiles > 0: it runs under
// that RLIMIT_NOFILE, as `prlimit --nofile=N:N` would run it.
class ServerProcess
{
public:
    explicit ServerProcess(const QString &seeded = {}, const QStringList &extra = {}, int maxOpenFiles = 0)
    {
        if (!seeded.isEmpty())
            QFile::copy(seeded, databasePath());
        m_process.setStandardErrorFile(logPath());
        if (maxOpenFiles > 0)
            m_process.setChildProcessModifier([maxOpenFiles] {
                const rlimit limit{rlim_t(maxOpenFiles), rlim_t(maxOpenFiles)};
                ::setrlimit(RLIMIT_NOFILE, &limit);
            });
        url = startServerProcess(m_process, QStringList{u"--port"_s, u"0"_s, u"--demo"_s, u"--join-rate"_s, u"0"_s,
                                                        u"--db"_s, u"sqlite:"_s + databasePath()}
                                                + extra);
        m_logAtStart = QFileInfo(logPath()).size();
    }
    ~ServerProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(ServerProcess)

    QUrl url;  // empty when it did not start
    qint64 pid() const { return m_process.processId(); }
    bool running() const { return m_process.state() == QProcess::Running; }
    QString databasePath() const { return m_dir.filePath(u"x.sqlite"_s); }

    // Ends it as an operator would (SIGTERM): its database is whole afterwards.
    void stop()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    // What it logged since it started listening.
    QByteArray log() const
    {
        QFile f(logPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll().mid(m_logAtStart).right(2000) : QByteArray();
    }

private:
    QString logPath() const { return m_dir.filePath(u"stderr.log"_s); }

    QTemporaryDir m_dir;
    QProcess m_process;
    qint64 m_logAtStart = 0;
};

// Takes one HTTP response off the front of `bytes`; nullopt while it is not all there.
// head: the answer to a HEAD (no body). ended: the connection is over, so a body
// without Content-Length runs to its end. An unreadable status line gives status -1.
std::optional<HttpResult> takeResponse(QByteArray &bytes, bool head, bool ended)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    HttpResult r;
    r.status = lines.first().startsWith("HTTP/1.") ? lines.first().mid(9, 3).toInt() : -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        r.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    const qsizetype bodyStart = end + 4;
    qint64 length = 0;
    if (!head && r.status / 100 != 1 && r.status != 204 && r.status != 304) {
        bool known = false;
        length = r.header("Content-Length").toLongLong(&known);
        if (!known && !ended)
            return std::nullopt;
        if (!known)
            length = bytes.size() - bodyStart;
    }
    if (bytes.size() - bodyStart < length)
        return std::nullopt;
    r.body = bytes.mid(bodyStart, length);
    bytes.remove(0, bodyStart + length);
    return r;
}

// What an answer was, for failure messages.
QByteArray describe(const std::optional<HttpResult> &r)
{
    return r ? "HTTP " + QByteArray::number(r->status) + ": " + r->body.left(200) : QByteArray("no answer");
}

bool healthy(const std::optional<HttpResult> &r)
{
    return r && r->status == 200 && r->json()[u"status"_s].toString() == u"ok";
}

// An error answer as API.md gives it, with one of these statuses and, for those API.md
// names a code for, that code. A helper: QTest failures return from it only.
void verifyErrorAnswer(const std::optional<HttpResult> &r, const QList<int> &statuses)
{
    QVERIFY2(r, "no answer");
    QVERIFY2(statuses.contains(r->status), describe(r).constData());
    QVERIFY2(r->header("Content-Length").toLongLong() > 0, "an error answer without a body");
    static const QHash<int, QString> codes{
        {400, u"bad_request"_s}, {413, u"payload_too_large"_s}, {426, u"upgrade_required"_s}};
    const auto parsed = ErrorBody::fromJson(r->json());
    verifyError(*r, r->status, codes.value(r->status, parsed.ok() ? parsed.value().code : QString()));
}

// WebSocket frames from the client: masked (RFC 6455 §5.3), with a 7, 16 or 64-bit length.
enum Opcode : quint8 { Continuation = 0x0, Text = 0x1, Close = 0x8 };
constexpr char MaskKey[4] = {'\x37', '\xfa', '\x21', '\x3d'};

QByteArray frameHeader(Opcode opcode, bool fin, quint64 length)
{
    QByteArray h(1, char((fin ? 0x80 : 0x00) | opcode));
    if (length < 126) {
        h += char(0x80 | length);
    } else {
        const int bytes = length <= 0xffff ? 2 : 8;
        h += char(0x80 | (bytes == 2 ? 126 : 127));
        for (int i = bytes - 1; i >= 0; --i)
            h += char((length >> (8 * i)) & 0xff);
    }
    return h + QByteArray(MaskKey, 4);
}

// Payload bytes masked as they would be from the payload's first byte (or any offset
// that is a multiple of 4).
QByteArray masked(QByteArray payload)
{
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(payload[i] ^ MaskKey[i % 4]);
    return payload;
}

QByteArray frame(Opcode opcode, bool fin, const QByteArray &payload)
{
    return frameHeader(opcode, fin, quint64(payload.size())) + masked(payload);
}

// The status code of the first close frame among the server's frames in `bytes` (1005
// when it carries none), or nullopt while there is none.
std::optional<int> closeCode(const QByteArray &bytes)
{
    const auto byte = [&](qsizetype i) { return quint8(bytes[i]); };
    qsizetype at = 0;
    while (at + 2 <= bytes.size()) {
        const int opcode = byte(at) & 0x0f;
        quint64 length = byte(at + 1) & 0x7f;
        qsizetype header = 2;
        const int extended = length == 126 ? 2 : length == 127 ? 8 : 0;
        if (at + header + extended > bytes.size())
            return std::nullopt;
        if (extended)
            length = 0;
        for (int i = 0; i < extended; ++i)
            length = (length << 8) | byte(at + header + i);
        header += extended + ((byte(at + 1) & 0x80) ? 4 : 0);
        if (quint64(bytes.size() - at - header) < length)
            return std::nullopt;
        if (opcode == Close)
            return length >= 2 ? (byte(at + header) << 8) | byte(at + header + 1) : 1005;
        at += header + qsizetype(length);
    }
    return std::nullopt;
}

QByteArray joinRequest(const QByteArray &version, const QByteArray &headers, const QByteArray &payload = {})
{
    return "POST " + Join + " HTTP/" + version + "\r\nHost: x\r\nContent-Type: application/json\r\n" + headers
        + "\r\n" + payload;
}

const QByteArray LiveUpgrade = "GET /api/v1/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";
const QByteArray SampleKey = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";  // RFC 6455's sample

// One client connection, byte for byte. What it reads is kept (pending()) until taken
// as a response; the server runs in another process, so blocking waits are fine.
class RawClient
{
public:
    explicit RawClient(const QUrl &server)
    {
        // Kept as it arrives: QTcpSocket drops what it has buffered when a write fails
        // on a connection that the server reset.
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_pending += m_socket.readAll(); });
        m_socket.connectToHost(server.host(), quint16(server.port()));
        m_socket.waitForConnected(5000);
    }
    Q_DISABLE_COPY_MOVE(RawClient)

    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    const QByteArray &pending() const { return m_pending; }

    // True once the server has closed the connection.
    bool closed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(AnswerMs)) {
        }
    }

    // Reads until `done` holds, the server closes the connection or `ms` pass; whether
    // `done` held. (Not QTRY_*: a QTRY that fails waits three times its timeout, and the
    // cases below must fail fast against a server that misbehaves.)
    bool readUntil(const std::function<bool()> &done, int ms)
    {
        const QDeadlineTimer deadline(ms);
        for (;;) {
            const bool ended = closed();
            if (done())
                return true;
            if (ended || deadline.hasExpired())
                return false;
            m_socket.waitForReadyRead(int(deadline.remainingTime()));
        }
    }

    bool closedWithin(int ms)
    {
        return readUntil([this] { return closed(); }, ms);
    }

    // The next response, read for at most `ms`; nullopt when none came whole.
    // head: the answer to a HEAD, which has no body.
    std::optional<HttpResult> response(int ms = AnswerMs, bool head = false)
    {
        std::optional<HttpResult> r;
        readUntil([&] { return (r = takeResponse(m_pending, head, !isOpen())).has_value(); }, ms);
        return r;
    }

    // Writes what `next` gives (an empty chunk ends it) for at most FloodMs and FloodCap
    // bytes, or until the server closes, keeping what it answers meanwhile and sampling
    // its memory.
    void flood(RssWatch &rss, const std::function<QByteArray()> &next)
    {
        QElapsedTimer elapsed;
        elapsed.start();
        qint64 sent = 0;
        qint64 sampledAt = -1;
        while (!closed() && elapsed.elapsed() < FloodMs && sent < FloodCap) {
            if (m_socket.bytesToWrite() < Chunk) {
                const QByteArray chunk = next();
                if (chunk.isEmpty())
                    break;
                m_socket.write(chunk);
                sent += chunk.size();
            }
            m_socket.waitForBytesWritten(20);
            if (elapsed.elapsed() - sampledAt >= 10) {
                rss.sample();
                sampledAt = elapsed.elapsed();
            }
        }
        qInfo("flood: %lld KiB written in %lld ms; server RSS +%lld MiB; %s", sent / KiB, elapsed.elapsed(),
              rss.growthMiB(), closed() ? "closed by the server" : "still open");
    }

private:
    QByteArray m_pending;
    QTcpSocket m_socket;
};

// A request on a new connection, and its answer.
std::optional<HttpResult> ask(const QUrl &server, const QByteArray &request = Healthz)
{
    RawClient c(server);
    c.send(request);
    return c.response();
}

std::vector<std::unique_ptr<RawClient>> connectMany(const QUrl &server, int count)
{
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < count; ++i)
        clients.push_back(std::make_unique<RawClient>(server));
    return clients;
}

} // namespace

class TestFrontend : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_seeded;                         // a database with the demo catalog, for every server to copy
    std::unique_ptr<ServerProcess> m_shared;  // the protocol cases share one
    std::unique_ptr<ServerProcess> m_fresh;   // a case that measures memory, CPU or limits has its own
    std::unique_ptr<RawClient> m_live;        // a client of m_fresh's live channel

    ServerProcess *fresh(const QStringList &extra = {}, int maxOpenFiles = 0)
    {
        m_fresh = std::make_unique<ServerProcess>(m_seeded, extra, maxOpenFiles);
        return m_fresh->url.isValid() ? m_fresh.get() : nullptr;
    }

    QUrl shared() const { return m_shared->url; }

    // A fresh server and a client on its live channel; nullptr (and a failure) when either failed.
    RawClient *liveClient()
    {
        if (!fresh()) {
            QTest::qFail("the server did not start", __FILE__, __LINE__);
            return nullptr;
        }
        m_live = std::make_unique<RawClient>(m_fresh->url);
        openLive(*m_live);
        return QTest::currentTestFailed() ? nullptr : m_live.get();
    }

    // Opens the live channel with a real handshake. A helper: QTest failures return from it only.
    static void openLive(RawClient &c)
    {
        c.send(LiveUpgrade + "Sec-WebSocket-Version: 13\r\n" + SampleKey + "\r\n");
        const auto r = c.response();
        QVERIFY2(r && r->status == 101, describe(r).constData());
        QCOMPARE(r->header("Sec-WebSocket-Accept"), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess seeder;
        QVERIFY(seeder.url.isValid());
        seeder.stop();
        m_seeded = m_dir.filePath(u"seeded.sqlite"_s);
        QVERIFY(QFile::copy(seeder.databasePath(), m_seeded));
    }

    void init()
    {
        if (!m_shared || !m_shared->running())
            m_shared = std::make_unique<ServerProcess>(m_seeded);
        QVERIFY(m_shared->url.isValid());
    }

    void cleanup()
    {
        if (m_fresh && QTest::currentTestFailed() && !m_fresh->log().isEmpty())
            qInfo().noquote() << "the server's log:" << m_fresh->log();
        m_live.reset();
        m_fresh.reset();
        QVERIFY2(m_shared->running(), QByteArray("the shared server died: " + m_shared->log()).constData());
    }

    // Cases 1 and 2: a request larger than the limits. The server answers (a Content-Length
    // over --max-body on the headers alone, before any of the body), reads none of the
    // rest into memory and closes the connection.
    void oversizedRequest_isRefusedAndClosedWithoutReading_data()
    {
        QTest::addColumn<QByteArray>("start");
        QTest::addColumn<char>("filler");  // what follows, 64 KiB at a time
        QTest::addColumn<int>("chunks");
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<bool>("answersOnTheHeaders");
        QTest::newRow("Content-Length: 1 GiB")
            << joinRequest("1.1", "Content-Length: 1073741824\r\n") << 'x' << int(FloodCap / Chunk)
            << QList<int>{413} << true;
        QTest::newRow("a header that never ends")
            << QByteArray("GET /healthz HTTP/1.1\r\nX-Long: ") << 'a' << 16 << QList<int>{400, 431} << false;
    }

    void oversizedRequest_isRefusedAndClosedWithoutReading()
    {
        QFETCH(QByteArray, start);
        QFETCH(char, filler);
        QFETCH(int, chunks);
        QFETCH(QList<int>, statuses);
        QFETCH(bool, answersOnTheHeaders);
        ServerProcess *server = fresh();
        QVERIFY(server);
        RssWatch rss(server->pid());
        RawClient c(server->url);
        c.send(start);
        std::optional<HttpResult> answer = answersOnTheHeaders ? c.response(1000) : std::nullopt;
        const QByteArray chunk(Chunk, filler);
        int sent = 0;
        c.flood(rss, [&] { return ++sent <= chunks ? chunk : QByteArray(); });
        if (answersOnTheHeaders && !answer)
            QFAIL(QByteArray("no answer within 1 s of the headers; later: " + describe(c.response(0))).constData());
        if (!answersOnTheHeaders)
            answer = c.response();
        verifyErrorAnswer(answer, statuses);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(rss.growthMiB() < 32, qPrintable(u"%1 MiB"_s.arg(rss.growthMiB())));
        QVERIFY2(c.closedWithin(GraceMs), "still open");
    }

    // Case 3: one text frame announcing 500 MiB.
    void liveOversizedFrame_isClosedWithoutBuffering()
    {
        RawClient *c = liveClient();
        if (!c)
            return;
        RssWatch rss(m_fresh->pid());
        c->send(frameHeader(Text, true, 500 * MiB));
        const QByteArray payload = masked(QByteArray(Chunk, 'a'));
        c->flood(rss, [&] { return closeCode(c->pending()) ? QByteArray() : payload; });
        QVERIFY2(rss.growthMiB() < 32, qPrintable(u"%1 MiB"_s.arg(rss.growthMiB())));
        QVERIFY2(c->closedWithin(GraceMs), "still open");
        // A close frame is not required (the client is mid-frame); if there is one, it says why.
        const std::optional<int> code = closeCode(c->pending());
        QVERIFY2(!code || *code == 1009, qPrintable(u"close code %1"_s.arg(code.value_or(0))));
    }

    // Case 4: 16 KiB fragments of one text message, never with FIN.
    void liveEndlessFragments_areClosedPast64KiB()
    {
        RawClient *c = liveClient();
        if (!c)
            return;
        RssWatch rss(m_fresh->pid());
        const QByteArray fragment(16 * KiB, 'a');
        int fragments = 0;
        c->flood(rss, [&] {
            if (fragments == 400 || closeCode(c->pending()))
                return QByteArray();
            return frame(fragments++ == 0 ? Text : Continuation, false, fragment);
        });
        QVERIFY2(rss.growthMiB() < 32, qPrintable(u"%1 MiB"_s.arg(rss.growthMiB())));
        QVERIFY2(c->readUntil([c] { return closeCode(c->pending()).has_value(); }, GraceMs), "no close frame");
        QCOMPARE(closeCode(c->pending()).value_or(0), 1009);
        if (c->isOpen())
            c->send(frame(Close, true, QByteArray("\x03\xf1", 2)));  // the client's half of the close handshake
        QVERIFY2(c->closedWithin(GraceMs), "still open");
    }

    // Cases 5 and 6, with --idle-timeout-ms 1000.
    void idleConnection_isClosed_data()
    {
        QTest::addColumn<bool>("live");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("withinMs");
        QTest::newRow("WebSocket that never sends nor answers pings") << true << QByteArray() << 5000;
        QTest::newRow("half a request line") << false << QByteArray("GET /healthz HT") << 3000;
    }

    void idleConnection_isClosed()
    {
        QFETCH(bool, live);
        QFETCH(QByteArray, bytes);
        QFETCH(int, withinMs);
        ServerProcess *server = fresh({u"--idle-timeout-ms"_s, u"1000"_s});
        QVERIFY(server);
        RawClient c(server->url);
        if (live)
            openLive(c);
        if (QTest::currentTestFailed())
            return;
        c.send(bytes);
        QVERIFY2(c.closedWithin(withinMs), "still open");
    }

    // Case 7 (the idle timeout is the default 30 s).
    void connectionClose_endsTheConnectionAfterTheResponse_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("staysOpen");
        QTest::newRow("HTTP/1.1, Connection: close")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") << false;
        QTest::newRow("HTTP/1.0") << QByteArray("GET /healthz HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("HTTP/1.0, Connection: keep-alive")
            << QByteArray("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
    }

    void connectionClose_endsTheConnectionAfterTheResponse()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, staysOpen);
        RawClient c(shared());
        c.send(request);
        const auto first = c.response();
        QVERIFY2(healthy(first), describe(first).constData());
        if (!staysOpen) {
            QVERIFY2(c.closedWithin(2000), "still open");
            QCOMPARE(c.pending(), QByteArray());
            return;
        }
        QVERIFY(c.isOpen());
        c.send(request);
        const auto second = c.response();
        QVERIFY2(healthy(second), describe(second).constData());
    }

    // Case 8: more pipelined requests than fit in 64 KiB, in one write.
    void pipelinedRequestsOver64KiB_areAllAnswered()
    {
        QByteArray requests;
        for (int i = 0; i < 300; ++i)
            requests += "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(400, 'p') + "\r\n\r\n";
        QVERIFY(requests.size() > 128 * KiB);
        RawClient c(shared());
        c.send(requests);
        int answered = 0;
        std::optional<HttpResult> r;
        while (answered < 300 && healthy(r = c.response()))
            ++answered;
        QVERIFY2(answered == 300, QByteArray(QByteArray::number(answered) + " answered, then " + describe(r)).constData());
        QVERIFY(!c.closed());
        QCOMPARE(c.pending(), QByteArray());
    }

    // Case 9: a join whose framing two parsers could read two ways, with a GET /healthz
    // right behind it. The only safe reading: 400, close, and the rest is never served.
    void ambiguousFraming_is400AndTheRestIsNotServed_data()
    {
        QTest::addColumn<QByteArray>("request");
        const QByteArray body = R"({"userId":"smuggler"})";  // 21 bytes: a valid join, whichever way it is read
        const QByteArray chunked = "15\r\n" + body + "\r\n0\r\n\r\n";
        const auto length = [](const QByteArray &value) -> QByteArray { return "Content-Length: " + value + "\r\n"; };
        const QByteArray n = QByteArray::number(body.size());
        QTest::newRow("Content-Length and chunked")
            << joinRequest("1.1", length(QByteArray::number(chunked.size())) + "Transfer-Encoding: chunked\r\n",
                           chunked) + Smuggled;
        QTest::newRow("two equal lengths") << joinRequest("1.1", length(n) + length(n), body) + Smuggled;
        QTest::newRow("two different lengths")
            << joinRequest("1.1", length(n) + length(QByteArray::number(body.size() + Smuggled.size())), body)
                + Smuggled;
        QTest::newRow("+21") << joinRequest("1.1", length("+21"), body) + Smuggled;
        QTest::newRow("0x15") << joinRequest("1.1", length("0x15"), body) + Smuggled;
        QTest::newRow("2^64 + 21") << joinRequest("1.1", length("18446744073709551637"), body) + Smuggled;
        QTest::newRow("HTTP/1.0 chunked")
            << joinRequest("1.0", "Connection: keep-alive\r\nTransfer-Encoding: chunked\r\n", chunked) + Smuggled;
        // RFC 9112 §6.3: chunked not last in a request → 400 and close.
        QTest::newRow("chunked, then gzip")
            << joinRequest("1.1", "Transfer-Encoding: chunked, gzip\r\n", chunked) + Smuggled;
    }

    void ambiguousFraming_is400AndTheRestIsNotServed()
    {
        QFETCH(QByteArray, request);
        RawClient c(shared());
        c.send(request);
        verifyErrorAnswer(c.response(), {400});
        if (QTest::currentTestFailed())
            return;
        c.readUntil([&c] { return !c.pending().isEmpty(); }, GraceMs);
        QVERIFY2(c.pending().isEmpty(), QByteArray("a second answer: " + c.pending().left(200).replace("\r\n", " ")).constData());
        QVERIFY2(c.closed(), "still open");
    }

    // Case 10: a HEAD gets headers only, so the next answer on the connection starts clean.
    void head_hasNoBodyAndTheNextResponseIsClean()
    {
        RawClient c(shared());
        c.send("HEAD /api/v1/concerts HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto head = c.response(AnswerMs, true);
        QVERIFY2(head && head->status == 405, describe(head).constData());
        c.send(Healthz);
        c.readUntil([&c] { return c.pending().size() >= 12; }, AnswerMs);
        QVERIFY2(c.pending().startsWith("HTTP/1.1 200"), c.pending().left(200).constData());
        QVERIFY(healthy(c.response()));
    }

    // Case 11: Expect: 100-continue within the limit.
    void expectContinue_gets100BeforeTheBody()
    {
        const QByteArray body = R"({"userId":"u1"})";
        RawClient c(shared());
        c.send(joinRequest("1.1", "Expect: 100-continue\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n"));
        const auto interim = c.response();
        QVERIFY2(interim && interim->status == 100, describe(interim).constData());
        c.send(body);
        const auto joined = c.response();
        QVERIFY2(joined && (joined->status == 201 || joined->status == 200), describe(joined).constData());
        QCOMPARE(joined->json()[u"concertId"_s].toString(), u"aurora-world-tour"_s);
    }

    // Case 11, over the limit: no 100, a 413 and a close.
    void expectContinueOverTheLimit_is413WithoutContinue()
    {
        RawClient c(shared());
        c.send(joinRequest("1.1", "Expect: 100-continue\r\nContent-Length: 1048576\r\n"));
        verifyErrorAnswer(c.response(), {413});
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(c.closedWithin(GraceMs), "still open");
    }

    // Case 12: an upgrade the server cannot do, or a plain GET on the live path.
    void badUpgrade_isAnsweredWithTheJsonError_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QList<int>>("statuses");
        QTest::newRow("no Sec-WebSocket-Key") << LiveUpgrade + "Sec-WebSocket-Version: 13\r\n\r\n" << QList<int>{400, 426};
        QTest::newRow("Sec-WebSocket-Version: 8")
            << LiveUpgrade + "Sec-WebSocket-Version: 8\r\n" + SampleKey + "\r\n" << QList<int>{400, 426};
        QTest::newRow("no upgrade") << QByteArray("GET /api/v1/live HTTP/1.1\r\nHost: x\r\n\r\n") << QList<int>{426};
    }

    void badUpgrade_isAnsweredWithTheJsonError()
    {
        QFETCH(QByteArray, request);
        QFETCH(QList<int>, statuses);
        verifyErrorAnswer(ask(shared(), request), statuses);
    }

    // Case 13: more connections than file descriptors (RLIMIT_NOFILE 128).
    void fdExhaustion_neitherCrashesNorSpins()
    {
        ServerProcess *server = fresh({}, 128);
        QVERIFY(server);
        auto crowd = connectMany(server->url, 300);
        const double before = cpuSeconds(server->pid());
        QTest::qWait(2000);  // a measuring window while the crowd holds on, not a synchronisation
        const double spent = cpuSeconds(server->pid()) - before;
        QVERIFY2(server->running(), "the server died");
        QVERIFY2(spent < 0.5, qPrintable(u"%1 s of CPU in 2 s"_s.arg(spent)));
        crowd.clear();
        const auto r = ask(server->url);
        QVERIFY2(healthy(r), describe(r).constData());
    }

    // Case 13, --max-connections 20.
    void connectionCap_closesTheExtraOnesAndServesTheFirst()
    {
        ServerProcess *server = fresh({u"--max-connections"_s, u"20"_s});
        QVERIFY(server);
        auto clients = connectMany(server->url, 30);
        const QDeadlineTimer promptly(2000);
        for (int i = 20; i < 30; ++i)
            QVERIFY2(clients[i]->closedWithin(int(promptly.remainingTime())), qPrintable(u"connection %1 is open"_s.arg(i + 1)));
        for (int i = 0; i < 20; ++i) {
            clients[i]->send(Healthz);
            const auto r = clients[i]->response();
            QVERIFY2(healthy(r), qPrintable(u"connection %1: %2"_s.arg(i + 1).arg(QString::fromUtf8(describe(r)))));
        }
    }

    // Case 14: 200 connections with 10 KiB of an unfinished header each.
    void stalledHeaders_costNoMoreThanTheirBytes()
    {
        ServerProcess *server = fresh();
        QVERIFY(server);
        RssWatch rss(server->pid());
        auto stalled = connectMany(server->url, 200);
        const QByteArray partial = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Fill: " + QByteArray(10 * KiB, 'f');
        for (const auto &c : stalled)
            c->send(partial);
        // Answered meanwhile: by then the server has read the stalled ones too.
        const auto during = ask(server->url);
        QVERIFY2(healthy(during), describe(during).constData());
        QVERIFY2(rss.growthMiB() < 64, qPrintable(u"%1 MiB"_s.arg(rss.growthMiB())));
        stalled.clear();
        const auto after = ask(server->url);
        QVERIFY2(healthy(after), describe(after).constData());
    }
};

QTEST_MAIN(TestFrontend)
#include "tst_frontend.moc"
