#include "server/queue/queueservice.h"

#include "server/queue/sqlqueuesettingsstore.h"
#include "server/sales/catalogservice.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

#include <cmath>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcQueue, "boxoffice.server.queue")

namespace {

constexpr qint64 ConcertRefreshMs = 30'000;

Failure badRequest(const QString &message)
{
    return Failure{Failure::Code::BadRequest, message, {}};
}

} // namespace

QueueService::QueueService(QueueStore *store, CatalogService *catalog, QueueOptions options, Clock clock,
                           std::shared_ptr<JoinRateLimiter> joinLimiter, SqlQueueSettingsStore *durableSettings)
    : m_store(store), m_catalog(catalog), m_options(options),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); })),
      m_limiter(joinLimiter ? std::move(joinLimiter)
                            : std::make_shared<JoinRateLimiter>(options.joinRatePerSecond, options.joinBurst)),
      m_durableSettings(durableSettings), m_settingsRestored(!durableSettings)
{
}

QString QueueService::newToken(const QString &concertId)
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QString hex;
    for (quint32 w : words)
        hex += u"%1"_s.arg(w, 8, 16, QLatin1Char('0'));
    return concertId + u'.' + hex;
}

std::optional<QString> QueueService::concertOfToken(const QString &token)
{
    // "<concert id: [A-Za-z0-9_-]{1,100}>.<32 lower-case hex digits>", checked by hand:
    // this runs on every status read.
    const qsizetype dot = token.size() - 33;
    if (dot < 1 || dot > 100 || token.at(dot) != u'.')
        return std::nullopt;
    for (qsizetype i = 0; i < token.size(); ++i) {
        const char16_t c = token.at(i).unicode();
        const bool hex = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
        if (i > dot ? !hex
                    : i < dot && !(hex || (c >= u'A' && c <= u'Z') || (c >= u'g' && c <= u'z') || c == u'_' || c == u'-'))
            return std::nullopt;
    }
    return token.left(dot);
}

void QueueService::refreshConcerts()
{
    m_concertsReadMs = m_clock();
    const auto concerts = m_catalog->concerts();
    if (!concerts)
        return;
    for (const Concert &c : concerts.value()) {
        QDateTime open;
        for (const auto &p : c.performances)
            if (!open.isValid() || p.salesOpenAt < open)
                open = p.salesOpenAt;
        const bool known = m_concerts.contains(c.id);
        ConcertInfo &info = m_concerts[c.id];
        info.salesOpenAt = open;
        if (!known)
            info.settings = m_options.defaults;
    }
}

Outcome<QueueService::ConcertInfo *> QueueService::concert(const QString &concertId)
{
    auto it = m_concerts.find(concertId);
    if (it == m_concerts.end() && m_clock() - m_concertsReadMs > 1000) {
        refreshConcerts();
        it = m_concerts.find(concertId);
    }
    if (it == m_concerts.end())
        return Failure{Failure::Code::NotFound, u"no concert with id \"%1\""_s.arg(concertId.left(100)), {}};
    return &*it;
}

Outcome<bool> QueueService::ensureOpen(const QString &concertId, ConcertInfo &info, qint64 nowMs)
{
    if (info.open || !info.salesOpenAt.isValid() || info.salesOpenAt.toMSecsSinceEpoch() > nowMs)
        return info.open;
    const quint32 seed = QRandomGenerator::system()->generate();
    auto opened = m_store->open(concertId, seed);
    if (!opened)
        return opened.error();
    info.open = true;
    if (opened.value() >= 0)
        qCInfo(lcQueue).noquote() << "sales open for" << concertId << "- pre-queue of" << opened.value()
                                  << "shuffled with seed" << seed;
    return true;
}

int QueueService::etaSeconds(qint64 position, const ConcertInfo &info)
{
    // The prior: the turnover of a full room (capacity every session length). The
    // measured rate takes over as its window grows past two session lengths: early
    // in a sale the window holds little more than the room's first fill, a burst
    // that says nothing about how fast places free up afterwards.
    const double sessionMs = 1000.0 * qMax(1, info.settings.sessionSeconds);
    const double prior = double(qMax(1, info.settings.capacity)) * 1000.0 / sessionMs;
    // No admission in the window (none yet, or a full room nobody left): no measurement.
    const double weight = info.admittedInWindow > 0 ? std::clamp(double(info.windowMs) / (2 * sessionMs), 0.0, 1.0) : 0.0;
    const double measured = info.windowMs > 0 ? double(info.admittedInWindow) * 1000.0 / double(info.windowMs) : 0;
    const double rate = qMax(1e-6, weight * measured + (1 - weight) * prior);
    return int(qMin<double>(std::ceil(double(position) / rate), 7 * 24 * 3600));
}

