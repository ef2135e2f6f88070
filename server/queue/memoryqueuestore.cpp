#include "server/queue/memoryqueuestore.h"

namespace BoxOffice::Server {

QList<qsizetype> MemoryQueueStore::shuffledOrder(qsizetype count, quint32 seed)
{
    // Fisher-Yates with MINSTD (x = x * 48271 mod 2^31-1): exact in Lua's doubles too.
    constexpr qint64 modulus = 2147483647;
    qint64 x = qint64(seed) % (modulus - 1) + 1;
    QList<qsizetype> order(count);
    for (qsizetype i = 0; i < count; ++i)
        order[i] = i;
    for (qsizetype i = count; i >= 2; --i) {
        x = x * 48271 % modulus;
        const qsizetype j = qsizetype(x % i) + 1;
        std::swap(order[i - 1], order[j - 1]);
    }
    return order;
}

QueueSettings MemoryQueueStore::effective(const Room &room, const QueueSettings &defaults)
{
    return QueueSettings{room.settings.capacity.value_or(defaults.capacity),
                         room.settings.sessionSeconds.value_or(defaults.sessionSeconds),
                         room.settings.paused.value_or(defaults.paused)};
}

QueuePlace MemoryQueueStore::place(Room &r, const QString &token, qint64 nowMs) const
{
    QueuePlace p;
    p.token = token;
    p.waiting = r.waiting.size();
    if (const auto expiry = r.active.score(token)) {
        p.state = *expiry > nowMs ? QueuePlace::State::Active : QueuePlace::State::Expired;
        p.expiresAtMs = *expiry;
        return p;
    }
    if (const auto rank = r.waiting.rank(token)) {
        p.state = QueuePlace::State::Waiting;
        p.position = *rank + 1;
        return p;
    }
    if (const auto rank = r.preQueue.rank(token)) {
        p.state = QueuePlace::State::PreQueue;
        p.position = *rank + 1;
        p.waiting = r.preQueue.size();
        return p;
    }
    p.state = r.tokens.contains(token) ? QueuePlace::State::Expired : QueuePlace::State::Unknown;
    return p;
}

Outcome<QueuePlace> MemoryQueueStore::join(const QString &concertId, const QString &userId, const QString &newToken,
                                           qint64 nowMs)
{
    Room &r = room(concertId);
    if (const auto existing = r.users.constFind(userId); existing != r.users.cend()) {
        const QString token = *existing;
        QueuePlace p = place(r, token, nowMs);
        if (p.state == QueuePlace::State::Waiting || p.state == QueuePlace::State::PreQueue ||
            p.state == QueuePlace::State::Active) {
            if (p.state != QueuePlace::State::Active)
                r.seen.add(token, qMax(nowMs, r.seen.score(token).value_or(0)));
            return p;
        }
    }
    const qint64 seq = ++r.sequence;
    (r.open ? r.waiting : r.preQueue).add(newToken, seq);
    r.seen.add(newToken, nowMs);
    r.tokens.insert(newToken, userId);
    r.users.insert(userId, newToken);
    QueuePlace p = place(r, newToken, nowMs);
    p.created = true;
    return p;
}

Outcome<QueuePlace> MemoryQueueStore::status(const QString &concertId, const QString &token, qint64 nowMs)
{
    Room &r = room(concertId);
    QueuePlace p = place(r, token, nowMs);
    if ((p.state == QueuePlace::State::Waiting || p.state == QueuePlace::State::PreQueue) &&
        r.seen.score(token).value_or(0) < nowMs)
        r.seen.add(token, nowMs);
    return p;
}

Outcome<QList<QueuePlace>> MemoryQueueStore::statusMany(const QString &concertId, const QStringList &tokens,
                                                       qint64 nowMs)
{
    QList<QueuePlace> out;
    out.reserve(tokens.size());
    for (const QString &token : tokens)
        out.append(status(concertId, token, nowMs).value());
    return out;
}

Outcome<bool> MemoryQueueStore::leave(const QString &concertId, const QString &token, qint64 nowMs)
{
    Room &r = room(concertId);
    if (!r.tokens.contains(token))
        return false;
    r.active.remove(token);
    r.waiting.remove(token);
    r.preQueue.remove(token);
    r.seen.remove(token);
    if (!r.ended.contains(token))
        r.ended.add(token, nowMs);
    return true;
}

Outcome<PromoteResult> MemoryQueueStore::promote(const QString &concertId, qint64 nowMs, qint64 idleMs,
                                                 qint64 retentionMs, const QueueSettings &defaults)
{
    Room &r = room(concertId);
    const QueueSettings s = effective(r, defaults);
    PromoteResult result;
    for (const QString &token : r.active.upToScore(nowMs, 10000)) {
        r.active.remove(token);
        r.ended.add(token, nowMs);
        ++result.expired;
    }
    for (const QString &token : r.seen.upToScore(nowMs - idleMs, 10000)) {
        r.seen.remove(token);
        if (r.waiting.remove(token) | r.preQueue.remove(token)) {  // admitted ones are gone already
            r.ended.add(token, nowMs);
            ++result.dropped;
        }
    }
    // Ended tokens past the retention: forgotten, so the room does not grow without bound.
    for (const QString &token : r.ended.upToScore(nowMs - retentionMs, 10000)) {
        r.ended.remove(token);
        r.seen.remove(token);
        const auto user = r.tokens.constFind(token);
        if (user != r.tokens.cend()) {
            if (const auto owned = r.users.constFind(*user); owned != r.users.cend() && *owned == token)
                r.users.erase(owned);
            r.tokens.erase(user);
        }
        ++result.forgotten;
    }
    if (r.open && !s.paused) {
        const qint64 free = s.capacity - r.active.size();
        if (free > 0) {
            for (const auto &[token, score] : r.waiting.popMin(free)) {
                r.active.add(token, nowMs + qint64(s.sessionSeconds) * 1000);
                ++result.admitted;  // its heartbeat goes with the idle sweep, as in Redis
            }
        }
    }
    if (result.admitted > 0)
        r.admits[nowMs - nowMs % RateBucketMs] += result.admitted;
    while (!r.admits.isEmpty() && r.admits.firstKey() < nowMs - RateWindowMs - RateBucketMs)
        r.admits.erase(r.admits.begin());
    result.waiting = r.waiting.size();
    result.active = r.active.size();
    result.open = r.open;
    for (auto it = r.admits.cbegin(); it != r.admits.cend(); ++it) {
        if (it.key() >= nowMs - RateWindowMs) {
            result.admittedInWindow += it.value();
            result.windowMs = qMax(result.windowMs, nowMs - it.key());
        }
    }
    result.windowMs = qMin(RateWindowMs, qMax(result.windowMs, RateBucketMs));
    return result;
}

Outcome<qint64> MemoryQueueStore::open(const QString &concertId, quint32 seed)
{
    Room &r = room(concertId);
    if (r.open)
        return qint64(-1);
    const QList<QString> arrivals = r.preQueue.members();
    const QList<qsizetype> order = shuffledOrder(arrivals.size(), seed);
    const qsizetype n = arrivals.size();
    for (qsizetype k = 0; k < n; ++k)
        r.waiting.add(arrivals[order[k]], qint64(k) - n);  // -n .. -1: ahead of later joins
    r.preQueue = ScoredSet();
    r.open = true;
    return qint64(n);
}

Outcome<QueueCounts> MemoryQueueStore::counts(const QString &concertId, qint64 nowMs, const QueueSettings &defaults)
{
    Room &r = room(concertId);
    QueueCounts c;
    c.waiting = r.waiting.size();
    c.preQueue = r.preQueue.size();
    c.active = r.active.size();
    for (auto it = r.admits.cbegin(); it != r.admits.cend(); ++it)
        if (it.key() > nowMs - 60'000 - RateBucketMs)
            c.admittedLastMinute += it.value();
    c.settings = effective(r, defaults);
    c.open = r.open;
    return c;
}

Outcome<QueueSettings> MemoryQueueStore::updateSettings(const QString &concertId, const QueueSettingsChange &change,
                                                        const QueueSettings &defaults)
{
    Room &r = room(concertId);
    if (change.capacity)
        r.settings.capacity = change.capacity;
    if (change.sessionSeconds)
        r.settings.sessionSeconds = change.sessionSeconds;
    if (change.paused)
        r.settings.paused = change.paused;
    return effective(r, defaults);
}

Outcome<bool> MemoryQueueStore::recordHistory(const QString &concertId, const QueueSample &sample)
{
    QList<QueueSample> &h = room(concertId).history;
    if (!h.isEmpty() && h.last().atMs / HistoryBucketMs == sample.atMs / HistoryBucketMs)
        return false;
    h.append(sample);
    if (h.size() > HistoryKeep)
        h.remove(0, h.size() - HistoryKeep);
    return true;
}

Outcome<QList<QueueSample>> MemoryQueueStore::history(const QString &concertId)
{
    return room(concertId).history;
}

Outcome<QStringList> MemoryQueueStore::expireActive(const QString &concertId, qint64 count, qint64 nowMs)
{
    Room &r = room(concertId);
    QStringList tokens;
    for (const auto &[token, expiry] : r.active.popMin(count)) {
        r.ended.add(token, nowMs);
        tokens << token;
    }
    return tokens;
}

Outcome<qint64> MemoryQueueStore::entries(const QString &concertId)
{
    const Room &r = room(concertId);
    return qint64(r.waiting.size() + r.preQueue.size() + r.active.size() + r.seen.size() + r.ended.size()
                  + r.tokens.size() + r.users.size());
}

Outcome<qint64> MemoryQueueStore::addSynthetic(const QString &concertId, qint64 count, qint64 nowMs,
                                               const QString &tokenPrefix)
{
    Room &r = room(concertId);
    for (qint64 i = 0; i < count; ++i) {
        const qint64 seq = ++r.sequence;
        const QString token = tokenPrefix + QString::number(seq);
        (r.open ? r.waiting : r.preQueue).add(token, seq);
        r.seen.add(token, AlwaysSeen);
        r.tokens.insert(token, QStringLiteral("sim-") + QString::number(seq));
    }
    Q_UNUSED(nowMs);
    return count;
}

QList<MemoryQueueStore::SavedRoom> MemoryQueueStore::saveRooms() const
{
    QList<SavedRoom> out;
    out.reserve(m_rooms.size());
    for (auto it = m_rooms.cbegin(); it != m_rooms.cend(); ++it) {
        const Room &r = *it;
        if (r.tokens.isEmpty() && r.sequence == 0 && !r.open)
            continue;  // only read, or settings only (those are in SQL)
        SavedRoom room{it.key(), r.sequence, r.open, {}};
        room.tokens.reserve(r.tokens.size());
        for (auto t = r.tokens.cbegin(); t != r.tokens.cend(); ++t) {
            SavedToken saved{t.key(), t.value(), r.users.value(t.value()) == t.key(), SavedToken::State::Issued, 0, 0};
            if (const auto expiry = r.active.score(t.key())) {
                saved.state = SavedToken::State::Active;
                saved.score = *expiry;
            } else if (const auto seq = r.waiting.score(t.key())) {
                saved.state = SavedToken::State::Waiting;
                saved.score = *seq;
            } else if (const auto pre = r.preQueue.score(t.key())) {
                saved.state = SavedToken::State::PreQueue;
                saved.score = *pre;
            } else if (const auto ended = r.ended.score(t.key())) {
                saved.state = SavedToken::State::Ended;
                saved.score = *ended;
            }
            if (saved.state == SavedToken::State::Waiting || saved.state == SavedToken::State::PreQueue)
                saved.seen = r.seen.score(t.key()).value_or(0);
            room.tokens.append(saved);
        }
        out.append(room);
    }
    return out;
}

void MemoryQueueStore::restoreRooms(const QList<SavedRoom> &rooms, qint64 nowMs)
{
    for (const SavedRoom &saved : rooms) {
        Room r;
        r.sequence = saved.sequence;
        r.open = saved.open;
        for (const SavedToken &t : saved.tokens) {
            r.tokens.insert(t.token, t.userId);
            if (t.ownsUser)
                r.users.insert(t.userId, t.token);
            switch (t.state) {
            case SavedToken::State::Waiting:
            case SavedToken::State::PreQueue:
                (t.state == SavedToken::State::Waiting ? r.waiting : r.preQueue).add(t.token, t.score);
                r.seen.add(t.token, qMax(t.seen, nowMs));  // synthetic ones stay AlwaysSeen
                break;
            case SavedToken::State::Active:
                r.active.add(t.token, t.score);
                break;
            case SavedToken::State::Ended:
                r.ended.add(t.token, t.score);
                break;
            case SavedToken::State::Issued:
                break;
            }
        }
        // Settings set before the restart come back from SQL (QueueService::restoreSettings).
        m_rooms.insert(saved.concertId, std::move(r));
    }
}

} // namespace BoxOffice::Server
