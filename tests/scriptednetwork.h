#pragma once

// A QNetworkAccessManager whose answers a test decides: for client error paths and for
// driving client state machines without a server. Each request gets the script of the
// first route whose method and path prefix match (routes added later win), else `next`.
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cstring>

namespace BoxOffice::Test {

using namespace Qt::StringLiterals;

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
        QList<QPair<QByteArray, QByteArray>> headers = {};  // raw response headers (e.g. Retry-After)
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
                for (const auto &[name, value] : script.headers)
                    setRawHeader(name, value);
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
        std::memcpy(data, m_body.constData() + m_read, size_t(n));
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
    struct Route
    {
        QByteArray method;
        QString pathPrefix;
        ScriptedReply::Script script;
    };
    struct Request
    {
        QByteArray method;
        QString path;
        QByteArray body;
        QByteArray authorization = {};  // the Authorization header sent, if any
    };

    ScriptedReply::Script next;
    QList<Route> routes;
    QList<Request> requests;  // every request made, in order

    void route(const QByteArray &method, const QString &pathPrefix, ScriptedReply::Script script)
    {
        routes.prepend({method, pathPrefix, std::move(script)});
    }
    qsizetype count(const QByteArray &method, const QString &pathPrefix) const
    {
        qsizetype n = 0;
        for (const Request &r : requests)
            n += r.method == method && r.path.startsWith(pathPrefix);
        return n;
    }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        QByteArray method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        if (method.isEmpty())
            method = op == GetOperation ? "GET" : op == PostOperation ? "POST" : op == PutOperation ? "PUT"
                     : op == DeleteOperation                          ? "DELETE"
                                                                      : "HEAD";
        requests.append({method, request.url().path(), data ? data->peek(1 << 20) : QByteArray(),
                         request.rawHeader("Authorization")});
        for (const Route &r : std::as_const(routes))
            if (r.method == method && request.url().path().startsWith(r.pathPrefix))
                return new ScriptedReply(request, op, r.script, this);
        return new ScriptedReply(request, op, next, this);
    }
};

} // namespace BoxOffice::Test