std::shared_ptr<const QueueService::View> QueueService::view() const
{
    std::lock_guard lock(m_viewMutex);
    return m_view;
}

void QueueService::publishView()
{
    auto next = std::make_shared<View>(View{m_concerts});
    std::lock_guard lock(m_viewMutex);
    m_view = std::move(next);
}

QueueTicket QueueService::ticketFrom(const QString &concertId, const QueuePlace &place, const ConcertInfo &info) const
{
    return ticketFor(concertId, place, info, m_clock());
}

QueueTicket QueueService::ticketFor(const QString &concertId, const QueuePlace &place, const ConcertInfo &info, qint64 nowMs)
{
    QueueTicket t;
    t.token = place.token;
    t.concertId = concertId;
    t.waiting = int(place.waiting);
    switch (place.state) {
    case QueuePlace::State::Active:
        t.state = QueueTicket::State::Active;
        t.expiresAt = QDateTime::fromMSecsSinceEpoch(place.expiresAtMs, Qt::UTC);
        break;
    case QueuePlace::State::Waiting:
    case QueuePlace::State::PreQueue: {
        t.state = QueueTicket::State::Waiting;
        t.position = int(place.position);
        t.ahead = int(place.position - 1);
        t.paused = info.settings.paused;
        qint64 eta = etaSeconds(place.position, info);
        if (place.state == QueuePlace::State::PreQueue) {
            t.preQueue = true;
            t.opensAt = info.salesOpenAt;
            eta += qMax<qint64>(0, (info.salesOpenAt.toMSecsSinceEpoch() - nowMs) / 1000);
        }
        t.etaSeconds = int(qMin<qint64>(eta, 7 * 24 * 3600));
        break;
    }
    case QueuePlace::State::Expired:
    case QueuePlace::State::Unknown:
        t.state = QueueTicket::State::Expired;
        break;
    }
    return t;
}

Outcome<JoinOutcome> QueueService::join(const QString &concertId, const QString &userId, const QString &clientAddress)
{
    if (userId.trimmed().isEmpty() || userId.size() > 200)
        return badRequest(u"userId must be a non-empty string of at most 200 characters"_s);
    auto info = concert(concertId);
    if (!info)
        return info.error();
    const qint64 now = m_clock();
    if (auto wait = m_limiter->allow(clientAddress, now))
        return Failure{Failure::Code::RateLimited, u"too many joins from this address; try again later"_s,
                       {{u"retryAfterSeconds"_s, *wait}}};
    if (auto opened = ensureOpen(concertId, *info.value(), now); !opened)
        return opened.error();
    auto place = m_store->join(concertId, userId, newToken(concertId), now);
    if (!place)
        return place.error();
    return JoinOutcome{ticketFrom(concertId, place.value(), *info.value()), place.value().created};
}

Outcome<QueueTicket> QueueService::status(const QString &token)
{
    const auto concertId = concertOfToken(token);
    if (!concertId)
        return Failure{Failure::Code::NotFound, u"no such queue token"_s, {}};
    auto info = concert(*concertId);
    if (!info)
        return Failure{Failure::Code::NotFound, u"no such queue token"_s, {}};
    auto place = m_store->status(*concertId, token, m_clock());
    if (!place)
        return place.error();
    if (place.value().state == QueuePlace::State::Unknown)
        return Failure{Failure::Code::NotFound, u"no such queue token"_s, {}};
    return ticketFrom(*concertId, place.value(), *info.value());
}

Outcome<QList<QueueTicket>> QueueService::statusMany(const QString &concertId, const QStringList &tokens)
{
    auto info = concert(concertId);
    if (!info)
        return info.error();
    auto places = m_store->statusMany(concertId, tokens, m_clock());
    if (!places)
        return places.error();
    QList<QueueTicket> out;
    out.reserve(places.value().size());
    for (const QueuePlace &p : places.value())
        out.append(ticketFrom(concertId, p, *info.value()));
    return out;
}

