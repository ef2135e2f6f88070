#include "app/bookingsession.h"

#include "app/offlinecache.h"
#include "domain/jsonreader.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace BoxOffice {

using namespace Qt::StringLiterals;

BookingSession::BookingSession(ApiClient *api, QString concertId, QString performanceId, QString userId,
                               OfflineCache *cache, QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache), m_concertId(std::move(concertId)),
      m_performanceId(std::move(performanceId)), m_userId(std::move(userId))
{
    m_queueTimer.setInterval(m_queueInterval);
    m_seatTimer.setInterval(m_seatInterval);
    m_countdown.setInterval(std::chrono::seconds(1));
    connect(&m_queueTimer, &QTimer::timeout, this, &BookingSession::pollQueue);
    connect(&m_seatTimer, &QTimer::timeout, this, &BookingSession::pollSeats);
    connect(&m_countdown, &QTimer::timeout, this, &BookingSession::tickCountdown);
    // Pushes when the live channel is up; polling (the fallback) while it is down.
    connect(&m_live, &LiveChannel::queueUpdated, this, [this](const QueueTicket &t) {
        if (t.token == m_token)
            onTicket(t);
    });
    connect(&m_live, &LiveChannel::seatsChanged, this,
            [this](const QString &performance, qint64 version, const QList<QPair<int, char>> &changes) {
                if (performance == m_performanceId && m_seats.hasStatus()
                    && m_seats.applyDelta(version, changes) == SeatMapModel::Delta::Gap)
                    pollSeats();  // a version was missed: read the whole status
            });
    connect(&m_live, &LiveChannel::seatsUnreadable, this, [this](const QString &performance) {
        if (performance == m_performanceId || performance.isEmpty())
            pollSeats();
    });
    connect(&m_live, &LiveChannel::connectedChanged, this, [this](bool connected) {
        // Slow polling as a safety net while pushed to; the normal rate while not.
        m_queueTimer.setInterval(connected ? m_queueInterval * 10 : m_queueInterval);
        m_seatTimer.setInterval(connected ? m_seatInterval * 5 : m_seatInterval);
        if (connected) {  // a snapshot first, then the pushes newer than it
            pollQueue();
            if (m_seats.hasStatus())
                pollSeats();
        }
    });
}

BookingSession::~BookingSession()
{
    abandon();
}

void BookingSession::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void BookingSession::setIntervals(std::chrono::milliseconds queue, std::chrono::milliseconds seats)
{
    m_queueInterval = queue;
    m_seatInterval = seats;
    m_queueTimer.setInterval(queue);
    m_seatTimer.setInterval(seats);
}

void BookingSession::abandon()
{
    // Seats held and not bought go back on sale now, not when the hold runs out.
    if (m_hold)
        m_api->release(m_hold->holdId, buyerToken(), m_api, [](const ApiResult<bool> &) {});
    m_hold.reset();
    m_countdown.stop();
    // Leaving frees our place (or our slot) for the next buyer at once.
    if (!m_token.isEmpty() && m_state != State::Done)
        m_api->leaveQueue(m_token, m_api, [](const ApiResult<bool> &) {});
    m_token.clear();
    m_queueTimer.stop();
    m_seatTimer.stop();
    m_live.stop();
}

void BookingSession::start()
{
    if (m_counter) {  // staff: straight to the seats
        m_live.setServer(m_api->baseUrl());
        m_live.setStaffCredential(m_api->staffCredential());
        m_live.start();
        setState(State::Choosing);
        loadSeats();
        return;
    }
    setState(State::Joining);
    join();
}

void BookingSession::join()
{
    m_api->joinQueue(m_concertId, m_userId, this, [this](const ApiResult<QueueTicket> &r) {
        if (!r) {
            const bool unreachable = r.error().isUnreachable();
            if (unreachable && !m_offline) {
                m_offline = true;
                setState(State::Offline);
                showCachedSeats(r.error());
            } else if (!unreachable) {
                Q_EMIT message(r.error().message);
            }
            if (unreachable)  // keep trying: the sale resumes by itself when the server is back
                QTimer::singleShot(std::max<std::chrono::milliseconds>(m_queueInterval * 2, std::chrono::milliseconds(200)),
                                   this, &BookingSession::join);
            return;
        }
        m_token = r.value().token;
        const bool wasOffline = std::exchange(m_offline, false);
        if (wasOffline)
            setState(State::Joining);
        onTicket(r.value());
        if (wasOffline && m_state != State::Choosing) {  // say what is true now (and again once admitted)
            m_reconnected = true;
            Q_EMIT message(tr("Connected again. You are back in line; your place is shown."));
        } else if (wasOffline) {
            Q_EMIT message(tr("Connected again. It is your turn: pick your seats."));
        }
        m_queueTimer.start();
        m_live.setServer(m_api->baseUrl());
        m_live.setToken(m_token);
        m_live.subscribe({u"queue:"_s + m_token});
        m_live.start();
    });
}

