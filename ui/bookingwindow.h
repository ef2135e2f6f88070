#pragma once

#include "domain/hold.h"
#include "domain/order.h"
#include "domain/queueticket.h"

#include <optional>

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace BoxOffice {

class SeatMapModel;
class SeatMapView;

// One buyer's way through a sale, in three pages: the queue (position, people ahead,
// progress, estimated wait, last update), the seat map with the hold and its
// countdown, and the confirmation. Shows what it is given; emits intent.
class BookingWindow : public QWidget
{
    Q_OBJECT
public:
    BookingWindow(const QString &title, SeatMapModel *seats, QWidget *parent = nullptr);

    enum class Page { Queue, Seats, Done };
    Page page() const;
    // How the confirmation's ticket leaves the machine: a file or print dialog (desk),
    // straight to the kiosk's printer, or only on screen (a kiosk without a printer).
    enum class TicketOutput { Dialogs, DirectPrinter, ScreenOnly };
    // Kiosk: touch-sized seats and instructions that name no keys; no system dialogs.
    void setKioskMode(bool kiosk, TicketOutput output);
    bool isKioskMode() const { return m_kiosk; }
    // The title bar names the performance: concert, venue, date and time.
    void setPerformanceDetails(const QString &details);
    // A staff counter sale: no queue, no seat limit, paid in cash or by card.
    void setCounterMode(bool counter);
    bool isCounterMode() const { return m_counter; }
    // Counter mode: the buyer's name, phone and e-mail as typed (all optional, trimmed).
    Customer customer() const;
    SeatMapView *seatMap() const { return m_map; }

public Q_SLOTS:
    void showQueue(const QueueTicket &ticket, const QDateTime &updatedAt);
    void showSeats();
    void showHold(const Hold &hold);
    void showHoldEnded();
    void showHoldFailed();
    void setSecondsLeft(int seconds);
    // Admitted, no hold yet: the session's own clock.
    void setSessionSecondsLeft(int seconds);
    // Counter: starts the next sale from a clean page (no hold, no countdown, no order).
    void resetForNewSale();
    // A purchase is on its way: no second one from this window until it answers.
    void setPaying(bool paying);
    void showPaymentFailed(const QString &message);
    void showOrder(const Order &order, const QString &paymentMethod = {});
    void showMessage(const QString &text);
    // Offline: the cached seat map, read-only, with a note of its age.
    void showOfflineSeats(const QString &note);

Q_SIGNALS:
    void leaveRequested();
    void holdRequested(const QStringList &seatIds);
    void bestRequested(int count, const QString &tierId);
    void releaseRequested();
    void purchaseRequested(const QString &paymentMethod);  // card | cash | test
    // The confirmation's ticket: saved as a PDF to a file the user chose, or printed.
    void saveTicketRequested(const QString &fileName);
    void printTicketRequested();
    void newSaleRequested();  // counter mode, after a sale

private:
    void updateSelection();
    static QString etaText(int etaSeconds);
    void refreshTiers();
    void updatePayment();
    QString seatText(const QStringList &seatIds) const;

    SeatMapModel *m_seats;
    QStackedWidget *m_pages;
    QLabel *m_position, *m_ahead, *m_eta, *m_updated;
    QProgressBar *m_progress;
    int m_firstPosition = 0;
    SeatMapView *m_map;
    QLabel *m_selection, *m_countdown, *m_message, *m_orderText;
    QPushButton *m_hold, *m_buy, *m_release;
    QWidget *m_legend;
    QComboBox *m_bestTier;
    QSpinBox *m_bestCount;
    QPushButton *m_best;
    QComboBox *m_payment;
    QSpinBox *m_tendered;
    QLabel *m_change;
    QPushButton *m_save, *m_print;
    QWidget *m_side = nullptr;
    QLabel *m_ticketNote;
    QString m_title;
    std::optional<Hold> m_heldNow;
    bool m_paying = false;
    bool m_kiosk = false;
    TicketOutput m_output = TicketOutput::Dialogs;
    QLabel *m_help, *m_thanks, *m_qr;
    QPushButton *m_newSale;
    QGroupBox *m_customerBox;
    QLineEdit *m_customerName, *m_customerPhone, *m_customerEmail;
    bool m_counter = false;
    QString m_orderId;
};

} // namespace BoxOffice
