// Plays a sale against a running deployment (one server, or several behind a balancer,
// or several URLs used round robin so a buyer's requests go through different
// instances) and checks its invariants at the end:
//   - no seat sold twice, and every seat sold in the run belongs to exactly one order
//     (the performance's status letters against the orders the buyers got);
//   - active never above capacity (the staff stats sampled every 100 ms);
//   - admission in join order (a buyer whose join finished before another's was sent
//     is never seen waiting after that other one was seen admitted);
//   - no waiting buyer lost (every buyer is admitted, or still waiting at the end).
// Each buyer joins, polls its place until admitted, holds the best 1–2 seats of a tier,
// then buys (--buy of them) or releases and leaves. Reports throughput and latency
// percentiles per request kind. Exit code 1 when an invariant fails.
// With --live, buyers follow their place on the live channel (one WebSocket each,
// subscribed to queue:<token>) instead of polling.
//   bench_sale --servers http://127.0.0.1:8080[,http://…] --staff-key K --concert C
//              --performance P [--users 2000] [--capacity 50] [--buy 0.7] [--poll-ms 500] [--live]
#include "invariants.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct Buyer : BoxOffice::Sale::Observed
{
    QString token;
    bool done = false;
    QString orderId;
    std::unique_ptr<QWebSocket> socket;  // --live
};

class Sale : public QObject
{
public:
    struct Options
    {
        QList<QUrl> servers;
        QString staffKey, concert, performance;
        int users = 2000, capacity = 50, pollMs = 500, timeoutSeconds = 600;
        double buy = 0.7;
        bool live = false;
    };

    explicit Sale(Options o) : m_o(std::move(o))
    {
        for (int i = 0; i < 16; ++i)  // QNetworkAccessManager opens 6 connections per host each
            m_networks.push_back(std::make_unique<QNetworkAccessManager>());
    }

    void start()
    {
        m_clock.start();
        m_run = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);
        // The room: this capacity, not paused; then what is sold already, and the tiers.
        send(0, "PUT", u"/api/v1/admin/concerts/%1/queue"_s.arg(m_o.concert),
             QJsonObject{{u"capacity"_s, m_o.capacity}, {u"paused"_s, false}}, {}, true, u"setup"_s,
             [this](int status, const QJsonObject &) {
                 if (status != 200)
                     return fail(u"cannot set the capacity (%1)"_s.arg(status));
                 readBaseline();
             });
    }

    bool ok() const { return m_failures.isEmpty(); }

