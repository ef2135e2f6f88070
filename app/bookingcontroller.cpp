#include "app/bookingcontroller.h"

#include "ui/bookingwindow.h"
#include "ui/seatmapview.h"
#include "ui/ticketdocument.h"

#include "app/offlinecache.h"
#include "domain/jsonreader.h"

#include <QApplication>
#include <QDir>
#include <QFutureWatcher>
#include <QPrintDialog>
#include <QPrinter>
#include <QtConcurrent/QtConcurrentRun>
#include <QJsonArray>
#include <QSystemTrayIcon>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>



namespace BoxOffice {

using namespace Qt::StringLiterals;

BookingController::BookingController(ApiClient *api, QString concertId, QString performanceId, QString title,
                                     QString userId, OfflineCache *cache, QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache), m_concertId(std::move(concertId)), m_performanceId(std::move(performanceId)),
      m_userId(std::move(userId)), m_window(std::make_unique<BookingWindow>(title, &m_seats)), m_title(title)
{
    m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    m_queueTimer.setInterval(std::chrono::seconds(1));
    m_seatTimer.setInterval(std::chrono::seconds(2));
    m_countdown.setInterval(std::chrono::seconds(1));
    connect(&m_queueTimer, &QTimer::timeout, this, &BookingController::pollQueue);
    connect(&m_seatTimer, &QTimer::timeout, this, &BookingController::pollSeats);
    connect(&m_countdown, &QTimer::timeout, this, &BookingController::tickCountdown);
    connect(m_window.get(), &BookingWindow::holdRequested, this, &BookingController::hold);
    connect(m_window.get(), &BookingWindow::bestRequested, this, &BookingController::holdBest);
    connect(m_window.get(), &BookingWindow::releaseRequested, this, &BookingController::release);
    connect(m_window.get(), &BookingWindow::purchaseRequested, this, &BookingController::purchase);
    connect(m_window.get(), &BookingWindow::saveTicketRequested, this, &BookingController::saveTicket);
    connect(m_window.get(), &BookingWindow::printTicketRequested, this, &BookingController::printTicket);
    connect(m_window.get(), &BookingWindow::newSaleRequested, this, [this] {
        m_order.reset();
        m_window->seatMap()->clearSelection();
        m_window->showSeats();
        m_window->showMessage({});
        pollSeats();
        m_seatTimer.start();
        m_live.start();
    });
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
    connect(m_window.get(), &BookingWindow::leaveRequested, this, [this] {
        m_window->close();
        Q_EMIT finished();
    });
}

BookingController::~BookingController()
{
    abandon();
}

void BookingController::abandon()
{
    // Seats held and not bought go back on sale now, not when the hold runs out.
    if (m_hold)
        m_api->release(m_hold->holdId, m_counter ? QString() : m_token, m_api, [](const ApiResult<bool> &) {});
    m_hold.reset();
    m_countdown.stop();
    // Leaving frees our place (or our slot) for the next buyer at once.
    if (!m_token.isEmpty() && m_window->page() != BookingWindow::Page::Done)
        m_api->leaveQueue(m_token, m_api, [](const ApiResult<bool> &) {});
    m_token.clear();
    m_queueTimer.stop();
    m_seatTimer.stop();
    m_live.stop();
}

void BookingController::setCounterSale(bool counter)
{
    m_counter = counter;
    m_window->setCounterMode(counter);
}

void BookingController::setTicketDetails(const QString &venue, const QDateTime &startsAt)
{
    m_venue = venue;
    m_startsAt = startsAt;
}

void BookingController::saveTicket(const QString &fileName)
{
    if (!m_order)
        return;
    const TicketDocument ticket({*m_order, m_title, m_venue, m_startsAt});
    // Off the GUI thread: QPdfWriter and QPainter may run in a worker.
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, fileName] {
        watcher->deleteLater();
        const QString error = watcher->result();
        m_window->showMessage(error.isEmpty() ? tr("Ticket saved to %1.").arg(QDir::toNativeSeparators(fileName))
                                              : error);
        Q_EMIT ticketSaved(fileName, error.isEmpty());
    });
    watcher->setFuture(QtConcurrent::run([ticket, fileName] {
        QString error;
        ticket.writePdf(fileName, &error);
        return error;
    }));
}

void BookingController::printTicket()
{
    if (!m_order)
        return;
    QPrinter printer;
    QPrintDialog dialog(&printer, m_window.get());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const TicketDocument ticket({*m_order, m_title, m_venue, m_startsAt});
    if (!ticket.paint(&printer))
        m_window->showMessage(tr("The ticket could not be printed."));
}

