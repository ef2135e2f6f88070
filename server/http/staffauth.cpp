#include "server/http/staffauth.h"

#include "domain/jsonreader.h"
#include "server/staff/staffservice.h"

#include <QCryptographicHash>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

bool StaffAuth::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Compare digests, so the time depends on neither the length nor the content.
    const QByteArray da = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray db = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (qsizetype i = 0; i < da.size(); ++i)
        diff |= static_cast<unsigned char>(da[i] ^ db[i]);
    return diff == 0;
}

QByteArray StaffAuth::bearer(const HttpRequest &request)
{
    const QByteArray header = request.header("authorization");
    return header.startsWith("Bearer ") ? header.mid(7).trimmed() : QByteArray();
}

Outcome<StaffActor> StaffAuth::require(const HttpRequest &request, StaffRole least) const
{
    const QByteArray header = request.header("authorization");
    if (header.isEmpty())
        return Failure{Failure::Code::Unauthorized, u"staff credentials required (Authorization: Bearer <token>)"_s, {}};
    if (!header.startsWith("Bearer "))
        return Failure{Failure::Code::Forbidden, u"the Authorization header must be \"Bearer <token>\""_s, {}};
    auto actor = m_staff->authenticate(bearer(request));
    if (!actor)
        return actor.error();
    if (!actor.value().atLeast(least))
        return Failure{Failure::Code::Forbidden,
                       u"this needs the role %1 or above (signed in as %2)"_s.arg(roleName(least),
                                                                                  roleName(actor.value().role)),
                       {{u"role"_s, roleName(least)}}};
    return actor;
}

std::optional<Failure> StaffAuth::check(const HttpRequest &request) const
{
    auto actor = require(request, StaffRole::Clerk);
    if (!actor)
        return actor.error();
    return std::nullopt;
}

Outcome<QJsonObject> jsonObjectBody(const HttpRequest &request)
{
    auto json = parseJson(request.body);
    if (!json)
        return Failure{Failure::Code::BadRequest, u"the body is not valid JSON: "_s + json.error().message, {}};
    if (!json.value().isObject())
        return Failure{Failure::Code::BadRequest, u"the body must be a JSON object"_s, {}};
    return json.value().toObject();
}

} // namespace BoxOffice::Server
