#include "domain/staffsession.h"

#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject StaffSession::toJson() const
{
    QJsonObject o{{u"expiresAt"_s, expiresAt ? QJsonValue(formatTime(*expiresAt)) : QJsonValue()},
                  {u"staff"_s, staff.toJson()}};
    if (!token.isEmpty())
        o.insert(u"token"_s, token);
    return o;
}

Result<StaffSession> StaffSession::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    StaffSession s;
    s.token = r.optionalString(u"token").value_or(QString());
    s.expiresAt = r.optionalTime(u"expiresAt");
    s.staff = r.object<StaffAccount>(u"staff");
    return r.finish(s);
}

} // namespace BoxOffice
