#include "server/http/httpresponse.h"

#include "domain/errorbody.h"

#include <QJsonDocument>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return raw(QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", status);
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    return raw(QJsonDocument(array).toJson(QJsonDocument::Compact), "application/json", status);
}

HttpResponse HttpResponse::raw(QByteArray body, QByteArray contentType, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.contentType = std::move(contentType);
    return r;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse r;
    r.status = status;
    r.contentType.clear();
    return r;
}

int HttpResponse::statusFor(Failure::Code code)
{
    switch (code) {
    case Failure::Code::BadRequest: return 400;
    case Failure::Code::Unauthorized: return 401;
    case Failure::Code::Forbidden: return 403;
    case Failure::Code::NotFound: return 404;
    case Failure::Code::MethodNotAllowed: return 405;
    case Failure::Code::UpgradeRequired: return 426;
    case Failure::Code::Conflict: return 409;
    case Failure::Code::SeatUnavailable: return 409;
    case Failure::Code::PayloadTooLarge: return 413;
    case Failure::Code::HeaderTooLarge: return 431;
    case Failure::Code::RateLimited: return 429;
    case Failure::Code::Unavailable: return 503;
    case Failure::Code::Internal: return 500;
    }
    return 500;
}

QString HttpResponse::codeName(Failure::Code code)
{
    switch (code) {
    case Failure::Code::BadRequest: return u"bad_request"_s;
    case Failure::Code::Unauthorized: return u"unauthorized"_s;
    case Failure::Code::Forbidden: return u"forbidden"_s;
    case Failure::Code::NotFound: return u"not_found"_s;
    case Failure::Code::MethodNotAllowed: return u"method_not_allowed"_s;
    case Failure::Code::UpgradeRequired: return u"upgrade_required"_s;
    case Failure::Code::Conflict: return u"conflict"_s;
    case Failure::Code::SeatUnavailable: return u"seat_unavailable"_s;
    case Failure::Code::PayloadTooLarge: return u"payload_too_large"_s;
    case Failure::Code::HeaderTooLarge: return u"header_too_large"_s;
    case Failure::Code::RateLimited: return u"rate_limited"_s;
    case Failure::Code::Unavailable: return u"unavailable"_s;
    case Failure::Code::Internal: return u"internal"_s;
    }
    return u"internal"_s;
}

ErrorBody HttpResponse::errorBody(const Failure &failure)
{
    return ErrorBody{codeName(failure.code), failure.message, failure.details};
}

HttpResponse HttpResponse::error(const Failure &failure)
{
    HttpResponse response = json(errorBody(failure).toJson(), statusFor(failure.code));
    if (const QJsonValue wait = failure.details.value(u"retryAfterSeconds"_s); wait.isDouble())
        response.withHeader("Retry-After", QByteArray::number(wait.toInteger()));
    return response;
}

HttpResponse HttpResponse::error(Failure::Code code, const QString &message, const QJsonObject &details)
{
    return error(Failure{code, message, details});
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 417: return "Expectation Failed";
    case 431: return "Request Header Fields Too Large";
    case 426: return "Upgrade Required";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return {};
    }
}

QByteArray HttpResponse::toHttp11(bool close) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return out;
}

HttpResponse &HttpResponse::withHeader(QByteArray name, QByteArray value)
{
    headers.append({std::move(name), std::move(value)});
    return *this;
}

} // namespace BoxOffice::Server
