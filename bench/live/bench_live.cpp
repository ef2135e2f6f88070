// Live channel fan-out: N WebSocket subscribers, each on its own waiter's queue topic,
// against a running boxoffice-server. The concert is paused with everyone waiting;
// then staff resume it and raise the capacity, the promoter admits a batch, and every
// waiter's position changes. Measures the time from the resume request to the last
// subscriber's update, and how long connecting and subscribing took.
//   bench_live URL CONCERT STAFF_KEY [SUBSCRIBERS=10000]
#include <QCoreApplication>
#include <QFile>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QWebSocket>

#include <cstdio>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QJsonObject request(QNetworkAccessManager &network, const QByteArray &method, QUrl url, const QString &path,
                    const QByteArray &body, const QByteArray &staff = {})
{
    url.setPath(path);
    QNetworkRequest r(url);
    r.setRawHeader("Content-Type", "application/json");
    if (!staff.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + staff);
    QNetworkReply *reply = network.sendCustomRequest(r, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

// The server's CPU time (user + system) so far, from /proc; 0 without its pid.
double serverCpuSeconds(const QByteArray &pid)
{
    QFile stat(u"/proc/"_s + QString::fromLatin1(pid) + u"/stat"_s);
    if (pid.isEmpty() || !stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_live URL CONCERT STAFF_KEY [SUBSCRIBERS]\n");
        return 2;
    }
    const QUrl base(QString::fromLocal8Bit(argv[1]));
    const QString concert = QString::fromLocal8Bit(argv[2]);
    const QByteArray staff = argv[3];
    const int count = argc > 4 ? QByteArray(argv[4]).toInt() : 10000;
    const QByteArray serverPid = argc > 5 ? QByteArray(argv[5]) : QByteArray();
    QNetworkAccessManager network;
    const QString admin = u"/api/v1/admin/concerts/%1/queue"_s.arg(concert);
    request(network, "PUT", base, admin, R"({"paused":true,"capacity":0})", staff);

    // Waiters: joined concurrently through the REST API.
    QElapsedTimer timer;
    timer.start();
    QStringList tokens(count);
    {
        QList<QNetworkAccessManager *> pools;
        for (int i = 0; i < 16; ++i)
            pools << new QNetworkAccessManager(&app);
        int pending = count;
        QEventLoop done;
        QUrl url = base;
        url.setPath(u"/api/v1/concerts/%1/queue"_s.arg(concert));
        const QByteArray run = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        for (int i = 0; i < count; ++i) {
            QNetworkRequest r(url);
            r.setRawHeader("Content-Type", "application/json");
            QNetworkReply *reply =
                pools[i % pools.size()]->post(r, "{\"userId\":\"live-" + run + "-" + QByteArray::number(i) + "\"}");
            QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply, i] {
                tokens[i] = QJsonDocument::fromJson(reply->readAll()).object().value(u"token"_s).toString();
                reply->deleteLater();
                if (--pending == 0)
                    done.quit();
            });
        }
        done.exec();
    }
    const qint64 joinMs = timer.restart();

    // Subscribers: one WebSocket each, subscribed to its own queue topic.
    QList<QWebSocket *> sockets;
    QList<qint64> lastUpdate(count, 0);
    QList<int> updates(count, 0);
    int subscribed = 0;
    QList<bool> subscribedOf(count, false);
    QUrl ws = base;
    ws.setScheme(u"ws"_s);
    ws.setPath(u"/api/v1/live"_s);
    QElapsedTimer clock;
    clock.start();
    // One loopback address gives about 28,000 client ports: past that, subscribers use
    // 127.0.0.2, .3, … (the server listens on all of them: run.sh starts it on 0.0.0.0).
    const auto addressOf = [&ws](int i) {
        QUrl to = ws;
        if (ws.host() == u"127.0.0.1")
            to.setHost(u"127.0.0.%1"_s.arg(1 + i / 25'000));
        return to;
    };
    for (int i = 0; i < count; ++i) {
        auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, &app);
        sockets << socket;
        QObject::connect(socket, &QWebSocket::connected, &app, [socket, token = tokens[i]] {
            socket->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{
                {u"type"_s, u"subscribe"_s}, {u"topics"_s, QJsonArray{QString(u"queue:"_s + token)}}}).toJson()));
        });
        // A refused or dropped handshake (a crowd at the door) is tried again.
        QObject::connect(socket, &QWebSocket::disconnected, &app, [socket, to = addressOf(i), &subscribedOf, i] {
            if (!subscribedOf[i])
                QTimer::singleShot(200, socket, [socket, to] { socket->open(to); });
        });
        QObject::connect(socket, &QWebSocket::textMessageReceived, &app, [&, i](const QString &text) {
            if (text.contains(u"\"subscribed\""_s)) {
                ++subscribed;
                subscribedOf[i] = true;
            }
            if (text.contains(u"\"type\":\"queue\""_s)) {
                ++updates[i];
                lastUpdate[i] = clock.elapsed();
            }
        });
        socket->open(addressOf(i));
        if (i % 500 == 499)
            spin(20);  // let handshakes through in waves
    }
    while (subscribed < count && timer.elapsed() < 300'000)
        spin(50);
    const qint64 subscribeMs = timer.restart();
    if (subscribed < count) {
        std::fprintf(stderr, "only %d of %d subscribed\n", subscribed, count);
        return 1;
    }
    spin(1500);  // the initial states, and one quiet second

    // Resume with room for 100: one promoter tick moves every waiter up.
    const QList<int> before = updates;
    const double cpuBefore = serverCpuSeconds(serverPid);
    const qint64 resumedAt = clock.elapsed();
    request(network, "PUT", base, admin, R"({"paused":false,"capacity":100})", staff);
    while (clock.elapsed() - resumedAt < 10'000) {
        int moved = 0;
        for (int i = 0; i < count; ++i)
            moved += updates[i] > before[i];
        if (moved == count)
            break;
        spin(10);
    }
    qint64 last = 0;
    int reached = 0;
    for (int i = 0; i < count; ++i) {
        if (updates[i] > before[i]) {
            ++reached;
            last = qMax(last, lastUpdate[i] - resumedAt);
        }
    }
    const double cpu = serverCpuSeconds(serverPid) - cpuBefore;
    std::printf("| %d | %lld | %lld | %d | %lld | %.2f | %.1f |\n", count, joinMs, subscribeMs, reached, last, cpu,
                reached ? cpu * 1e6 / reached : 0.0);
    return reached == count ? 0 : 1;
}
