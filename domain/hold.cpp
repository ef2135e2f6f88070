#include "domain/hold.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject Hold::toJson() const
{
    return {{u"holdId"_s, holdId},
            {u"performanceId"_s, performanceId},
            {u"seats"_s, QJsonArray::fromStringList(seats)},
            {u"expiresAt"_s, formatTime(expiresAt)},
            {u"total"_s, total.toJson()}};
}

Result<Hold> Hold::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Hold h;
    h.holdId = r.string(u"holdId");
    h.performanceId = r.string(u"performanceId");
    h.seats = r.stringList(u"seats");
    h.expiresAt = r.time(u"expiresAt");
    h.total = r.object<Money>(u"total");
    return r.finish(h);
}

} // namespace BoxOffice
