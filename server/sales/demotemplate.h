#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QString>

namespace BoxOffice::Server {

// The demo catalog as a ready SQLite file, made once at build time, so that the
// embedded default's first start copies a file instead of inserting the catalog's
// 700,000 rows (seats, past orders and sales, seat states) one by one.
//
// The template is the demo catalog built for a fixed day (DemoCatalog::build at
// Epoch), with the indexes on its time columns left out: a new database gets the
// template's dates moved by whole days to today, then those indexes, then it is the
// catalog DemoCatalog::build would give for the start of today.
namespace DemoTemplate {

// The day the template's catalog is built for (00:00 UTC).
QDateTime epoch();

// Writes the template to `path` (boxoffice-server --write-demo-template).
Result<bool, QString> write(const QString &path);

// The template next to this program (the build tree) or in ../share/boxoffice (an
// installation); empty when there is none.
QString find();

// Makes the SQLite database `databasePath`, which must not exist, from the template:
// dates moved to `now`'s day. On failure nothing is left at `databasePath`.
Result<bool, QString> instantiate(const QString &templatePath, const QString &databasePath, const QDateTime &now);

} // namespace DemoTemplate

} // namespace BoxOffice::Server
