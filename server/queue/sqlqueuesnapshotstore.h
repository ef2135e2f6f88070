#pragma once

#include "domain/result.h"
#include "server/queue/memoryqueuestore.h"

namespace BoxOffice::Server {

class SqlDatabase;

// The in-memory queue's rooms kept across a restart of the embedded default (tables
// queue_snapshot_rooms and queue_snapshot_tokens, migration 5). Saved in one
// transaction at a clean shutdown; taken (read and deleted in one transaction) at the
// next start. A save cut short by a crash leaves nothing behind, and a snapshot is
// applied once, whole, or not at all.
class SqlQueueSnapshotStore
{
public:
    explicit SqlQueueSnapshotStore(SqlDatabase *database);

    // Replaces any snapshot with these rooms. Returns how many tokens it wrote.
    Result<qint64, QString> save(const QList<MemoryQueueStore::SavedRoom> &rooms, qint64 nowMs);
    // Reads the snapshot and deletes it; an empty list when there is none.
    Result<QList<MemoryQueueStore::SavedRoom>, QString> take();
    // How many rooms a snapshot holds (0: none), without touching it.
    Result<qint64, QString> rooms();

private:
    SqlDatabase *m_database;
};

} // namespace BoxOffice::Server
