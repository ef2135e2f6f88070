#include "app/apiclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace BoxOffice {

using namespace Qt::StringLiterals;

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network) {}

template <typename T>
ApiJob *ApiClient::get(const QString &path, std::function<Result<T>(const QJsonValue &)> decode, QObject *context,
                       Callback<T> done)
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    auto *job = new ApiJob(m_network->get(request), m_timeout, this);
    connect(job, &ApiJob::finished, context, [job, decode = std::move(decode), done = std::move(done)] {
        const auto &result = job->result();
        if (!result)
            return done(result.error());
        auto decoded = decode(result.value());
        if (!decoded)
            return done(ApiError::decodeError(decoded.error().toString()));
        done(std::move(decoded).value());
    });
    return job;
}

ApiJob *ApiClient::fetchConcerts(QObject *context, Callback<QList<Concert>> done)
{
    return get<QList<Concert>>(u"/api/v1/concerts"_s, &Concert::listFromJson, context, std::move(done));
}

ApiJob *ApiClient::fetchHealth(QObject *context, Callback<Health> done)
{
    return get<Health>(u"/healthz"_s, [](const QJsonValue &v) { return Health::fromJson(v); }, context,
                       std::move(done));
}

} // namespace BoxOffice
