#include "app/apijob.h"

#include "domain/jsonreader.h"

#include <QNetworkReply>

namespace BoxOffice {

ApiJob::ApiJob(QNetworkReply *reply, std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent), m_reply(reply)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(timeout);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, &ApiJob::onFinished);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    m_timer.start();
}

ApiJob::~ApiJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiJob::abort()
{
    if (m_reply)
        m_reply->abort();
}

void ApiJob::onFinished()
{
    m_timer.stop();
    QNetworkReply *reply = m_reply;
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (const QByteArray date = reply->rawHeader("Date"); !date.isEmpty()) {
        // HTTP's IMF-fixdate ends in "GMT", which Qt's RFC 2822 parser wants as "+0000".
        QString text = QString::fromLatin1(date).trimmed();
        if (text.endsWith(u" GMT"))
            text = text.chopped(4) + u" +0000";
        const QDateTime parsed = QDateTime::fromString(text, Qt::RFC2822Date);
        if (parsed.isValid())
            m_serverTime = parsed;
    }
    if (m_timedOut || reply->error() != QNetworkReply::NoError || m_status >= 400) {
        m_result.emplace(ApiError::fromReply(reply, body, m_timedOut, m_sslErrors));
    } else if (body.isEmpty()) {
        m_result.emplace(QJsonValue());
    } else if (m_keepRaw) {
        m_raw = body;
        m_result.emplace(QJsonValue());
    } else if (auto json = parseJson(body); json.ok()) {
        m_result.emplace(json.value());
    } else {
        m_result.emplace(ApiError::decodeError(json.error().toString()));
    }
    reply->deleteLater();
    m_reply = nullptr;
    Q_EMIT finished();
    deleteLater();
}

} // namespace BoxOffice
