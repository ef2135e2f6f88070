#pragma once

#include "app/apierror.h"
#include "domain/result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
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
    int m_status = 0;
    std::optional<QDateTime> m_serverTime;
    std::optional<Result<QJsonValue, ApiError>> m_result;
};

} // namespace BoxOffice
