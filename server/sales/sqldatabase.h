#pragma once

#include "domain/result.h"
#include "server/failure.h"
#include "server/serverconfig.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <unordered_map>
#include <QVariantList>

namespace BoxOffice::Server {

// One open SQL connection (QSQLITE or QPSQL) with the schema migrated, and the few
// dialect differences in one place. One per thread (Qt SQL connections are not
// shared across threads).
class SqlDatabase
{
public:
    static Result<SqlDatabase, QString> open(const DatabaseUrl &url, const QString &connectionName);

    SqlDatabase(SqlDatabase &&other) noexcept;
    SqlDatabase &operator=(SqlDatabase &&) = delete;
    ~SqlDatabase();

    QSqlDatabase &db() { return m_db; }
    bool isPostgres() const { return m_postgres; }
    int schemaVersion() const;

    // Inserts rows in multi-row statements (a few hundred rows each), values bound.
    Result<bool, QString> insertRows(const QString &table, const QStringList &columns,
                                     const QList<QVariantList> &rows);

    // Takes a lock that serialises one-off set-up work (migrations, seeding) between
    // server instances sharing a PostgreSQL database; a no-op on SQLite, whose
    // writers are serialised anyway. Call inside a transaction.
    bool lockForSetup();

    bool ping();

    // 503: the answer to a database that failed under a request.
    static Failure unavailable();

    // Runs `work` (returning an Outcome<T>) in a transaction: commits when it succeeds,
    // rolls back when it fails; a failed begin or commit is 503 unavailable.
    template <typename T, typename Work> Outcome<T> transaction(Work work)
    {
        if (!begin())
            return unavailable();
        Outcome<T> result = work();
        if (!result) {
            m_db.rollback();
            return result;
        }
        if (!commit())
            return unavailable();
        return result;
    }

    // A statement prepared once per connection and kept: re-running it costs one
    // round trip on PostgreSQL and no parsing on SQLite. Bind values, exec(), read,
    // then finish() (an unfinished SQLite statement keeps its read lock).
    QSqlQuery &prepared(const QString &sql);

private:
    SqlDatabase(QSqlDatabase db, bool postgres);
    Result<bool, QString> migrate();
    bool begin();
    bool commit();  // rolls back when the commit fails

    QSqlDatabase m_db;
    bool m_postgres = false;
    // Stable addresses: callers hold a reference while preparing others.
    using PreparedMap = std::unordered_map<QString, std::unique_ptr<QSqlQuery>>;
    std::unique_ptr<PreparedMap> m_prepared = std::make_unique<PreparedMap>();
};

QString describeError(const class QSqlError &error);

// A failed query as a domain failure (503 unavailable), logged with its cause.
struct Failure databaseFailure(const QSqlQuery &query);

} // namespace BoxOffice::Server
