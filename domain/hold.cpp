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

QJsonObject HeldHold::toJson() const
{
    QJsonObject o = hold.toJson();
    o.insert(u"staff"_s, staff);
    return o;
}

Result<HeldHold> HeldHold::fromJson(const QJsonValue &json, const QString &path)
{
    auto decoded = Hold::fromJson(json, path);
    if (!decoded)
        return decoded.error();
    JsonReader r(json, path);
    HeldHold h;
    h.hold = std::move(decoded).value();
    h.staff = r.boolean(u"staff");
    return r.finish(h);
}

QJsonObject HeldHolds::toJson() const
{
    QJsonArray list;
    for (const HeldHold &h : holds)
        list.append(h.toJson());
    return {{u"performanceId"_s, performanceId}, {u"holds"_s, list}};
}

Result<HeldHolds> HeldHolds::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    HeldHolds h;
    h.performanceId = r.string(u"performanceId");
    h.holds = r.list<HeldHold>(u"holds");
    return r.finish(h);
}

} // namespace BoxOffice
