#include "server/sales/sqldatabase.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSql, "boxoffice.server.sql")

namespace {

// Numbered migrations; each runs once, in a transaction, in order. Portable SQL
// (SQLite and PostgreSQL): times are BIGINT milliseconds since the epoch. A statement
// that starts "sqlite:" or "postgresql:" runs on that database only.
struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> list{
        {1,
         {u"CREATE TABLE venues (id TEXT PRIMARY KEY, name TEXT NOT NULL, seat_count INTEGER NOT NULL)"_s,
          u"CREATE TABLE sections (venue_id TEXT NOT NULL REFERENCES venues(id), id TEXT NOT NULL,"
          " name TEXT NOT NULL, tier TEXT NOT NULL, ordinal INTEGER NOT NULL, PRIMARY KEY (venue_id, id))"_s,
          u"CREATE TABLE seats (venue_id TEXT NOT NULL REFERENCES venues(id), idx INTEGER NOT NULL,"
          " id TEXT NOT NULL, section TEXT NOT NULL, row_label TEXT NOT NULL, number INTEGER NOT NULL,"
          " x DOUBLE PRECISION NOT NULL, y DOUBLE PRECISION NOT NULL, tier TEXT NOT NULL,"
          " PRIMARY KEY (venue_id, idx), UNIQUE (venue_id, id))"_s,
          u"CREATE TABLE concerts (id TEXT PRIMARY KEY, title TEXT NOT NULL, artist TEXT NOT NULL,"
          " genre TEXT NOT NULL, venue_id TEXT NOT NULL REFERENCES venues(id), ordinal INTEGER NOT NULL)"_s,
          u"CREATE TABLE tiers (concert_id TEXT NOT NULL REFERENCES concerts(id), id TEXT NOT NULL,"
          " name TEXT NOT NULL, price BIGINT NOT NULL, currency TEXT NOT NULL, ordinal INTEGER NOT NULL,"
          " PRIMARY KEY (concert_id, id))"_s,
          u"CREATE TABLE performances (id TEXT PRIMARY KEY, concert_id TEXT NOT NULL REFERENCES concerts(id),"
          " starts_at BIGINT NOT NULL, sales_open_at BIGINT NOT NULL, seat_count INTEGER NOT NULL,"
          " available INTEGER NOT NULL, version BIGINT NOT NULL DEFAULT 0)"_s,
          u"CREATE INDEX performances_concert ON performances (concert_id, starts_at)"_s,
          u"CREATE TABLE seat_state (performance_id TEXT NOT NULL REFERENCES performances(id),"
          " idx INTEGER NOT NULL, status CHAR(1) NOT NULL, hold_id TEXT,"
          " PRIMARY KEY (performance_id, idx))"_s,
          u"CREATE TABLE orders (id TEXT PRIMARY KEY, performance_id TEXT NOT NULL REFERENCES performances(id),"
          " token TEXT, method TEXT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL,"
          " purchased_at BIGINT NOT NULL)"_s,
          u"CREATE TABLE sales (performance_id TEXT NOT NULL REFERENCES performances(id),"
          " idx INTEGER NOT NULL, concert_id TEXT NOT NULL, order_id TEXT NOT NULL REFERENCES orders(id),"
          " amount BIGINT NOT NULL, sold_at BIGINT NOT NULL, PRIMARY KEY (performance_id, idx))"_s,
          u"CREATE INDEX sales_time ON sales (sold_at)"_s}},
        {2,
         {u"CREATE TABLE holds (id TEXT PRIMARY KEY, performance_id TEXT NOT NULL REFERENCES performances(id),"
          " token TEXT, staff INTEGER NOT NULL, seat_indexes TEXT NOT NULL, seat_count INTEGER NOT NULL,"
          " amount BIGINT NOT NULL, currency TEXT NOT NULL, state TEXT NOT NULL, created_at BIGINT NOT NULL,"
          " expires_at BIGINT NOT NULL, order_id TEXT)"_s,
          u"CREATE INDEX holds_expiry ON holds (state, expires_at)"_s,
          u"CREATE INDEX holds_token ON holds (token)"_s,
          u"CREATE INDEX seat_state_hold ON seat_state (hold_id)"_s,
          u"ALTER TABLE orders ADD COLUMN hold_id TEXT"_s,
          // Every change of a seat's letter, by performance version: status caches catch
          // up from here, and the live channel sends these as deltas.
          u"CREATE TABLE seat_changes (performance_id TEXT NOT NULL, version BIGINT NOT NULL, idx INTEGER NOT NULL,"
          " status CHAR(1) NOT NULL, PRIMARY KEY (performance_id, version, idx))"_s}},
        {3,
         // One row per queue token that ever held: a hold takes the token's row lock
         // first, so the per-buyer seat limit is counted and enforced in one transaction,
         // whatever the number of connections, threads or instances.
         {u"CREATE TABLE buyer_locks (token TEXT PRIMARY KEY, holds BIGINT NOT NULL DEFAULT 0)"_s}},
        {4,
         {// Every time of a performance is shown in its venue's zone (IANA name).
          u"ALTER TABLE venues ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'"_s,
          // The demo venues seeded before this migration are in Seoul.
          u"UPDATE venues SET time_zone = 'Asia/Seoul' WHERE id IN ('hanbit-hall', 'gangbyeon-arena', 'hangang-stadium')"_s}},
        {5,
         {// Staff's waiting-room settings per concert, the durable copy (the queue store
          // keeps the fast one). NULL: the server's default. No foreign key: the queue
          // names concerts as loosely as Redis does.
          u"CREATE TABLE queue_settings (concert_id TEXT PRIMARY KEY, capacity INTEGER, session_seconds INTEGER,"
          " paused INTEGER, updated_at BIGINT NOT NULL)"_s,
          // The in-memory queue's rooms, saved at a clean shutdown and taken (read and
          // deleted in one transaction) at the next start.
          u"CREATE TABLE queue_snapshot_rooms (concert_id TEXT PRIMARY KEY, sequence BIGINT NOT NULL,"
          " is_open INTEGER NOT NULL, saved_at BIGINT NOT NULL)"_s,
          // One row per token: state W waiting (score: arrival sequence), P pre-queue
          // (sequence), A active (session end, ms), E ended (when, ms), I issued only.
          u"CREATE TABLE queue_snapshot_tokens (concert_id TEXT NOT NULL, token TEXT NOT NULL,"
          " user_id TEXT NOT NULL, owns_user INTEGER NOT NULL, state CHAR(1) NOT NULL, score BIGINT NOT NULL,"
          " seen BIGINT, PRIMARY KEY (concert_id, token))"_s}},
        {6,
         {// Staff accounts: the PIN only as libsodium's Argon2id string (salt and cost inside).
          u"CREATE TABLE staff (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
          " role TEXT NOT NULL, active INTEGER NOT NULL, pin_hash TEXT NOT NULL, created_at BIGINT NOT NULL,"
          " updated_at BIGINT NOT NULL)"_s,
          // Sessions by the SHA-256 of their token: a copy of this table signs nobody in.
          u"CREATE TABLE staff_sessions (token_hash TEXT PRIMARY KEY, staff_id TEXT NOT NULL REFERENCES staff(id),"
          " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, ended_at BIGINT)"_s,
          u"CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id)"_s,
          u"CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at)"_s,
          // Failed sign-ins in a row per login (known or not: both lock alike), shared by
          // every instance.
          u"CREATE TABLE staff_login_failures (login TEXT PRIMARY KEY, failures INTEGER NOT NULL,"
          " locked_until BIGINT NOT NULL, last_failure_at BIGINT NOT NULL)"_s,
          // The audit trail: appended in the transaction of each staff write, never changed.
          u"sqlite:CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at BIGINT NOT NULL, staff_id TEXT,"
          " login TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, details TEXT NOT NULL)"_s,
          u"postgresql:CREATE TABLE audit_log (id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, staff_id TEXT,"
          " login TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, details TEXT NOT NULL)"_s,
          u"CREATE INDEX audit_log_at ON audit_log (at)"_s,
          u"CREATE INDEX audit_log_staff ON audit_log (staff_id, id)"_s,
          u"CREATE INDEX audit_log_action ON audit_log (action, id)"_s,
          u"sqlite:CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
          " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"_s,
          u"sqlite:CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
          " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"_s,
          u"postgresql:CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS"
          " $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"_s,
          u"postgresql:CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log"
          " FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"_s,
          // Who made a hold and who sold an order (NULL: a buyer, or the staff key).
          u"ALTER TABLE holds ADD COLUMN staff_id TEXT"_s,
          u"ALTER TABLE orders ADD COLUMN staff_id TEXT"_s,
          u"ALTER TABLE orders ADD COLUMN sold_by TEXT"_s}},
        {7,
         {// Orders as the box office's day needs them: a code people read out, the concert,
          // the status after refunds, the customer, the till that took the money.
          u"ALTER TABLE orders ADD COLUMN code TEXT"_s,
          u"ALTER TABLE orders ADD COLUMN concert_id TEXT"_s,
          u"ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'paid'"_s,
          u"ALTER TABLE orders ADD COLUMN customer_name TEXT"_s,
          u"ALTER TABLE orders ADD COLUMN customer_phone TEXT"_s,
          u"ALTER TABLE orders ADD COLUMN customer_email TEXT"_s,
          u"ALTER TABLE orders ADD COLUMN cash_session_id TEXT"_s,
          u"CREATE UNIQUE INDEX orders_code ON orders (code)"_s,
          u"CREATE INDEX orders_performance ON orders (performance_id, purchased_at)"_s,
          u"CREATE INDEX orders_purchased ON orders (purchased_at)"_s,
          u"CREATE INDEX orders_token ON orders (token)"_s,
          u"CREATE INDEX orders_cash ON orders (cash_session_id)"_s,
          u"CREATE INDEX seats_id ON seats (id)"_s,
          // One row per ticket ever issued; `current` marks each seat's latest (a reissue
          // revokes the old row and adds a new one). The secret is what the QR code holds.
          u"CREATE TABLE tickets (secret TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders(id),"
          " performance_id TEXT NOT NULL, idx INTEGER NOT NULL, price BIGINT NOT NULL, state TEXT NOT NULL,"
          " current INTEGER NOT NULL, issued_at BIGINT NOT NULL, used_at BIGINT)"_s,
          u"CREATE INDEX tickets_order ON tickets (order_id)"_s,
          u"CREATE INDEX tickets_seat ON tickets (performance_id, idx)"_s,
          u"CREATE TABLE refunds (id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders(id),"
          " seat_indexes TEXT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL, method TEXT NOT NULL,"
          " reason TEXT NOT NULL, release_to CHAR(1) NOT NULL, at BIGINT NOT NULL, staff_id TEXT, login TEXT NOT NULL,"
          " cash_session_id TEXT)"_s,
          u"CREATE INDEX refunds_order ON refunds (order_id)"_s,
          u"CREATE INDEX refunds_cash ON refunds (cash_session_id)"_s,
          // Customer search in part ("minj" finds Kim Minji): trigram indexes, FTS5's on
          // SQLite, pg_trgm's GIN on PostgreSQL (a trusted extension since PostgreSQL 13).
          u"sqlite:CREATE VIRTUAL TABLE order_search USING fts5(order_id UNINDEXED, text, tokenize='trigram')"_s,
          u"postgresql:CREATE EXTENSION IF NOT EXISTS pg_trgm"_s,
          u"postgresql:CREATE TABLE order_search (order_id TEXT PRIMARY KEY, text TEXT NOT NULL)"_s,
          u"postgresql:CREATE INDEX order_search_text ON order_search USING gin (text gin_trgm_ops)"_s,
          // A clerk's till: at most one open per person (the partial unique index).
          u"CREATE TABLE cash_sessions (id TEXT PRIMARY KEY, owner TEXT NOT NULL, staff_id TEXT, login TEXT NOT NULL, role TEXT NOT NULL,"
          " name TEXT NOT NULL, opened_at BIGINT NOT NULL, closed_at BIGINT, float_amount BIGINT NOT NULL,"
          " currency TEXT NOT NULL, counted_amount BIGINT)"_s,
          u"CREATE UNIQUE INDEX cash_sessions_open ON cash_sessions (owner) WHERE closed_at IS NULL"_s,
          u"CREATE TABLE cash_movements (id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES cash_sessions(id),"
          " kind TEXT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL, reason TEXT NOT NULL, at BIGINT NOT NULL,"
          " login TEXT NOT NULL)"_s,
          u"CREATE INDEX cash_movements_session ON cash_movements (session_id)"_s}},
        {8,
         {// An order's seats from its sales rows (orders from before tickets): without it
          // every such order read scanned all sales (70–90 ms each on the demo).
          u"CREATE INDEX sales_order ON sales (order_id)"_s}},
    };
    return list;
}

} // namespace

