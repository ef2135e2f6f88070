#pragma once

#include "server/failure.h"
#include "server/http/httprequest.h"

namespace BoxOffice::Server {

// The staff credential: "Authorization: Bearer <key>", compared in constant time.
// None given: 401; a wrong one, or no key configured on the server: 403.
class StaffAuth
{
public:
    explicit StaffAuth(QString key) : m_key(key.toUtf8()) {}

    std::optional<Failure> check(const HttpRequest &request) const;
    bool isStaff(const HttpRequest &request) const { return !check(request); }

    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

private:
    QByteArray m_key;
};

// The request body as a JSON object, or a 400 naming what is wrong with it.
Outcome<QJsonObject> jsonObjectBody(const HttpRequest &request);

} // namespace BoxOffice::Server
