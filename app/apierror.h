#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

class QNetworkReply;
class QSslError;

namespace BoxOffice {

// Why a call to the server failed, with a message for the user (translated).
// One function, fromReply(), makes these from every failed exchange.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)
public:
    enum class Kind {
        Network,      // connection refused, reset, host not found
        Certificate,  // an https:// server whose certificate is not trusted (message says why)
        Timeout,      // no complete answer in time
        Http,         // the server answered with an error status (see code)
        Decode,       // the answer was not what API.md promises
        Cancelled,
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;   // Http: the status
    QString code;         // Http: the API error code, e.g. "not_found"
    QString message;      // for the user, translated
    QJsonObject details;  // Http: the error object's other members
    QString serverMessage;  // Http: the error body's "message", as the server wrote it (untranslated)
    int retryAfterSeconds = 0;  // Http: the Retry-After header (429), when given in seconds

    // The server could not be reached (refused, reset, no answer in time): worth
    // trying again later, and the offline views apply.
    // (Not a refused certificate: that is no passing outage, and the user must read why.)
    bool isUnreachable() const { return kind == Kind::Network || kind == Kind::Timeout; }
    // The server answered that the caller may not do this (credential refused).
    bool isRefused() const { return kind == Kind::Http && (httpStatus == 401 || httpStatus == 403); }
    // 401: the credential is not (or no longer) one the server knows: nobody is signed in.
    bool isUnauthenticated() const { return kind == Kind::Http && httpStatus == 401; }
    // The server answered at all (any status): it is there.
    bool serverAnswered() const { return kind == Kind::Http; }

    // A failed reply (timedOut: our own timer aborted it) and the body read from it.
    // sslErrors: what QNetworkReply::sslErrors said, if anything.
    static ApiError fromReply(const QNetworkReply *reply, const QByteArray &body, bool timedOut,
                              const QList<QSslError> &sslErrors = {});
    static ApiError decodeError(const QString &technical);
};

} // namespace BoxOffice
