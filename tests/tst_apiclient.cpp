// ApiClient's error paths through a scripted network manager: timeout, 409 with the
// seats named, 503, a dropped connection, an answer that is not what API.md says.
#include "app/apiclient.h"
#include "scriptednetwork.h"

#include <QJsonArray>
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
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
