#include "domain/seatlayout.h"

#include "domain/jsonreader.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject Section::toJson() const
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"tier"_s, tier}};
}

Result<Section> Section::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Section s;
    s.id = r.string(u"id");
    s.name = r.string(u"name");
    s.tier = r.string(u"tier");
    return r.finish(s);
}

QJsonObject Tier::toJson() const
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"price"_s, price.toJson()}};
}

Result<Tier> Tier::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Tier t;
    t.id = r.string(u"id");
    t.name = r.string(u"name");
    t.price = r.object<Money>(u"price");
    return r.finish(t);
}

QJsonObject Seat::toJson() const
{
    return {{u"id"_s, id},         {u"section"_s, section}, {u"row"_s, row}, {u"number"_s, number},
            {u"x"_s, x},           {u"y"_s, y},             {u"tier"_s, tier}};
}

Result<Seat> Seat::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Seat s;
    s.id = r.string(u"id");
    s.section = r.string(u"section");
    s.row = r.string(u"row");
    s.number = int(r.integer(u"number"));
    s.x = r.number(u"x");
    s.y = r.number(u"y");
    s.tier = r.string(u"tier");
    return r.finish(s);
}

QJsonObject SeatLayout::toJson() const
{
    QJsonArray sectionArray, tierArray, seatArray;
    for (const auto &s : sections)
        sectionArray.append(s.toJson());
    for (const auto &t : tiers)
        tierArray.append(t.toJson());
    for (const auto &s : seats)
        seatArray.append(s.toJson());
    return {{u"performanceId"_s, performanceId},
            {u"venue"_s, QJsonObject{{u"id"_s, venueId}, {u"name"_s, venueName}}},
            {u"sections"_s, sectionArray},
            {u"tiers"_s, tierArray},
            {u"seats"_s, seatArray}};
}

Result<SeatLayout> SeatLayout::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    SeatLayout l;
    l.performanceId = r.string(u"performanceId");
    JsonReader venue(r.value(u"venue"), path.isEmpty() ? u"venue"_s : path + u".venue");
    l.venueId = venue.string(u"id");
    l.venueName = venue.string(u"name");
    if (!venue.ok())
        r.fail(venue.error());
    l.sections = r.list<Section>(u"sections");
    l.tiers = r.list<Tier>(u"tiers");
    l.seats = r.list<Seat>(u"seats");
    if (!r.ok())
        return r.error();

    // Cross-references: every seat names a known section and tier, ids are unique.
    QSet<QString> sectionIds, tierIds, seatIds;
    for (const auto &s : std::as_const(l.sections))
        sectionIds.insert(s.id);
    for (const auto &t : std::as_const(l.tiers))
        tierIds.insert(t.id);
    seatIds.reserve(l.seats.size());
    for (qsizetype i = 0; i < l.seats.size(); ++i) {
        const Seat &s = l.seats.at(i);
        const QString where = u"seats["_s + QString::number(i) + u']';
        if (!sectionIds.contains(s.section))
            return DecodeError{where, u"unknown section \""_s + s.section + u'"'};
        if (!tierIds.contains(s.tier))
            return DecodeError{where, u"unknown tier \""_s + s.tier + u'"'};
        if (seatIds.contains(s.id))
            return DecodeError{where, u"duplicate seat id \""_s + s.id + u'"'};
        seatIds.insert(s.id);
    }
    return l;
}

} // namespace BoxOffice
