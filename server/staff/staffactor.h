#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace BoxOffice::Server {

// Staff roles, each allowed what the one below it is: a route names its least role.
enum class StaffRole { Clerk = 1, Manager = 2, Admin = 3 };

QString roleName(StaffRole role);
std::optional<StaffRole> roleFromName(const QString &name);

// Who a staff request is from: a signed-in account, or the configured staff key (the
// bootstrap admin, with no account: an empty staffId).
struct StaffActor
{
    QString staffId;
    QString login;
    QString name;
    StaffRole role = StaffRole::Clerk;
    qint64 expiresAtMs = 0;  // the session's end; 0 for the staff key

    bool isBootstrap() const { return staffId.isEmpty(); }
    bool atLeast(StaffRole least) const { return int(role) >= int(least); }
    // API.md's staff object: {"id","login","name","role"} (id null for the staff key).
    QJsonObject toJson() const;

    static StaffActor bootstrap();
};

// How the audit log names the staff key, and set-up from the command line.
inline const QString BootstrapLogin = QStringLiteral("(staff key)");
inline const QString CommandLineLogin = QStringLiteral("(command line)");

} // namespace BoxOffice::Server