void BookingController::setIntervals(std::chrono::milliseconds queue, std::chrono::milliseconds seats)
{
    m_queueInterval = queue;
    m_seatInterval = seats;
    m_queueTimer.setInterval(queue);
    m_seatTimer.setInterval(seats);
}

void BookingController::start()
{
    m_window->show();
    if (m_counter) {  // staff: straight to the seats
        m_live.setServer(m_api->baseUrl());
        m_live.setStaffKey(m_api->staffKey());
        m_live.start();
        loadSeats();
        return;
    }
    join();
}

void BookingController::join()
{
    m_api->joinQueue(m_concertId, m_userId, this, [this](const ApiResult<QueueTicket> &r) {
        if (!r) {
            const bool unreachable = r.error().kind == ApiError::Kind::Network || r.error().kind == ApiError::Kind::Timeout;
            if (unreachable && !m_offline) {
                m_offline = true;
                showCachedSeats(r.error());
            } else if (!unreachable) {
                m_window->showMessage(r.error().message);
            }
            if (unreachable)  // keep trying: the sale resumes by itself when the server is back
                QTimer::singleShot(std::max<std::chrono::milliseconds>(m_queueInterval * 2, std::chrono::milliseconds(200)),
                                   this, &BookingController::join);
            return;
        }
        if (m_offline) {
            m_offline = false;
            m_window->showMessage(tr("Connected again: your place in line is below."));
        }
        m_token = r.value().token;
        onTicket(r.value());
        m_queueTimer.start();
        m_live.setServer(m_api->baseUrl());
        m_live.setToken(m_token);
        m_live.subscribe({u"queue:"_s + m_token});
        m_live.start();
    });
}

void BookingController::showCachedSeats(const ApiError &error)
{
    if (!m_cache) {
        m_window->showMessage(error.message);
        return;
    }
    m_cache->load(u"layout"_s, m_performanceId, this, [this, error](const std::optional<OfflineCache::Entry> &layout) {
        auto decoded = layout ? SeatLayout::fromJson(parseJson(layout->json).value_or(QJsonValue()))
                              : Result<SeatLayout>(DecodeError{});
        if (!decoded) {
            m_window->showMessage(error.message);
            return;
        }
        m_seats.setLayout(decoded.value());
        m_cache->load(u"status"_s, m_performanceId, this, [this](const std::optional<OfflineCache::Entry> &status) {
            auto letters = status ? SeatStatus::fromJson(parseJson(status->json).value_or(QJsonValue()))
                                  : Result<SeatStatus>(DecodeError{});
            if (letters)
                m_seats.setStatus(letters.value());
            m_window->showOfflineSeats(
                letters ? tr("Offline: the seats as they were at %1. Buying needs the connection.")
                              .arg(QLocale().toString(status->storedAt.toLocalTime(), QLocale::ShortFormat))
                        : tr("Offline: the seat plan only; no seat status was saved. Buying needs the connection."));
        });
    });
}

void BookingController::suggestEquivalents()
{
    if (m_lostSeats.isEmpty())
        return;
    const QStringList lost = std::exchange(m_lostSeats, {});
    // For each seat that went: the nearest free seat of the same tier not picked yet.
    const auto &seats = m_seats.layout().seats;
    QList<int> picks;
    QStringList names;
    for (const QString &id : lost) {
        const int gone = m_seats.indexOf(id);
        if (gone < 0)
            continue;
        int best = -1;
        double bestDistance = 0;
        for (int i = 0; i < seats.size(); ++i) {
            if (m_seats.letter(i) != 'A' || seats[i].tier != seats[gone].tier || picks.contains(i))
                continue;
            const double d = std::hypot(seats[i].x - seats[gone].x, seats[i].y - seats[gone].y);
            if (best < 0 || d < bestDistance)
                best = i, bestDistance = d;
        }
        if (best >= 0) {
            picks << best;
            names << seats[best].id;
        }
    }
    if (picks.isEmpty())
        return;
    m_window->seatMap()->select(picks);
    m_window->showMessage(tr("Someone else was faster: %1 no longer available. The nearest free seats of the same "
                             "tier are picked for you: %2. Hold them, or pick others.")
                              .arg(lost.join(u", "_s), names.join(u", "_s)));
}

void BookingController::pollQueue()
{
    if (m_token.isEmpty() || m_busy)
        return;
    m_busy = true;
    m_api->queueStatus(m_token, this, [this](const ApiResult<QueueTicket> &r) {
        m_busy = false;
        if (r)
            onTicket(r.value());
    });
}

