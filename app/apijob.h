#pragma once

#include "app/apierror.h"
#include "domain/result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <chrono>
#include <optional>

class QNetworkReply;

namespace BoxOffice {

// One HTTP exchange with the server: owns its reply, aborts it after a timeout,
// and on finished() holds either the JSON body or an ApiError. Deletes itself
// after finished() has been delivered.
class ApiJob : public QObject
{
    Q_OBJECT
public:
    ApiJob(QNetworkReply *reply, std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~ApiJob() override;

    void abort();
    // Big answers (a 60,000-seat layout): keep the bytes unparsed, so the parse can
    // run off the GUI thread; result() then holds a null value on success.
    void setKeepRawBody(bool keep) { m_keepRaw = keep; }
    QByteArray rawBody() const { return m_raw; }
    const Result<QJsonValue, ApiError> &result() const { return *m_result; }
    int httpStatus() const { return m_status; }
    // The server's Date header, when it sent one.
    std::optional<QDateTime> serverTime() const { return m_serverTime; }

Q_SIGNALS:
    void finished();

private:
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    bool m_timedOut = false;
    QList<QSslError> m_sslErrors;
    bool m_keepRaw = false;
    QByteArray m_raw;
    int m_status = 0;
    std::optional<QDateTime> m_serverTime;
    std::optional<Result<QJsonValue, ApiError>> m_result;
};

} // namespace BoxOffice
