#pragma once

#include "domain/order.h"
#include "models/orderlistmodel.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace BoxOffice {

// One order in full: its code and status, when and by whom it was bought, the customer,
// every ticket with its seat, price and state (valid, used, refunded, revoked), and the
// refunds so far; with the buttons its owner offers: Reissue (asks first), Refund (the
// RefundDialog: seats, reason, where the seats go, the amount confirmed), Print tickets
// and Save as PDF (a save dialog). Dialogs are window-modal and never block the event
// loop. Shows what it is given; emits intent.
class OrderDetailWidget : public QWidget
{
    Q_OBJECT
public:
    enum Action { Reissue = 1, Refund = 2, Print = 4, SavePdf = 8 };
    explicit OrderDetailWidget(QWidget *parent = nullptr);

    // The valid tickets' codes under the list, as on the printed tickets (a buyer's own
    // orders: shown at the door from the screen).
    void setShowCodes(bool show);
    // The buttons offered (Action flags); the others are hidden.
    void setActions(int actions);
    int actions() const { return m_actions; }
    void showOrder(const Order &order, const OrderListModel::Performance &performance);
    // No order shown: a line saying why.
    void clear(const QString &note);
    std::optional<Order> order() const { return m_order; }
    // A request about this order is on its way: its buttons wait.
    void setBusy(bool busy);

Q_SIGNALS:
    void reissueRequested(const QString &orderId);
    void refundRequested(const QString &orderId, const BoxOffice::RefundRequest &request);
    void printRequested(const QString &orderId);
    void savePdfRequested(const QString &orderId, const QString &fileName);

private:
    void askReissue();
    void openRefund();
    void chooseFile();
    void updateButtons();

    std::optional<Order> m_order;
    int m_actions = Print | SavePdf;
    bool m_busy = false;
    QLabel *m_title, *m_summary, *m_refunds, *m_codes;
    QWidget *m_codesArea;
    bool m_showCodes = false;
    QTreeWidget *m_tickets;
    QPushButton *m_reissue, *m_refund, *m_print, *m_save;
};

} // namespace BoxOffice