void BookingController::onTicket(const QueueTicket &ticket)
{
    switch (ticket.state) {
    case QueueTicket::State::Waiting:
        m_window->showQueue(ticket, QDateTime::currentDateTimeUtc());
        break;
    case QueueTicket::State::Active:
        if (!m_admitted) {
            m_admitted = true;
            loadSeats();
            if (!m_window->isActiveWindow()) {
                // It is the buyer's turn and the window is behind others: say so.
                QApplication::alert(m_window.get());
                if (QSystemTrayIcon::isSystemTrayAvailable()) {
                    if (!m_tray) {
                        m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
                        m_tray->show();
                    }
                    m_tray->showMessage(tr("It is your turn"), tr("Pick your seats now: your session has started."));
                }
            }
        }
        break;
    case QueueTicket::State::Expired:
        m_queueTimer.stop();
        m_seatTimer.stop();
        if (m_window->page() != BookingWindow::Page::Done)
            m_window->showMessage(tr("Your session has ended. Join the queue again to buy."));
        break;
    }
}

void BookingController::loadSeats()
{
    m_api->fetchLayout(m_performanceId, this, [this](const ApiResult<SeatLayout> &r) {
        if (!r) {
            m_window->showMessage(r.error().message);
            return;
        }
        m_seats.setLayout(r.value());
        if (m_cache)
            m_cache->store(u"layout"_s, m_performanceId, QJsonDocument(r.value().toJson()).toJson(QJsonDocument::Compact));
        m_window->showSeats();
        if (!m_hold)
            m_window->showHoldEnded();  // interactive again (after an offline, read-only view)
        pollSeats();
        m_seatTimer.start();
        m_live.subscribe({u"seats:"_s + m_performanceId});
    });
}

void BookingController::pollSeats()
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

void BookingController::hold(const QStringList &seatIds)
{
    m_api->hold(m_performanceId, seatIds, buyerToken(), this, [this](const ApiResult<Hold> &r) { onHold(r); });
}

void BookingController::holdBest(int count, const QString &tier)
{
    m_api->holdBest(m_performanceId, count, tier, buyerToken(), this, [this](const ApiResult<Hold> &r) { onHold(r); });
}

void BookingController::onHold(const ApiResult<Hold> &r)
{
    if (!r) {
        // Losing a race names the seats that went.
        QStringList gone;
        for (const QJsonValue &v : r.error().details.value(u"seats"_s).toArray())
            gone << v.toString();
        QString text = r.error().message;
        if (r.error().code == u"seat_unavailable")
            text = gone.isEmpty() ? tr("No such block of seats is left in that tier. Try fewer seats or another tier.")
                                  : tr("Someone else was faster: %1 no longer available. Pick other seats, or let "
                                       "Best available find some.")
                                        .arg(gone.join(u", "_s));
        m_window->showMessage(text);
        m_window->seatMap()->clearSelection();
        if (!gone.isEmpty())
            m_lostSeats = gone;  // once the status is fresh, suggest the nearest equivalents
        pollSeats();
        return;
    }
    m_hold = r.value();
    m_window->showHold(r.value());
    tickCountdown();
    m_countdown.start();
    pollSeats();
}

void BookingController::tickCountdown()
{
    if (!m_hold)
        return;
    const qint64 left = m_api->serverNow().secsTo(m_hold->expiresAt);  // the server's clock decides
    if (left <= 0) {
        m_countdown.stop();
        m_hold.reset();
        m_window->showHoldEnded();
        m_window->showMessage(tr("The hold has expired; the seats went back on sale."));
        pollSeats();
        return;
    }
    m_window->setSecondsLeft(int(left));
}

void BookingController::release()
{
    if (!m_hold)
        return;
    m_api->release(m_hold->holdId, buyerToken(), this, [this](const ApiResult<bool> &r) {
        m_countdown.stop();
        m_hold.reset();
        m_window->showHoldEnded();
        m_window->showMessage(r ? tr("Released.") : r.error().message);
        pollSeats();
    });
}

void BookingController::purchase(const QString &method)
{
    if (!m_hold)
        return;
    m_api->purchase(m_hold->holdId, method, buyerToken(), this, [this](const ApiResult<Order> &r) {
        if (!r) {
            m_window->showMessage(r.error().message);
            return;
        }
        m_countdown.stop();
        m_queueTimer.stop();
        m_seatTimer.stop();
        m_live.stop();
        m_hold.reset();
        m_order = r.value();
        m_window->showOrder(r.value());
    });
}

} // namespace BoxOffice
