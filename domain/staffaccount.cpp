#include "domain/staffaccount.h"

#include "domain/enumnames.h"
#include "domain/jsonreader.h"

#include <QJsonArray>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

constexpr EnumNames<StaffRole, 3> RoleNames{
    {{StaffRole::Clerk, u"clerk"}, {StaffRole::Manager, u"manager"}, {StaffRole::Admin, u"admin"}}};

QJsonValue optional(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue();
}

} // namespace

QString staffRoleName(StaffRole role)
{
    return nameOf(RoleNames, role);
}

std::optional<StaffRole> staffRoleFromName(QStringView name)
{
    return fromName(RoleNames, name);
}

bool isValidStaffPin(QStringView pin)
{
    if (pin.size() < 4 || pin.size() > 12)
        return false;
    for (QChar c : pin)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

QJsonObject StaffAccount::toJson() const
{
    return {{u"id"_s, optional(id)},
            {u"login"_s, login},
            {u"name"_s, name},
            {u"role"_s, staffRoleName(role)},
            {u"active"_s, active}};
}

Result<StaffAccount> StaffAccount::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    StaffAccount a;
    a.id = r.optionalString(u"id");
    a.login = r.string(u"login");
    a.name = r.string(u"name");
    a.role = r.oneOf(u"role", RoleNames);
    if (!r.value(u"active").isUndefined())
        a.active = r.boolean(u"active");
    return r.finish(a);
}

Result<QList<StaffAccount>> StaffAccount::listFromJson(const QJsonValue &json)
{
    JsonReader r(json);
    QList<StaffAccount> staff = r.list<StaffAccount>(u"staff");
    return r.finish(staff);
}

QJsonObject NewStaffAccount::toJson() const
{
    return {{u"login"_s, login}, {u"name"_s, name}, {u"role"_s, staffRoleName(role)}, {u"pin"_s, pin}};
}

Result<NewStaffAccount> NewStaffAccount::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    NewStaffAccount a;
    a.login = r.string(u"login");
    a.name = r.string(u"name");
    a.role = r.oneOf(u"role", RoleNames);
    a.pin = r.string(u"pin");
    return r.finish(a);
}

QJsonObject StaffAccountChange::toJson() const
{
    QJsonObject o;
    if (name)
        o.insert(u"name"_s, *name);
    if (role)
        o.insert(u"role"_s, staffRoleName(*role));
    if (pin)
        o.insert(u"pin"_s, *pin);
    if (active)
        o.insert(u"active"_s, *active);
    return o;
}

Result<StaffAccountChange> StaffAccountChange::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    StaffAccountChange c;
    if (!r.value(u"name").isUndefined())
        c.name = r.string(u"name");
    if (!r.value(u"role").isUndefined())
        c.role = r.oneOf(u"role", RoleNames);
    if (!r.value(u"pin").isUndefined())
        c.pin = r.string(u"pin");
    if (!r.value(u"active").isUndefined())
        c.active = r.boolean(u"active");
    return r.finish(c);
}

} // namespace BoxOffice
