#pragma once

#include "app/apiclient.h"
#include "app/livechannel.h"
#include "models/seatmapmodel.h"

#include <QDateTime>
#include <QObject>

class QSystemTrayIcon;
#include <QTimer>

#include <memory>

namespace BoxOffice {

class BookingWindow;
class OfflineCache;

// Drives one buyer's booking against the server: joins the concert's queue, follows
// the place in line (polling; the live channel comes next), loads the seat map when
// admitted and keeps its status fresh, holds, counts the hold down from the server's
// expiry, buys, and leaves the queue when the window closes. Never blocks.
class BookingController : public QObject
{
    Q_OBJECT
public:
    // cache: where seat maps are kept for offline viewing (optional).
    BookingController(ApiClient *api, QString concertId, QString performanceId, QString title, QString userId,
                      OfflineCache *cache = nullptr, QObject *parent = nullptr);
    ~BookingController() override;

    // A staff counter sale: no queue (the ApiClient carries the staff key), no seat
    // limit, cash or card. Call before start().
    void setCounterSale(bool counter);
    // What the ticket shows besides the order (venue, start time).
    void setTicketDetails(const QString &venue, const QDateTime &startsAt);

    void start();
    // Gives everything back at once: releases the hold, leaves the queue (kiosk reset).
    void abandon();
    // The confirmation's ticket as a PDF (written on the thread pool); ticketSaved tells.
    void saveTicket(const QString &fileName);
    void printTicket();
    std::optional<Order> order() const { return m_order; }
    BookingWindow *window() const { return m_window.get(); }
    SeatMapModel *seats() { return &m_seats; }
    QString token() const { return m_token; }
    LiveChannel *live() { return &m_live; }

    // Polling periods; tests set them short.
    void setIntervals(std::chrono::milliseconds queue, std::chrono::milliseconds seats);

Q_SIGNALS:
    void finished();
    void ticketSaved(const QString &fileName, bool ok);

private:
    void join();
    void pollQueue();
    void onTicket(const QueueTicket &ticket);
    void loadSeats();
    void pollSeats();
    void hold(const QStringList &seatIds);
    void holdBest(int count, const QString &tier);
    void onHold(const ApiResult<Hold> &result);
    void release();
    void purchase(const QString &method);
    void tickCountdown();
    void showCachedSeats(const ApiError &error);
    void suggestEquivalents();
    // The credential for seat calls: the queue token, or none (the staff key) at a counter.
    QString buyerToken() const { return m_counter ? QString() : m_token; }

    ApiClient *m_api;
    OfflineCache *m_cache;
    QString m_concertId, m_performanceId, m_userId;
    QString m_token;
    SeatMapModel m_seats;
    std::unique_ptr<BookingWindow> m_window;
    QTimer m_queueTimer, m_seatTimer, m_countdown;
    LiveChannel m_live;
    std::chrono::milliseconds m_queueInterval{1000}, m_seatInterval{2000};
    std::optional<Hold> m_hold;
    bool m_admitted = false;
    QStringList m_lostSeats;  // lost in a race, waiting for a fresh status
    QSystemTrayIcon *m_tray = nullptr;
    bool m_busy = false;
    bool m_counter = false;
    bool m_offline = false;  // showing the cached seat map; trying to join again
    QString m_title, m_venue;
    QDateTime m_startsAt;
    std::optional<Order> m_order;
};

} // namespace BoxOffice
