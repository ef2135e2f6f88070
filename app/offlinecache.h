#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>
#include <optional>

class QThread;

namespace BoxOffice {

class OfflineCacheWorker;

// What the client last saw, kept on disk (SQLite under the user's data directory) so
// that the concert list and seat maps stay viewable without the server: documents by
// kind and key (e.g. "layout" / performance id) with the time they were stored. All
// disk work runs on a thread of its own; answers come back in the caller's thread.
// A file that cannot be read (corrupt, or of an unknown schema) is moved aside and
// rebuilt; seat layouts are bounded to the most recent ones.
class OfflineCache : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QByteArray json;
        QDateTime storedAt;
    };
    static constexpr int SchemaVersion = 1;
    static constexpr int MaxLayouts = 20;

    explicit OfflineCache(const QString &path, QObject *parent = nullptr);
    ~OfflineCache() override;

    void store(const QString &kind, const QString &key, const QByteArray &json);
    void load(const QString &kind, const QString &key, QObject *context,
              std::function<void(const std::optional<Entry> &)> done);

    QString path() const { return m_path; }

Q_SIGNALS:
    void ready(bool rebuilt);  // opened; rebuilt: the old file was unreadable and moved aside

private:
    QString m_path;
    QThread *m_thread;
    OfflineCacheWorker *m_worker;
};

} // namespace BoxOffice
