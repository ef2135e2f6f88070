#include "domain/concert.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject VenueSummary::toJson() const
{
    QJsonObject o{{u"id"_s, id}, {u"name"_s, name}, {u"seatCount"_s, seatCount}};
    if (!timeZone.isEmpty())
        o.insert(u"timeZone"_s, timeZone);
    return o;
}

Result<VenueSummary> VenueSummary::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    VenueSummary v;
    v.id = r.string(u"id");
    v.name = r.string(u"name");
    v.seatCount = int(r.integer(u"seatCount"));
    v.timeZone = r.value(u"timeZone").toString();
    return r.finish(v);
}

QJsonObject PerformanceSummary::toJson() const
{
    return {{u"id"_s, id},
            {u"startsAt"_s, formatTime(startsAt)},
            {u"salesOpenAt"_s, formatTime(salesOpenAt)},
            {u"seatCount"_s, seatCount},
            {u"available"_s, available}};
}

Result<PerformanceSummary> PerformanceSummary::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    PerformanceSummary p;
    p.id = r.string(u"id");
    p.startsAt = r.time(u"startsAt");
    p.salesOpenAt = r.time(u"salesOpenAt");
    p.seatCount = int(r.integer(u"seatCount"));
    p.available = int(r.integer(u"available"));
    if (r.ok() && (p.available < 0 || p.available > p.seatCount))
        r.fail(u"available", u"must be between 0 and seatCount"_s);
    return r.finish(p);
}

QJsonObject Concert::toJson() const
{
    QJsonArray perfs;
    for (const auto &p : performances)
        perfs.append(p.toJson());
    return {{u"id"_s, id},          {u"title"_s, title},          {u"artist"_s, artist},
            {u"genre"_s, genre},    {u"venue"_s, venue.toJson()}, {u"performances"_s, perfs}};
}

Result<Concert> Concert::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Concert c;
    c.id = r.string(u"id");
    c.title = r.string(u"title");
    c.artist = r.string(u"artist");
    c.genre = r.string(u"genre");
    c.venue = r.object<VenueSummary>(u"venue");
    c.performances = r.list<PerformanceSummary>(u"performances");
    return r.finish(c);
}

Result<QList<Concert>> Concert::listFromJson(const QJsonValue &json)
{
    if (!json.isArray())
        return DecodeError{{}, u"expected an array of concerts"_s};
    QList<Concert> out;
    const QJsonArray items = json.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto c = fromJson(items.at(i), u'[' + QString::number(i) + u']');
        if (!c)
            return c.error();
        out.append(std::move(c).value());
    }
    return out;
}

} // namespace BoxOffice
