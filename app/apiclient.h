#pragma once

#include "app/apierror.h"
#include "app/apijob.h"
#include "domain/concert.h"
#include "domain/health.h"
#include "domain/result.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace BoxOffice {

template <typename T> using ApiResult = Result<T, ApiError>;

// The client's side of ../shared/API.md. Every call is asynchronous and answers
// once, through a callback run in `context`'s thread (and not at all if `context`
// is gone), with a typed value or an ApiError. The network manager is injected.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    template <typename T> using Callback = std::function<void(const ApiResult<T> &)>;

    ApiJob *fetchConcerts(QObject *context, Callback<QList<Concert>> done);
    ApiJob *fetchHealth(QObject *context, Callback<Health> done);

private:
    template <typename T>
    ApiJob *get(const QString &path, std::function<Result<T>(const QJsonValue &)> decode, QObject *context,
                Callback<T> done);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    std::chrono::milliseconds m_timeout{10000};
};

} // namespace BoxOffice
