#pragma once

#include "server/queue/queuestore.h"
#include "server/queue/scoredset.h"

#include <QHash>
#include <QMap>

namespace BoxOffice::Server {

// The waiting room in this process's memory: the embedded default. Same semantics
// and costs as RedisQueueStore (sorted sets with ranks in O(log n)); one instance only.
class MemoryQueueStore final : public QueueStore
{
public:
    QString kind() const override { return QStringLiteral("memory"); }
    Outcome<QueuePlace> join(const QString &concertId, const QString &userId, const QString &newToken,
                             qint64 nowMs) override;
    Outcome<QueuePlace> status(const QString &concertId, const QString &token, qint64 nowMs) override;
    Outcome<QList<QueuePlace>> statusMany(const QString &concertId, const QStringList &tokens,
                                          qint64 nowMs) override;
    Outcome<bool> leave(const QString &concertId, const QString &token, qint64 nowMs) override;
    Outcome<PromoteResult> promote(const QString &concertId, qint64 nowMs, qint64 idleMs, qint64 retentionMs,
                                   const QueueSettings &defaults) override;
    Outcome<qint64> open(const QString &concertId, quint32 seed) override;
    Outcome<QueueCounts> counts(const QString &concertId, qint64 nowMs, const QueueSettings &defaults) override;
    Outcome<QueueSettings> updateSettings(const QString &concertId, const QueueSettingsChange &change,
                                          const QueueSettings &defaults) override;
    Outcome<qint64> addSynthetic(const QString &concertId, qint64 count, qint64 nowMs,
                                 const QString &tokenPrefix) override;
    Outcome<QStringList> expireActive(const QString &concertId, qint64 count, qint64 nowMs) override;
    Outcome<qint64> entries(const QString &concertId) override;
    Outcome<bool> recordHistory(const QString &concertId, const QueueSample &sample) override;
    Outcome<QList<QueueSample>> history(const QString &concertId) override;
    bool isHealthy() override { return true; }

    // The pre-queue order after open(): shared with the Redis script's algorithm.
    static QList<qsizetype> shuffledOrder(qsizetype count, quint32 seed);

    // The rooms as plain values, to keep them across a restart (SqlQueueSnapshotStore
    // writes them to SQL at a clean shutdown). Settings are not in it: they are kept
    // in SQL whenever they change (SqlQueueSettingsStore). The admission-rate buckets
    // and the dashboard's history are not either: they start afresh.
    struct SavedToken
    {
        enum class State : char { Waiting = 'W', PreQueue = 'P', Active = 'A', Ended = 'E', Issued = 'I' };
        QString token;
        QString userId;
        bool ownsUser = false;  // the user's current token (synthetic users own none)
        State state = State::Issued;
        qint64 score = 0;       // Waiting, PreQueue: arrival sequence; Active: session end; Ended: when
        qint64 seen = 0;        // Waiting, PreQueue: the last heartbeat (AlwaysSeen: synthetic)
    };
    struct SavedRoom
    {
        QString concertId;
        qint64 sequence = 0;
        bool open = false;
        QList<SavedToken> tokens;
    };
    QList<SavedRoom> saveRooms() const;
    // Replaces the rooms named. Waiters count as seen at `nowMs`: the server was down,
    // not they, so the idle sweep gives them a full idleSeconds again.
    void restoreRooms(const QList<SavedRoom> &rooms, qint64 nowMs);

private:
    struct Room
    {
        ScoredSet waiting;  // score: arrival sequence (negative: the shuffled pre-queue)
        ScoredSet preQueue; // score: arrival sequence, until open()
        ScoredSet active;   // score: session expiry (ms)
        ScoredSet seen;     // score: last heartbeat (ms), waiters only
        ScoredSet ended;    // score: when the token's session or wait ended (ms), until forgotten
        QHash<QString, QString> tokens;  // token -> user
        QHash<QString, QString> users;   // user -> token
        qint64 sequence = 0;
        bool open = false;
        QueueSettingsChange settings;    // what staff set; the rest from defaults
        QMap<qint64, qint64> admits;     // rate bucket start (ms) -> admitted
        QList<QueueSample> history;
    };

    Room &room(const QString &concertId) { return m_rooms[concertId]; }
    QueuePlace place(Room &room, const QString &token, qint64 nowMs) const;
    static QueueSettings effective(const Room &room, const QueueSettings &defaults);

    QHash<QString, Room> m_rooms;
};

} // namespace BoxOffice::Server