QString describeError(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    if (!error.nativeErrorCode().isEmpty())
        text += u" ("_s + error.nativeErrorCode() + u')';
    return text;
}

QString sqlPlaceholders(qsizetype n)
{
    return QStringList(n, u"?"_s).join(u',');
}

QString joinIndexes(const QList<int> &seats)
{
    QStringList parts;
    for (int i : seats)
        parts << QString::number(i);
    return parts.join(u',');
}

QList<int> splitIndexes(const QString &text)
{
    QList<int> out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        out << part.toInt();
    return out;
}

void bindAll(QSqlQuery &query, const QVariantList &values, const QList<int> &indexes)
{
    for (const QVariant &v : values)
        query.addBindValue(v);
    for (int idx : indexes)
        query.addBindValue(idx);
}

Failure databaseFailure(const QSqlQuery &query)
{
    qCWarning(lcSql) << "query failed:" << describeError(query.lastError());
    return Failure{Failure::Code::Unavailable, u"the database is unavailable"_s, {}};
}

SqlDatabase::SqlDatabase(QSqlDatabase db, bool postgres) : m_db(std::move(db)), m_postgres(postgres) {}

SqlDatabase::SqlDatabase(SqlDatabase &&other) noexcept
    : m_db(std::exchange(other.m_db, QSqlDatabase())), m_postgres(other.m_postgres),
      m_prepared(std::move(other.m_prepared))
{
}