Outcome<bool> QueueService::leave(const QString &token)
{
    const auto concertId = concertOfToken(token);
    if (!concertId || !concert(*concertId))
        return Failure{Failure::Code::NotFound, u"no such queue token"_s, {}};
    auto left = m_store->leave(*concertId, token, m_clock());
    if (!left)
        return left.error();
    if (!left.value())
        return Failure{Failure::Code::NotFound, u"no such queue token"_s, {}};
    ++m_changes[*concertId];
    if (m_sessionsEnded)
        m_sessionsEnded({token});
    return true;
}

Outcome<QueueStats> QueueService::stats(const QString &concertId)
{
    if (auto info = concert(concertId); !info)
        return info.error();
    auto c = m_store->counts(concertId, m_clock(), m_options.defaults);
    if (!c)
        return c.error();
    const QueueCounts &n = c.value();
    return QueueStats{concertId,
                      int(n.waiting + n.preQueue),
                      int(n.active),
                      n.settings.capacity,
                      n.settings.sessionSeconds,
                      n.settings.paused,
                      int(n.admittedLastMinute)};
}

Outcome<QueueStats> QueueService::updateSettings(const QString &concertId, const QueueSettingsChange &change,
                                                 const AuditEntry *audit)
{
    if (auto info = concert(concertId); !info)
        return info.error();
    if (change.capacity && (*change.capacity < 0 || *change.capacity > 1'000'000))
        return badRequest(u"capacity must be between 0 and 1000000"_s);
    if (change.sessionSeconds && (*change.sessionSeconds < 10 || *change.sessionSeconds > 86400))
        return badRequest(u"sessionSeconds must be between 10 and 86400"_s);
    // The durable copy first: if the store then fails, the next restore brings it level.
    if (m_durableSettings)
        if (auto saved = m_durableSettings->save(concertId, change, m_clock(), audit); !saved)
            return saved.error();
    if (auto updated = m_store->updateSettings(concertId, change, m_options.defaults); !updated)
        return updated.error();
    if (auto info = concert(concertId))
        info.value()->settingsReadMs = -1;  // read again at the next tick
    qCInfo(lcQueue) << "settings of" << concertId << "changed: capacity" << change.capacity.value_or(-1)
                    << "sessionSeconds" << change.sessionSeconds.value_or(-1) << "paused"
                    << (change.paused ? int(*change.paused) : -1);
    return stats(concertId);
}

Outcome<qint64> QueueService::restoreSettings(const QString &concertId)
{
    if (!m_durableSettings)
        return qint64(0);
    QHash<QString, QueueSettingsChange> saved;
    if (concertId.isEmpty()) {
        auto all = m_durableSettings->all();
        if (!all)
            return all.error();
        saved = std::move(all).value();
    } else {
        auto one = m_durableSettings->one(concertId);
        if (!one)
            return one.error();
        if (one.value().capacity || one.value().sessionSeconds || one.value().paused)
            saved.insert(concertId, one.value());
    }
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        if (auto updated = m_store->updateSettings(it.key(), it.value(), m_options.defaults); !updated)
            return updated.error();
        if (auto info = m_concerts.find(it.key()); info != m_concerts.end())
            info->settingsReadMs = -1;  // read again at the next tick
    }
    if (concertId.isEmpty()) {
        m_settingsRestored = true;
        if (!saved.isEmpty())
            qCInfo(lcQueue) << "queue settings of" << saved.size() << "concerts put back from the database";
    }
    return qint64(saved.size());
}

Outcome<qint64> QueueService::addCrowd(const QString &concertId, qint64 count)
{
    if (auto info = concert(concertId); !info)
        return info.error();
    if (count < 1 || count > 1'000'000)
        return badRequest(u"count must be between 1 and 1000000"_s);
    auto c = m_store->counts(concertId, m_clock(), m_options.defaults);
    if (!c)
        return c.error();
    qint64 inLine = c.value().waiting + c.value().preQueue;
    for (const PendingCrowd &p : std::as_const(m_crowd))
        if (p.concertId == concertId)
            inLine += p.remaining;
    const qint64 room = qint64(m_options.crowdMax) - inLine;
    if (room <= 0)
        return Failure{Failure::Code::Conflict,
                       u"the line is at the crowd simulator's cap of %1 waiters"_s.arg(m_options.crowdMax),
                       {{u"limit"_s, m_options.crowdMax}}};
    const qint64 accepted = qMin(count, room);
    const QString prefix = concertId + u".sim"_s + QString::number(QRandomGenerator::global()->bounded(100000)) + u'-';
    // The first chunk at once (small crowds are there when the answer is), the rest
    // in chunks between other work.
    const qint64 first = qMin(accepted, CrowdChunk);
    auto added = m_store->addSynthetic(concertId, first, m_clock(), prefix);
    if (!added)
        return added.error();
    if (accepted > first) {
        m_crowd.append({concertId, prefix, accepted - first});
        if (m_crowdWake)
            m_crowdWake();
    }
    return accepted;
}

