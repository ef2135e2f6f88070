// Staff accounts, sessions, roles and the audit log (API.md "v1 additions") against
// real servers: once on SQLite and once on PostgreSQL (the CTest fixture's). Two server
// instances share each database, so the lock-out and deactivation are checked across
// instances; their clock is injected, so the lock-out is seen to end.
#include "testsupport.h"

#include "server/http/httprouter.h"
#include "server/sales/sqldatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <atomic>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers bearer(const QString &token)
{
    return {{"Authorization", "Bearer " + token.toUtf8()}};
}

const QString Key = u"test-staff-key"_s;

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestStaffRoutes : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    struct Pair
    {
        std::unique_ptr<TestServer> a, b;  // two instances, one database
    };
    Pair m_sqlite, m_postgres;
    std::atomic<qint64> m_offsetMs{0};  // the instances' clock: now + this

    Pair &pair()
    {
        QFETCH_GLOBAL(QString, database);
        return database == u"sqlite" ? m_sqlite : m_postgres;
    }
    TestServer *a() { return pair().a.get(); }
    TestServer *b() { return pair().b.get(); }

    HttpResult call(TestServer *server, const QByteArray &method, const QString &path, const QString &token = {},
                    const QByteArray &body = {})
    {
        Headers headers = token.isEmpty() ? Headers{} : bearer(token);
        if (!body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return http(m_network, method, server->at(path), body, headers);
    }

    // A new account (made with the staff key) and its id; logins are unique per call.
    QString addAccount(const QString &login, const QString &role, const QString &pin = u"2468"_s)
    {
        const HttpResult r = call(a(), "POST", u"/api/v1/admin/staff"_s, Key,
                                  json({{u"login"_s, login}, {u"name"_s, login.toUpper()}, {u"role"_s, role},
                                        {u"pin"_s, pin}}));
        if (r.status != 201)
            qWarning() << "cannot add" << login << r.status << r.body;
        return r.json()[u"id"_s].toString();
    }

    QString signIn(TestServer *server, const QString &login, const QString &pin = u"2468"_s, int *status = nullptr)
    {
        const HttpResult r =
            call(server, "POST", u"/api/v1/staff/sessions"_s, {}, json({{u"login"_s, login}, {u"pin"_s, pin}}));
        if (status)
            *status = r.status;
        return r.status == 201 ? r.json()[u"token"_s].toString() : QString();
    }

    QJsonArray audit(const QString &query)
    {
        const HttpResult r = call(a(), "GET", u"/api/v1/admin/audit?"_s + query, Key);
        if (r.status != 200)
            qWarning() << "audit read failed" << r.status << r.body;
        return r.json()[u"entries"_s].toArray();
    }

    QString uniqueLogin(const QString &stem)
    {
        static int n = 0;
        return u"%1-%2"_s.arg(stem).arg(++n);
    }

    // An open database connection to the pair's database, for what no route can do.
    std::unique_ptr<Server::SqlDatabase> openDatabase(const QString &name)
    {
        auto url = Server::DatabaseUrl::parse(a()->databaseUrl);
        if (!url)
            return nullptr;
        auto db = Server::SqlDatabase::open(url.value(), name);
        if (!db)
            return nullptr;
        return std::make_unique<Server::SqlDatabase>(std::move(db).value());
    }

    // A seat of a performance on sale still available, for counter sales.
    struct Seat
    {
        QString performanceId;
        QString seatId;
    };
    std::optional<Seat> availableSeat(int skip = 0)
    {
        const QJsonArray concerts = call(a(), "GET", u"/api/v1/concerts"_s).json().toArray();
        for (const QJsonValue &c : concerts) {
            for (const QJsonValue &p : c[u"performances"_s].toArray()) {
                if (p[u"available"_s].toInt() < 10)
                    continue;
                const QString id = p[u"id"_s].toString();
                const QByteArray letters =
                    call(a(), "GET", u"/api/v1/performances/%1/status"_s.arg(id), Key).json()[u"status"_s].toString().toLatin1();
                const QJsonArray seats = call(a(), "GET", u"/api/v1/performances/%1/layout"_s.arg(id)).json()[u"seats"_s].toArray();
                for (qsizetype i = 0; i < letters.size() && i < seats.size(); ++i)
                    if (letters[i] == 'A' && skip-- <= 0)
                        return Seat{id, seats[i][u"id"_s].toString()};
            }
        }
        return std::nullopt;
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
        const auto configure = [this](Server::ServerConfig &config) {
            config.clock = [this] { return QDateTime::currentMSecsSinceEpoch() + m_offsetMs.load(); };
            config.staff.lockoutSeconds = 120;
        };
        for (const QString &database : {u"sqlite"_s, u"postgresql"_s}) {
            Pair &p = database == u"sqlite" ? m_sqlite : m_postgres;
            p.a = TestServer::start(database, true, configure);
            QVERIFY2(p.a->error.isEmpty(), qPrintable(p.a->error));
            const QString url = p.a->databaseUrl;
            p.b = TestServer::start(database, true, [&](Server::ServerConfig &config) {
                configure(config);
                config.database = Server::DatabaseUrl::parse(url).value();
            });
            QVERIFY2(p.b->error.isEmpty(), qPrintable(p.b->error));
        }
    }

    void init() { m_offsetMs = 0; }

    void bootstrapKey_isTheAdmin()
    {
        const HttpResult r = call(a(), "GET", u"/api/v1/staff/sessions/current"_s, Key);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[u"staff"_s][u"role"_s].toString(), u"admin"_s);
        QCOMPARE(r.json()[u"staff"_s][u"login"_s].toString(), u"(staff key)"_s);
        QVERIFY(r.json()[u"staff"_s][u"id"_s].isNull());
        QVERIFY(r.json()[u"expiresAt"_s].isNull());
        verifyError(call(a(), "GET", u"/api/v1/staff/sessions/current"_s), 401, u"unauthorized"_s);
        verifyError(call(a(), "GET", u"/api/v1/staff/sessions/current"_s, u"not-a-key"_s), 403, u"forbidden"_s);
    }

    void accounts_createListEdit_neverShowThePin()
    {
        const QString login = uniqueLogin(u"ana"_s);
        const HttpResult made = call(a(), "POST", u"/api/v1/admin/staff"_s, Key,
                                     json({{u"login"_s, login}, {u"name"_s, u"Ana Kim"_s}, {u"role"_s, u"clerk"_s},
                                           {u"pin"_s, u"913579"_s}}));
        QCOMPARE(made.status, 201);
        const QString id = made.json()[u"id"_s].toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(made.json()[u"active"_s].toBool(), true);
        QVERIFY(!made.body.contains("913579"));
        QVERIFY(!made.body.contains("pin"));

        verifyError(call(a(), "POST", u"/api/v1/admin/staff"_s, Key,
                         json({{u"login"_s, login}, {u"name"_s, u"Other"_s}, {u"role"_s, u"clerk"_s}, {u"pin"_s, u"1111"_s}})),
                    409, u"conflict"_s);
        for (const QString &pin : {u"123"_s, u"1234567890123"_s, u"12a4"_s, u""_s})
            verifyError(call(a(), "POST", u"/api/v1/admin/staff"_s, Key,
                             json({{u"login"_s, uniqueLogin(u"p"_s)}, {u"name"_s, u"P"_s}, {u"role"_s, u"clerk"_s},
                                   {u"pin"_s, pin}})),
                        400, u"bad_request"_s);
        verifyError(call(a(), "POST", u"/api/v1/admin/staff"_s, Key,
                         json({{u"login"_s, uniqueLogin(u"r"_s)}, {u"name"_s, u"R"_s}, {u"role"_s, u"boss"_s}, {u"pin"_s, u"1234"_s}})),
                    400, u"bad_request"_s);
        verifyError(call(a(), "POST", u"/api/v1/admin/staff"_s, Key, "{not json"), 400, u"bad_request"_s);

        const HttpResult edited = call(a(), "PATCH", u"/api/v1/admin/staff/"_s + id, Key,
                                       json({{u"name"_s, u"Ana Kim-Lee"_s}, {u"role"_s, u"manager"_s}, {u"pin"_s, u"24680"_s}}));
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.json()[u"name"_s].toString(), u"Ana Kim-Lee"_s);
        QCOMPARE(edited.json()[u"role"_s].toString(), u"manager"_s);
        QVERIFY(signIn(a(), login, u"913579"_s).isEmpty());  // the old PIN is gone
        QVERIFY(!signIn(b(), login, u"24680"_s).isEmpty());
        verifyError(call(a(), "PATCH", u"/api/v1/admin/staff/nobody"_s, Key, json({{u"name"_s, u"X"_s}})), 404, u"not_found"_s);
        verifyError(call(a(), "PATCH", u"/api/v1/admin/staff/"_s + id, Key, json({{u"active"_s, u"no"_s}})), 400, u"bad_request"_s);
        verifyError(call(a(), "PATCH", u"/api/v1/admin/staff/"_s + id, Key, json({{u"colour"_s, u"red"_s}})), 400, u"bad_request"_s);

        const HttpResult list = call(a(), "GET", u"/api/v1/admin/staff"_s, Key);
        QCOMPARE(list.status, 200);
        bool found = false;
        for (const QJsonValue &s : list.json()[u"staff"_s].toArray())
            found = found || s[u"id"_s].toString() == id;
        QVERIFY(found);
        QVERIFY(!list.body.contains("pin"));
        QVERIFY(!list.body.contains("argon2"));

        // The audit trail says what changed, never the PIN itself.
        const QJsonArray entries = audit(u"action=staff.update&limit=1"_s);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0][u"target"_s].toString(), id);
        QCOMPARE(entries[0][u"details"_s][u"pinChanged"_s].toBool(), true);
        QVERIFY(!QJsonDocument(entries[0].toObject()).toJson().contains("24680"));
    }

    void signIn_sameAnswerForUnknownLoginAndWrongPin()
    {
        const QString login = uniqueLogin(u"bo"_s);
        addAccount(login, u"clerk"_s);
        const HttpResult unknown = call(a(), "POST", u"/api/v1/staff/sessions"_s, {},
                                        json({{u"login"_s, u"no-such-person"_s}, {u"pin"_s, u"2468"_s}}));
        const HttpResult wrong = call(a(), "POST", u"/api/v1/staff/sessions"_s, {},
                                      json({{u"login"_s, login}, {u"pin"_s, u"1111"_s}}));
        verifyError(unknown, 401, u"unauthorized"_s);
        verifyError(wrong, 401, u"unauthorized"_s);
        QCOMPARE(unknown.body, wrong.body);
        verifyError(call(a(), "POST", u"/api/v1/staff/sessions"_s, {}, json({{u"login"_s, 5}})), 400, u"bad_request"_s);

        int status = 0;
        const QString token = signIn(a(), login.toUpper(), u"2468"_s, &status);  // logins ignore case
        QCOMPARE(status, 201);
        QVERIFY2(token.size() >= 22, "at least 128 random bits");
        const HttpResult me = call(b(), "GET", u"/api/v1/staff/sessions/current"_s, token);  // any instance
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json()[u"staff"_s][u"login"_s].toString(), login);
        QCOMPARE(me.json()[u"staff"_s][u"role"_s].toString(), u"clerk"_s);
        const QDateTime expires = QDateTime::fromString(me.json()[u"expiresAt"_s].toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 12 * 3600) < 60);
    }

    void lockOut_afterFiveFailures_acrossInstances_thenEnds()
    {
        const QString login = uniqueLogin(u"cy"_s);
        addAccount(login, u"clerk"_s);
        for (int i = 0; i < 5; ++i) {
            int status = 0;
            signIn(i % 2 ? a() : b(), login, u"0000"_s, &status);  // spread over both instances
            QCOMPARE(status, 401);
        }
        // Locked on every instance, even with the right PIN.
        for (TestServer *server : {a(), b()}) {
            const HttpResult r = call(server, "POST", u"/api/v1/staff/sessions"_s, {},
                                      json({{u"login"_s, login}, {u"pin"_s, u"2468"_s}}));
            verifyError(r, 429, u"rate_limited"_s);
            QVERIFY2(r.header("Retry-After").toInt() >= 60, r.header("Retry-After").constData());
        }
        const QJsonArray locked = audit(u"action=staff.locked_out&login="_s + login);
        QCOMPARE(locked.size(), 1);
        QCOMPARE(audit(u"action=staff.sign_in_failed&login="_s + login).size(), 5);

        m_offsetMs = 60'000;  // half-way: still locked (real time passes too, so not 119 s)
        int status = 0;
        signIn(a(), login, u"2468"_s, &status);
        QCOMPARE(status, 429);
        m_offsetMs = 121'000;  // the lock is over: the right PIN works, the count starts again
        QVERIFY(!signIn(b(), login, u"2468"_s, &status).isEmpty());
        for (int i = 0; i < 4; ++i) {
            signIn(a(), login, u"0000"_s, &status);
            QCOMPARE(status, 401);
        }
        QVERIFY(!signIn(a(), login, u"2468"_s).isEmpty());  // 4 then a success: not locked
    }

    void deactivationAndRoleChanges_cutLiveSessionsAtOnce()
    {
        const QString login = uniqueLogin(u"dee"_s);
        const QString id = addAccount(login, u"manager"_s);
        const QString token = signIn(a(), login);
        QVERIFY(!token.isEmpty());
        const QString concert = call(a(), "GET", u"/api/v1/concerts"_s).json()[0][u"id"_s].toString();
        const QString settings = u"/api/v1/admin/concerts/%1/queue"_s.arg(concert);
        QCOMPARE(call(b(), "PUT", settings, token, json({{u"capacity"_s, 100}})).status, 200);

        QCOMPARE(call(a(), "PATCH", u"/api/v1/admin/staff/"_s + id, Key, json({{u"role"_s, u"clerk"_s}})).status, 200);
        verifyError(call(b(), "PUT", settings, token, json({{u"capacity"_s, 100}})), 403, u"forbidden"_s);
        QCOMPARE(call(b(), "GET", settings, token).status, 200);  // still a clerk

        QCOMPARE(call(a(), "PATCH", u"/api/v1/admin/staff/"_s + id, Key, json({{u"active"_s, false}})).status, 200);
        verifyError(call(b(), "GET", settings, token), 401, u"unauthorized"_s);
        int status = 0;
        signIn(b(), login, u"2468"_s, &status);
        QCOMPARE(status, 401);
        // Back on: the old session stays over; a new sign-in works.
        QCOMPARE(call(a(), "PATCH", u"/api/v1/admin/staff/"_s + id, Key, json({{u"active"_s, true}})).status, 200);
        verifyError(call(b(), "GET", settings, token), 401, u"unauthorized"_s);
        QVERIFY(!signIn(a(), login).isEmpty());
    }

    void signOut_endsTheToken()
    {
        const QString login = uniqueLogin(u"eve"_s);
        addAccount(login, u"clerk"_s);
        const QString token = signIn(a(), login);
        QCOMPARE(call(b(), "DELETE", u"/api/v1/staff/sessions/current"_s, token).status, 204);
        verifyError(call(a(), "GET", u"/api/v1/staff/sessions/current"_s, token), 401, u"unauthorized"_s);
        verifyError(call(a(), "DELETE", u"/api/v1/staff/sessions/current"_s, token), 401, u"unauthorized"_s);
        QCOMPARE(audit(u"action=staff.sign_out&login="_s + login).size(), 1);
    }

    void sessions_expire()
    {
        const QString login = uniqueLogin(u"fay"_s);
        addAccount(login, u"clerk"_s);
        const QString token = signIn(a(), login);
        m_offsetMs = 12 * 3600 * 1000 + 1000;
        verifyError(call(b(), "GET", u"/api/v1/staff/sessions/current"_s, token), 401, u"unauthorized"_s);
    }

    // Every staff route, with a credential one role short of its least role → 403; with
    // none → 401. The routes come from the router, so a new route cannot be missed.
    void everyStaffRoute_refusesALowerRole()
    {
        QHash<QString, QString> tokens;
        for (const QString &role : {u"clerk"_s, u"manager"_s}) {
            const QString login = uniqueLogin(role);
            addAccount(login, role);
            tokens.insert(role, signIn(a(), login));
            QVERIFY(!tokens.value(role).isEmpty());
        }
        const auto routes = a()->server->router().staffRoutes();
        QVERIFY(routes.size() >= 12);
        int checked = 0;
        for (const auto &route : routes) {
            QString path = route.pattern;
            path.replace(u"{id}"_s, u"x"_s);
            const QByteArray body = route.method == "GET" || route.method == "DELETE" ? QByteArray() : "{}";
            const QString what = QString::fromLatin1(route.method) + u' ' + route.pattern;
            const HttpResult none = call(a(), route.method, path, {}, body);
            QVERIFY2(none.status == 401, qPrintable(what + u" without a credential: "_s + QString::number(none.status)));
            if (route.least == Server::StaffRole::Clerk)
                continue;
            const QStringList lower = route.least == Server::StaffRole::Admin ? QStringList{u"clerk"_s, u"manager"_s}
                                                                                : QStringList{u"clerk"_s};
            for (const QString &role : lower) {
                const HttpResult r = call(a(), route.method, path, tokens.value(role), body);
                QVERIFY2(r.status == 403, qPrintable(what + u" as "_s + role + u": "_s + QString::number(r.status)));
                verifyError(r, 403, u"forbidden"_s);
                ++checked;
            }
        }
        QVERIFY(checked >= 8);
        // API.md's roles, spelled out: a route that moves to a lower role fails here.
        const QHash<QString, Server::StaffRole> expected{
            {u"GET /api/v1/admin/concerts/{id}/queue"_s, Server::StaffRole::Clerk},
            {u"GET /api/v1/admin/performances/{id}/holds"_s, Server::StaffRole::Clerk},
            {u"PUT /api/v1/admin/concerts/{id}/queue"_s, Server::StaffRole::Manager},
            {u"POST /api/v1/admin/concerts/{id}/crowd"_s, Server::StaffRole::Manager},
            {u"POST /api/v1/admin/concerts/{id}/expire"_s, Server::StaffRole::Manager},
            {u"GET /api/v1/admin/audit"_s, Server::StaffRole::Manager},
            {u"GET /api/v1/admin/staff"_s, Server::StaffRole::Admin},
            {u"POST /api/v1/admin/staff"_s, Server::StaffRole::Admin},
            {u"PATCH /api/v1/admin/staff/{id}"_s, Server::StaffRole::Admin},
            {u"GET /api/v1/admin/orders"_s, Server::StaffRole::Clerk},
            {u"POST /api/v1/admin/orders/{id}/refunds"_s, Server::StaffRole::Manager},
            {u"POST /api/v1/admin/orders/{id}/reissue"_s, Server::StaffRole::Clerk},
            {u"POST /api/v1/admin/checkins"_s, Server::StaffRole::Clerk},
            {u"POST /api/v1/admin/cash-sessions"_s, Server::StaffRole::Clerk},
            {u"POST /api/v1/admin/cash-sessions/{id}/close"_s, Server::StaffRole::Clerk},
            {u"POST /api/v1/admin/performances/{id}/seats"_s, Server::StaffRole::Manager},
        };
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            bool found = false;
            for (const auto &route : routes)
                if (QString::fromLatin1(route.method) + u' ' + route.pattern == it.key()) {
                    found = true;
                    QVERIFY2(route.least == it.value(), qPrintable(it.key()));
                }
            QVERIFY2(found, qPrintable(it.key()));
        }
    }

    // A clerk sells at the counter; the sale is in the audit log under the clerk's name;
    // a clerk may let their own hold go but not somebody else's (a manager may).
    void counterSale_isAuditedUnderTheClerk_forcedReleaseNeedsAManager()
    {
        const QString clerkLogin = uniqueLogin(u"hana"_s);
        const QString clerkId = addAccount(clerkLogin, u"clerk"_s);
        const QString clerk = signIn(a(), clerkLogin);
        const QString managerLogin = uniqueLogin(u"ian"_s);
        addAccount(managerLogin, u"manager"_s);
        const QString manager = signIn(a(), managerLogin);

        const auto seat = availableSeat();
        QVERIFY(seat);
        const HttpResult held = call(a(), "POST", u"/api/v1/performances/%1/holds"_s.arg(seat->performanceId), clerk,
                                     json({{u"seats"_s, QJsonArray{seat->seatId}}}));
        QCOMPARE(held.status, 201);
        const QString holdId = held.json()[u"holdId"_s].toString();
        const HttpResult sold = call(b(), "POST", u"/api/v1/holds/%1/purchase"_s.arg(holdId), clerk,
                                     json({{u"payment"_s, QJsonObject{{u"method"_s, u"cash"_s}}}}));
        QCOMPARE(sold.status, 201);
        const QString orderId = sold.json()[u"orderId"_s].toString();

        const QJsonArray sales = audit(u"action=order.sale&staffId="_s + clerkId);
        QCOMPARE(sales.size(), 1);
        QCOMPARE(sales[0][u"login"_s].toString(), clerkLogin);
        QCOMPARE(sales[0][u"target"_s].toString(), orderId);
        QCOMPARE(sales[0][u"details"_s][u"method"_s].toString(), u"cash"_s);
        QCOMPARE(sales[0][u"details"_s][u"seats"_s].toArray(), QJsonArray{seat->seatId});
        QCOMPARE(audit(u"action=seats.hold&staffId="_s + clerkId).size(), 1);
        // A failed change leaves no entry: buying the same hold again is 409, and unlogged.
        verifyError(call(a(), "POST", u"/api/v1/holds/%1/purchase"_s.arg(holdId), clerk,
                         json({{u"payment"_s, QJsonObject{{u"method"_s, u"cash"_s}}}})),
                    409, u"conflict"_s);
        QCOMPARE(audit(u"action=order.sale&staffId="_s + clerkId).size(), 1);

        // Somebody else's hold: the manager's. The clerk may not force it; the manager may.
        const auto other = availableSeat();
        QVERIFY(other);
        const HttpResult managers = call(a(), "POST", u"/api/v1/performances/%1/holds"_s.arg(other->performanceId),
                                         manager, json({{u"seats"_s, QJsonArray{other->seatId}}}));
        QCOMPARE(managers.status, 201);
        const QString managersHold = managers.json()[u"holdId"_s].toString();
        verifyError(call(a(), "DELETE", u"/api/v1/holds/"_s + managersHold, clerk), 403, u"forbidden"_s);
        const HttpResult own = call(a(), "POST", u"/api/v1/performances/%1/holds"_s.arg(other->performanceId), clerk,
                                    json({{u"seats"_s, QJsonArray{availableSeat()->seatId}}}));
        QCOMPARE(own.status, 201);
        QCOMPARE(call(a(), "DELETE", u"/api/v1/holds/"_s + own.json()[u"holdId"_s].toString(), clerk).status, 204);
        QCOMPARE(audit(u"action=seats.release&staffId="_s + clerkId).size(), 1);
        // The clerk's hold given up by a manager is forced; so is the manager's by the key.
        const QString clerksHold =
            call(a(), "POST", u"/api/v1/performances/%1/holds"_s.arg(other->performanceId), clerk,
                 json({{u"seats"_s, QJsonArray{availableSeat()->seatId}}}))
                .json()[u"holdId"_s].toString();
        QCOMPARE(call(b(), "DELETE", u"/api/v1/holds/"_s + clerksHold, manager).status, 204);
        QCOMPARE(call(a(), "DELETE", u"/api/v1/holds/"_s + managersHold, Key).status, 204);
        const QJsonArray forced = audit(u"action=seats.force_release&limit=2"_s);
        QCOMPARE(forced.size(), 2);
        QCOMPARE(forced[0][u"target"_s].toString(), managersHold);
        QCOMPARE(forced[0][u"login"_s].toString(), u"(staff key)"_s);
        QVERIFY(forced[0][u"staffId"_s].isNull());
        QCOMPARE(forced[1][u"target"_s].toString(), clerksHold);
        QCOMPARE(forced[1][u"login"_s].toString(), managerLogin);
    }

    // The change and its entry commit together: when the entry cannot be written, the
    // sale does not happen either (the seat stays held, not sold).
    void auditEntry_isInTheChangesTransaction()
    {
        QFETCH_GLOBAL(QString, database);
        const QString login = uniqueLogin(u"jo"_s);
        addAccount(login, u"manager"_s);
        const QString token = signIn(a(), login);
        const auto seat = availableSeat();
        QVERIFY(seat);
        const HttpResult held = call(a(), "POST", u"/api/v1/performances/%1/holds"_s.arg(seat->performanceId), token,
                                     json({{u"seats"_s, QJsonArray{seat->seatId}}}));
        QCOMPARE(held.status, 201);
        const QString holdId = held.json()[u"holdId"_s].toString();

        auto db = openDatabase(u"tst_staffroutes-"_s + database);
        QVERIFY(db);
        QSqlQuery q(db->db());
        const bool postgres = database == u"postgresql";
        const QStringList breakIt = postgres
            ? QStringList{u"CREATE FUNCTION audit_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no audit'; END $$"_s,
                          u"CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_fails()"_s}
            : QStringList{u"CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no audit'); END"_s};
        for (const QString &sql : breakIt)
            QVERIFY2(q.exec(sql), qPrintable(Server::describeError(q.lastError())));

        const HttpResult sold = call(a(), "POST", u"/api/v1/holds/%1/purchase"_s.arg(holdId), token,
                                     json({{u"payment"_s, QJsonObject{{u"method"_s, u"card"_s}}}}));
        const HttpResult settings = call(a(), "PUT", u"/api/v1/admin/concerts/%1/queue"_s.arg(u"aurora-world-tour"_s),
                                         token, json({{u"capacity"_s, 77}}));
        QVERIFY2(q.exec(postgres ? u"DROP TRIGGER audit_fails ON audit_log"_s : u"DROP TRIGGER audit_fails"_s),
                 qPrintable(Server::describeError(q.lastError())));
        verifyError(sold, 503, u"unavailable"_s);
        verifyError(settings, 503, u"unavailable"_s);

        // Nothing happened: the hold is still held (and can be bought now), capacity unchanged.
        const HttpResult holds = call(a(), "GET", u"/api/v1/admin/performances/%1/holds"_s.arg(seat->performanceId), Key);
        QVERIFY(holds.body.contains(holdId.toUtf8()));
        QVERIFY(call(a(), "GET", u"/api/v1/admin/concerts/aurora-world-tour/queue"_s, Key).json()[u"capacity"_s].toInt() != 77);
        QCOMPARE(call(a(), "POST", u"/api/v1/holds/%1/purchase"_s.arg(holdId), token,
                      json({{u"payment"_s, QJsonObject{{u"method"_s, u"card"_s}}}})).status,
                 201);
        QCOMPARE(audit(u"action=order.sale&login="_s + login).size(), 1);
    }

    void auditLog_isAppendOnly()
    {
        QFETCH_GLOBAL(QString, database);
        QVERIFY(!audit(u"limit=1"_s).isEmpty());
        auto db = openDatabase(u"tst_staffroutes-append-"_s + database);
        QVERIFY(db);
        QSqlQuery q(db->db());
        QVERIFY(!q.exec(u"UPDATE audit_log SET login = 'someone else'"_s));
        QVERIFY(!q.exec(u"DELETE FROM audit_log"_s));
        QCOMPARE(audit(u"login=someone%20else"_s).size(), 0);
    }

    void auditRead_filtersAndValidates()
    {
        const QString login = uniqueLogin(u"kai"_s);
        const QString id = addAccount(login, u"manager"_s);
        const QDateTime start = QDateTime::currentDateTimeUtc();
        const QString token = signIn(a(), login);
        const QString concert = call(a(), "GET", u"/api/v1/concerts"_s).json()[1][u"id"_s].toString();
        for (int capacity : {90, 80, 70})
            QCOMPARE(call(a(), "PUT", u"/api/v1/admin/concerts/%1/queue"_s.arg(concert), token,
                          json({{u"capacity"_s, capacity}})).status,
                     200);
        QCOMPARE(call(a(), "POST", u"/api/v1/admin/concerts/%1/expire"_s.arg(concert), token, json({{u"count"_s, 1}})).status, 200);

        const HttpResult r = call(a(), "GET", u"/api/v1/admin/audit?staffId=%1&action=queue.settings"_s.arg(id), token);
        QCOMPARE(r.status, 200);
        const QJsonArray entries = r.json()[u"entries"_s].toArray();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[0][u"details"_s][u"capacity"_s].toInt(), 70);  // newest first
        QCOMPARE(entries[2][u"details"_s][u"capacity"_s].toInt(), 90);
        QCOMPARE(entries[0][u"target"_s].toString(), concert);
        QCOMPARE(entries[0][u"login"_s].toString(), login);
        QCOMPARE(entries[0][u"staffId"_s].toString(), id);
        for (const QString &key : {u"id"_s, u"at"_s, u"staffId"_s, u"login"_s, u"action"_s, u"target"_s, u"details"_s})
            QVERIFY2(entries[0].toObject().contains(key), qPrintable(key));
        QCOMPARE(audit(u"staffId=%1&action=queue.expire"_s.arg(id)).size(), 1);
        QCOMPARE(audit(u"staffId=%1&limit=2"_s.arg(id)).size(), 2);
        // from: the second of the sign-in (RFC 3339 to the second, so at or before it): all 5
        // (the sign-in, 3 settings, the expiry); to: a second before it, none.
        QCOMPARE(audit(u"staffId=%1&from=%2"_s.arg(id, start.toString(Qt::ISODate))).size(), 5);
        QCOMPARE(audit(u"staffId=%1&to=%2"_s.arg(id, start.addSecs(-1).toString(Qt::ISODate))).size(), 0);

        for (const QString &bad : {u"limit=0"_s, u"limit=1001"_s, u"limit=ten"_s, u"from=yesterday"_s, u"to=2026-13-01"_s})
            verifyError(call(a(), "GET", u"/api/v1/admin/audit?"_s + bad, token), 400, u"bad_request"_s);
    }

    void addStaff_fromTheCommandLine_readsThePinFromStdin()
    {
        QFETCH_GLOBAL(QString, database);
        const QString login = uniqueLogin(u"lin"_s);
        QProcess process;
        process.start(serverBinary(), {u"--db"_s, a()->databaseUrl, u"--add-staff"_s, login, u"--role"_s,
                                       u"manager"_s, u"--name"_s, u"Lin Park"_s});
        QVERIFY(process.waitForStarted());
        process.write("97531\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        const QByteArray out = process.readAllStandardOutput();
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!out.contains("97531"));
        QVERIFY(!process.readAllStandardError().contains("97531"));
        QCOMPARE(QJsonDocument::fromJson(out).object()[u"role"_s].toString(), u"manager"_s);
        const QString token = signIn(b(), login, u"97531"_s);
        QVERIFY(!token.isEmpty());
        const QJsonArray made = audit(u"action=staff.create&limit=1"_s);
        QCOMPARE(made[0][u"login"_s].toString(), u"(command line)"_s);

        QProcess bad;
        bad.start(serverBinary(), {u"--db"_s, a()->databaseUrl, u"--add-staff"_s, uniqueLogin(u"x"_s)});
        QVERIFY(bad.waitForStarted());
        bad.write("12\n");
        bad.closeWriteChannel();
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 1);
        QVERIFY(bad.readAllStandardError().contains("4 to 12 digits"));
    }
};

QTEST_MAIN(TestStaffRoutes)
#include "tst_staffroutes.moc"