SqlDatabase::~SqlDatabase()
{
    if (!m_db.isValid())
        return;
    const QString name = m_db.connectionName();
    m_prepared.reset();  // queries first, then their connection
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

Result<SqlDatabase, QString> SqlDatabase::open(const DatabaseUrl &url, const QString &connectionName)
{
    const bool postgres = url.kind == DatabaseUrl::Kind::Postgresql;
    const QString driver = postgres ? u"QPSQL"_s : u"QSQLITE"_s;
    if (!QSqlDatabase::isDriverAvailable(driver))
        return u"the Qt SQL driver %1 is not installed (Debian: %2)"_s.arg(
            driver, postgres ? u"libqt6sql6-psql"_s : u"libqt6sql6-sqlite"_s);

    QSqlDatabase db = QSqlDatabase::addDatabase(driver, connectionName);
    if (postgres) {
        db.setHostName(url.url.host());
        db.setPort(url.url.port(5432));
        db.setDatabaseName(url.url.path().mid(1));
        db.setUserName(url.url.userName());
        db.setPassword(url.url.password());
        db.setConnectOptions(u"connect_timeout=5"_s);
    } else {
        const QFileInfo file(url.sqlitePath);
        if (!QDir().mkpath(file.absolutePath()))
            return u"cannot create the directory %1"_s.arg(file.absolutePath());
        db.setDatabaseName(url.sqlitePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    SqlDatabase out(db, postgres);
    if (!out.m_db.open())
        return u"cannot open the database %1: %2"_s.arg(url.redacted(), describeError(out.m_db.lastError()));

    QSqlQuery q(out.m_db);
    if (!postgres) {
        for (const QString &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                                      u"PRAGMA foreign_keys=ON"_s})
            if (!q.exec(pragma))
                return u"cannot set up SQLite (%1): %2"_s.arg(pragma, describeError(q.lastError()));
    }
    if (auto migrated = out.migrate(); !migrated)
        return migrated.error();
    return out;
}

bool SqlDatabase::lockForSetup()
{
    QSqlQuery q(m_db);
    if (!m_postgres) {
        // Take SQLite's write lock now, waiting (busy timeout) for another process's set-up:
        // a deferred transaction that reads first and writes later would instead fail at
        // once with "database is locked" when two processes start together.
        // Another process seeding the demo holds it for seconds: wait up to a minute.
        for (int attempt = 0; attempt < 12; ++attempt)
            if (q.exec(u"DELETE FROM schema_migrations WHERE 0 = 1"_s))
                return true;
        return false;
    }
    // Any fixed key: only BoxOffice's set-up takes it.
    return q.exec(u"SELECT pg_advisory_xact_lock(20261124)"_s);
}

Result<bool, QString> SqlDatabase::migrate()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"_s)) {
        // Two instances creating it at once on PostgreSQL: the loser sees a unique violation; retry once.
        if (!q.exec(u"SELECT 1 FROM schema_migrations"_s))
            return QString(u"cannot create schema_migrations: "_s + describeError(q.lastError()));
    }
    for (const Migration &m : migrations()) {
        if (!m_db.transaction())
            return QString(u"cannot start a transaction: "_s + describeError(m_db.lastError()));
        lockForSetup();
        QSqlQuery check(m_db);
        check.prepare(u"SELECT COUNT(*) FROM schema_migrations WHERE version = ?"_s);
        check.addBindValue(m.version);
        if (!check.exec() || !check.next()) {
            m_db.rollback();
            return QString(u"cannot read schema_migrations: "_s + describeError(check.lastError()));
        }
        if (check.value(0).toInt() > 0) {
            m_db.commit();
            continue;
        }
        for (QString statement : m.statements) {
            const QString mine = m_postgres ? u"postgresql:"_s : u"sqlite:"_s;
            const QString theirs = m_postgres ? u"sqlite:"_s : u"postgresql:"_s;
            if (statement.startsWith(theirs))
                continue;
            if (statement.startsWith(mine))
                statement.remove(0, mine.size());
            if (!q.exec(statement)) {
                const QString error = describeError(q.lastError());
                m_db.rollback();
                return u"migration %1 failed: %2"_s.arg(m.version).arg(error);
            }
        }
        QSqlQuery mark(m_db);
        mark.prepare(u"INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"_s);
        mark.addBindValue(m.version);
        mark.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!mark.exec() || !m_db.commit()) {
            m_db.rollback();
            return u"cannot record migration %1: %2"_s.arg(m.version).arg(describeError(mark.lastError()));
        }
        qCInfo(lcSql) << "applied migration" << m.version;
    }
    return true;
}

