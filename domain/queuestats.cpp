#include "domain/queuestats.h"

#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject QueueStats::toJson() const
{
    return {{u"concertId"_s, concertId},   {u"waiting"_s, waiting},
            {u"active"_s, active},         {u"capacity"_s, capacity},
            {u"sessionSeconds"_s, sessionSeconds}, {u"paused"_s, paused},
            {u"admittedLastMinute"_s, admittedLastMinute}};
}

Result<QueueStats> QueueStats::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    QueueStats s;
    s.concertId = r.string(u"concertId");
    s.waiting = int(r.integer(u"waiting"));
    s.active = int(r.integer(u"active"));
    s.capacity = int(r.integer(u"capacity"));
    s.sessionSeconds = int(r.integer(u"sessionSeconds"));
    s.paused = r.boolean(u"paused");
    s.admittedLastMinute = int(r.integer(u"admittedLastMinute"));
    return r.finish(s);
}

} // namespace BoxOffice
