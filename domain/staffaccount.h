#pragma once

#include "domain/result.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace BoxOffice {

// A staff member's role; each includes the ones below it: clerk < manager < admin.
enum class StaffRole { Clerk, Manager, Admin };

QString staffRoleName(StaffRole role);  // "clerk", "manager", "admin"
std::optional<StaffRole> staffRoleFromName(QStringView name);

// A staff account as the API gives it:
//   GET /api/v1/admin/staff → {"staff":[{"id","login","name","role","active"}]}
// and the "staff" member of a session ({"id","login","name","role"}: no "active"; the
// configured staff key is {"id":null,"login":"(staff key)",…,"role":"admin"}).
struct StaffAccount
{
    std::optional<QString> id;  // none: the configured staff key, not an account
    QString login;
    QString name;
    StaffRole role = StaffRole::Clerk;
    bool active = true;  // absent in a session's "staff": an account that can sign in

    bool isStaffKey() const { return !id.has_value(); }
    bool hasRole(StaffRole least) const { return int(role) >= int(least); }

    QJsonObject toJson() const;
    static Result<StaffAccount> fromJson(const QJsonValue &json, const QString &path = {});
    // {"staff":[…]}
    static Result<QList<StaffAccount>> listFromJson(const QJsonValue &json);
    friend bool operator==(const StaffAccount &, const StaffAccount &) = default;
};

// A new account: POST /api/v1/admin/staff {"login","name","role","pin"}.
struct NewStaffAccount
{
    QString login;
    QString name;
    StaffRole role = StaffRole::Clerk;
    QString pin;  // 4 to 12 digits; never logged, never stored by the client

    QJsonObject toJson() const;
    static Result<NewStaffAccount> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const NewStaffAccount &, const NewStaffAccount &) = default;
};

// A change to an account: PATCH /api/v1/admin/staff/{id} with any of
// {"name","role","pin","active"}; what is unset stays as it is.
struct StaffAccountChange
{
    std::optional<QString> name;
    std::optional<StaffRole> role;
    std::optional<QString> pin;
    std::optional<bool> active;

    bool isEmpty() const { return !name && !role && !pin && !active; }
    QJsonObject toJson() const;
    static Result<StaffAccountChange> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const StaffAccountChange &, const StaffAccountChange &) = default;
};

// Whether `pin` is a PIN the API accepts: 4 to 12 ASCII digits.
bool isValidStaffPin(QStringView pin);

} // namespace BoxOffice
