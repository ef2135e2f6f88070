// ApiClient's error paths through a scripted network manager: timeout, 409 with the
// seats named, 503, a dropped connection, an answer that is not what API.md says.
#include "app/apiclient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

using namespace BoxOffice;
using namespace Qt::StringLiterals;

namespace {

// A reply whose outcome the test decides: a status and a body, a network error, or nothing ever.
class ScriptedReply : public QNetworkReply
{
public:
    struct Script
    {
        int status = 200;
        QByteArray body;
        NetworkError error = NoError;
        bool never = false;
    };

    ScriptedReply(const QNetworkRequest &request, QNetworkAccessManager::Operation op, Script script, QObject *parent)
        : QNetworkReply(parent), m_body(script.body)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly);
        if (script.never)
            return;
        QTimer::singleShot(0, this, [this, script] {
            if (script.error != NoError) {
                setError(script.error, u"scripted failure"_s);
                Q_EMIT errorOccurred(script.error);
            } else {
                setAttribute(QNetworkRequest::HttpStatusCodeAttribute, script.status);
                if (script.status >= 400)
                    setError(ProtocolInvalidOperationError, u"HTTP error"_s);
            }
            setFinished(true);
            Q_EMIT readyRead();
            Q_EMIT finished();
        });
    }
    void abort() override
    {
        if (isFinished())
            return;
        setError(OperationCanceledError, u"aborted"_s);
        setFinished(true);
        Q_EMIT finished();
    }
    qint64 bytesAvailable() const override { return m_body.size() - m_read + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = qMin(max, m_body.size() - m_read);
        memcpy(data, m_body.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }

private:
    QByteArray m_body;
    qint64 m_read = 0;
};

class ScriptedNetwork : public QNetworkAccessManager
{
public:
    ScriptedReply::Script next;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *) override
    {
        return new ScriptedReply(request, op, next, this);
    }
};

} // namespace

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
