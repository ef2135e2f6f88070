#include "domain/auditentry.h"

#include "domain/jsonreader.h"

#include <QStringList>
#include <QUrl>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject AuditEntry::toJson() const
{
    return {{u"id"_s, id},
            {u"at"_s, formatTime(at)},
            {u"staffId"_s, staffId ? QJsonValue(*staffId) : QJsonValue()},
            {u"login"_s, login},
            {u"action"_s, action},
            {u"target"_s, target},
            {u"details"_s, details}};
}

Result<AuditEntry> AuditEntry::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    AuditEntry e;
    e.id = r.string(u"id");
    e.at = r.time(u"at");
    e.staffId = r.optionalString(u"staffId");
    e.login = r.optionalString(u"login").value_or(QString());
    e.action = r.string(u"action");
    e.target = r.optionalString(u"target").value_or(QString());
    const QJsonValue details = r.value(u"details");
    if (details.isObject())
        e.details = details.toObject();
    else if (!details.isUndefined() && !details.isNull())
        r.fail(u"details", u"expected an object"_s);
    return r.finish(e);
}

Result<QList<AuditEntry>> AuditEntry::listFromJson(const QJsonValue &json)
{
    JsonReader r(json);
    QList<AuditEntry> entries = r.list<AuditEntry>(u"entries");
    return r.finish(entries);
}

QString AuditQuery::toQueryString() const
{
    QStringList parts;
    auto add = [&parts](QStringView key, const QString &value) {
        parts << key.toString() + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    };
    if (staffId)
        add(u"staffId", *staffId);
    if (login)
        add(u"login", *login);
    if (action)
        add(u"action", *action);
    if (from)
        add(u"from", formatTime(*from));
    if (to)
        add(u"to", formatTime(*to));
    add(u"limit", QString::number(limit));
    return parts.join(u'&');
}

} // namespace BoxOffice
