#include "domain/queuehistory.h"

#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject QueueHistory::Sample::toJson() const
{
    return {{u"at"_s, formatTime(at)}, {u"waiting"_s, waiting}, {u"active"_s, active}};
}

Result<QueueHistory::Sample> QueueHistory::Sample::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Sample s;
    s.at = r.time(u"at");
    s.waiting = r.integer(u"waiting");
    s.active = r.integer(u"active");
    if (r.ok() && s.waiting < 0)
        r.fail(u"waiting", u"must not be negative"_s);
    if (r.ok() && s.active < 0)
        r.fail(u"active", u"must not be negative"_s);
    return r.finish(s);
}

QJsonObject QueueHistory::toJson() const
{
    QJsonArray list;
    for (const Sample &s : samples)
        list.append(s.toJson());
    return {{u"concertId"_s, concertId}, {u"samples"_s, list}};
}

Result<QueueHistory> QueueHistory::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    QueueHistory h;
    h.concertId = r.string(u"concertId");
    h.samples = r.list<Sample>(u"samples");
    return r.finish(h);
}

} // namespace BoxOffice
