#pragma once

#include "domain/staffaccount.h"

#include <QDateTime>

#include <optional>

namespace BoxOffice {

// A staff session:
//   POST /api/v1/staff/sessions → 201 {"token","expiresAt","staff":{…}}
//   GET /api/v1/staff/sessions/current → 200 {"expiresAt","staff":{…}} (no token)
// The configured staff key has no session: "expiresAt" is null and "staff" names the key.
struct StaffSession
{
    QString token;                       // only in the sign-in answer; never logged
    std::optional<QDateTime> expiresAt;  // none: the staff key, which does not expire
    StaffAccount staff;

    QJsonObject toJson() const;
    static Result<StaffSession> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const StaffSession &, const StaffSession &) = default;
};

} // namespace BoxOffice
