#pragma once

#include "domain/queuestats.h"
#include "domain/queueticket.h"
#include "server/failure.h"
#include "server/queue/joinratelimiter.h"
#include "server/queue/queuestore.h"

#include <QDateTime>
#include <QHash>

#include <functional>
#include <mutex>
#include <memory>

namespace BoxOffice::Server {

struct AuditEntry;

class CatalogService;
class SqlQueueSettingsStore;

struct QueueOptions
{
    QueueSettings defaults;   // capacity 100, session 180 s, not paused
    int idleSeconds = 120;    // a waiter not seen this long is dropped
    double joinRatePerSecond = 10;  // per client address; 0 = unlimited
    double joinBurst = 20;
    int expiredRetentionSeconds = 3600;  // an ended token reads "expired" this long, then is forgotten
    int crowdMax = 100'000;              // the crowd simulator fills a line up to this many waiters
};

struct JoinOutcome
{
    QueueTicket ticket;
    bool created = false;
};

// The waiting room's rules over a QueueStore: tokens, ETAs, the pre-queue lottery at
// opening, the promoter tick, staff settings and the crowd simulator. Never sees HTTP.
class QueueService
{
public:
    using Clock = std::function<qint64()>;  // milliseconds since the epoch

    // joinLimiter: shared by the server threads of one process; made here when absent.
    // durableSettings: where staff's settings are kept beyond the store (SQL); none in
    // tests of the rules alone.
    QueueService(QueueStore *store, CatalogService *catalog, QueueOptions options, Clock clock = {},
                 std::shared_ptr<JoinRateLimiter> joinLimiter = {}, SqlQueueSettingsStore *durableSettings = nullptr);

    // Called with the tokens whose session this instance ended early (leave, staff
    // expiry, a purchase), so their holds go with them.
    using SessionsEnded = std::function<void(const QStringList &tokens)>;
    void onSessionsEnded(SessionsEnded handler) { m_sessionsEnded = std::move(handler); }
    // Called when crowd work is pending: the owner then calls feedCrowd() from its event
    // loop until it returns false, so a big crowd never blocks other requests.
    void onCrowdPending(std::function<void()> wake) { m_crowdWake = std::move(wake); }
    // Adds one chunk of a pending crowd; returns whether more is pending.
    bool feedCrowd();
    static constexpr qint64 CrowdChunk = 5000;

    Outcome<JoinOutcome> join(const QString &concertId, const QString &userId, const QString &clientAddress);
    Outcome<QueueTicket> status(const QString &token);
    Outcome<bool> leave(const QString &token);
    // The tickets of many tokens of one concert, in one store call.
    Outcome<QList<QueueTicket>> statusMany(const QString &concertId, const QStringList &tokens);
    Outcome<QueueStats> stats(const QString &concertId);
    // Writes the durable copy (SQL, with staff's audit entry in its transaction) first,
    // then the store.
    Outcome<QueueStats> updateSettings(const QString &concertId, const QueueSettingsChange &change,
                                       const AuditEntry *audit = nullptr);
    // Puts the durable settings back into the store: every concert's (at start), or one
    // concert's (its state was lost). Returns how many concerts it set. Until it has
    // succeeded once, the tick tries again (the store or the database may be down at start).
    Outcome<qint64> restoreSettings(const QString &concertId = {});
    Outcome<qint64> addCrowd(const QString &concertId, qint64 count);
    // Accepts up to `count` synthetic waiters, at most options.crowdMax in line: the
    // first chunk joins at once, the rest through feedCrowd(). Returns how many it took.
    // Staff: the room's readings of the last hour (one per 10 s, shared by all instances).
    Outcome<QList<QueueSample>> history(const QString &concertId);
    // Staff (QA): ends the `count` active sessions nearest their end, now.
    Outcome<qint64> expireSessions(const QString &concertId, qint64 count);

    // One promoter pass over every concert: opens sales that are due (shuffling their
    // pre-queue) and admits waiters. Safe to run on every instance at once.
    void tick();

    bool isHealthy() { return m_store->isHealthy(); }
    QString storeKind() const { return m_store->kind(); }
    qint64 admittedTotal() const { return m_admittedTotal; }
    qint64 tickCount() const { return m_ticks; }
    const QHash<QString, PromoteResult> &lastTick() const { return m_lastTick; }
    // How many places this instance has moved in a concert's room so far (admitted,
    // expired, dropped, left): the live channel re-reads a room at once when it grew.
    qint64 changes(const QString &concertId) const { return m_changes.value(concertId); }

    struct ConcertInfo
    {
        QDateTime salesOpenAt;
        bool open = false;  // this instance has seen it opened
        // The admission rate measured at the last tick: admissions over a window.
        qint64 admittedInWindow = 0;
        qint64 windowMs = 0;
        QueueSettings settings;          // read from the store at most once a second
        qint64 settingsReadMs = -1;
        qint64 historyBucket = -1;       // the last history bucket this instance recorded
    };

    // What the event loops read to answer joins and status reads without this thread:
    // the concerts as of the last tick. Thread-safe.
    struct View
    {
        QHash<QString, ConcertInfo> concerts;
    };
    std::shared_ptr<const View> view() const;
    JoinRateLimiter &joinLimiter() const { return *m_limiter; }
    // A waiter's ticket from its place in the store (ETA from the concert's rate).
    static QueueTicket ticketFor(const QString &concertId, const QueuePlace &place, const ConcertInfo &info, qint64 nowMs);
    qint64 now() const { return m_clock(); }

    // "<concertId>.<32 hex digits>": 128 random bits; the concert id routes the lookup.
    static QString newToken(const QString &concertId);
    static std::optional<QString> concertOfToken(const QString &token);

private:
    void publishView();
    void tickConcerts();
    Outcome<ConcertInfo *> concert(const QString &concertId);
    void refreshConcerts();
    Outcome<bool> ensureOpen(const QString &concertId, ConcertInfo &info, qint64 nowMs);
    QueueTicket ticketFrom(const QString &concertId, const QueuePlace &place, const ConcertInfo &info) const;
    static int etaSeconds(qint64 position, const ConcertInfo &info);

    QueueStore *m_store;
    CatalogService *m_catalog;
    QueueOptions m_options;
    Clock m_clock;
    std::shared_ptr<JoinRateLimiter> m_limiter;
    SessionsEnded m_sessionsEnded;
    std::function<void()> m_crowdWake;
    struct PendingCrowd
    {
        QString concertId;
        QString prefix;
        qint64 remaining = 0;
    };
    QList<PendingCrowd> m_crowd;
    SqlQueueSettingsStore *m_durableSettings = nullptr;
    bool m_settingsRestored = false;
    QHash<QString, ConcertInfo> m_concerts;
    qint64 m_concertsReadMs = 0;
    QHash<QString, PromoteResult> m_lastTick;
    QHash<QString, qint64> m_changes;
    qint64 m_admittedTotal = 0;
    qint64 m_ticks = 0;
    mutable std::mutex m_viewMutex;
    std::shared_ptr<const View> m_view = std::make_shared<View>();
};

} // namespace BoxOffice::Server
