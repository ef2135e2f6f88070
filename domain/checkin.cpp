#include "domain/checkin.h"

#include "domain/enumnames.h"
#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

constexpr EnumNames<CheckIn::Verdict, 5> VerdictNames{{
    {CheckIn::Verdict::Valid, u"valid"},
    {CheckIn::Verdict::AlreadyUsed, u"already_used"},
    {CheckIn::Verdict::Revoked, u"revoked"},
    {CheckIn::Verdict::Refunded, u"refunded"},
    {CheckIn::Verdict::WrongPerformance, u"wrong_performance"},
}};

} // namespace

QString CheckIn::verdictName(Verdict verdict)
{
    return nameOf(VerdictNames, verdict);
}

std::optional<CheckIn::Verdict> CheckIn::verdictFromName(QStringView name)
{
    return fromName(VerdictNames, name);
}

QJsonObject CheckIn::toJson() const
{
    QJsonObject o{{u"result"_s, verdictName(verdict)}, {u"orderCode"_s, orderCode}};
    if (ticket)
        o.insert(u"ticket"_s, ticket->toJson());
    if (usedAt)
        o.insert(u"usedAt"_s, formatTime(*usedAt));
    return o;
}

Result<CheckIn> CheckIn::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    CheckIn c;
    c.verdict = r.oneOf(u"result", VerdictNames);
    c.orderCode = r.optionalString(u"orderCode").value_or(QString());
    if (r.value(u"ticket").isObject())
        c.ticket = r.object<Ticket>(u"ticket");
    c.usedAt = r.optionalTime(u"usedAt");
    return r.finish(c);
}

} // namespace BoxOffice
