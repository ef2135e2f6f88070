#include "domain/ranking.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject RankingEntry::toJson() const
{
    return {{u"rank"_s, rank},
            {u"concertId"_s, concertId},
            {u"title"_s, title},
            {u"bookingShare"_s, bookingShare},
            {u"soldRatio"_s, soldRatio},
            {u"soldSeats"_s, soldSeats},
            {u"totalSeats"_s, totalSeats},
            {u"soldOutSeconds"_s, soldOutSeconds ? QJsonValue(*soldOutSeconds) : QJsonValue()},
            {u"velocity"_s, velocity},
            {u"rankChange"_s, rankChange ? QJsonValue(*rankChange) : QJsonValue()}};
}

Result<RankingEntry> RankingEntry::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    RankingEntry e;
    e.rank = int(r.integer(u"rank"));
    e.concertId = r.string(u"concertId");
    e.title = r.string(u"title");
    e.bookingShare = r.number(u"bookingShare");
    e.soldRatio = r.number(u"soldRatio");
    e.soldSeats = int(r.integer(u"soldSeats"));
    e.totalSeats = int(r.integer(u"totalSeats"));
    e.soldOutSeconds = r.optionalInteger(u"soldOutSeconds");
    if (r.value(u"velocity").isDouble())
        e.velocity = r.number(u"velocity");
    if (auto change = r.optionalInteger(u"rankChange"))
        e.rankChange = int(*change);
    if (r.ok() && (e.bookingShare < 0 || e.bookingShare > 1))
        r.fail(u"bookingShare", u"must be between 0 and 1"_s);
    return r.finish(e);
}

namespace {
constexpr EnumNames<Ranking::Window, 3> WindowNames{
    {{Ranking::Window::Day, u"day"}, {Ranking::Window::Week, u"week"}, {Ranking::Window::All, u"all"}}};
} // namespace

QString Ranking::windowName(Window window)
{
    return nameOf(WindowNames, window);
}

std::optional<Ranking::Window> Ranking::windowFromName(QStringView name)
{
    return fromName(WindowNames, name);
}

QJsonObject Ranking::toJson() const
{
    QJsonArray list;
    for (const auto &e : entries)
        list.append(e.toJson());
    return {{u"window"_s, windowName(window)}, {u"generatedAt"_s, formatTime(generatedAt)}, {u"entries"_s, list}};
}

Result<Ranking> Ranking::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Ranking rk;
    rk.window = r.oneOf(u"window", WindowNames);
    rk.generatedAt = r.time(u"generatedAt");
    rk.entries = r.list<RankingEntry>(u"entries");
    return r.finish(rk);
}

} // namespace BoxOffice
