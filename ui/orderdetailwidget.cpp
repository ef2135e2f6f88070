#include "ui/orderdetailwidget.h"

#include "domain/auditentry.h"
#include "domain/venuetime.h"
#include "ui/refunddialog.h"
#include "ui/ticketdocument.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

QString paymentText(const QString &method)
{
    if (method == u"card")
        return OrderDetailWidget::tr("card");
    if (method == u"cash")
        return OrderDetailWidget::tr("cash");
    if (method == u"test")
        return OrderDetailWidget::tr("test payment");
    return method;
}

} // namespace

OrderDetailWidget::OrderDetailWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"orderDetail"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(u"orderTitle"_s);
    QFont big = m_title->font();
    big.setPointSize(big.pointSize() + 4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"orderSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tickets = new QTreeWidget(this);
    m_tickets->setObjectName(u"ticketList"_s);
    m_tickets->setRootIsDecorated(false);
    m_tickets->setUniformRowHeights(true);
    m_tickets->setHeaderLabels({tr("Seat"), tr("Price"), tr("Ticket")});
    m_tickets->header()->setStretchLastSection(false);
    m_tickets->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tickets->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tickets->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_refunds = new QLabel(this);
    m_refunds->setObjectName(u"orderRefunds"_s);
    m_refunds->setWordWrap(true);
    m_refunds->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    m_print = new QPushButton(QIcon::fromTheme(u"document-print"_s), tr("&Print tickets…"), this);
    m_print->setObjectName(u"printTicketsButton"_s);
    m_save = new QPushButton(QIcon::fromTheme(u"document-save"_s), tr("Save as P&DF…"), this);
    m_save->setObjectName(u"saveTicketsButton"_s);
    m_reissue = new QPushButton(tr("Re&issue tickets…"), this);
    m_reissue->setObjectName(u"reissueButton"_s);
    m_reissue->setToolTip(tr("New codes for every valid ticket: the old ones no longer open the door"));
    m_refund = new QPushButton(tr("&Refund…"), this);
    m_refund->setObjectName(u"refundButton"_s);
    for (QPushButton *b : {m_print, m_save, m_reissue})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_refund);

    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_tickets, 1);
    auto *codes = new QScrollArea(this);
    codes->setFrameShape(QFrame::NoFrame);
    codes->setWidgetResizable(true);
    m_codes = new QLabel(codes);
    m_codes->setObjectName(u"ticketCodes"_s);
    m_codes->setAlignment(Qt::AlignCenter);
    m_codes->setToolTip(tr("Each valid ticket's code, as on the printed ticket: show it at the door"));
    codes->setWidget(m_codes);
    codes->hide();
    m_codesArea = codes;
    layout->addWidget(codes, 2);
    layout->addWidget(m_refunds);
    layout->addLayout(buttons);

    connect(m_reissue, &QPushButton::clicked, this, &OrderDetailWidget::askReissue);
    connect(m_refund, &QPushButton::clicked, this, &OrderDetailWidget::openRefund);
    connect(m_save, &QPushButton::clicked, this, &OrderDetailWidget::chooseFile);
    connect(m_print, &QPushButton::clicked, this, [this] {
        if (m_order)
            Q_EMIT printRequested(m_order->orderId);
    });
    clear(tr("Choose an order to see its tickets."));
}

void OrderDetailWidget::setActions(int actions)
{
    m_actions = actions;
    updateButtons();
}

void OrderDetailWidget::setShowCodes(bool show)
{
    m_showCodes = show;
    m_codesArea->setVisible(show && !m_codes->pixmap().isNull());
}

void OrderDetailWidget::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void OrderDetailWidget::updateButtons()
{
    m_reissue->setVisible(m_actions & Reissue);
    m_refund->setVisible(m_actions & Refund);
    m_print->setVisible(m_actions & Print);
    m_save->setVisible(m_actions & SavePdf);
    bool anyValid = false, anyRefundable = false;
    if (m_order)
        for (const Ticket &t : m_order->tickets) {
            anyValid = anyValid || t.state == u"valid";
            anyRefundable = anyRefundable || t.state != u"refunded";
        }
    const bool ready = m_order && !m_busy;
    m_reissue->setEnabled(ready && anyValid);
    m_refund->setEnabled(ready && anyRefundable);  // an order from before tickets cannot be refunded
    m_print->setEnabled(ready && anyValid);
    m_save->setEnabled(ready && anyValid);
}

void OrderDetailWidget::clear(const QString &note)
{
    m_order.reset();
    m_title->setText(note);
    m_summary->clear();
    m_refunds->clear();
    m_tickets->clear();
    m_codes->clear();
    m_codesArea->hide();
    updateButtons();
}

