#pragma once

#include "server/failure.h"
#include "server/queue/queuestore.h"

#include <QHash>

namespace BoxOffice::Server {

class SqlDatabase;
struct AuditEntry;

// Staff's waiting-room settings per concert in SQL (table queue_settings, migration 5):
// the durable copy. The queue store (memory or Redis) keeps the fast one; QueueService
// writes here first and puts these back into the store at start and whenever the store
// has lost its state. Only what staff set is kept; the rest stays the server's default.
class SqlQueueSettingsStore
{
public:
    explicit SqlQueueSettingsStore(SqlDatabase *database);

    // Merges the change into the concert's row (fields absent from it stay as they were),
    // with its audit entry (staff's change) in the same transaction.
    Outcome<bool> save(const QString &concertId, const QueueSettingsChange &change, qint64 nowMs,
                       const AuditEntry *audit = nullptr);
    // Every concert's saved settings.
    Outcome<QHash<QString, QueueSettingsChange>> all();
    // One concert's (all fields absent when nothing was ever saved).
    Outcome<QueueSettingsChange> one(const QString &concertId);

private:
    SqlDatabase *m_database;
};

} // namespace BoxOffice::Server
