#pragma once

#include "domain/errorbody.h"
#include "server/failure.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace BoxOffice::Server {

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(const QJsonArray &array, int status = 200);
    static HttpResponse raw(QByteArray body, QByteArray contentType, int status = 200);
    static HttpResponse empty(int status);
    // The one mapping from a domain failure to a status and the API.md error body.
    static HttpResponse error(const Failure &failure);
    static HttpResponse error(Failure::Code code, const QString &message, const QJsonObject &details = {});
    // The API.md error body of a failure: the HTTP answers above and the live
    // channel's error frames ({"type":"error", …this…}) both use it.
    static ErrorBody errorBody(const Failure &failure);

    static int statusFor(Failure::Code code);
    static QString codeName(Failure::Code code);

    HttpResponse &withHeader(QByteArray name, QByteArray value);
    // The whole answer as HTTP/1.1 bytes, for the few answers written straight to a
    // socket (the connection guard's 413); close adds "Connection: close".
    QByteArray toHttp11(bool close) const;
    static QByteArray reasonPhrase(int status);
};

// Maps an Outcome to 200 (or `status`) with its JSON, or to its failure.
template <typename T> HttpResponse respond(const Outcome<T> &outcome, int status = 200)
{
    if (!outcome)
        return HttpResponse::error(outcome.error());
    return HttpResponse::json(outcome.value().toJson(), status);
}

} // namespace BoxOffice::Server
