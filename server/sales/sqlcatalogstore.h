#pragma once

#include "domain/concert.h"
#include "domain/seatlayout.h"
#include "server/failure.h"

namespace BoxOffice::Server {

class SqlDatabase;
struct DemoCatalog;

// The catalog (venues, seats, concerts, performances) in SQL. One implementation
// serves SQLite and PostgreSQL: the statements are portable, and SqlDatabase holds
// the few dialect differences.
class SqlCatalogStore
{
public:
    explicit SqlCatalogStore(SqlDatabase *database);

    Outcome<QList<Concert>> concerts();
    Outcome<Concert> concert(const QString &concertId);
    Outcome<SeatLayout> layout(const QString &performanceId);
    Outcome<QString> concertOfPerformance(const QString &performanceId);

    // Writes the demo catalog and its past sales into an empty database; returns
    // false (and changes nothing) when the database already has a catalog.
    Result<bool, QString> seedDemo(const DemoCatalog &catalog);

private:
    Outcome<QList<Concert>> readConcerts(const QString &onlyId);
    Result<bool, QString> writeDemo(const DemoCatalog &catalog);

    SqlDatabase *m_database;
};

} // namespace BoxOffice::Server
