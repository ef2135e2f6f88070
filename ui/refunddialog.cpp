#include "ui/refunddialog.h"

#include "models/orderlistmodel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

RefundDialog::RefundDialog(const Order &order, QWidget *parent) : QDialog(parent), m_order(order)
{
    setObjectName(u"refundDialog"_s);
    const QString code = order.code.isEmpty() ? order.orderId : order.code;
    setWindowTitle(tr("Refund order %1").arg(code));
    resize(520, 520);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Order %1: choose the seats to refund.").arg(code), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_seats = new QListWidget(this);
    m_seats->setObjectName(u"refundSeats"_s);
    for (const QString &seat : order.seats) {
        const std::optional<Ticket> t = order.ticketFor(seat);
        const QString label = t && !t->label.isEmpty() ? OrderListModel::seatLabelText(t->label) : seat;
        auto *item = new QListWidgetItem(m_seats);
        item->setData(Qt::UserRole, seat);
        const bool refunded = !t || t->state == u"refunded";
        item->setText(refunded ? tr("%1 · already refunded").arg(label)
                               : tr("%1 · %2 · %3")
                                     .arg(label, OrderListModel::moneyText(t->price),
                                          OrderListModel::ticketStateText(t->state)));
        // Refunded seats stay listed, so the order reads whole, but cannot be chosen.
        item->setFlags(refunded ? Qt::ItemIsUserCheckable : Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(refunded ? Qt::Unchecked : Qt::Checked);
    }
    intro->setBuddy(m_seats);
    layout->addWidget(m_seats, 1);

    auto *form = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"refundReason"_s);
    m_reason->setMaxLength(500);
    m_reason->setPlaceholderText(tr("e.g. the customer cannot come"));
    form->addRow(tr("R&eason:"), m_reason);
    layout->addLayout(form);

    auto *where = new QGroupBox(tr("The seats"), this);
    auto *whereLayout = new QVBoxLayout(where);
    m_release = new QRadioButton(tr("Put them &back on sale"), where);
    m_release->setObjectName(u"releaseAvailable"_s);
    m_keepOff = new QRadioButton(tr("&Keep them off sale"), where);
    m_keepOff->setObjectName(u"releaseNotForSale"_s);
    m_release->setChecked(true);
    whereLayout->addWidget(m_release);
    whereLayout->addWidget(m_keepOff);
    layout->addWidget(where);

    m_amount = new QLabel(this);
    m_amount->setObjectName(u"refundAmount"_s);
    QFont bold = m_amount->font();
    bold.setBold(true);
    m_amount->setFont(bold);
    layout->addWidget(m_amount);

    auto *buttons = new QDialogButtonBox(this);
    m_refund = buttons->addButton(tr("&Refund…"), QDialogButtonBox::AcceptRole);
    m_refund->setObjectName(u"confirmRefundButton"_s);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    // Accepting needs the second question: Refund asks it, Enter as well.
    connect(buttons, &QDialogButtonBox::accepted, this, &RefundDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_seats, &QListWidget::itemChanged, this, &RefundDialog::update);
    update();
}

QStringList RefundDialog::chosenSeats() const
{
    QStringList seats;
    for (int i = 0; i < m_seats->count(); ++i) {
        const QListWidgetItem *item = m_seats->item(i);
        if (item->checkState() == Qt::Checked && (item->flags() & Qt::ItemIsEnabled))
            seats << item->data(Qt::UserRole).toString();
    }
    return seats;
}

Money RefundDialog::amount() const
{
    Money sum{0, m_order.total.currency};
    for (const QString &seat : chosenSeats())
        if (const std::optional<Ticket> t = m_order.ticketFor(seat)) {
            sum.amount += t->price.amount;
            sum.currency = t->price.currency;
        }
    return sum;
}

RefundRequest RefundDialog::request() const
{
    return {chosenSeats(), m_reason->text().trimmed(),
            m_keepOff->isChecked() ? u"not_for_sale"_s : u"available"_s};
}

void RefundDialog::update()
{
    const int n = int(chosenSeats().size());
    m_amount->setText(n == 0 ? tr("Choose at least one seat.")
                             : tr("To refund: %1 for %n seat(s)", nullptr, n).arg(OrderListModel::moneyText(amount())));
    m_refund->setEnabled(n > 0);
}

void RefundDialog::confirm()
{
    const int n = int(chosenSeats().size());
    if (n == 0)
        return;
    const QString code = m_order.code.isEmpty() ? m_order.orderId : m_order.code;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Confirm the refund"),
                                tr("Refund %1 for %n seat(s) of order %2?", nullptr, n)
                                    .arg(OrderListModel::moneyText(amount()), code),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"refundConfirmation"_s);
    box->setInformativeText(m_keepOff->isChecked()
                                ? tr("Their tickets stop working at once, and the seats stay off sale.")
                                : tr("Their tickets stop working at once, and the seats go back on sale."));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
            accept();
    });
    box->open();
}

} // namespace BoxOffice
