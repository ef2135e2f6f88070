#include "server/queue/sqlqueuesettingsstore.h"

#include "server/sales/sqldatabase.h"
#include "server/staff/auditlog.h"

#include <QSqlQuery>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

std::optional<int> readInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

QueueSettingsChange readRow(const QSqlQuery &q, int first)
{
    const std::optional<int> paused = readInt(q.value(first + 2));
    return QueueSettingsChange{readInt(q.value(first)), readInt(q.value(first + 1)),
                               paused ? std::optional<bool>(*paused != 0) : std::nullopt};
}

} // namespace

SqlQueueSettingsStore::SqlQueueSettingsStore(SqlDatabase *database) : m_database(database) {}

Outcome<bool> SqlQueueSettingsStore::save(const QString &concertId, const QueueSettingsChange &change, qint64 nowMs,
                                          const AuditEntry *audit)
{
    return m_database->transaction<bool>([&]() -> Outcome<bool> {
        // An upsert that keeps the fields the change leaves out (SQLite ≥ 3.24, PostgreSQL ≥ 9.5).
        QSqlQuery &q = m_database->prepared(
            u"INSERT INTO queue_settings (concert_id, capacity, session_seconds, paused, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (concert_id) DO UPDATE SET capacity = COALESCE(excluded.capacity, queue_settings.capacity),"
            " session_seconds = COALESCE(excluded.session_seconds, queue_settings.session_seconds),"
            " paused = COALESCE(excluded.paused, queue_settings.paused), updated_at = excluded.updated_at"_s);
        q.addBindValue(concertId);
        q.addBindValue(optionalInt(change.capacity));
        q.addBindValue(optionalInt(change.sessionSeconds));
        q.addBindValue(optionalInt(change.paused ? std::optional<int>(*change.paused ? 1 : 0) : std::nullopt));
        q.addBindValue(nowMs);
        if (!q.exec())
            return databaseFailure(q);
        q.finish();
        if (audit)
            return AuditLog(m_database).append(*audit, nowMs);
        return true;
    });
}

Outcome<QHash<QString, QueueSettingsChange>> SqlQueueSettingsStore::all()
{
    QSqlQuery &q = m_database->prepared(u"SELECT concert_id, capacity, session_seconds, paused FROM queue_settings"_s);
    if (!q.exec())
        return databaseFailure(q);
    QHash<QString, QueueSettingsChange> out;
    while (q.next())
        out.insert(q.value(0).toString(), readRow(q, 1));
    q.finish();
    return out;
}

Outcome<QueueSettingsChange> SqlQueueSettingsStore::one(const QString &concertId)
{
    QSqlQuery &q = m_database->prepared(
        u"SELECT capacity, session_seconds, paused FROM queue_settings WHERE concert_id = ?"_s);
    q.addBindValue(concertId);
    if (!q.exec())
        return databaseFailure(q);
    QueueSettingsChange out;
    if (q.next())
        out = readRow(q, 0);
    q.finish();
    return out;
}

} // namespace BoxOffice::Server
