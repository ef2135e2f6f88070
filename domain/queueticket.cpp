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

namespace {

void appendString(QByteArray &out, QStringView text)
{
    // As QJsonDocument writes strings: UTF-8, with quotes, backslashes and control
    // characters escaped (the short forms where JSON has them).
    out += '"';
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (uchar(c) < 0x20) {
                out += "\\u00";
                out += "0123456789abcdef"[uchar(c) >> 4];
                out += "0123456789abcdef"[uchar(c) & 15];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

} // namespace

QByteArray QueueTicket::toJsonBytes(QStringView type) const
{
    // Members in QJsonDocument's order (sorted by key), so the text is the same.
    QByteArray out;
    out.reserve(200);
    char sep = '{';
    const auto key = [&](const char *name) {
        out += sep;
        sep = ',';
        out += '"';
        out += name;
        out += "\":";
    };
    if (ahead) {
        key("ahead");
        out += QByteArray::number(*ahead);
    }
    key("concertId");
    appendString(out, concertId);
    if (etaSeconds) {
        key("etaSeconds");
        out += QByteArray::number(*etaSeconds);
    }
    if (expiresAt) {
        key("expiresAt");
        appendString(out, formatTime(*expiresAt));
    }
    if (opensAt) {
        key("opensAt");
        appendString(out, formatTime(*opensAt));
    }
    if (paused) {
        key("paused");
        out += "true";
    }
    if (position) {
        key("position");
        out += QByteArray::number(*position);
    }
    if (preQueue) {
        key("preQueue");
        out += "true";
    }
    key("status");
    appendString(out, stateName(state));
    key("token");
    appendString(out, token);
    if (!type.isNull()) {
        key("type");
        appendString(out, type);
    }
    key("waiting");
    out += QByteArray::number(waiting);
    out += '}';
    return out;
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
