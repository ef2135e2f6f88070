#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace BoxOffice {

// One line of the audit log:
//   {"id","at","staffId","login","action","target","details"}
// staffId is null for the configured staff key, whose entries read "login":"(staff key)",
// and for what was not done by an account (a failed sign-in of an unknown login).
struct AuditEntry
{
    QString id;
    QDateTime at;
    std::optional<QString> staffId;  // none: the staff key
    QString login;                   // "(staff key)" (or empty) for the staff key
    QString action;                  // e.g. "staff.sign_in", "order.sale"
    QString target;                  // what it was done to (a hold, an order, an account…); may be empty
    QJsonObject details;

    // The configured staff key's entries: no account, and the login "(staff key)" (a
    // failed sign-in of an unknown login has no account either, but its login).
    bool byStaffKey() const { return !staffId && (login.isEmpty() || login == StaffKeyLogin); }
    static constexpr QStringView StaffKeyLogin = u"(staff key)";

    QJsonObject toJson() const;
    static Result<AuditEntry> fromJson(const QJsonValue &json, const QString &path = {});
    // GET /api/v1/admin/audit → {"entries":[…]}, newest first.
    static Result<QList<AuditEntry>> listFromJson(const QJsonValue &json);
    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

// The filters of GET /api/v1/admin/audit?staffId=&login=&action=&from=&to=&limit=
// (login is an addition to API.md: one login exactly). Unset: no filter.
struct AuditQuery
{
    static constexpr int DefaultLimit = 100;
    static constexpr int MaxLimit = 1000;

    std::optional<QString> staffId;
    std::optional<QString> login;
    std::optional<QString> action;
    std::optional<QDateTime> from;
    std::optional<QDateTime> to;
    int limit = DefaultLimit;

    // "staffId=…&action=…&limit=100", each value percent-encoded; times as RFC 3339 UTC.
    QString toQueryString() const;
    friend bool operator==(const AuditQuery &, const AuditQuery &) = default;
};

} // namespace BoxOffice
