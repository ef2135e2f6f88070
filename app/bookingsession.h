#pragma once

#include "app/apiclient.h"
#include "app/livechannel.h"
#include "models/seatmapmodel.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace BoxOffice {

class OfflineCache;

// One buyer's way through a sale, without any widget: a state machine over the API
// and the live channel.
//
//   Joining → Waiting → Choosing → Holding → Paying → Done
//      ↘ Offline (the cached seat map; joins again by itself when the server is back)
//
// It joins the concert's queue and follows the place in line (pushes, polling as the
// fallback), loads the seat map when admitted and keeps its status fresh (deltas; a
// gap reads the whole status), holds, counts the hold (or the session) down on the
// server's clock, buys once per hold, and gives everything back when abandoned. A
// counter sale (staff) starts at Choosing, with no queue and no seat limit. A
// presenter (BookingController) binds it to the window; tests drive it directly.
class BookingSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Joining, Waiting, Choosing, Holding, Paying, Done, Offline };
    Q_ENUM(State)

    // cache: where seat maps are kept for offline viewing (optional).
    BookingSession(ApiClient *api, QString concertId, QString performanceId, QString userId,
                   OfflineCache *cache = nullptr, QObject *parent = nullptr);
    ~BookingSession() override;

    // Staff at a counter: no queue (the ApiClient carries the staff credential). Before start().
    void setCounterSale(bool counter) { m_counter = counter; }
    bool isCounterSale() const { return m_counter; }
    // Polling periods; tests set them short.
    void setIntervals(std::chrono::milliseconds queue, std::chrono::milliseconds seats);

    void start();
    // Gives everything back at once: releases the hold, leaves the queue (kiosk reset,
    // window closed).
    void abandon();
    void hold(const QStringList &seatIds);
    void holdBest(int count, const QString &tierId);
    void release();
    // One payment per hold: a second call while one is on its way does nothing. A
    // counter sale may name the customer (sent only when not empty).
    void purchase(const QString &method, const Customer &customer = {});
    // Counter: the next sale, from a clean state.
    void newSale();

    State state() const { return m_state; }
    SeatMapModel *seats() { return &m_seats; }
    const SeatMapModel *seats() const { return &m_seats; }
    LiveChannel *live() { return &m_live; }
    QString token() const { return m_token; }
    std::optional<Hold> currentHold() const { return m_hold; }
    std::optional<Order> order() const { return m_order; }
    std::optional<QDateTime> sessionEnds() const { return m_sessionEnds; }

Q_SIGNALS:
    void stateChanged(BoxOffice::BookingSession::State state);
    void queueUpdated(const BoxOffice::QueueTicket &ticket);  // while waiting
    void admitted();    // the buyer's turn came after waiting (not for a counter sale)
    void seatsReady();  // the live seat map is there and may be picked from
    void offlineSeats(const QString &note);  // the cached map, read-only
    void holdPlaced(const BoxOffice::Hold &hold);
    void holdFailed();  // the seats went to someone else, or none were left
    void holdEnded();   // released or expired
    void secondsLeft(int seconds);         // of the hold
    void sessionSecondsLeft(int seconds);  // of the session, while nothing is held
    void purchased(const BoxOffice::Order &order, const QString &method);
    void purchaseFailed(const QString &message);
    // After a lost race: the whole group again, together (empty: none found).
    void suggested(const QList<int> &seats);
    void message(const QString &text);
    void sessionEnded();

private:
    void setState(State state);
    void join();
    void pollQueue();
    void onTicket(const QueueTicket &ticket);
    void loadSeats();
    void pollSeats();
    void onHold(const ApiResult<Hold> &result);
    void tickCountdown();
    void showCachedSeats(const ApiError &error);
    void showCachedStatus();
    void suggestEquivalents();
    // The credential for seat calls: the queue token, or none (the staff credential) at a counter.
    QString buyerToken() const { return m_counter ? QString() : m_token; }

    ApiClient *m_api;
    OfflineCache *m_cache;
    QString m_concertId, m_performanceId, m_userId;
    QString m_token;
    State m_state = State::Joining;
    SeatMapModel m_seats;
    LiveChannel m_live;
    QTimer m_queueTimer, m_seatTimer, m_countdown;
    std::chrono::milliseconds m_queueInterval{1000}, m_seatInterval{2000};
    std::optional<Hold> m_hold;
    std::optional<Order> m_order;
    std::optional<QDateTime> m_sessionEnds;
    QList<int> m_group;       // the seats asked for in the last hold, kept together on a lost race
    QStringList m_lostSeats;  // lost in a race, waiting for a fresh status
    bool m_admitted = false;
    bool m_polling = false;
    bool m_counter = false;
    bool m_offline = false;
    bool m_reconnected = false;  // back from offline, still in line
};

} // namespace BoxOffice
