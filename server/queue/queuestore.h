#pragma once

#include "server/failure.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace BoxOffice::Server {

// Per-concert waiting-room settings (staff can change them while a sale runs).
struct QueueSettings
{
    int capacity = 100;        // concurrent active buyers
    int sessionSeconds = 180;  // how long an admitted buyer stays active
    bool paused = false;       // no admissions while paused
};

struct QueueSettingsChange
{
    std::optional<int> capacity;
    std::optional<int> sessionSeconds;
    std::optional<bool> paused;
};

// One token's place, as a store reports it.
struct QueuePlace
{
    enum class State { Waiting, PreQueue, Active, Expired, Unknown };

    State state = State::Unknown;
    QString token;
    qint64 position = 0;        // 1-based among waiters (Waiting, PreQueue)
    qint64 waiting = 0;         // waiters in line (or in the pre-queue, for PreQueue)
    qint64 expiresAtMs = 0;     // Active
    bool created = false;       // join: a new token
};

struct PromoteResult
{
    qint64 admitted = 0;
    qint64 expired = 0;  // active sessions that ended
    qint64 dropped = 0;  // waiters not seen for idleSeconds
    qint64 waiting = 0;
    qint64 active = 0;
    bool open = false;  // admission has opened (false again after Redis lost its data)
    // The admission rate, for ETAs: admissions over the last RateWindowMs, and how
    // long that window really is (shorter just after opening). Computed once per
    // concert per tick, so joins and status reads do not pay for it.
    qint64 admittedInWindow = 0;
    qint64 windowMs = 0;
    qint64 forgotten = 0;  // ended tokens past the retention, forgotten
};

// One reading of a waiting room, for the staff dashboard's chart.
struct QueueSample
{
    qint64 atMs = 0;
    qint64 waiting = 0;
    qint64 active = 0;
    friend bool operator==(const QueueSample &, const QueueSample &) = default;
};

struct QueueCounts
{
    qint64 waiting = 0;
    qint64 preQueue = 0;
    qint64 active = 0;
    qint64 admittedLastMinute = 0;
    QueueSettings settings;
    bool open = false;
};

// The waiting room's state: one interface, two implementations with the same
// semantics (MemoryQueueStore for the embedded default, RedisQueueStore for scale-out),
// checked by one conformance suite. Every operation is atomic; times are passed in
// (milliseconds since the epoch) so tests control the clock. A store failure (Redis
// down) is Failure::Code::Unavailable.
class QueueStore
{
public:
    // How far back admissions count for the admission rate, and its bucket size.
    static constexpr qint64 RateWindowMs = 300'000;
    static constexpr qint64 RateBucketMs = 10'000;
    // The "seen" time of synthetic users (the crowd simulator): never idle.
    static constexpr qint64 AlwaysSeen = 4'000'000'000'000'000LL;

    virtual ~QueueStore() = default;
    virtual QString kind() const = 0;  // "memory" | "redis"

    // Idempotent per (concert, user): a live token comes back with its place kept.
    // Before open(), joins form the pre-queue.
    virtual Outcome<QueuePlace> join(const QString &concertId, const QString &userId, const QString &newToken,
                                     qint64 nowMs) = 0;
    // Reading a waiter's status counts as its heartbeat.
    virtual Outcome<QueuePlace> status(const QString &concertId, const QString &token, qint64 nowMs) = 0;
    // The status of many tokens of one concert in one go (the live channel's tick):
    // one call per concert, however many subscribers; also their heartbeat.
    virtual Outcome<QList<QueuePlace>> statusMany(const QString &concertId, const QStringList &tokens,
                                                  qint64 nowMs) = 0;
    // Leaves the line or frees an active slot at once; false for a token never issued.
    // The token reads "expired" from then on, for `retentionMs` (see promote).
    virtual Outcome<bool> leave(const QString &concertId, const QString &token, qint64 nowMs) = 0;
    // Ends expired sessions, drops idle waiters, admits the earliest waiters into free slots,
    // and forgets tokens that ended (left, expired, dropped) more than `retentionMs` ago:
    // they read "unknown" afterwards and their user may join afresh. So a room's state is
    // bounded by the live tokens plus those that ended within the retention.
    virtual Outcome<PromoteResult> promote(const QString &concertId, qint64 nowMs, qint64 idleMs, qint64 retentionMs,
                                           const QueueSettings &defaults) = 0;
    // Opens admission: shuffles the pre-queue once (Fisher-Yates driven by `seed`,
    // MINSTD generator, the same in both stores) ahead of everyone who joins later.
    // Returns how many were shuffled, or -1 when it was already open.
    virtual Outcome<qint64> open(const QString &concertId, quint32 seed) = 0;
    virtual Outcome<QueueCounts> counts(const QString &concertId, qint64 nowMs, const QueueSettings &defaults) = 0;
    virtual Outcome<QueueSettings> updateSettings(const QString &concertId, const QueueSettingsChange &change,
                                                  const QueueSettings &defaults) = 0;
    // Adds `count` synthetic waiters (users "sim-<n>"), kept alive until they leave.
    virtual Outcome<qint64> addSynthetic(const QString &concertId, qint64 count, qint64 nowMs,
                                         const QString &tokenPrefix) = 0;
    // Ends the `count` active sessions that would expire soonest, now (QA: watch the
    // clients see their session end and the next waiters come in). Returns how many.
    // Returns the tokens whose session it ended.
    virtual Outcome<QStringList> expireActive(const QString &concertId, qint64 count, qint64 nowMs) = 0;
    // How many entries the room keeps for tokens (every set and map, summed): for tests
    // and metrics, to see that state does not grow without bound.
    virtual Outcome<qint64> entries(const QString &concertId) = 0;
    // The room's history: at most one sample per HistoryBucketMs (the first one wins,
    // whichever instance records it), the last HistoryKeep kept. Returns whether it was
    // recorded.
    static constexpr qint64 HistoryBucketMs = 10'000;
    static constexpr int HistoryKeep = 360;  // an hour
    virtual Outcome<bool> recordHistory(const QString &concertId, const QueueSample &sample) = 0;
    virtual Outcome<QList<QueueSample>> history(const QString &concertId) = 0;
    virtual bool isHealthy() = 0;
};

} // namespace BoxOffice::Server
