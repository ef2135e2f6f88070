#pragma once

#include "app/bookingsession.h"
#include "app/ticketprinter.h"

#include <QDateTime>
#include <QObject>

#include <memory>

class QSystemTrayIcon;

namespace BoxOffice {

class BookingWindow;
class OfflineCache;

// The presenter of one booking: binds a BookingSession (the sale's state machine,
// no widgets) to a BookingWindow, sends tickets through a TicketPrinter, and asks
// for attention when the buyer's turn comes while the window is behind others.
class BookingController : public QObject
{
    Q_OBJECT
public:
    // cache: where seat maps are kept for offline viewing (optional).
    BookingController(ApiClient *api, QString concertId, QString performanceId, QString title, QString userId,
                      OfflineCache *cache = nullptr, QObject *parent = nullptr);
    ~BookingController() override;

    // A staff counter sale: no queue (the ApiClient carries the staff credential), no seat
    // limit, cash or card. Call before start().
    void setCounterSale(bool counter);
    bool isCounterSale() const { return m_session.isCounterSale(); }
    // What the ticket and the title bar show besides the order (venue, start time in
    // the venue's zone).
    void setTicketDetails(const QString &venue, const QDateTime &startsAt, const QString &timeZone = {});
    // Kiosk: no dialogs; tickets go to this printer ("" none: the code on screen).
    void setKioskMode(bool kiosk, const QString &printer = {});

    void start();
    // Gives everything back at once: releases the hold, leaves the queue (kiosk reset).
    void abandon() { m_session.abandon(); }
    // The confirmation's tickets as a PDF (written on the thread pool); ticketSaved tells.
    void saveTicket(const QString &fileName);
    void printTicket();
    std::optional<Order> order() const { return m_session.order(); }
    BookingWindow *window() const { return m_window.get(); }
    BookingSession *session() { return &m_session; }
    SeatMapModel *seats() { return m_session.seats(); }
    QString token() const { return m_session.token(); }
    LiveChannel *live() { return m_session.live(); }
    TicketPrinter *printer() { return &m_printer; }
    TicketDocument ticket() const;

    // Polling periods; tests set them short.
    void setIntervals(std::chrono::milliseconds queue, std::chrono::milliseconds seats)
    {
        m_session.setIntervals(queue, seats);
    }

Q_SIGNALS:
    void finished();
    void ticketSaved(const QString &fileName, bool ok);
    void ticketPrinted(const QString &target, bool ok);
    // The buyer's session started (admitted after waiting), for the kiosk.
    void admitted();

private:
    void askForAttention();

    BookingSession m_session;
    std::unique_ptr<BookingWindow> m_window;
    TicketPrinter m_printer;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_kiosk = false;
    QString m_title, m_venue, m_timeZone;
    QDateTime m_startsAt;
};

} // namespace BoxOffice