int SqlDatabase::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (q.exec(u"SELECT MAX(version) FROM schema_migrations"_s) && q.next())
        return q.value(0).toInt();
    return 0;
}

Result<bool, QString> SqlDatabase::insertRows(const QString &table, const QStringList &columns,
                                              const QList<QVariantList> &rows)
{
    if (rows.isEmpty())
        return true;
    const QString rowPlaceholders = u'(' + QStringList(columns.size(), u"?"_s).join(u',') + u')';
    const QString head = u"INSERT INTO "_s + table + u" (" + columns.join(u',') + u") VALUES ";
    // SQLite runs in-process: one prepared single-row statement is fastest (its
    // parameter lookup is quadratic in multi-row statements). PostgreSQL: multi-row
    // statements save round trips; stay well below its 65,535 bound parameters.
    const qsizetype perStatement = m_postgres ? qMax<qsizetype>(1, 8000 / columns.size()) : 1;
    for (qsizetype start = 0; start < rows.size(); start += perStatement) {
        const qsizetype count = qMin(perStatement, rows.size() - start);
        QSqlQuery &q = prepared(head + QStringList(count, rowPlaceholders).join(u','));
        for (qsizetype i = start; i < start + count; ++i)
            for (const QVariant &value : rows.at(i))
                q.addBindValue(value);
        if (!q.exec())
            return QString(u"cannot insert into %1: %2"_s.arg(table, describeError(q.lastError())));
    }
    return true;
}

