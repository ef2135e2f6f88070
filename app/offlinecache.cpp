#include "app/offlinecache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace BoxOffice {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCache, "boxoffice.client.cache")

// Lives in the cache's thread; every member runs there.
class OfflineCacheWorker : public QObject
{
public:
    explicit OfflineCacheWorker(QString path) : m_path(std::move(path)), m_connection(u"offline-cache-%1"_s.arg(quintptr(this))) {}
    ~OfflineCacheWorker() override
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }

    bool open()  // true when the old file had to be moved aside
    {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        if (tryOpen())
            return false;
        // Unreadable: keep it for a post-mortem, start again.
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        const QString aside = m_path + u".corrupt-"_s + QString::number(QDateTime::currentSecsSinceEpoch());
        QFile::remove(aside);
        QFile::rename(m_path, aside);
        QFile::remove(m_path + u"-wal"_s);
        QFile::remove(m_path + u"-shm"_s);
        qCWarning(lcCache).noquote() << "offline cache was unreadable; moved to" << aside;
        if (!tryOpen())
            qCWarning(lcCache) << "offline cache unavailable";
        return true;
    }

    void store(const QString &kind, const QString &key, const QByteArray &json)
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (!db.isOpen())
            return;
        QSqlQuery q(db);
        q.prepare(u"INSERT OR REPLACE INTO entries (kind, key, json, stored_at) VALUES (?, ?, ?, ?)"_s);
        q.addBindValue(kind);
        q.addBindValue(key);
        q.addBindValue(json);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!q.exec())
            qCWarning(lcCache) << "cannot store:" << q.lastError().text();
        if (kind == u"layout") {  // layouts are large: keep the most recent ones
            q.prepare(u"DELETE FROM entries WHERE kind = 'layout' AND key NOT IN (SELECT key FROM entries"
                      " WHERE kind = 'layout' ORDER BY stored_at DESC, rowid DESC LIMIT ?)"_s);
            q.addBindValue(OfflineCache::MaxLayouts);
            q.exec();
        }
    }

    std::optional<OfflineCache::Entry> load(const QString &kind, const QString &key)
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (!db.isOpen())
            return std::nullopt;
        QSqlQuery q(db);
        q.prepare(u"SELECT json, stored_at FROM entries WHERE kind = ? AND key = ?"_s);
        q.addBindValue(kind);
        q.addBindValue(key);
        if (!q.exec() || !q.next())
            return std::nullopt;
        return OfflineCache::Entry{q.value(0).toByteArray(),
                                   QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC)};
    }

private:
    bool tryOpen()
    {
        QSqlDatabase db = QSqlDatabase::contains(m_connection) ? QSqlDatabase::database(m_connection, false)
                                                               : QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(m_path);
        if (!db.open())
            return false;
        QSqlQuery q(db);
        // A file that is not a database fails here (SQLite opens lazily).
        if (!q.exec(u"PRAGMA quick_check"_s) || !q.next() || q.value(0).toString() != u"ok")
            return false;
        if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
            return false;
        const int version = q.value(0).toInt();
        if (version != 0 && version != OfflineCache::SchemaVersion)
            return false;  // a schema this version does not know
        q.exec(u"PRAGMA journal_mode=WAL"_s);
        if (!q.exec(u"CREATE TABLE IF NOT EXISTS entries (kind TEXT NOT NULL, key TEXT NOT NULL, json BLOB NOT NULL,"
                    " stored_at INTEGER NOT NULL, PRIMARY KEY (kind, key))"_s))
            return false;
        return q.exec(u"PRAGMA user_version = %1"_s.arg(OfflineCache::SchemaVersion));
    }

    QString m_path;
    QString m_connection;
};

OfflineCache::OfflineCache(const QString &path, QObject *parent)
    : QObject(parent), m_path(path), m_thread(new QThread), m_worker(new OfflineCacheWorker(path))
{
    m_thread->setObjectName(u"offline-cache"_s);
    m_worker->moveToThread(m_thread);
    m_thread->start();
    // Answers are posted to this object (its destructor waits for the worker, and Qt
    // drops events for an object that is gone), then checked against the caller there.
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker] {
        const bool rebuilt = worker->open();
        QMetaObject::invokeMethod(this, [this, rebuilt] { Q_EMIT ready(rebuilt); }, Qt::QueuedConnection);
    });
}

OfflineCache::~OfflineCache()
{
    // Pending writes finish first; then the worker goes in its own thread.
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void OfflineCache::store(const QString &kind, const QString &key, const QByteArray &json)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, kind, key, json] { worker->store(kind, key, json); });
}

void OfflineCache::load(const QString &kind, const QString &key, QObject *context,
                        std::function<void(const std::optional<Entry> &)> done)
{
    QPointer<QObject> guard(context);  // read only in this (the caller's) thread
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker, kind, key, guard, done = std::move(done)] {
        auto entry = worker->load(kind, key);
        QMetaObject::invokeMethod(this, [guard, done, entry] {
            if (guard)
                done(entry);
        }, Qt::QueuedConnection);
    });
}

} // namespace BoxOffice