bool QueueService::feedCrowd()
{
    if (m_crowd.isEmpty())
        return false;
    PendingCrowd &p = m_crowd.first();
    const qint64 n = qMin(p.remaining, CrowdChunk);
    auto added = m_store->addSynthetic(p.concertId, n, m_clock(), p.prefix);
    if (!added) {
        qCWarning(lcQueue) << "crowd for" << p.concertId << "stopped with" << p.remaining << "to go:"
                           << added.error().message;
        m_crowd.removeFirst();
    } else if ((p.remaining -= n) <= 0) {
        m_crowd.removeFirst();
    }
    return !m_crowd.isEmpty();
}

Outcome<QList<QueueSample>> QueueService::history(const QString &concertId)
{
    if (auto info = concert(concertId); !info)
        return info.error();
    return m_store->history(concertId);
}

Outcome<qint64> QueueService::expireSessions(const QString &concertId, qint64 count)
{
    if (auto info = concert(concertId); !info)
        return info.error();
    if (count < 1 || count > 1'000'000)
        return badRequest(u"count must be between 1 and 1000000"_s);
    auto expired = m_store->expireActive(concertId, count, m_clock());
    if (!expired)
        return expired.error();
    if (m_sessionsEnded && !expired.value().isEmpty())
        m_sessionsEnded(expired.value());
    m_changes[concertId] += expired.value().size();
    return qint64(expired.value().size());
}

void QueueService::tick()
{
    tickConcerts();
    publishView();  // also when the store is down: what is known goes to the loops
}

void QueueService::tickConcerts()
{
    ++m_ticks;
    const qint64 now = m_clock();
    if (!m_settingsRestored && !restoreSettings())
        return;  // the store or the database is down: try again next tick
    if (m_concerts.isEmpty() || now - m_concertsReadMs > ConcertRefreshMs)
        refreshConcerts();
    for (auto it = m_concerts.begin(); it != m_concerts.end(); ++it) {
        if (auto opened = ensureOpen(it.key(), *it, now); !opened)
            return;  // the store is down: try again next tick
        auto result = m_store->promote(it.key(), now, qint64(m_options.idleSeconds) * 1000,
                                       qint64(m_options.expiredRetentionSeconds) * 1000, m_options.defaults);
        if (!result)
            return;
        if (it->open && !result.value().open) {
            // The store lost its state (Redis restarted without persistence): open again.
            // Its settings go back first (nobody was admitted in this pass: the store does
            // not admit in a room it does not know open); until they are, it stays shut.
            if (auto restored = restoreSettings(it.key()); !restored) {
                qCWarning(lcQueue) << "the queue store forgot" << it.key() << "and its settings cannot be put back:"
                                   << restored.error().message;
            } else {
                qCWarning(lcQueue) << "the queue store forgot that" << it.key() << "is open; opening again";
                it->open = false;
            }
        }
        m_admittedTotal += result.value().admitted;
        m_changes[it.key()] += result.value().admitted + result.value().expired + result.value().dropped;
        it->admittedInWindow = result.value().admittedInWindow;
        it->windowMs = result.value().windowMs;
        if (it->settingsReadMs < 0 || now - it->settingsReadMs >= 1000) {
            // The settings, for ETAs and the paused flag (any instance may change them).
            if (auto c = m_store->counts(it.key(), now, m_options.defaults)) {
                it->settings = c.value().settings;
                it->settingsReadMs = now;
            }
        }
        m_lastTick.insert(it.key(), result.value());
        // One reading per 10 s for the staff dashboard (the store keeps the first of each).
        if (const qint64 bucket = now / QueueStore::HistoryBucketMs; bucket != it->historyBucket) {
            it->historyBucket = bucket;
            m_store->recordHistory(it.key(), {now, result.value().waiting, result.value().active});
        }
        if (result.value().admitted || result.value().expired || result.value().dropped)
            qCDebug(lcQueue) << it.key() << "admitted" << result.value().admitted << "expired"
                             << result.value().expired << "dropped" << result.value().dropped;
    }
}

} // namespace BoxOffice::Server