void BookingSession::pollQueue()
{
    if (m_token.isEmpty() || m_polling)
        return;
    m_polling = true;
    m_api->queueStatus(m_token, this, [this](const ApiResult<QueueTicket> &r) {
        m_polling = false;
        if (r)
            onTicket(r.value());
    });
}

void BookingSession::onTicket(const QueueTicket &ticket)
{
    switch (ticket.state) {
    case QueueTicket::State::Waiting:
        if (m_state == State::Joining || m_state == State::Waiting) {
            setState(State::Waiting);
            Q_EMIT queueUpdated(ticket);
        }
        break;
    case QueueTicket::State::Active:
        if (ticket.expiresAt)
            m_sessionEnds = ticket.expiresAt;
        if (!m_admitted) {
            m_admitted = true;
            setState(State::Choosing);
            Q_EMIT admitted();
            if (std::exchange(m_reconnected, false))
                Q_EMIT message(tr("Connected again. It is your turn: pick your seats."));
            tickCountdown();
            m_countdown.start();
            loadSeats();
        }
        break;
    case QueueTicket::State::Expired:
        m_sessionEnds.reset();
        m_queueTimer.stop();
        m_seatTimer.stop();
        if (m_state != State::Done) {
            Q_EMIT message(tr("Your session has ended. Join the queue again to buy."));
            Q_EMIT sessionEnded();
        }
        break;
    }
}

void BookingSession::loadSeats()
{
    m_api->fetchPreparedLayout(m_performanceId, this, [this](const ApiResult<ApiClient::LayoutDownload> &r) {
        if (!r) {
            Q_EMIT message(r.error().message);
            return;
        }
        m_seats.adopt(r.value().prepared);  // parsed and prepared on the thread pool
        if (m_cache)
            m_cache->store(u"layout"_s, m_performanceId, r.value().json);  // as served: no re-encoding
        Q_EMIT seatsReady();
        pollSeats();
        m_seatTimer.start();
        m_live.subscribe({u"seats:"_s + m_performanceId});
    });
}

void BookingSession::pollSeats()
{
    m_api->seatStatus(m_performanceId, buyerToken(), this, [this](const ApiResult<SeatStatus> &r) {
        if (r && r.value().version != m_seats.version()) {
            m_seats.setStatus(r.value());
            if (m_cache)
                m_cache->store(u"status"_s, m_performanceId,
                               QJsonDocument(r.value().toJson()).toJson(QJsonDocument::Compact));
        }
        if (r)
            suggestEquivalents();  // the status is fresh now (or was already)
    });
}

void BookingSession::showCachedSeats(const ApiError &error)
{
    if (!m_cache) {
        Q_EMIT message(error.message);
        return;
    }
    m_cache->load(u"layout"_s, m_performanceId, this, [this, error](const std::optional<OfflineCache::Entry> &layout) {
        if (!layout) {
            Q_EMIT message(error.message);
            return;
        }
        // Parsed and prepared off the GUI thread, as when it comes from the server.
        auto *watcher = new QFutureWatcher<std::optional<SeatMapModel::PreparedLayout>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, error] {
            watcher->deleteLater();
            if (!watcher->result()) {
                Q_EMIT message(error.message);
                return;
            }
            m_seats.adopt(*watcher->result());
            showCachedStatus();
        });
        watcher->setFuture(QtConcurrent::run([json = layout->json]() -> std::optional<SeatMapModel::PreparedLayout> {
            auto decoded = SeatLayout::fromJson(parseJson(json).value_or(QJsonValue()));
            if (!decoded)
                return std::nullopt;
            return SeatMapModel::prepare(std::move(decoded).value());
        }));
    });
}

void BookingSession::showCachedStatus()
{
    m_cache->load(u"status"_s, m_performanceId, this, [this](const std::optional<OfflineCache::Entry> &status) {
        auto letters = status ? SeatStatus::fromJson(parseJson(status->json).value_or(QJsonValue()))
                              : Result<SeatStatus>(DecodeError{});
        if (letters)
            m_seats.setStatus(letters.value());
        if (!m_offline)
            return;  // back online meanwhile: the live map wins
        Q_EMIT offlineSeats(
            letters ? tr("Offline: the seats as they were at %1. Buying needs the connection.")
                          .arg(QLocale().toString(status->storedAt.toLocalTime(), QLocale::ShortFormat))
                    : tr("Offline: the seat plan only; no seat status was saved. Buying needs the connection."));
    });
}

