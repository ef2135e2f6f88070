#include "app/bookingcontroller.h"

#include "domain/venuetime.h"
#include "ui/bookingwindow.h"
#include "ui/seatmapview.h"

#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QSystemTrayIcon>

namespace BoxOffice {

using namespace Qt::StringLiterals;

BookingController::BookingController(ApiClient *api, QString concertId, QString performanceId, QString title,
                                     QString userId, OfflineCache *cache, QObject *parent)
    : QObject(parent), m_session(api, std::move(concertId), std::move(performanceId), std::move(userId), cache),
      m_window(std::make_unique<BookingWindow>(title, m_session.seats())), m_title(title)
{
    BookingWindow *w = m_window.get();
    w->setAttribute(Qt::WA_DeleteOnClose, false);

    // The window's intents go to the session…
    connect(w, &BookingWindow::holdRequested, &m_session, &BookingSession::hold);
    connect(w, &BookingWindow::bestRequested, &m_session, &BookingSession::holdBest);
    connect(w, &BookingWindow::releaseRequested, &m_session, &BookingSession::release);
    connect(w, &BookingWindow::purchaseRequested, this, [this](const QString &method) {
        m_session.purchase(method, m_session.isCounterSale() ? m_window->customer() : Customer{});
    });
    connect(w, &BookingWindow::newSaleRequested, &m_session, &BookingSession::newSale);  // the window reset itself
    connect(w, &BookingWindow::saveTicketRequested, this, &BookingController::saveTicket);
    connect(w, &BookingWindow::printTicketRequested, this, &BookingController::printTicket);
    connect(w, &BookingWindow::leaveRequested, this, [this] {
        m_window->close();
        Q_EMIT finished();
    });

    // …and what happens in the session shows in the window.
    connect(&m_session, &BookingSession::queueUpdated, w,
            [w](const QueueTicket &t) { w->showQueue(t, QDateTime::currentDateTimeUtc()); });
    connect(&m_session, &BookingSession::admitted, this, [this] {
        askForAttention();
        Q_EMIT admitted();
    });
    connect(&m_session, &BookingSession::seatsReady, w, [this, w] {
        w->showSeats();
        if (!m_session.currentHold())
            w->showHoldEnded();  // interactive again (after an offline, read-only view)
    });
    connect(&m_session, &BookingSession::offlineSeats, w, &BookingWindow::showOfflineSeats);
    connect(&m_session, &BookingSession::holdPlaced, w, &BookingWindow::showHold);
    connect(&m_session, &BookingSession::holdEnded, w, &BookingWindow::showHoldEnded);
    connect(&m_session, &BookingSession::holdFailed, w, &BookingWindow::showHoldFailed);
    connect(&m_session, &BookingSession::secondsLeft, w, &BookingWindow::setSecondsLeft);
    connect(&m_session, &BookingSession::sessionSecondsLeft, w, &BookingWindow::setSessionSecondsLeft);
    connect(&m_session, &BookingSession::purchaseFailed, w, &BookingWindow::showPaymentFailed);
    connect(&m_session, &BookingSession::message, w, &BookingWindow::showMessage);
    connect(&m_session, &BookingSession::suggested, w, [w](const QList<int> &seats) {
        if (seats.isEmpty()) {
            w->seatMap()->clearSelection();
            return;
        }
        w->seatMap()->select(seats);
        w->seatMap()->ensureVisible(seats);
    });
    connect(&m_session, &BookingSession::stateChanged, w, [w](BookingSession::State state) {
        if (state == BookingSession::State::Choosing)
            w->seatMap()->setInteractive(true);
    });
    connect(&m_session, &BookingSession::purchased, this, [this, w](const Order &order, const QString &method) {
        w->showOrder(order, method);
        if (m_kiosk && m_printer.hasDirectPrinter())
            printTicket();  // a kiosk prints at once
    });

    connect(&m_printer, &TicketPrinter::saved, this, [this](const QString &fileName, const QString &error) {
        m_window->showMessage(error.isEmpty() ? tr("Ticket saved to %1.").arg(QDir::toNativeSeparators(fileName)) : error);
        Q_EMIT ticketSaved(fileName, error.isEmpty());
    });
    connect(&m_printer, &TicketPrinter::printed, this, [this](const QString &target, const QString &error) {
        m_window->showMessage(error.isEmpty() ? tr("Your tickets are printing. Take them from the printer.") : error);
        Q_EMIT ticketPrinted(target, error.isEmpty());
    });
}

BookingController::~BookingController() = default;  // the session abandons itself

void BookingController::askForAttention()
{
    if (m_window->isActiveWindow())
        return;
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

void BookingController::setCounterSale(bool counter)
{
    m_session.setCounterSale(counter);
    m_window->setCounterMode(counter);
}

void BookingController::setTicketDetails(const QString &venue, const QDateTime &startsAt, const QString &timeZone)
{
    m_venue = venue;
    m_startsAt = startsAt;
    m_timeZone = timeZone;
    const QDateTime at = inVenueZone(startsAt, timeZone);
    const QLocale locale;
    QStringList details{venue};
    if (at.isValid())
        details << locale.toString(at.date(), QLocale::ShortFormat) + u' ' + locale.toString(at.time(), QLocale::ShortFormat)
                       + u' ' + at.timeZoneAbbreviation();
    details.removeAll(QString());
    m_window->setPerformanceDetails(details.join(u", "_s));
}

void BookingController::setKioskMode(bool kiosk, const QString &printer)
{
    m_kiosk = kiosk;
    m_printer.setDirectPrinter(printer);
    m_window->setKioskMode(kiosk, !kiosk             ? BookingWindow::TicketOutput::Dialogs
                                  : printer.isEmpty() ? BookingWindow::TicketOutput::ScreenOnly
                                                      : BookingWindow::TicketOutput::DirectPrinter);
}

void BookingController::start()
{
    m_window->show();
    m_session.start();
}

TicketDocument BookingController::ticket() const
{
    const std::optional<Order> order = m_session.order();
    TicketDocument ticket({order.value_or(Order{}), m_title, m_venue, m_startsAt});
    ticket.setTimeZone(m_timeZone);
    QStringList names;
    if (order)
        for (const QString &id : order->seats)
            names << m_session.seats()->describe(QStringList{id});
    ticket.setSeatNames(names);
    return ticket;
}

void BookingController::saveTicket(const QString &fileName)
{
    if (!m_session.order() || m_kiosk)
        return;  // a kiosk writes no files
    m_printer.savePdf(ticket(), fileName);
}

void BookingController::printTicket()
{
    if (!m_session.order())
        return;
    if (m_kiosk && !m_printer.hasDirectPrinter())
        return;  // no printer here: the code is on screen; never a dialog
    m_printer.print(ticket(), m_window.get());
}

} // namespace BoxOffice
