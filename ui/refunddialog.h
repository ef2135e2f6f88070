#pragma once

#include "domain/order.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace BoxOffice {

// Refund (managers): the order's seats as check boxes (every seat not yet refunded is
// chosen at first; refunded ones cannot be), a reason, and where the seats go: back on
// sale, or kept off sale. The amount (the chosen tickets' prices) is shown as seats are
// chosen; Refund asks once more, naming the amount, before the dialog is accepted.
class RefundDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RefundDialog(const Order &order, QWidget *parent = nullptr);

    // What to send: the chosen seats, the reason, available | not_for_sale.
    RefundRequest request() const;
    // The sum of the chosen tickets' prices.
    Money amount() const;
    QStringList chosenSeats() const;

private:
    void update();
    void confirm();

    Order m_order;
    QListWidget *m_seats;
    QLineEdit *m_reason;
    QRadioButton *m_release, *m_keepOff;
    QLabel *m_amount;
    QPushButton *m_refund;
};

} // namespace BoxOffice