void BookingSession::suggestEquivalents()
{
    if (m_lostSeats.isEmpty())
        return;
    const QStringList lost = std::exchange(m_lostSeats, {});
    const QList<int> group = std::exchange(m_group, {});
    if (group.isEmpty())
        return;
    // The whole group again, together: the nearest free block of as many adjacent
    // seats of the same tier (it may keep the seats that are still free). Never fewer
    // seats than were asked for.
    const QList<int> block = m_seats.nearestBlock(group, int(group.size()));
    Q_EMIT suggested(block);
    if (block.isEmpty()) {
        Q_EMIT message(tr("Someone else was faster: %1 no longer available, and no %2 seats together are left in "
                          "that tier. Pick seats yourself, or try fewer.")
                           .arg(m_seats.describe(lost))
                           .arg(group.size()));
        return;
    }
    Q_EMIT message(tr("Someone else was faster: %1 no longer available. The nearest %2 seats together in the same "
                      "tier are picked for you: %3. Hold them, or pick others.")
                       .arg(m_seats.describe(lost))
                       .arg(block.size())
                       .arg(m_seats.describe(block)));
}

void BookingSession::hold(const QStringList &seatIds)
{
    if (m_state != State::Choosing)
        return;
    m_group.clear();
    for (const QString &id : seatIds)
        if (const int s = m_seats.indexOf(id); s >= 0)
            m_group << s;
    m_api->hold(m_performanceId, seatIds, buyerToken(), this, [this](const ApiResult<Hold> &r) { onHold(r); });
}

void BookingSession::holdBest(int count, const QString &tierId)
{
    if (m_state != State::Choosing)
        return;
    m_group.clear();
    m_api->holdBest(m_performanceId, count, tierId, buyerToken(), this, [this](const ApiResult<Hold> &r) { onHold(r); });
}

void BookingSession::onHold(const ApiResult<Hold> &r)
{
    if (!r) {
        // Losing a race names the seats that went.
        QStringList gone;
        for (const QJsonValue &v : r.error().details.value(u"seats"_s).toArray())
            gone << v.toString();
        QString text = r.error().message;
        if (r.error().code == u"seat_unavailable")
            text = gone.isEmpty() ? tr("No such block of seats is left in that tier. Try fewer seats or another tier.")
                                  : tr("Someone else was faster: %1 no longer available. Looking for seats together "
                                       "nearby…")
                                        .arg(m_seats.describe(gone));
        Q_EMIT holdFailed();
        Q_EMIT message(text);
        if (!gone.isEmpty() && !m_group.isEmpty())
            m_lostSeats = gone;  // once the status is fresh, the nearest block for the whole group
        else
            m_group.clear();
        pollSeats();
        return;
    }
    m_hold = r.value();
    setState(State::Holding);
    Q_EMIT holdPlaced(r.value());
    tickCountdown();
    m_countdown.start();
    pollSeats();
}

void BookingSession::tickCountdown()
{
    if (!m_hold) {
        // Admitted, nothing held yet: the session's clock (the server's clock decides).
        if (m_sessionEnds && m_state != State::Done)
            Q_EMIT sessionSecondsLeft(int(std::max<qint64>(0, m_api->serverNow().secsTo(*m_sessionEnds))));
        return;
    }
    const qint64 left = m_api->serverNow().secsTo(m_hold->expiresAt);  // the server's clock decides
    if (left <= 0) {
        m_hold.reset();
        setState(State::Choosing);
        Q_EMIT holdEnded();
        Q_EMIT message(tr("The hold has expired; the seats went back on sale."));
        pollSeats();
        return;
    }
    Q_EMIT secondsLeft(int(left));
}

void BookingSession::release()
{
    if (!m_hold || m_state != State::Holding)
        return;
    m_api->release(m_hold->holdId, buyerToken(), this, [this](const ApiResult<bool> &r) {
        if (!m_sessionEnds)
            m_countdown.stop();  // else the session's clock goes on
        m_hold.reset();
        setState(State::Choosing);
        Q_EMIT holdEnded();
        Q_EMIT message(r ? tr("Released.") : r.error().message);
        tickCountdown();
        pollSeats();
    });
}

void BookingSession::purchase(const QString &method, const Customer &customer)
{
    if (!m_hold || m_state != State::Holding)
        return;  // one payment per hold
    setState(State::Paying);
    const QString holdId = m_hold->holdId;
    m_api->purchase(holdId, method, customer, buyerToken(), this, [this, method, holdId](const ApiResult<Order> &r) {
        if (m_state != State::Paying || !m_hold || m_hold->holdId != holdId)
            return;  // a new sale started meanwhile
        if (!r) {
            setState(State::Holding);
            Q_EMIT purchaseFailed(r.error().message);
            return;
        }
        m_countdown.stop();
        m_queueTimer.stop();
        m_seatTimer.stop();
        m_live.stop();
        m_hold.reset();
        m_sessionEnds.reset();
        m_order = r.value();
        setState(State::Done);
        Q_EMIT purchased(r.value(), method);
    });
}

void BookingSession::newSale()
{
    if (!m_counter)
        return;
    m_order.reset();
    m_hold.reset();
    m_countdown.stop();
    m_group.clear();
    m_lostSeats.clear();
    setState(State::Choosing);
    pollSeats();
    m_seatTimer.start();
    m_live.start();
}

} // namespace BoxOffice
