#include "domain/queueticket.h"

#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {
constexpr EnumNames<QueueTicket::State, 3> StateNames{{{QueueTicket::State::Waiting, u"waiting"},
                                                      {QueueTicket::State::Active, u"active"},
                                                      {QueueTicket::State::Expired, u"expired"}}};
} // namespace

QString QueueTicket::stateName(State state)
{
    return nameOf(StateNames, state);
}

std::optional<QueueTicket::State> QueueTicket::stateFromName(QStringView name)
{
    return fromName(StateNames, name);
}

QJsonObject QueueTicket::toJson() const
{
    QJsonObject o{{u"token"_s, token},
                  {u"concertId"_s, concertId},
                  {u"status"_s, stateName(state)},
                  {u"waiting"_s, waiting}};
    if (position)
        o.insert(u"position"_s, *position);
    if (ahead)
        o.insert(u"ahead"_s, *ahead);
    if (etaSeconds)
        o.insert(u"etaSeconds"_s, *etaSeconds);
    if (expiresAt)
        o.insert(u"expiresAt"_s, formatTime(*expiresAt));
    if (preQueue)
        o.insert(u"preQueue"_s, true);
    if (paused)
        o.insert(u"paused"_s, true);
    if (opensAt)
        o.insert(u"opensAt"_s, formatTime(*opensAt));
    return o;
}

Result<QueueTicket> QueueTicket::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    QueueTicket t;
    t.token = r.string(u"token");
    t.concertId = r.string(u"concertId");
    t.state = r.oneOf(u"status", StateNames);
    t.waiting = int(r.integer(u"waiting"));
    if (auto v = r.optionalInteger(u"position"))
        t.position = int(*v);
    if (auto v = r.optionalInteger(u"ahead"))
        t.ahead = int(*v);
    if (auto v = r.optionalInteger(u"etaSeconds"))
        t.etaSeconds = int(*v);
    t.expiresAt = r.optionalTime(u"expiresAt");
    t.preQueue = r.value(u"preQueue").toBool(false);
    t.paused = r.value(u"paused").toBool(false);
    t.opensAt = r.optionalTime(u"opensAt");
    if (r.ok() && t.state == State::Waiting && !t.position)
        r.fail(u"position", u"is required while waiting"_s);
    return r.finish(t);
}

} // namespace BoxOffice