void OrderDetailWidget::showOrder(const Order &order, const OrderListModel::Performance &performance)
{
    m_order = order;
    const QLocale locale;
    m_title->setText(tr("Order %1 · %2")
                         .arg(order.code.isEmpty() ? order.orderId : order.code, OrderListModel::statusText(order.status)));
    QStringList lines;
    if (!performance.concert.isEmpty()) {
        const QDateTime starts = inVenueZone(performance.startsAt, performance.timeZone);
        lines << tr("%1 · %2, %3")
                     .arg(performance.concert, performance.venue,
                          locale.toString(starts, QLocale::ShortFormat) + u' ' + starts.timeZoneAbbreviation());
    }
    const QString bought = locale.toString(inVenueZone(order.purchasedAt, performance.timeZone), QLocale::ShortFormat);
    const QString paid = paymentText(order.paymentMethod);
    if (order.soldBy.isEmpty())
        lines << tr("Bought online %1 (%2)").arg(bought, paid);
    else if (order.soldBy == AuditEntry::StaffKeyLogin)  // the bootstrap key: said in words
        lines << tr("Sold at the counter with the staff key, %1 (%2)").arg(bought, paid);
    else
        lines << tr("Sold at the counter by %1, %2 (%3)").arg(order.soldBy, bought, paid);
    if (order.customer && !order.customer->isEmpty()) {
        QStringList who;
        for (const QString &part : {order.customer->name, order.customer->phone, order.customer->email})
            if (!part.isEmpty())
                who << part;
        lines << tr("Customer: %1").arg(who.join(u" · "_s));
    }
    lines << tr("Total: %1 for %n seat(s)", nullptr, int(order.seats.size())).arg(OrderListModel::moneyText(order.total));
    m_summary->setText(lines.join(u'\n'));

    m_tickets->clear();
    for (const QString &seat : order.seats) {
        const std::optional<Ticket> t = order.ticketFor(seat);
        auto *item = new QTreeWidgetItem(m_tickets);
        item->setText(0, t && !t->label.isEmpty() ? OrderListModel::seatLabelText(t->label) : seat);
        item->setToolTip(0, seat);
        item->setData(0, Qt::UserRole, seat);
        item->setText(1, t ? OrderListModel::moneyText(t->price) : QString());
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(2, t ? OrderListModel::ticketStateText(t->state) : tr("No ticket"));
        item->setData(2, Qt::UserRole, t ? t->state : QString());
        if (t && t->state != u"valid") {  // no way in any more: said in words, and set apart (still readable)
            QFont italic = m_tickets->font();
            italic.setItalic(true);
            for (int column = 0; column < 3; ++column) {
                item->setFont(column, italic);
                item->setForeground(column, QColor(0x5f, 0x5f, 0x5f));
            }
        }
    }

    QStringList refunds;
    for (const BoxOffice::Refund &r : order.refunds) {
        const QString at = locale.toString(inVenueZone(r.at, performance.timeZone), QLocale::ShortFormat);
        const int n = int(r.seats.size());
        const QString amount = OrderListModel::moneyText(r.amount);
        refunds << (r.reason.isEmpty() ? tr("Refunded %1 for %n seat(s) on %2", nullptr, n).arg(amount, at)
                                       : tr("Refunded %1 for %n seat(s) on %2: %3", nullptr, n).arg(amount, at, r.reason));
    }
    m_refunds->setText(refunds.join(u'\n'));
    m_refunds->setVisible(!refunds.isEmpty());
    if (m_showCodes) {
        const QImage codes = TicketDocument({order, {}, {}, {}}).codesImage(4, 4);
        m_codes->setPixmap(QPixmap::fromImage(codes));
        m_codesArea->setVisible(!codes.isNull());
    }
    updateButtons();
}

void OrderDetailWidget::askReissue()
{
    if (!m_order)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Reissue tickets"),
                                tr("Issue new codes for the valid tickets of order %1?")
                                    .arg(m_order->code.isEmpty() ? m_order->orderId : m_order->code),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"reissueConfirmation"_s);
    box->setInformativeText(tr("The printed tickets stop working at once: print or send the new ones."));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, orderId = m_order->orderId] {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
            Q_EMIT reissueRequested(orderId);
    });
    box->open();
}

void OrderDetailWidget::openRefund()
{
    if (!m_order)
        return;
    auto *dialog = new RefundDialog(*m_order, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog, orderId = m_order->orderId] {
        Q_EMIT refundRequested(orderId, dialog->request());
    });
    dialog->open();
}

void OrderDetailWidget::chooseFile()
{
    if (!m_order)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(this, tr("Save tickets"),
                                   dir + u'/' + tr("tickets-%1.pdf").arg(m_order->code.isEmpty() ? m_order->orderId
                                                                                                  : m_order->code),
                                   tr("PDF files (*.pdf)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"pdf"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, orderId = m_order->orderId](const QString &file) { Q_EMIT savePdfRequested(orderId, file); });
    dialog->open();
}

} // namespace BoxOffice
