#include "app/apierror.h"

#include "app/tlstrust.h"
#include "domain/errorbody.h"
#include "domain/jsonreader.h"

#include <QLoggingCategory>
#include <QNetworkReply>

namespace BoxOffice {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNet, "boxoffice.client.net")

ApiError ApiError::fromReply(const QNetworkReply *reply, const QByteArray &body, bool timedOut,
                            const QList<QSslError> &sslErrors)
{
    ApiError e;
    // Never log the URL's query or headers: tokens travel there.
    const QString where = reply->url().path();
    if (timedOut) {
        e.kind = Kind::Timeout;
        e.message = tr("The server did not answer in time.");
        qCWarning(lcNet) << "timeout:" << where;
        return e;
    }
    e.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (e.httpStatus >= 400) {
        e.kind = Kind::Http;
        if (auto json = parseJson(body); json.ok()) {
            if (auto error = ErrorBody::fromJson(json.value()); error.ok()) {
                e.code = error.value().code;
                e.details = error.value().details;
                e.serverMessage = error.value().message;
            }
        }
        bool seconds = false;
        const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&seconds);
        if (seconds && retryAfter > 0)
            e.retryAfterSeconds = retryAfter;
        else if (const QJsonValue wait = e.details.value(u"retryAfterSeconds"_s); wait.isDouble() && wait.toInt() > 0)
            e.retryAfterSeconds = wait.toInt();
        switch (e.httpStatus) {
        case 400: e.message = tr("The server could not accept this request."); break;
        case 401:
        case 403: e.message = tr("You are not allowed to do this."); break;
        case 404: e.message = tr("This item no longer exists."); break;
        case 409: e.message = tr("Someone else was faster: these seats are no longer available."); break;
        case 429: e.message = tr("Too many requests. Please wait a moment and try again."); break;
        case 503: e.message = tr("The box office is temporarily unavailable. Please try again shortly."); break;
        default: e.message = tr("The server reported an error (%1).").arg(e.httpStatus); break;
        }
        qCWarning(lcNet) << "HTTP" << e.httpStatus << e.code << where;
        return e;
    }
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        e.kind = Kind::Cancelled;
        e.message = tr("The request was cancelled.");
        return e;
    }
    if (!sslErrors.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError) {
        e.kind = Kind::Certificate;
        e.message = sslErrors.isEmpty()
                        ? tr("The connection to %1 is not safe, so BoxOffice did not use it: the secure handshake "
                             "failed (is it an https:// server?).")
                              .arg(reply->url().host())
                        : TlsTrust::describe(sslErrors, reply->url().host());
        qCWarning(lcNet) << "certificate refused:" << reply->url().host() << sslErrors;
        return e;
    }
    e.kind = Kind::Network;
    e.message = tr("The server cannot be reached. Check the connection and try again.");
    qCWarning(lcNet) << "network error" << reply->error() << where;
    return e;
}

ApiError ApiError::decodeError(const QString &technical)
{
    qCWarning(lcNet) << "unexpected answer:" << technical;
    ApiError e;
    e.kind = Kind::Decode;
    e.message = tr("The server sent an answer this version of BoxOffice does not understand.");
    return e;
}

} // namespace BoxOffice
