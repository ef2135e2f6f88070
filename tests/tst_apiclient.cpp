// ApiClient's error paths through a scripted network manager: timeout, 409 with the
// seats named, 503, a dropped connection, an answer that is not what API.md says; the
// staff credential: which calls carry it, a 401 to it (and only to the one in use) told
// as staffCredentialRejected, a 429's Retry-After.
#include "app/apiclient.h"
#include "scriptednetwork.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

using namespace BoxOffice;
using namespace Qt::StringLiterals;

using namespace BoxOffice::Test;

class TestApiClient : public QObject
{
    Q_OBJECT

    ScriptedNetwork m_network;

    template <typename T, typename Call> ApiResult<T> await(Call call)
    {
        std::optional<ApiResult<T>> result;
        call([&](const ApiResult<T> &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000); }();
        return result ? *result : ApiResult<T>(ApiError{});
    }

    ApiResult<Hold> hold(ApiClient &api)
    {
        return await<Hold>([&](auto done) { api.hold(u"p1"_s, {u"A-1-1"_s}, u"t"_s, this, done); });
    }

private Q_SLOTS:
    void timeout_isItsOwnKind()
    {
        ApiClient api(&m_network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        api.setTimeout(std::chrono::milliseconds(100));
        m_network.next = {200, {}, QNetworkReply::NoError, true};
        const auto r = await<QList<Concert>>([&](auto done) { api.fetchConcerts(this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Timeout);
        QVERIFY(!r.error().message.isEmpty());
    }

    void conflict_carriesTheCodeAndTheSeats()
    {
        ApiClient api(&m_network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        m_network.next = {409, R"({"error":{"code":"seat_unavailable","message":"taken","seats":["A-1-1"]}})"};
        const auto r = hold(api);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Http);
        QCOMPARE(r.error().httpStatus, 409);
        QCOMPARE(r.error().code, u"seat_unavailable"_s);
        QCOMPARE(r.error().details.value(u"seats"_s).toArray().first().toString(), u"A-1-1"_s);
        QVERIFY(r.error().message.contains(u"faster"_s));
    }

    void unavailable_isReadable()
    {
        ApiClient api(&m_network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        m_network.next = {503, R"({"error":{"code":"unavailable","message":"the queue store is unavailable"}})"};
        const auto r = await<QueueTicket>([&](auto done) { api.queueStatus(u"t"_s, this, done); });
        QCOMPARE(r.error().httpStatus, 503);
        QCOMPARE(r.error().code, u"unavailable"_s);
        QVERIFY(r.error().message.contains(u"temporarily unavailable"_s));
    }

    void droppedConnection_isANetworkError()
    {
        ApiClient api(&m_network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        m_network.next = {0, {}, QNetworkReply::RemoteHostClosedError};
        const auto r = hold(api);
        QCOMPARE(r.error().kind, ApiError::Kind::Network);
        QVERIFY(r.error().message.contains(u"cannot be reached"_s));
    }

    // The questions call sites ask (StaffController, BoxOfficeApp, BookingSession)
    // answered once, on ApiError, for every way a call can fail.
    void predicates_sortEachFailure_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("networkError");
        QTest::addColumn<bool>("never");
        QTest::addColumn<bool>("unreachable");
        QTest::addColumn<bool>("refused");
        QTest::addColumn<bool>("answered");
        const int none = QNetworkReply::NoError;
        const QByteArray body401 = R"({"error":{"code":"unauthorized","message":"staff only"}})";
        const QByteArray body403 = R"({"error":{"code":"forbidden","message":"wrong key"}})";
        QTest::newRow("timeout") << 200 << QByteArray() << none << true << true << false << false;
        QTest::newRow("refused connection") << 0 << QByteArray() << int(QNetworkReply::ConnectionRefusedError) << false
                                            << true << false << false;
        QTest::newRow("reset") << 0 << QByteArray() << int(QNetworkReply::RemoteHostClosedError) << false << true
                               << false << false;
        QTest::newRow("401") << 401 << body401 << none << false << false << true << true;
        QTest::newRow("403") << 403 << body403 << none << false << false << true << true;
        QTest::newRow("403 without our body") << 403 << QByteArray("Forbidden") << none << false << false << true << true;
        QTest::newRow("404") << 404 << QByteArray() << none << false << false << false << true;
        QTest::newRow("503") << 503 << QByteArray(R"({"error":{"code":"unavailable","message":"down"}})") << none
                             << false << false << false << true;
        QTest::newRow("not our answer") << 200 << QByteArray("<html/>") << none << false << false << false << false;
    }

    void predicates_sortEachFailure()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, networkError);
        QFETCH(bool, never);
        QFETCH(bool, unreachable);
        QFETCH(bool, refused);
        QFETCH(bool, answered);
        ApiClient api(&m_network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        api.setTimeout(std::chrono::milliseconds(100));
        m_network.next = {status, body, QNetworkReply::NetworkError(networkError), never};
        const auto r = await<QueueStats>([&](auto done) { api.queueStats(u"c1"_s, this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().isUnreachable(), unreachable);
        QCOMPARE(r.error().isRefused(), refused);
        QCOMPARE(r.error().serverAnswered(), answered);
        QVERIFY(!(r.error().isUnreachable() && r.error().serverAnswered()));
    }

    void unexpectedAnswer_isADecodeError()
    {
        ApiClient api(&m_network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        m_network.next = {201, R"({"holdId":"h1"})"};  // the rest of a hold is missing
        QCOMPARE(hold(api).error().kind, ApiError::Kind::Decode);
        m_network.next = {200, "<html>proxy error</html>"};
        QCOMPARE(hold(api).error().kind, ApiError::Kind::Decode);
        // An error status with a body that is not ours still maps by status.
        m_network.next = {404, "Not Found"};
        const auto r = hold(api);
        QCOMPARE(r.error().kind, ApiError::Kind::Http);
        QCOMPARE(r.error().httpStatus, 404);
        QVERIFY(r.error().code.isEmpty());
    }

    void staffCredential_ridesOnStaffCallsButNotOnSignIn()
    {
        ScriptedNetwork network;
        ApiClient api(&network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        api.setStaffCredential(u"session-token"_s);
        const QByteArray session = R"({"token":"new-token","expiresAt":"2026-11-24T18:00:00Z",)"
                                   R"("staff":{"id":"s1","login":"kim","name":"Kim Minji","role":"clerk"}})";
        network.route("POST", u"/api/v1/staff/sessions"_s, {201, session});
        network.route("GET", u"/api/v1/staff/sessions/current"_s,
                      {200, R"x({"expiresAt":null,"staff":{"id":null,"login":"(staff key)","name":"Staff key","role":"admin"}})x"});
        network.route("GET", u"/api/v1/admin/audit"_s, {200, R"({"entries":[]})"});
        const auto signedIn = await<StaffSession>([&](auto done) { api.signIn(u"kim"_s, u"1357"_s, this, done); });
        QVERIFY(signedIn.ok());
        QCOMPARE(signedIn.value().token, u"new-token"_s);
        QCOMPARE(signedIn.value().staff.role, StaffRole::Clerk);
        QCOMPARE(network.requests.last().authorization, QByteArray());  // no credential on a sign-in
        QCOMPARE(QJsonDocument::fromJson(network.requests.last().body).object().value(u"pin"_s).toString(), u"1357"_s);
        // A key checked before it is adopted rides alone; the credential in use is unchanged.
        const auto key = await<StaffSession>([&](auto done) { api.currentStaff(u"a-key"_s, this, done); });
        QVERIFY(key.ok());
        QVERIFY(key.value().staff.isStaffKey());
        QVERIFY(!key.value().expiresAt);
        QCOMPARE(network.requests.last().authorization, QByteArray("Bearer a-key"));
        QCOMPARE(api.staffCredential(), u"session-token"_s);
        // Staff reads carry the credential in use, with their filters encoded.
        AuditQuery query;
        query.login = u"kim+lee"_s;
        query.action = u"order.sale"_s;
        query.from = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        query.limit = 50;
        QVERIFY((await<QList<AuditEntry>>([&](auto done) { api.auditLog(query, this, done); })).ok());
        QCOMPARE(network.requests.last().authorization, QByteArray("Bearer session-token"));
        QCOMPARE(query.toQueryString(), u"login=kim%2Blee&action=order.sale&from=2026-11-24T09%3A00%3A00Z&limit=50"_s);
    }

    void unauthorized_toTheCredentialInUse_isToldOnce()
    {
        ScriptedNetwork network;
        ApiClient api(&network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        QSignalSpy rejected(&api, &ApiClient::staffCredentialRejected);
        network.next = {401, R"({"error":{"code":"unauthorized","message":"session ended; sign in again"}})"};
        // A wrong PIN is a 401 too, but to no credential: nobody was signed out.
        api.setStaffCredential(u"token-1"_s);
        QVERIFY(!(await<StaffSession>([&](auto done) { api.signIn(u"kim"_s, u"0000"_s, this, done); })).ok());
        QCOMPARE(rejected.size(), 0);
        // The credential in use: told.
        const auto r = await<QList<StaffAccount>>([&](auto done) { api.staffAccounts(this, done); });
        QVERIFY(r.error().isUnauthenticated());
        QCOMPARE(rejected.size(), 1);
        // An answer to a credential replaced while it was out says nothing about the new one.
        ApiJob *stale = api.staffAccounts(this, [](const ApiResult<QList<StaffAccount>> &) {});
        api.setStaffCredential(u"token-2"_s);
        QSignalSpy staleDone(stale, &ApiJob::finished);
        QVERIFY(staleDone.wait(5000));
        QCOMPARE(rejected.size(), 1);
        // A 403 (a role too low) is not a sign-out either.
        network.next = {403, R"({"error":{"code":"forbidden","message":"this needs the role admin"}})"};
        QVERIFY(!(await<QList<StaffAccount>>([&](auto done) { api.staffAccounts(this, done); })).ok());
        QCOMPARE(rejected.size(), 1);
    }

    void rateLimited_readsRetryAfter()
    {
        ScriptedNetwork network;
        ApiClient api(&network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        network.next = {429, R"({"error":{"code":"rate_limited","message":"too many failed sign-ins"}})",
                        QNetworkReply::NoError, false, {{"Retry-After", "240"}}};
        auto r = await<StaffSession>([&](auto done) { api.signIn(u"kim"_s, u"1357"_s, this, done); });
        QCOMPARE(r.error().httpStatus, 429);
        QCOMPARE(r.error().code, u"rate_limited"_s);
        QCOMPARE(r.error().retryAfterSeconds, 240);
        QCOMPARE(r.error().serverMessage, u"too many failed sign-ins"_s);
        // Without the header, the body's retryAfterSeconds; with neither, 0.
        network.next = {429, R"({"error":{"code":"rate_limited","message":"wait","retryAfterSeconds":75}})"};
        r = await<StaffSession>([&](auto done) { api.signIn(u"kim"_s, u"1357"_s, this, done); });
        QCOMPARE(r.error().retryAfterSeconds, 75);
        network.next = {429, R"({"error":{"code":"rate_limited","message":"wait"}})"};
        r = await<StaffSession>([&](auto done) { api.signIn(u"kim"_s, u"1357"_s, this, done); });
        QCOMPARE(r.error().retryAfterSeconds, 0);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
