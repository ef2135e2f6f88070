#include "server/http/staffauth.h"

#include "domain/jsonreader.h"

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

std::optional<Failure> StaffAuth::check(const HttpRequest &request) const
{
    const QByteArray header = request.header("authorization");
    if (header.isEmpty())
        return Failure{Failure::Code::Unauthorized, u"staff credentials required (Authorization: Bearer <key>)"_s, {}};
    if (!header.startsWith("Bearer "))
        return Failure{Failure::Code::Forbidden, u"the Authorization header must be \"Bearer <staff key>\""_s, {}};
    const QByteArray given = header.mid(7).trimmed();
    if (m_key.isEmpty() || !constantTimeEquals(given, m_key))
        return Failure{Failure::Code::Forbidden, u"the staff key is not valid"_s, {}};
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
