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
