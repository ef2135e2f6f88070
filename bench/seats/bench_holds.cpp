// Hold + purchase under 200 concurrent buyers against a running boxoffice-server.
// Each round: 200 new buyers join the queue (capacity must let them all in) and are
// admitted; then all at once each holds 2 seats (their own, so no conflicts) and buys
// them. SPREAD_MS > 0 spreads the 200 holds evenly over that time instead (buyers
// acting within a second rather than in the same millisecond). Prints throughput and
// latency percentiles of the hold and purchase requests.
//   bench_holds URL CONCERT PERFORMANCE STAFF_KEY [ROUNDS=10] [SPREAD_MS=0]
#include "domain/seatlayout.h"
#include "domain/seatstatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace BoxOffice;
using namespace Qt::StringLiterals;

namespace {

constexpr int Buyers = 200;

struct Bench
{
    QUrl base;
    QString concert, performance;
    QByteArray staff;
    QList<QNetworkAccessManager *> clients;
    QList<double> holdMs, purchaseMs;
    int errors = 0;
    qint64 busyMs = 0;

    QNetworkReply *send(int client, const QByteArray &method, const QString &path, const QByteArray &body,
                        const QByteArray &header, const QByteArray &value)
    {
        QUrl url = base;
        url.setPath(path);
        QNetworkRequest r(url);
        r.setRawHeader("Content-Type", "application/json");
        if (!header.isEmpty())
            r.setRawHeader(header, value);
        return clients[client % clients.size()]->sendCustomRequest(r, method, body);
    }
    QJsonDocument wait(QNetworkReply *reply, int *status = nullptr)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll());
    }
};

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qMin(v.size() - 1, qsizetype(p * double(v.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 5) {
        std::fprintf(stderr, "usage: bench_holds URL CONCERT PERFORMANCE STAFF_KEY [ROUNDS]\n");
        return 2;
    }
    Bench b;
    b.base = QUrl(QString::fromLocal8Bit(argv[1]));
    b.concert = QString::fromLocal8Bit(argv[2]);
    b.performance = QString::fromLocal8Bit(argv[3]);
    b.staff = "Bearer " + QByteArray(argv[4]);
    const int rounds = argc > 5 ? QByteArray(argv[5]).toInt() : 10;
    const int spreadMs = argc > 6 ? QByteArray(argv[6]).toInt() : 0;
    for (int i = 0; i < 25; ++i)
        b.clients << new QNetworkAccessManager(&app);

    const QList<Seat> seats =
        SeatLayout::fromJson(b.wait(b.send(0, "GET", u"/api/v1/performances/%1/layout"_s.arg(b.performance), {}, {}, {}))
                                 .object())
            .value()
            .seats;
    const QByteArray letters =
        SeatStatus::fromJson(b.wait(b.send(0, "GET", u"/api/v1/performances/%1/status"_s.arg(b.performance), {},
                                           "Authorization", b.staff))
                                 .object())
            .value()
            .status;
    QStringList free;
    for (qsizetype i = 0; i < seats.size(); ++i)
        if (letters.at(i) == 'A')
            free << seats[i].id;
    if (free.size() < rounds * Buyers * 2) {
        std::fprintf(stderr, "only %lld free seats for %d\n", qint64(free.size()), rounds * Buyers * 2);
        return 1;
    }

    qint64 next = 0;
    for (int round = 0; round < rounds; ++round) {
        // Join and wait for admission (not measured).
        QList<QByteArray> tokens;
        QList<QNetworkReply *> joins;
        for (int i = 0; i < Buyers; ++i)
            joins << b.send(i, "POST", u"/api/v1/concerts/%1/queue"_s.arg(b.concert),
                            "{\"userId\":\"bench-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + "-" +
                                QByteArray::number(round * Buyers + i) + "\"}",
                            {}, {});
        for (QNetworkReply *r : joins)
            tokens << b.wait(r).object().value(u"token"_s).toString().toUtf8();
        // Joins ran concurrently: any of them may be the last in line; wait for each.
        for (const QByteArray &token : std::as_const(tokens)) {
            while (b.wait(b.send(0, "GET", u"/api/v1/queue/"_s + QString::fromUtf8(token), {}, {}, {}))
                       .object()
                       .value(u"status"_s)
                       .toString()
                   != u"active") {
                QEventLoop pause;
                QTimer::singleShot(50, &pause, &QEventLoop::quit);
                pause.exec();
            }
        }

        // All at once: hold, then purchase as soon as the hold is there.
        QElapsedTimer busy;
        busy.start();
        int pending = Buyers;
        QEventLoop done;
        for (int i = 0; i < Buyers; ++i) {
            const QStringList mine{free[next], free[next + 1]};
            next += 2;
            auto start = [&, i, mine, token = tokens[i]] {
                auto *timer = new QElapsedTimer;
                timer->start();
                QNetworkReply *hold = b.send(i, "POST", u"/api/v1/performances/%1/holds"_s.arg(b.performance),
                                             QJsonDocument(QJsonObject{{u"seats"_s, QJsonArray::fromStringList(mine)}}).toJson(),
                                             "X-Queue-Token", token);
                QObject::connect(hold, &QNetworkReply::finished, &app, [&, hold, timer, i, token] {
                    b.holdMs << double(timer->nsecsElapsed()) / 1e6;
                    const int status = hold->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    const QByteArray body = hold->readAll();
                    const QString id = QJsonDocument::fromJson(body).object().value(u"holdId"_s).toString();
                    hold->deleteLater();
                    if (status != 201) {
                        ++b.errors;
                        std::fprintf(stderr, "hold: %d %s\n", status, body.left(200).constData());
                        delete timer;
                        if (--pending == 0)
                            done.quit();
                        return;
                    }
                    timer->start();
                    QNetworkReply *buy = b.send(i, "POST", u"/api/v1/holds/%1/purchase"_s.arg(id),
                                                R"({"payment":{"method":"test"}})", "X-Queue-Token", token);
                    QObject::connect(buy, &QNetworkReply::finished, &app, [&, buy, timer] {
                        b.purchaseMs << double(timer->nsecsElapsed()) / 1e6;
                        if (const int code = buy->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); code != 201) {
                            ++b.errors;
                            std::fprintf(stderr, "purchase: %d %s\n", code, buy->readAll().left(200).constData());
                        }
                        buy->deleteLater();
                        delete timer;
                        if (--pending == 0)
                            done.quit();
                    });
                });
            };
            if (spreadMs > 0)
                QTimer::singleShot(spreadMs * i / Buyers, &app, start);
            else
                start();
        }
        done.exec();
        b.busyMs += busy.elapsed();
    }

    const double ops = double(b.holdMs.size() + b.purchaseMs.size());
    std::printf("| %d | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %d |\n", rounds * Buyers, ops * 1000.0 / double(b.busyMs),
                double(b.purchaseMs.size()) * 1000.0 / double(b.busyMs), percentile(b.holdMs, 0.5),
                percentile(b.holdMs, 0.99), percentile(b.purchaseMs, 0.5), percentile(b.purchaseMs, 0.99), b.errors);
    return b.errors ? 1 : 0;
}