private:
    using Done = std::function<void(int, const QJsonObject &)>;

    void fail(const QString &why)
    {
        m_failures << why;
        std::fprintf(stderr, "bench_sale: %s\n", qPrintable(why));
        finish();
    }

    void send(int buyer, const QByteArray &method, const QString &path, const QJsonObject &body, const QString &token,
              bool staff, const QString &kind, Done done)
    {
        QUrl url = m_o.servers[buyer % m_o.servers.size()];
        const qsizetype q = path.indexOf(u'?');
        url.setPath(path.left(q));
        if (q >= 0)
            url.setQuery(path.mid(q + 1));
        QNetworkRequest request(url);
        request.setRawHeader("Content-Type", "application/json");
        if (!token.isEmpty())
            request.setRawHeader("X-Queue-Token", token.toUtf8());
        if (staff)
            request.setRawHeader("Authorization", "Bearer " + m_o.staffKey.toUtf8());
        request.setTransferTimeout(30000);
        const QByteArray bytes = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        QNetworkReply *reply = m_networks[size_t(buyer) % m_networks.size()]->sendCustomRequest(request, method, bytes);
        const qint64 sent = m_clock.nsecsElapsed();
        ++m_requests;
        connect(reply, &QNetworkReply::finished, this, [this, reply, sent, kind, done = std::move(done)] {
            reply->deleteLater();
            m_latencies[kind].push_back((m_clock.nsecsElapsed() - sent) / 1000);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 0 || status >= 500)
                ++m_errors[kind];
            done(status, QJsonDocument::fromJson(reply->readAll()).object());
        });
    }

    void readBaseline()
    {
        send(0, "GET", u"/api/v1/performances/%1/layout"_s.arg(m_o.performance), {}, {}, false, u"setup"_s,
             [this](int status, const QJsonObject &layout) {
                 if (status != 200)
                     return fail(u"no layout for %1"_s.arg(m_o.performance));
                 for (const QJsonValue &t : layout.value(u"tiers"_s).toArray())
                     m_tiers << t.toObject().value(u"id"_s).toString();
                 for (const QJsonValue &s : layout.value(u"seats"_s).toArray())
                     m_seatIds << s.toObject().value(u"id"_s).toString();
                 readStatus([this](const QByteArray &letters) {
                     m_before = letters;
                     m_started = m_clock.elapsed();
                     m_sampler.setInterval(100);
                     connect(&m_sampler, &QTimer::timeout, this, &Sale::sample);
                     m_sampler.start();
                     m_deadline.setSingleShot(true);
                     connect(&m_deadline, &QTimer::timeout, this, [this] { fail(u"the sale did not end in time"_s); });
                     m_deadline.start(m_o.timeoutSeconds * 1000);
                     m_buyers.resize(size_t(m_o.users));
                     for (int i = 0; i < m_o.users; ++i)
                         m_buyers[size_t(i)].index = i;
                     // Joins go out at a steady pace, a few at a time.
                     m_joiner.setInterval(1);
                     connect(&m_joiner, &QTimer::timeout, this, &Sale::joinSome);
                     m_joiner.start();
                 });
             });
    }

    void readStatus(std::function<void(const QByteArray &)> done)
    {
        send(0, "GET", u"/api/v1/performances/%1/status"_s.arg(m_o.performance), {}, {}, true, u"setup"_s,
             [this, done = std::move(done)](int status, const QJsonObject &o) {
                 if (status != 200)
                     return fail(u"cannot read the seat status (%1)"_s.arg(status));
                 done(o.value(u"status"_s).toString().toLatin1());
             });
    }

    void sample()
    {
        send(0, "GET", u"/api/v1/admin/concerts/%1/queue"_s.arg(m_o.concert), {}, {}, true, u"stats"_s,
             [this](int status, const QJsonObject &o) {
                 if (status != 200)
                     return;
                 const int active = o.value(u"active"_s).toInt();
                 m_maxActive = std::max(m_maxActive, active);
                 ++m_samples;
                 m_failures << BoxOffice::Sale::checkCapacity(active, o.value(u"capacity"_s).toInt());
             });
    }

    void joinSome()
    {
        for (int k = 0; k < 8 && m_joined < m_o.users; ++k) {
            Buyer &b = m_buyers[size_t(m_joined++)];
            b.joinSentMs = m_clock.elapsed();
            send(b.index, "POST", u"/api/v1/concerts/%1/queue"_s.arg(m_o.concert),
                 QJsonObject{{u"userId"_s, u"sale-%1-%2"_s.arg(m_run).arg(b.index)}}, {}, false, u"join"_s,
                 [this, i = b.index](int status, const QJsonObject &o) {
                     Buyer &me = m_buyers[size_t(i)];
                     me.joinDoneMs = m_clock.elapsed();
                     if (status != 201 && status != 200)
                         return fail(u"join answered %1"_s.arg(status));
                     me.token = o.value(u"token"_s).toString();
                     if (m_o.live)
                         subscribe(i);
                     onPlace(i, o);
                 });
        }
        if (m_joined == m_o.users)
            m_joiner.stop();
    }

    void onPlace(int i, const QJsonObject &o)
    {
        Buyer &b = m_buyers[size_t(i)];
        const QString state = o.value(u"status"_s).toString();
        const qint64 now = m_clock.elapsed();
        if (state == u"waiting") {
            b.lastWaitingMs = now;
            if (m_o.live)
                return;  // the channel tells
            const int jitter = int(QRandomGenerator::global()->bounded(m_o.pollMs / 2 + 1));
            QTimer::singleShot(m_o.pollMs + jitter, this, [this, i] { poll(i); });
        } else if (state == u"active") {
            if (b.admittedSeenMs < 0) {
                b.admittedSeenMs = now;
                ++m_admitted;
                hold(i, 0);
            }
        } else {
            if (b.admittedSeenMs < 0)
                b.expiredWaiting = true;
            end(i);
        }
    }

    void subscribe(int i)
    {
        Buyer &b = m_buyers[size_t(i)];
        b.socket = std::make_unique<QWebSocket>();
        QUrl url = m_o.servers[i % m_o.servers.size()];
        url.setScheme(url.scheme() == u"https" ? u"wss"_s : u"ws"_s);
        url.setPath(u"/api/v1/live"_s);
        QNetworkRequest request(url);
        request.setRawHeader("X-Queue-Token", b.token.toUtf8());
        QWebSocket *socket = b.socket.get();
        connect(socket, &QWebSocket::connected, this, [this, socket, i] {
            ++m_liveConnected;
            socket->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{
                {u"type"_s, u"subscribe"_s},
                {u"topics"_s, QJsonArray::fromStringList({u"queue:"_s + m_buyers[size_t(i)].token})}}).toJson(QJsonDocument::Compact)));
        });
        connect(socket, &QWebSocket::textMessageReceived, this, [this, i](const QString &text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            if (o.value(u"type"_s).toString() != u"queue")
                return;
            ++m_pushes;
            Buyer &me = m_buyers[size_t(i)];
            if (!me.done && me.admittedSeenMs < 0)
                onPlace(i, o);
        });
        socket->open(request);
    }

    void poll(int i)
    {
        send(i, "GET", u"/api/v1/queue/"_s + m_buyers[size_t(i)].token, {}, {}, false, u"status"_s,
             [this, i](int status, const QJsonObject &o) {
                 if (status != 200)
                     return QTimer::singleShot(m_o.pollMs, this, [this, i] { poll(i); });
                 onPlace(i, o);
             });
    }

    void hold(int i, int attempt)
    {
        const QString tier = m_tiers.value((i + attempt) % std::max<qsizetype>(1, m_tiers.size()));
        const int count = 1 + (i % 2);
        send(i, "POST", u"/api/v1/performances/%1/holds"_s.arg(m_o.performance),
             QJsonObject{{u"best"_s, QJsonObject{{u"count"_s, count}, {u"tier"_s, tier}}}}, m_buyers[size_t(i)].token,
             false, u"hold"_s, [this, i, attempt](int status, const QJsonObject &o) {
                 if (status == 409 && attempt + 1 < m_tiers.size())
                     return hold(i, attempt + 1);  // that tier is gone: the next one
                 if (status != 201)
                     return leave(i);  // nothing left for this buyer
                 const QString holdId = o.value(u"holdId"_s).toString();
                 const bool buys = QRandomGenerator::global()->generateDouble() < m_o.buy;
                 if (buys)
                     purchase(i, holdId);
                 else
                     send(i, "DELETE", u"/api/v1/holds/"_s + holdId, {}, m_buyers[size_t(i)].token, false, u"release"_s,
                          [this, i](int, const QJsonObject &) { leave(i); });
             });
    }

    void purchase(int i, const QString &holdId)
    {
        send(i, "POST", u"/api/v1/holds/%1/purchase"_s.arg(holdId),
             QJsonObject{{u"payment"_s, QJsonObject{{u"method"_s, u"test"_s}}}}, m_buyers[size_t(i)].token, false,
             u"purchase"_s, [this, i](int status, const QJsonObject &o) {
                 if (status == 201) {
                     Buyer &b = m_buyers[size_t(i)];
                     b.orderId = o.value(u"orderId"_s).toString();
                     for (const QJsonValue &s : o.value(u"seats"_s).toArray())
                         b.seats << s.toString();
                     ++m_orders;
                 }
                 end(i);  // a purchase ends the session
             });
    }

    void leave(int i)
    {
        send(i, "DELETE", u"/api/v1/queue/"_s + m_buyers[size_t(i)].token, {}, {}, false, u"leave"_s,
             [this, i](int, const QJsonObject &) { end(i); });
    }

    void end(int i)
    {
        Buyer &b = m_buyers[size_t(i)];
        if (b.done)
            return;
        b.done = true;
        if (b.socket)
            b.socket->close();
        if (++m_finished == m_o.users) {
            m_elapsedMs = m_clock.elapsed() - m_started;
            readStatus([this](const QByteArray &after) { check(after); });
        }
    }

    void check(const QByteArray &after)
    {
        m_sampler.stop();
        std::vector<BoxOffice::Sale::Observed> seen(m_buyers.begin(), m_buyers.end());
        int newlySold = 0;
        m_failures << BoxOffice::Sale::checkSeats(m_before, after, m_seatIds, seen, &newlySold)
                   << BoxOffice::Sale::checkAdmissionOrder(seen) << BoxOffice::Sale::checkNoneLost(seen);
        report(newlySold);
        finish();
    }

    static qint64 percentile(std::vector<qint64> v, double p)
    {
        if (v.empty())
            return 0;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
    }

    void report(int sold)
    {
        const double seconds = double(m_elapsedMs) / 1000.0;
        std::printf("sale: %d buyers (%s), capacity %d, %lld servers, %.1f s\n", m_o.users,
                    m_o.live ? "live channel" : "polling", m_o.capacity, qint64(m_o.servers.size()), seconds);
        std::printf("  requests %lld (%.0f/s), admitted %d (%.0f/s), orders %d (%.0f/s), seats sold %d\n", m_requests,
                    double(m_requests) / seconds, m_admitted, m_admitted / seconds, m_orders, m_orders / seconds, sold);
        std::printf("  active sampled %d times, at most %d (capacity %d)\n", m_samples, m_maxActive, m_o.capacity);
        if (m_o.live)
            std::printf("  live channel: %d connected, %lld queue pushes\n", m_liveConnected, m_pushes);
        std::printf("  %-9s %8s %8s %8s %8s %8s %7s\n", "request", "count", "p50 ms", "p95 ms", "p99 ms", "max ms",
                    "errors");
        for (const auto &[kind, v] : m_latencies)
            std::printf("  %-9s %8zu %8.2f %8.2f %8.2f %8.2f %7d\n", qPrintable(kind), v.size(),
                        double(percentile(v, 0.5)) / 1000, double(percentile(v, 0.95)) / 1000,
                        double(percentile(v, 0.99)) / 1000, double(percentile(v, 1.0)) / 1000, m_errors[kind]);
        std::printf("invariants: %s\n", m_failures.isEmpty() ? "all hold" : "VIOLATED");
        for (const QString &f : m_failures)
            std::printf("  - %s\n", qPrintable(f));
    }

    void finish()
    {
        if (m_finishing)
            return;
        m_finishing = true;
        QTimer::singleShot(0, qApp, [this] { QCoreApplication::exit(ok() ? 0 : 1); });
    }

    Options m_o;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_networks;
    QElapsedTimer m_clock;
    QString m_run;
    QStringList m_tiers, m_seatIds, m_failures;
    QByteArray m_before;
    std::vector<Buyer> m_buyers;
    QTimer m_sampler, m_joiner, m_deadline;
    std::map<QString, std::vector<qint64>> m_latencies;  // µs
    std::map<QString, int> m_errors;
    qint64 m_requests = 0, m_started = 0, m_elapsedMs = 0;
    qint64 m_pushes = 0;
    int m_liveConnected = 0;
    int m_joined = 0, m_finished = 0, m_admitted = 0, m_orders = 0, m_maxActive = 0, m_samples = 0;
    bool m_finishing = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Plays a sale against BoxOffice servers and checks its invariants."_s);
    parser.addHelpOption();
    const QCommandLineOption servers(u"servers"_s, u"Comma-separated base URLs, used round robin."_s, u"urls"_s);
    const QCommandLineOption staff(u"staff-key"_s, u"The servers' staff key."_s, u"key"_s);
    const QCommandLineOption concert(u"concert"_s, u"Concert id."_s, u"id"_s);
    const QCommandLineOption performance(u"performance"_s, u"Performance id (of that concert)."_s, u"id"_s);
    const QCommandLineOption users(u"users"_s, u"Buyers (default 2000)."_s, u"n"_s, u"2000"_s);
    const QCommandLineOption capacity(u"capacity"_s, u"Concurrent buyers to set (default 50)."_s, u"n"_s, u"50"_s);
    const QCommandLineOption buy(u"buy"_s, u"Share of admitted buyers who buy (default 0.7)."_s, u"x"_s, u"0.7"_s);
    const QCommandLineOption poll(u"poll-ms"_s, u"Status poll period (default 500)."_s, u"ms"_s, u"500"_s);
    const QCommandLineOption live(u"live"_s, u"Follow the place on the live channel instead of polling."_s);
    parser.addOptions({servers, staff, concert, performance, users, capacity, buy, poll, live});
    parser.process(app);
    Sale::Options o;
    for (const QString &u : parser.value(servers).split(u',', Qt::SkipEmptyParts))
        o.servers << QUrl(u.trimmed());
    o.staffKey = parser.value(staff);
    o.concert = parser.value(concert);
    o.performance = parser.value(performance);
    o.users = parser.value(users).toInt();
    o.capacity = parser.value(capacity).toInt();
    o.buy = parser.value(buy).toDouble();
    o.pollMs = parser.value(poll).toInt();
    o.live = parser.isSet(live);
    if (o.servers.isEmpty() || o.concert.isEmpty() || o.performance.isEmpty() || o.users < 1) {
        std::fprintf(stderr, "bench_sale: --servers, --concert and --performance are required\n");
        return 2;
    }
    Sale sale(o);
    sale.start();
    return app.exec();
}
