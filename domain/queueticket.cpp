#include "domain/queueticket.h"

#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

QString QueueTicket::stateName(State state)
{
    switch (state) {
    case State::Waiting: return u"waiting"_s;
    case State::Active: return u"active"_s;
    case State::Expired: return u"expired"_s;
    }
    return {};
}

std::optional<QueueTicket::State> QueueTicket::stateFromName(QStringView name)
{
    for (State s : {State::Waiting, State::Active, State::Expired})
        if (name == stateName(s))
            return s;
    return std::nullopt;
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
    const QString status = r.string(u"status");
    if (r.ok()) {
        if (auto s = stateFromName(status))
            t.state = *s;
        else
            r.fail(u"status", u"expected waiting, active or expired"_s);
    }
    t.waiting = int(r.integer(u"waiting"));
    if (auto v = r.optionalInteger(u"position"))
        t.position = int(*v);
    if (auto v = r.optionalInteger(u"ahead"))
        t.ahead = int(*v);
    if (auto v = r.optionalInteger(u"etaSeconds"))
        t.etaSeconds = int(*v);
    t.expiresAt = r.optionalTime(u"expiresAt");
    t.preQueue = r.value(u"preQueue").toBool(false);
    t.opensAt = r.optionalTime(u"opensAt");
    if (r.ok() && t.state == State::Waiting && !t.position)
        r.fail(u"position", u"is required while waiting"_s);
    return r.finish(t);
}

} // namespace BoxOffice
