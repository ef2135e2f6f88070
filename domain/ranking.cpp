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
            {u"soldOutSeconds"_s, soldOutSeconds ? QJsonValue(*soldOutSeconds) : QJsonValue()}};
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
    if (r.ok() && (e.bookingShare < 0 || e.bookingShare > 1))
        r.fail(u"bookingShare", u"must be between 0 and 1"_s);
    return r.finish(e);
}

QString Ranking::windowName(Window window)
{
    switch (window) {
    case Window::Day: return u"day"_s;
    case Window::Week: return u"week"_s;
    case Window::All: return u"all"_s;
    }
    return {};
}

std::optional<Ranking::Window> Ranking::windowFromName(QStringView name)
{
    for (Window w : {Window::Day, Window::Week, Window::All})
        if (name == windowName(w))
            return w;
    return std::nullopt;
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
    const QString window = r.string(u"window");
    if (r.ok()) {
        if (auto w = windowFromName(window))
            rk.window = *w;
        else
            r.fail(u"window", u"expected day, week or all"_s);
    }
    rk.generatedAt = r.time(u"generatedAt");
    rk.entries = r.list<RankingEntry>(u"entries");
    return r.finish(rk);
}

} // namespace BoxOffice
