#include "domain/health.h"

#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject Health::toJson() const
{
    return {{u"status"_s, status}, {u"queueStore"_s, queueStore}, {u"database"_s, database}};
}

Result<Health> Health::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Health h;
    h.status = r.string(u"status");
    h.queueStore = r.string(u"queueStore");
    h.database = r.string(u"database");
    return r.finish(h);
}

} // namespace BoxOffice
