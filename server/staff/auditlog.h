#pragma once

#include "server/failure.h"
#include "server/staff/staffactor.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace BoxOffice::Server {

class SqlDatabase;

// One staff write, as the audit log records it: who, what, on what, and the details.
struct AuditEntry
{
    StaffActor actor;
    QString action;   // e.g. "order.sale", "queue.settings", "staff.create"
    QString target;   // the id of what changed: an order, a hold, a concert, an account
    QJsonObject details;
};

struct AuditFilter
{
    QString staffId;
    QString login;
    QString action;
    std::optional<qint64> fromMs;  // inclusive
    std::optional<qint64> toMs;    // inclusive
    int limit = 100;
};

// The append-only audit table (migration 6; triggers refuse UPDATE and DELETE). Staff
// writes append their entry inside their own transaction, through append(): the
// change and its entry commit together or not at all.
class AuditLog
{
public:
    explicit AuditLog(SqlDatabase *database) : m_database(database) {}

    // Appends in the connection's open transaction (or alone: one statement).
    Outcome<bool> append(const AuditEntry &entry, qint64 nowMs);
    // API.md's entries, newest first.
    Outcome<QJsonArray> read(const AuditFilter &filter);

private:
    SqlDatabase *m_database;
};

} // namespace BoxOffice::Server
