#include "domain/errorbody.h"

#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject ErrorBody::toJson() const
{
    QJsonObject inner = details;
    inner.insert(u"code"_s, code);
    inner.insert(u"message"_s, message);
    return {{u"error"_s, inner}};
}

Result<ErrorBody> ErrorBody::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader outer(json, path);
    const QJsonValue innerValue = outer.value(u"error");
    if (outer.ok() && innerValue.isUndefined())
        outer.fail(u"error", u"is required"_s);
    if (!outer.ok())
        return outer.error();
    JsonReader r(innerValue, path.isEmpty() ? u"error"_s : path + u".error");
    ErrorBody e;
    e.code = r.string(u"code");
    e.message = r.string(u"message");
    if (!r.ok())
        return r.error();
    e.details = innerValue.toObject();
    e.details.remove(u"code"_s);
    e.details.remove(u"message"_s);
    return e;
}

} // namespace BoxOffice
