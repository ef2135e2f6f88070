#include "server/sales/demotemplate.h"

#include "server/sales/democatalog.h"
#include "server/sales/sqlcatalogstore.h"
#include "server/sales/sqldatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace BoxOffice::Server::DemoTemplate {

using namespace Qt::StringLiterals;

namespace {

constexpr auto FileName = u"demo-catalog.sqlite";

// The indexes a day shift would have to update row by row: made after it instead.
const QStringList TimeIndexes{u"sales_time"_s, u"orders_performance"_s, u"orders_purchased"_s};

// The columns the shift moves: every time the demo catalog writes.
const QStringList Shifts{
    u"UPDATE performances SET starts_at = starts_at + :shift, sales_open_at = sales_open_at + :shift"_s,
    u"UPDATE orders SET purchased_at = purchased_at + :shift"_s,
    u"UPDATE sales SET sold_at = sold_at + :shift"_s,
};

QString sqlError(const QSqlQuery &q)
{
    return q.lastError().text();
}

// One connection for the duration of a scope, removed after it.
class Connection
{
public:
    Connection(const QString &path, const QString &name) : m_name(name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        m_open = db.open();
        m_error = db.lastError().text();
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(Connection)
    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
    QString m_error;
};

} // namespace

QDateTime epoch()
{
    return QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
}

Result<bool, QString> write(const QString &path)
{
    QFile::remove(path);
    {
        DatabaseUrl url;
        url.sqlitePath = path;
        auto database = SqlDatabase::open(url, u"boxoffice-demo-template"_s);
        if (!database)
            return database.error();
        SqlDatabase db = std::move(database).value();
        SqlCatalogStore catalog(&db);
        auto seeded = catalog.seedDemo(DemoCatalog::build(epoch()));
        if (!seeded)
            return seeded.error();
    }
    // A connection of its own for the rest: DROP and VACUUM want no statement open.
    Connection connection(path, u"boxoffice-demo-template-finish"_s);
    if (!connection.isOpen())
        return connection.error();
    QSqlQuery q(connection.db());
    if (!q.exec(u"CREATE TABLE demo_template (built_for BIGINT NOT NULL, index_sql TEXT)"_s))
        return sqlError(q);
    q.prepare(u"INSERT INTO demo_template (built_for) VALUES (?)"_s);
    q.addBindValue(epoch().toMSecsSinceEpoch());
    if (!q.exec())
        return sqlError(q);
    for (const QString &index : TimeIndexes) {
        // Kept as the schema made it, to be made again the same way.
        QString definition;
        q.prepare(u"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?"_s);
        q.addBindValue(index);
        if (!q.exec() || !q.next())
            return u"no index %1 in the schema"_s.arg(index);
        definition = q.value(0).toString();
        q.finish();
        q.prepare(u"INSERT INTO demo_template (built_for, index_sql) VALUES (0, ?)"_s);
        q.addBindValue(definition);
        if (!q.exec() || !q.exec(u"DROP INDEX "_s + index))
            return sqlError(q);
    }
    q.finish();
    if (!q.exec(u"PRAGMA journal_mode = DELETE"_s))
        return sqlError(q);
    q.finish();
    if (!q.exec(u"VACUUM"_s))
        return sqlError(q);
    return true;
}

QString find()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QString::fromUtf16(FileName)),
                                     here.filePath(u"../share/boxoffice/"_s + QString::fromUtf16(FileName))}) {
        if (QFile::exists(candidate))
            return QDir::cleanPath(candidate);
    }
    return {};
}

Result<bool, QString> instantiate(const QString &templatePath, const QString &databasePath, const QDateTime &now)
{
    const QString part = databasePath + u".part"_s;
    QFile::remove(part);
    if (!QFile::copy(templatePath, part))
        return u"cannot copy %1 to %2"_s.arg(templatePath, part);
    QFile::setPermissions(part, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto fail = [&part](const QString &why) -> Result<bool, QString> {
        QFile::remove(part);
        return why;
    };
    {
        Connection connection(part, u"boxoffice-demo-instance"_s);
        if (!connection.isOpen())
            return fail(connection.error());
        QSqlDatabase db = connection.db();
        QSqlQuery q(db);
        // A file of our own until the rename: no journal, no syncs (a failure deletes it).
        if (!q.exec(u"PRAGMA journal_mode = OFF"_s) || !q.exec(u"PRAGMA synchronous = OFF"_s))
            return fail(sqlError(q));
        q.finish();
        if (!db.transaction())
            return fail(db.lastError().text());
        if (!q.exec(u"SELECT built_for, index_sql FROM demo_template"_s))
            return fail(sqlError(q));
        qint64 builtFor = 0;
        QStringList indexes;
        while (q.next()) {
            if (q.value(1).isNull())
                builtFor = q.value(0).toLongLong();
            else
                indexes += q.value(1).toString();
        }
        const qint64 days = QDateTime::fromMSecsSinceEpoch(builtFor, Qt::UTC).date().daysTo(now.toUTC().date());
        for (const QString &statement : Shifts)
            if (!q.exec(QString(statement).replace(u":shift"_s, QString::number(days * 86'400'000))))
                return fail(sqlError(q));
        for (const QString &statement : std::as_const(indexes))
            if (!q.exec(statement))
                return fail(sqlError(q));
        if (!q.exec(u"DROP TABLE demo_template"_s))
            return fail(sqlError(q));
        if (!db.commit())
            return fail(db.lastError().text());
        // Back to the server's journal before it opens the file.
        if (!q.exec(u"PRAGMA journal_mode = WAL"_s))
            return fail(sqlError(q));
        q.finish();
    }
    if (!QFile::rename(part, databasePath))
        return fail(u"cannot create %1"_s.arg(databasePath));
    return true;
}

} // namespace BoxOffice::Server::DemoTemplate
