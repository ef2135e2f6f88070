// The box office's day (API.md "v1 additions"): orders, search, refunds, reissue,
// check-in, cash sessions and seats not for sale, through HTTP against two server
// processes on one database: once on SQLite, once on PostgreSQL. The races (20 refunds of
// one seat, 20 scans of one ticket) go to both processes at once.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const QString Key = u"k"_s;

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject money(qint64 amount)
{
    return {{u"amount"_s, amount}, {u"currency"_s, u"KRW"_s}};
}

} // namespace

class TestOrders : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    struct Servers
    {
        std::unique_ptr<QProcess> a, b;
        QUrl urlA, urlB;
    };
    Servers m_sqlite, m_postgres;
    const QString m_performance = u"trot-king-p1"_s;
    int m_userCount = 0;

    Servers &servers()
    {
        QFETCH_GLOBAL(QString, database);
        return database == u"sqlite" ? m_sqlite : m_postgres;
    }
    QUrl url(const QString &path, bool second = false)
    {
        QUrl u = second ? servers().urlB : servers().urlA;
        const qsizetype q = path.indexOf(u'?');
        u.setPath(path.left(q));
        if (q >= 0)
            u.setQuery(path.mid(q + 1));
        return u;
    }
    HttpResult call(const QByteArray &method, const QString &path, const QString &token = Key, const QByteArray &body = {},
                    bool second = false)
    {
        Headers headers;
        if (!token.isEmpty())
            headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8()));
        if (!body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return http(m_network, method, url(path, second), body, headers);
    }

    QString account(const QString &role)
    {
        const QString login = u"%1-%2"_s.arg(role).arg(++m_userCount);
        const HttpResult made = call("POST", u"/api/v1/admin/staff"_s, Key,
                                     json({{u"login"_s, login}, {u"name"_s, login}, {u"role"_s, role}, {u"pin"_s, u"1357"_s}}));
        if (made.status != 201)
            qWarning() << made.body;
        return call("POST", u"/api/v1/staff/sessions"_s, {}, json({{u"login"_s, login}, {u"pin"_s, u"1357"_s}}))
            .json()[u"token"_s]
            .toString();
    }

    // A counter sale of `count` adjacent seats of the cheapest tier, as `token`.
    QJsonObject sell(const QString &token, int count, const QJsonObject &customer = {}, const QString &method = u"cash"_s)
    {
        const QJsonArray tiers = call("GET", u"/api/v1/performances/%1/layout"_s.arg(m_performance)).json()[u"tiers"_s].toArray();
        const HttpResult held = call("POST", u"/api/v1/performances/%1/holds"_s.arg(m_performance), token,
                                     json({{u"best"_s, QJsonObject{{u"count"_s, count}, {u"tier"_s, tiers.last()[u"id"_s]}}}}));
        if (held.status != 201) {
            qWarning() << "hold failed" << held.status << held.body;
            return {};
        }
        QJsonObject body{{u"payment"_s, QJsonObject{{u"method"_s, method}}}};
        if (!customer.isEmpty())
            body.insert(u"customer"_s, customer);
        const HttpResult sold = call("POST", u"/api/v1/holds/%1/purchase"_s.arg(held.json()[u"holdId"_s].toString()), token,
                                     json(body));
        if (sold.status != 201)
            qWarning() << "purchase failed" << sold.status << sold.body;
        return sold.json().toObject();
    }

    QByteArray letters()
    {
        return call("GET", u"/api/v1/performances/%1/status"_s.arg(m_performance)).json()[u"status"_s].toString().toLatin1();
    }
    qint64 version()
    {
        return call("GET", u"/api/v1/performances/%1/status"_s.arg(m_performance)).json()[u"version"_s].toInteger();
    }
    int seatIndex(const QString &seatId)
    {
        const QJsonArray seats = call("GET", u"/api/v1/performances/%1/layout"_s.arg(m_performance)).json()[u"seats"_s].toArray();
        for (qsizetype i = 0; i < seats.size(); ++i)
            if (seats[i][u"id"_s].toString() == seatId)
                return int(i);
        return -1;
    }

    // Sends every request at once, half to each server; the statuses in order.
    QList<int> race(const QByteArray &method, const QString &path, const QByteArray &body, int n, QList<QByteArray> *bodies = nullptr)
    {
        QList<QNetworkReply *> replies;
        for (int i = 0; i < n; ++i) {
            QNetworkRequest request(url(path, i % 2 == 1));
            request.setRawHeader("Authorization", "Bearer " + Key.toUtf8());
            request.setRawHeader("Content-Type", "application/json");
            replies << m_network.sendCustomRequest(request, method, body);
        }
        QList<int> statuses;
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished())
                (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000);
            statuses << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (bodies)
                *bodies << reply->readAll();
            reply->deleteLater();
        }
        return statuses;
    }

    bool startPair(Servers &s, const QString &db)
    {
        s.a = std::make_unique<QProcess>();
        s.b = std::make_unique<QProcess>();
        const QList<QUrl> urls = startServerProcesses(
            {s.a.get(), s.b.get()}, {u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s, db, u"--staff-key"_s, Key,
                                     u"--join-rate"_s, u"0"_s, u"--rankings-seconds"_s, u"1"_s});
        s.urlA = urls.value(0);
        s.urlB = urls.value(1);
        return s.urlA.isValid() && s.urlB.isValid();
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
        QVERIFY(startPair(m_sqlite, u"sqlite:"_s + m_dir.filePath(u"orders.sqlite"_s)));
        const auto pg = freshPostgresDatabase();
        QVERIFY2(pg, "no PostgreSQL: the CTest fixture 'services' starts one");
        QVERIFY(startPair(m_postgres, *pg));
    }

    void cleanupTestCase()
    {
        for (Servers *s : {&m_sqlite, &m_postgres})
            for (QProcess *p : {s->a.get(), s->b.get()})
                if (p) {
                    p->terminate();
                    p->waitForFinished(10000);
                }
    }

    void counterSale_makesAnOrderWithACodeTicketsAndTheSeller()
    {
        const QString clerk = account(u"clerk"_s);
        const QJsonObject order = sell(clerk, 2, {{u"name"_s, u"Kim Minji"_s}, {u"phone"_s, u"010-2345-6789"_s}});
        QVERIFY(!order.isEmpty());
        const QString code = order[u"code"_s].toString();
        QVERIFY2(QRegularExpression(u"^[0-9A-HJKMNP-TV-Z]{8}$"_s).match(code).hasMatch(), qPrintable(code));
        QCOMPARE(order[u"status"_s].toString(), u"paid"_s);
        const QJsonArray tickets = order[u"tickets"_s].toArray();
        QCOMPARE(tickets.size(), 2);
        QVERIFY(tickets[0][u"secret"_s].toString() != tickets[1][u"secret"_s].toString());
        QVERIFY2(tickets[0][u"secret"_s].toString().size() >= 22, "at least 128 random bits");
        QVERIFY(tickets[0][u"label"_s].toString().contains(u"Row"_s));
        QCOMPARE(tickets[0][u"state"_s].toString(), u"valid"_s);

        // By code (any case, read out with O for 0 or L for 1 too) and by id, on either instance.
        for (const QString &key : {code, code.toLower(), order[u"orderId"_s].toString()}) {
            const HttpResult r = call("GET", u"/api/v1/orders/"_s + key, clerk, {}, true);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json()[u"code"_s].toString(), code);
        }
        const QJsonObject whole = call("GET", u"/api/v1/orders/"_s + code, clerk).json().toObject();
        for (const QString &field : {u"orderId"_s, u"code"_s, u"performanceId"_s, u"concertId"_s, u"status"_s, u"payment"_s,
                                     u"customer"_s, u"soldBy"_s, u"purchasedAt"_s, u"total"_s, u"seats"_s, u"tickets"_s,
                                     u"refunds"_s})
            QVERIFY2(whole.contains(field), qPrintable(field));
        QCOMPARE(whole[u"customer"_s][u"name"_s].toString(), u"Kim Minji"_s);
        QCOMPARE(whole[u"payment"_s][u"method"_s].toString(), u"cash"_s);
        QVERIFY(whole[u"soldBy"_s].toString().startsWith(u"clerk-"_s));
        QCOMPARE(whole[u"concertId"_s].toString(), u"trot-king"_s);

        verifyError(call("GET", u"/api/v1/orders/NOPE0000"_s, clerk), 404, u"not_found"_s);
        verifyError(call("GET", u"/api/v1/orders/"_s + code, {}), 401, u"unauthorized"_s);
        const HttpResult otherToken = http(m_network, "GET", url(u"/api/v1/orders/"_s + code), {},
                                           {{"X-Queue-Token", "trot-king.00000000000000000000000000000000"}});
        verifyError(otherToken, 403, u"forbidden"_s);
        verifyError(call("POST", u"/api/v1/holds/h-x/purchase"_s, clerk,
                         json({{u"payment"_s, QJsonObject{{u"method"_s, u"cash"_s}}}, {u"customer"_s, u"Kim"_s}})),
                    400, u"bad_request"_s);
    }

    void search_byCodeIdSeatAndCustomerInPart()
    {
        const QString clerk = account(u"clerk"_s);
        const QJsonObject a = sell(clerk, 1, {{u"name"_s, u"Park Seoyeon"_s}, {u"email"_s, u"seoyeon.park@example.kr"_s},
                                              {u"phone"_s, u"010-9876-5432"_s}});
        const QJsonObject b = sell(clerk, 1, {{u"name"_s, u"Park Jihoon"_s}});
        const auto found = [&](const QString &q) {
            QStringList ids;
            const HttpResult r = call("GET", u"/api/v1/admin/orders?q="_s + QString::fromUtf8(QUrl::toPercentEncoding(q)), clerk);
            for (const QJsonValue &o : r.json()[u"orders"_s].toArray())
                ids << o[u"orderId"_s].toString();
            return ids;
        };
        const QString idA = a[u"orderId"_s].toString(), idB = b[u"orderId"_s].toString();
        QCOMPARE(found(a[u"code"_s].toString()), QStringList{idA});
        QCOMPARE(found(idB), QStringList{idB});
        QVERIFY(found(a[u"seats"_s][0].toString()).contains(idA));
        QCOMPARE(found(u"seoyeon"_s), QStringList{idA});
        QCOMPARE(found(u"EXAMPLE.KR"_s), QStringList{idA});
        QCOMPARE(found(u"98765432"_s), QStringList{idA});
        QCOMPARE(found(u"9876-54"_s), QStringList{idA});
        const QStringList parks = found(u"park "_s.trimmed());
        QVERIFY(parks.indexOf(idB) >= 0 && parks.indexOf(idA) > parks.indexOf(idB));  // newest first
        QVERIFY(found(u"nobody-like-this"_s).isEmpty());
        const HttpResult latest = call("GET", u"/api/v1/admin/orders?limit=2&performanceId="_s + m_performance, clerk);
        QCOMPARE(latest.json()[u"orders"_s].toArray().size(), 2);
        QCOMPARE(latest.json()[u"orders"_s][0][u"orderId"_s].toString(), idB);
        verifyError(call("GET", u"/api/v1/admin/orders?limit=0"_s, clerk), 400, u"bad_request"_s);
    }

    void refund_someSeatsThenTheRest_seatsBackAndOutOfTheRankings()
    {
        const QString manager = account(u"manager"_s);
        const QJsonObject order = sell(manager, 3);
        const QString id = order[u"orderId"_s].toString();
        const QJsonArray seats = order[u"seats"_s].toArray();
        const int first = seatIndex(seats[0].toString());
        const int second = seatIndex(seats[1].toString());
        QCOMPARE(letters().at(first), 'S');
        // The rankings are aggregated every second: read them once they are newer than `after`.
        const auto soldSeats = [this](const QDateTime &after) {
            int sold = -1;
            const bool fresh = QTest::qWaitFor([&] {
                const QJsonValue r = call("GET", u"/api/v1/rankings"_s).json();
                if (QDateTime::fromString(r[u"generatedAt"_s].toString(), Qt::ISODateWithMs) <= after.addSecs(1))
                    return false;  // generatedAt is to the second
                for (const QJsonValue &e : r[u"entries"_s].toArray())
                    if (e[u"concertId"_s].toString() == u"trot-king")
                        sold = e[u"soldSeats"_s].toInt();
                return true;
            }, 15000);
            return fresh ? sold : -2;
        };
        const int before = soldSeats(QDateTime::currentDateTimeUtc());
        QVERIFY(before > 0);
        const qint64 versionBefore = version();

        const HttpResult one = call("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(id), manager,
                                    json({{u"seats"_s, QJsonArray{seats[0]}}, {u"reason"_s, u"double booking"_s}}));
        QCOMPARE(one.status, 201);
        QCOMPARE(one.json()[u"seats"_s].toArray(), QJsonArray{seats[0]});
        QCOMPARE(one.json()[u"amount"_s][u"amount"_s].toInteger(), order[u"tickets"_s][0][u"price"_s][u"amount"_s].toInteger());
        QCOMPARE(one.json()[u"method"_s].toString(), u"cash"_s);
        QCOMPARE(letters().at(first), 'A');
        QCOMPARE(version(), versionBefore + 1);  // one bump
        QCOMPARE(soldSeats(QDateTime::currentDateTimeUtc()), before - 1);

        const QJsonObject partly = call("GET", u"/api/v1/orders/"_s + id, manager).json().toObject();
        QCOMPARE(partly[u"status"_s].toString(), u"partially_refunded"_s);
        QCOMPARE(partly[u"tickets"_s][0][u"state"_s].toString(), u"refunded"_s);
        QCOMPARE(partly[u"refunds"_s].toArray().size(), 1);

        verifyError(call("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(id), manager, json({{u"seats"_s, QJsonArray{seats[0]}}})),
                    409, u"conflict"_s, QStringList{seats[0].toString()});
        const QString notInOrder = u"205-9-9"_s;
        const HttpResult foreign = call("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(id), manager,
                                        json({{u"seats"_s, QJsonArray{seats[1], notInOrder}}}));
        QCOMPARE(foreign.status, 400);
        // The rest, kept off sale.
        const HttpResult rest = call("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(id), manager,
                                     json({{u"release"_s, u"not_for_sale"_s}, {u"reason"_s, u"broken seats"_s}}));
        QCOMPARE(rest.status, 201);
        QCOMPARE(rest.json()[u"seats"_s].toArray().size(), 2);
        QCOMPARE(letters().at(second), 'X');
        QCOMPARE(call("GET", u"/api/v1/orders/"_s + id, manager).json()[u"status"_s].toString(), u"refunded"_s);
        QCOMPARE(soldSeats(QDateTime::currentDateTimeUtc()), before - 3);
        verifyError(call("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(id), manager, "{}"), 409, u"conflict"_s);
        // A clerk may not refund.
        const QString clerk = account(u"clerk"_s);
        verifyError(call("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(id), clerk, "{}"), 403, u"forbidden"_s);
    }

    void refund_racing_exactlyOneWins()
    {
        const QJsonObject order = sell(Key, 1);
        const QString id = order[u"orderId"_s].toString();
        const QString seat = order[u"seats"_s][0].toString();
        const qint64 versionBefore = version();
        const QList<int> statuses = race("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(id),
                                         json({{u"seats"_s, QJsonArray{seat}}}), 20);
        QCOMPARE(statuses.count(201), 1);
        QCOMPARE(statuses.count(409), 19);
        QCOMPARE(version(), versionBefore + 1);
        QCOMPARE(call("GET", u"/api/v1/orders/"_s + id).json()[u"refunds"_s].toArray().size(), 1);
    }

    void reissue_revokesTheOldSecrets_checkInOnceUnderRacingScans()
    {
        const QString clerk = account(u"clerk"_s);
        const QJsonObject order = sell(clerk, 2);
        const QString id = order[u"orderId"_s].toString();
        const QString old0 = order[u"tickets"_s][0][u"secret"_s].toString();
        const HttpResult reissued = call("POST", u"/api/v1/admin/orders/%1/reissue"_s.arg(id), clerk);
        QCOMPARE(reissued.status, 200);
        const QString new0 = reissued.json()[u"tickets"_s][0][u"secret"_s].toString();
        const QString new1 = reissued.json()[u"tickets"_s][1][u"secret"_s].toString();
        QVERIFY(new0 != old0 && !new0.isEmpty());

        const auto scan = [&](const QString &secret, const QString &performance) {
            return call("POST", u"/api/v1/admin/checkins"_s, clerk,
                        json({{u"secret"_s, secret}, {u"performanceId"_s, performance}}));
        };
        const HttpResult revoked = scan(old0, m_performance);
        verifyError(revoked, 409, u"conflict"_s);
        QCOMPARE(revoked.json()[u"error"_s][u"result"_s].toString(), u"revoked"_s);
        const HttpResult wrong = scan(new1, u"trot-king-p2"_s);
        QCOMPARE(wrong.status, 409);
        QCOMPARE(wrong.json()[u"error"_s][u"result"_s].toString(), u"wrong_performance"_s);
        verifyError(scan(u"no-such-secret"_s, m_performance), 404, u"not_found"_s);

        QList<QByteArray> bodies;
        const QList<int> statuses = race("POST", u"/api/v1/admin/checkins"_s,
                                         json({{u"secret"_s, new0}, {u"performanceId"_s, m_performance}}), 20, &bodies);
        QCOMPARE(statuses.count(200), 1);
        QCOMPARE(statuses.count(409), 19);
        for (qsizetype i = 0; i < bodies.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(bodies[i]).object();
            if (statuses[i] == 200) {
                QCOMPARE(o[u"result"_s].toString(), u"valid"_s);
                QCOMPARE(o[u"orderCode"_s].toString(), order[u"code"_s].toString());
            } else {
                QCOMPARE(o[u"error"_s][u"result"_s].toString(), u"already_used"_s);
                QVERIFY(!o[u"error"_s][u"usedAt"_s].toString().isEmpty());
            }
        }
        const QJsonObject after = call("GET", u"/api/v1/orders/"_s + id, clerk).json().toObject();
        QCOMPARE(after[u"tickets"_s][0][u"state"_s].toString(), u"used"_s);
        // A refunded ticket is refused at the door.
        QCOMPARE(call("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(id), Key, json({{u"seats"_s, QJsonArray{after[u"seats"_s][1]}}})).status,
                 201);
        const HttpResult refunded = scan(new1, m_performance);
        QCOMPARE(refunded.json()[u"error"_s][u"result"_s].toString(), u"refunded"_s);
    }

    void cashSession_countsSalesRefundsAndMovements()
    {
        const QString clerk = account(u"clerk"_s);
        const QString other = account(u"clerk"_s);
        const QString manager = account(u"manager"_s);
        const HttpResult opened = call("POST", u"/api/v1/admin/cash-sessions"_s, clerk, json({{u"float"_s, money(100000)}}));
        QCOMPARE(opened.status, 201);
        const QString id = opened.json()[u"id"_s].toString();
        verifyError(call("POST", u"/api/v1/admin/cash-sessions"_s, clerk, json({{u"float"_s, money(1)}}), true), 409,
                    u"conflict"_s);
        verifyError(call("POST", u"/api/v1/admin/cash-sessions"_s, clerk, json({{u"float"_s, 5}})), 400, u"bad_request"_s);

        const QJsonObject cash = sell(clerk, 2, {}, u"cash"_s);
        const QJsonObject card = sell(clerk, 1, {}, u"card"_s);
        sell(other, 1, {}, u"cash"_s);  // not this till
        const qint64 cashTotal = cash[u"total"_s][u"amount"_s].toInteger();
        const qint64 cashRefund = cash[u"tickets"_s][0][u"price"_s][u"amount"_s].toInteger();
        // A refund by the clerk... needs a manager; a manager's refund goes to the manager's till (none).
        QCOMPARE(call("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(cash[u"orderId"_s].toString()), manager,
                      json({{u"seats"_s, QJsonArray{cash[u"seats"_s][0]}}})).status,
                 201);
        QCOMPARE(call("POST", u"/api/v1/admin/cash-sessions/%1/movements"_s.arg(id), clerk,
                      json({{u"kind"_s, u"paid_in"_s}, {u"amount"_s, money(20000)}, {u"reason"_s, u"change from the bank"_s}})).status,
                 201);
        QCOMPARE(call("POST", u"/api/v1/admin/cash-sessions/%1/movements"_s.arg(id), clerk,
                      json({{u"kind"_s, u"paid_out"_s}, {u"amount"_s, money(5000)}, {u"reason"_s, u"courier"_s}}), true).status,
                 201);
        verifyError(call("POST", u"/api/v1/admin/cash-sessions/%1/movements"_s.arg(id), other,
                         json({{u"kind"_s, u"paid_in"_s}, {u"amount"_s, money(1)}, {u"reason"_s, u"x"_s}})),
                    403, u"forbidden"_s);
        verifyError(call("POST", u"/api/v1/admin/cash-sessions/%1/movements"_s.arg(id), clerk,
                         json({{u"kind"_s, u"tip"_s}, {u"amount"_s, money(1)}, {u"reason"_s, u"x"_s}})),
                    400, u"bad_request"_s);
        verifyError(call("GET", u"/api/v1/admin/cash-sessions/"_s + id, other), 403, u"forbidden"_s);

        const HttpResult x = call("GET", u"/api/v1/admin/cash-sessions/"_s + id, manager);  // a manager may read it
        QCOMPARE(x.status, 200);
        QCOMPARE(x.json()[u"byMethod"_s][u"cash"_s][u"sales"_s][u"amount"_s].toInteger(), cashTotal);
        QCOMPARE(x.json()[u"byMethod"_s][u"cash"_s][u"refunds"_s][u"amount"_s].toInteger(), 0);  // the manager's refund
        QCOMPARE(x.json()[u"byMethod"_s][u"card"_s][u"sales"_s][u"amount"_s].toInteger(),
                 card[u"total"_s][u"amount"_s].toInteger());
        QCOMPARE(x.json()[u"movements"_s].toArray().size(), 2);
        const qint64 expected = 100000 + cashTotal + 20000 - 5000;
        QCOMPARE(x.json()[u"expectedCash"_s][u"amount"_s].toInteger(), expected);
        QVERIFY(x.json()[u"closedAt"_s].isNull());
        QCOMPARE(call("GET", u"/api/v1/admin/cash-sessions/current"_s, clerk).json()[u"id"_s].toString(), id);

        // The manager refunds from their own till: counted there, in cash.
        const QString managersTill = call("POST", u"/api/v1/admin/cash-sessions"_s, manager, json({{u"float"_s, money(0)}})).json()[u"id"_s].toString();
        QCOMPARE(call("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(cash[u"orderId"_s].toString()), manager, "{}").status, 201);
        const HttpResult theirs = call("GET", u"/api/v1/admin/cash-sessions/"_s + managersTill, manager);
        QCOMPARE(theirs.json()[u"byMethod"_s][u"cash"_s][u"refunds"_s][u"amount"_s].toInteger(), cashTotal - cashRefund);
        QCOMPARE(theirs.json()[u"expectedCash"_s][u"amount"_s].toInteger(), -(cashTotal - cashRefund));

        const HttpResult z = call("POST", u"/api/v1/admin/cash-sessions/%1/close"_s.arg(id), clerk,
                                  json({{u"countedCash"_s, money(expected - 1000)}}));
        QCOMPARE(z.status, 200);
        QCOMPARE(z.json()[u"difference"_s][u"amount"_s].toInteger(), -1000);
        QCOMPARE(z.json()[u"countedCash"_s][u"amount"_s].toInteger(), expected - 1000);
        QVERIFY(!z.json()[u"closedAt"_s].isNull());
        verifyError(call("POST", u"/api/v1/admin/cash-sessions/%1/close"_s.arg(id), clerk,
                         json({{u"countedCash"_s, money(0)}}), true),
                    409, u"conflict"_s);
        verifyError(call("POST", u"/api/v1/admin/cash-sessions/%1/movements"_s.arg(id), clerk,
                         json({{u"kind"_s, u"paid_in"_s}, {u"amount"_s, money(1)}, {u"reason"_s, u"late"_s}})),
                    409, u"conflict"_s);
        // A closed till counts no more sales; a new one can be opened.
        sell(clerk, 1);
        QCOMPARE(call("GET", u"/api/v1/admin/cash-sessions/"_s + id, clerk).json()[u"byMethod"_s][u"cash"_s][u"sales"_s][u"amount"_s].toInteger(),
                 cashTotal);
        QCOMPARE(call("POST", u"/api/v1/admin/cash-sessions"_s, clerk, json({{u"float"_s, money(0)}})).status, 201);
        verifyError(call("GET", u"/api/v1/admin/cash-sessions/current"_s, other), 404, u"not_found"_s);
    }

    void seatsNotForSale_allOrNone_oneVersionBump()
    {
        const QString manager = account(u"manager"_s);
        const QByteArray before = letters();
        QList<int> free;
        for (qsizetype i = before.size() - 1; i >= 0 && free.size() < 3; --i)
            if (before[i] == 'A')
                free << int(i);
        QCOMPARE(free.size(), 3);
        const QJsonArray seats = call("GET", u"/api/v1/performances/%1/layout"_s.arg(m_performance)).json()[u"seats"_s].toArray();
        QJsonArray ids;
        for (int i : free)
            ids.append(seats[i][u"id"_s]);
        const qint64 v = version();
        const HttpResult killed = call("POST", u"/api/v1/admin/performances/%1/seats"_s.arg(m_performance), manager,
                                       json({{u"seats"_s, ids}, {u"status"_s, u"X"_s}}));
        QCOMPARE(killed.status, 200);
        QCOMPARE(killed.json()[u"version"_s].toInteger(), v + 1);
        QCOMPARE(version(), v + 1);
        for (int i : free)
            QCOMPARE(letters().at(i), 'X');
        // One sold seat among them: nothing moves, the sold one is named.
        const QString sold = sell(manager, 1)[u"seats"_s][0].toString();
        QJsonArray mixed = ids;
        mixed.append(sold);
        verifyError(call("POST", u"/api/v1/admin/performances/%1/seats"_s.arg(m_performance), manager,
                         json({{u"seats"_s, mixed}, {u"status"_s, u"A"_s}})),
                    409, u"seat_unavailable"_s, QStringList{sold});
        for (int i : free)
            QCOMPARE(letters().at(i), 'X');
        QCOMPARE(call("POST", u"/api/v1/admin/performances/%1/seats"_s.arg(m_performance), manager,
                      json({{u"seats"_s, ids}, {u"status"_s, u"A"_s}}), true).status,
                 200);
        for (int i : free)
            QCOMPARE(letters().at(i), 'A');
        verifyError(call("POST", u"/api/v1/admin/performances/%1/seats"_s.arg(m_performance), manager,
                         json({{u"seats"_s, QJsonArray{u"nope"_s}}, {u"status"_s, u"X"_s}})),
                    400, u"bad_request"_s, QStringList{u"nope"_s});
        verifyError(call("POST", u"/api/v1/admin/performances/%1/seats"_s.arg(m_performance), manager,
                         json({{u"seats"_s, ids}, {u"status"_s, u"S"_s}})),
                    400, u"bad_request"_s);
        verifyError(call("POST", u"/api/v1/admin/performances/%1/seats"_s.arg(m_performance), account(u"clerk"_s),
                         json({{u"seats"_s, ids}, {u"status"_s, u"X"_s}})),
                    403, u"forbidden"_s);
    }

    void everyWrite_isAudited()
    {
        const HttpResult r = call("GET", u"/api/v1/admin/audit?limit=1000"_s);
        QSet<QString> actions;
        for (const QJsonValue &e : r.json()[u"entries"_s].toArray())
            actions.insert(e[u"action"_s].toString());
        for (const QString &a : {u"order.sale"_s, u"order.refund"_s, u"order.reissue"_s, u"ticket.check_in"_s, u"cash.open"_s,
                                 u"cash.paid_in"_s, u"cash.paid_out"_s, u"cash.close"_s, u"seats.not_for_sale"_s,
                                 u"seats.back_on_sale"_s})
            QVERIFY2(actions.contains(a), qPrintable(a));
    }
};

QTEST_GUILESS_MAIN(TestOrders)
#include "tst_orders.moc"
