#pragma once

#include "domain/result.h"

#include <QJsonObject>
#include <QString>

namespace BoxOffice::Server {

// A domain error, as services report it. http/httpresponse maps it to a status
// and the API.md error body in one place.
struct Failure
{
    enum class Code {
        BadRequest,
        Unauthorized,
        Forbidden,
        NotFound,
        MethodNotAllowed,
        UpgradeRequired,  // a plain request to a WebSocket endpoint
        Conflict,
        SeatUnavailable,
        PayloadTooLarge,
        HeaderTooLarge,  // a request header over the front's limit (431)
        RateLimited,
        Unavailable,
        Internal,
    };

    Code code = Code::Internal;
    QString message;
    QJsonObject details;  // extra members of the error object, e.g. "seats"
};

template <typename T> using Outcome = Result<T, Failure>;

} // namespace BoxOffice::Server