QSqlQuery &SqlDatabase::prepared(const QString &sql)
{
    auto it = m_prepared->find(sql);
    if (it == m_prepared->end()) {
        auto q = std::make_unique<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql))
            qCWarning(lcSql) << "cannot prepare:" << describeError(q->lastError());
        it = m_prepared->emplace(sql, std::move(q)).first;
    }
    return *it->second;
}

bool SqlDatabase::begin()
{
    if (m_db.transaction())
        return true;
    qCWarning(lcSql) << "cannot begin:" << describeError(m_db.lastError());
    return false;
}

bool SqlDatabase::commit()
{
    if (m_db.commit())
        return true;
    qCWarning(lcSql) << "cannot commit:" << describeError(m_db.lastError());
    m_db.rollback();
    return false;
}

Failure SqlDatabase::unavailable()
{
    return Failure{Failure::Code::Unavailable, u"the database is unavailable"_s, {}};
}

bool SqlDatabase::ping()
{
    QSqlQuery q(m_db);
    if (q.exec(u"SELECT 1"_s))
        return true;
    // A dropped PostgreSQL connection does not come back by itself.
    m_prepared->clear();
    m_db.close();
    if (!m_db.open())
        return false;
    QSqlQuery again(m_db);
    return again.exec(u"SELECT 1"_s);
}

} // namespace BoxOffice::Server
