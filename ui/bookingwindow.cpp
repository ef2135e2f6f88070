#include "ui/bookingwindow.h"

#include "models/seatmapmodel.h"
#include "ui/seatmapview.h"
#include "ui/ticketdocument.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

QLabel *bigLabel(QWidget *parent, int delta)
{
    auto *l = new QLabel(parent);
    QFont f = l->font();
    f.setPointSize(f.pointSize() + delta);
    f.setBold(delta > 4);
    l->setFont(f);
    l->setAlignment(Qt::AlignCenter);
    l->setWordWrap(true);
    return l;
}

QString money(qint64 amount, const QString &currency)
{
    return QLocale().toString(amount) + u' ' + currency;
}

QString clock(int seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

BookingWindow::BookingWindow(const QString &title, SeatMapModel *seats, QWidget *parent)
    : QWidget(parent), m_seats(seats), m_title(title)
{
    setWindowTitle(tr("%1 — BoxOffice").arg(title));
    resize(1100, 720);
    auto *layout = new QVBoxLayout(this);
    auto *heading = bigLabel(this, 5);
    heading->setText(title);
    layout->addWidget(heading);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);

    // The queue.
    auto *queue = new QWidget(m_pages);
    auto *q = new QVBoxLayout(queue);
    q->addStretch(1);
    m_position = bigLabel(queue, 12);
    m_position->setObjectName(u"queuePosition"_s);
    m_ahead = bigLabel(queue, 2);
    m_progress = new QProgressBar(queue);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(480);
    m_eta = bigLabel(queue, 2);
    m_updated = bigLabel(queue, 0);
    auto *leave = new QPushButton(tr("Leave the queue"), queue);
    connect(leave, &QPushButton::clicked, this, &BookingWindow::leaveRequested);
    for (QWidget *w : {static_cast<QWidget *>(m_position), static_cast<QWidget *>(m_ahead)})
        q->addWidget(w);
    q->addWidget(m_progress, 0, Qt::AlignHCenter);
    q->addWidget(m_eta);
    q->addWidget(m_updated);
    q->addSpacing(16);
    q->addWidget(leave, 0, Qt::AlignHCenter);
    q->addStretch(1);
    m_pages->addWidget(queue);

    // The seats.
    auto *seatsPage = new QWidget(m_pages);
    auto *s = new QHBoxLayout(seatsPage);
    m_map = new SeatMapView(seats, seatsPage);
    s->addWidget(m_map, 1);
    auto *side = new QVBoxLayout;
    m_help = new QLabel(seatsPage);
    m_help->setWordWrap(true);
    side->addWidget(m_help);
    m_legend = new QWidget(seatsPage);
    m_legend->setLayout(new QVBoxLayout);
    m_legend->layout()->setContentsMargins(0, 4, 0, 4);
    side->addWidget(m_legend);
    m_selection = new QLabel(seatsPage);
    m_selection->setObjectName(u"selection"_s);
    m_selection->setWordWrap(true);
    side->addWidget(m_selection);
    // Best available: the server picks adjacent seats of a tier.
    auto *bestRow = new QHBoxLayout;
    m_bestCount = new QSpinBox(seatsPage);
    m_bestCount->setRange(1, 4);
    m_bestCount->setValue(2);
    m_bestCount->setToolTip(tr("How many seats together"));
    m_bestTier = new QComboBox(seatsPage);
    m_bestTier->setObjectName(u"bestTier"_s);
    m_best = new QPushButton(tr("Best available"), seatsPage);
    m_best->setObjectName(u"bestButton"_s);
    // The tier on a line of its own: its price and what is left must stay readable.
    side->addWidget(m_bestTier);
    bestRow->addWidget(m_bestCount);
    bestRow->addWidget(m_best, 1);
    side->addLayout(bestRow);
    connect(m_best, &QPushButton::clicked, this, [this] {
        m_map->setInteractive(false);
        m_hold->setEnabled(false);
        m_best->setEnabled(false);
        Q_EMIT bestRequested(m_bestCount->value(), m_bestTier->currentData().toString());
    });
    m_hold = new QPushButton(tr("Hold these seats"), seatsPage);
    m_hold->setObjectName(u"holdButton"_s);
    m_countdown = bigLabel(seatsPage, 4);
    m_countdown->setObjectName(u"countdown"_s);
    m_payment = new QComboBox(seatsPage);
    m_payment->setObjectName(u"paymentMethod"_s);
    m_payment->addItem(tr("Card"), u"card"_s);
    m_payment->addItem(tr("Cash"), u"cash"_s);
    m_tendered = new QSpinBox(seatsPage);
    m_tendered->setObjectName(u"cashTendered"_s);
    m_tendered->setRange(0, 1000000000);
    m_tendered->setSingleStep(10000);
    m_tendered->setGroupSeparatorShown(true);
    m_tendered->setPrefix(tr("Cash received: "));
    m_change = new QLabel(seatsPage);
    m_change->setObjectName(u"cashChange"_s);
    m_buy = new QPushButton(seatsPage);
    m_buy->setObjectName(u"buyButton"_s);
    m_release = new QPushButton(tr("Release"), seatsPage);
    m_release->setObjectName(u"releaseButton"_s);
    m_message = new QLabel(seatsPage);
    m_message->setWordWrap(true);
    m_message->setObjectName(u"message"_s);
    // Counter: who buys, for the order search and the confirmation (all optional).
    m_customerBox = new QGroupBox(tr("Customer (optional)"), seatsPage);
    m_customerBox->setObjectName(u"customerBox"_s);
    auto *customerForm = new QFormLayout(m_customerBox);
    customerForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_customerName = new QLineEdit(m_customerBox);
    m_customerName->setObjectName(u"customerName"_s);
    m_customerName->setMaxLength(200);
    m_customerPhone = new QLineEdit(m_customerBox);
    m_customerPhone->setObjectName(u"customerPhone"_s);
    m_customerPhone->setMaxLength(50);
    m_customerPhone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_customerEmail = new QLineEdit(m_customerBox);
    m_customerEmail->setObjectName(u"customerEmail"_s);
    m_customerEmail->setMaxLength(200);
    m_customerEmail->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    customerForm->addRow(tr("&Name:"), m_customerName);
    customerForm->addRow(tr("P&hone:"), m_customerPhone);
    customerForm->addRow(tr("E-&mail:"), m_customerEmail);
    for (QWidget *w : {static_cast<QWidget *>(m_hold), static_cast<QWidget *>(m_countdown),
                       static_cast<QWidget *>(m_customerBox), static_cast<QWidget *>(m_payment), static_cast<QWidget *>(m_tendered),
                       static_cast<QWidget *>(m_change), static_cast<QWidget *>(m_buy), static_cast<QWidget *>(m_release),
                       static_cast<QWidget *>(m_message)})
        side->addWidget(w);
    side->addStretch(1);
    auto *leaveSeats = new QPushButton(tr("Leave"), seatsPage);
    leaveSeats->setObjectName(u"leaveSeatsButton"_s);
    leaveSeats->setToolTip(tr("Give back held seats and your place, and close."));
    side->addWidget(leaveSeats);
    connect(leaveSeats, &QPushButton::clicked, this, &BookingWindow::leaveRequested);
    // In a scroll area: with large (kiosk) fonts the panel may be taller than the screen.
    auto *sideScroll = new QScrollArea(seatsPage);
    sideScroll->setFrameShape(QFrame::NoFrame);
    sideScroll->setWidgetResizable(true);
    sideScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *sideWidget = new QWidget(sideScroll);
    sideWidget->setLayout(side);
    sideScroll->setWidget(sideWidget);
    sideScroll->setFixedWidth(320);
    m_side = sideScroll;
    s->addWidget(sideScroll);
    m_pages->addWidget(seatsPage);
    connect(m_hold, &QPushButton::clicked, this, [this] {
        // Read-only until the answer: our own seats turning H is not "someone else took them".
        m_map->setInteractive(false);
        m_hold->setEnabled(false);
        m_best->setEnabled(false);
        Q_EMIT holdRequested(m_map->selectedIds());
    });
    connect(m_buy, &QPushButton::clicked, this, [this] {
        if (m_paying || !m_heldNow)
            return;  // one payment per hold, however fast the clicks come
        setPaying(true);
        Q_EMIT purchaseRequested(m_counter ? m_payment->currentData().toString() : u"test"_s);
    });
    connect(m_release, &QPushButton::clicked, this, &BookingWindow::releaseRequested);
    connect(m_payment, &QComboBox::currentIndexChanged, this, &BookingWindow::updatePayment);
    connect(m_tendered, &QSpinBox::valueChanged, this, &BookingWindow::updatePayment);
    connect(m_map, &SeatMapView::selectionChanged, this, &BookingWindow::updateSelection);
    connect(m_map, &SeatMapView::selectionLost, this, [this](const QList<int> &lost) {
        m_message->setText(tr("Someone else just took %1. It is no longer in your selection.")
                               .arg(m_seats->describe(lost)));
    });
    connect(m_seats, &SeatMapModel::statusReset, this, &BookingWindow::refreshTiers);
    connect(m_seats, &SeatMapModel::seatsChanged, this, &BookingWindow::refreshTiers);

    // The confirmation.
    auto *done = new QWidget(m_pages);
    auto *d = new QVBoxLayout(done);
    d->addStretch(1);
    m_thanks = bigLabel(done, 8);
    m_orderText = bigLabel(done, 2);
    m_orderText->setObjectName(u"orderText"_s);
    m_orderText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->addWidget(m_thanks);
    d->addWidget(m_orderText);
    // Every ticket's code, as on the tickets (many for a counter sale: they scroll).
    auto *codes = new QScrollArea(done);
    codes->setFrameShape(QFrame::NoFrame);
    codes->setWidgetResizable(true);
    codes->setAlignment(Qt::AlignCenter);
    m_qr = new QLabel(codes);
    m_qr->setObjectName(u"orderQr"_s);
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->setToolTip(tr("Each ticket's code, as on the printed ticket: one per seat"));
    codes->setWidget(m_qr);
    d->addWidget(codes, 3);
    auto *ticketRow = new QHBoxLayout;
    m_ticketNote = bigLabel(done, 2);
    m_ticketNote->setObjectName(u"ticketNote"_s);
    m_ticketNote->hide();
    d->addWidget(m_ticketNote);
    auto *save = m_save = new QPushButton(QIcon::fromTheme(u"document-save"_s), tr("Save ticket as PDF…"), done);
    save->setObjectName(u"saveTicketButton"_s);
    auto *print = m_print = new QPushButton(QIcon::fromTheme(u"document-print"_s), tr("Print ticket…"), done);
    print->setObjectName(u"printTicketButton"_s);
    m_newSale = new QPushButton(tr("New sale"), done);
    m_newSale->setObjectName(u"newSaleButton"_s);
    auto *close = new QPushButton(tr("Done"), done);
    close->setObjectName(u"doneButton"_s);
    connect(close, &QPushButton::clicked, this, &BookingWindow::leaveRequested);
    ticketRow->addStretch(1);
    for (QPushButton *b : {save, print, m_newSale, close})
        ticketRow->addWidget(b);
    ticketRow->addStretch(1);
    d->addSpacing(16);
    d->addLayout(ticketRow);
    d->addStretch(1);
    connect(save, &QPushButton::clicked, this, [this] {
        if (m_output != TicketOutput::Dialogs)
            return;  // a kiosk never opens a file browser
        const QString file = QFileDialog::getSaveFileName(this, tr("Save ticket"),
                                                          tr("ticket-%1.pdf").arg(m_orderId), tr("PDF files (*.pdf)"));
        if (!file.isEmpty())
            Q_EMIT saveTicketRequested(file);
    });
    connect(print, &QPushButton::clicked, this, &BookingWindow::printTicketRequested);
    connect(m_newSale, &QPushButton::clicked, this, [this] {
        resetForNewSale();
        Q_EMIT newSaleRequested();
    });
    m_pages->addWidget(done);

    setCounterMode(false);
    showHoldEnded();
}

void BookingWindow::setCounterMode(bool counter)
{
    m_counter = counter;
    m_map->setMaxSelection(counter ? 50 : 4);
    m_bestCount->setRange(1, counter ? 50 : 4);
    m_help->setText(m_kiosk ? tr("Tap a section to see its seats, then tap up to 4 seats. The buttons on the map "
                                 "zoom in, zoom out and show the whole venue; drag to move.")
                    : counter ? tr("Counter sale: click seats (up to 50), or use the arrow keys and Space. "
                                   "Scroll or press + and − to zoom; drag to move.")
                              : tr("Click seats (up to 4), or use the arrow keys and Space. "
                                   "Scroll or press + and − to zoom; drag to move."));
    m_payment->setVisible(counter);
    m_customerBox->setVisible(counter);
    updatePayment();
    m_buy->setText(counter ? tr("Take payment") : tr("Buy (test payment)"));
    m_thanks->setText(counter ? tr("Sale complete") : tr("Your tickets are booked"));
    m_newSale->setVisible(counter);
}

Customer BookingWindow::customer() const
{
    return {m_customerName->text().trimmed(), m_customerPhone->text().trimmed(), m_customerEmail->text().trimmed()};
}

void BookingWindow::setKioskMode(bool kiosk, TicketOutput output)
{
    m_kiosk = kiosk;
    m_output = output;
    m_map->setMinimumTapSize(kiosk ? 32 : 0);
    m_side->setFixedWidth(kiosk ? 420 : 320);  // touch-sized controls need the room
    m_save->setVisible(output == TicketOutput::Dialogs);
    m_print->setVisible(output != TicketOutput::ScreenOnly);
    m_print->setText(output == TicketOutput::Dialogs ? tr("Print ticket…") : tr("Print ticket"));
    setCounterMode(m_counter);  // the instructions
}

void BookingWindow::setPerformanceDetails(const QString &details)
{
    setWindowTitle(details.isEmpty() ? tr("%1 — BoxOffice").arg(m_title)
                                     : tr("%1 · %2 — BoxOffice").arg(m_title, details));
}

BookingWindow::Page BookingWindow::page() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void BookingWindow::showQueue(const QueueTicket &t, const QDateTime &updatedAt)
{
    m_pages->setCurrentIndex(int(Page::Queue));
    const int position = t.position.value_or(0);
    if (m_firstPosition < position)
        m_firstPosition = position;
    m_position->setText(t.preQueue ? tr("In the pre-queue: number %1").arg(position)
                                   : tr("You are number %1 in line").arg(QLocale().toString(position)));
    const int ahead = t.ahead.value_or(0);
    m_ahead->setText(tr("%Ln person(s) ahead of you, %1 waiting in all", nullptr, ahead).arg(QLocale().toString(t.waiting)));
    m_progress->setValue(m_firstPosition > 0 ? 1000 - 1000 * position / m_firstPosition : 0);
    m_eta->setText(t.paused ? tr("Admissions are paused for the moment. You keep your place in line; no wait can "
                                 "be estimated until they resume.")
                            : etaText(t.etaSeconds.value_or(0)));
    m_updated->setText(tr("Updated %1").arg(QLocale().toString(updatedAt.toLocalTime().time(), QLocale::LongFormat)));
}

QString BookingWindow::etaText(int eta)
{
    // A range, not a promise: the rate of admissions varies.
    if (eta < 60)
        return tr("Estimated wait: under a minute");
    const int low = std::max(1, int(eta * 0.8 / 60)), high = std::max(low + 1, int(std::ceil(eta * 1.3 / 60)));
    if (high < 60)
        return tr("Estimated wait: %1–%2 minutes").arg(low).arg(high);
    auto hm = [](int minutes) {
        return minutes % 60 == 0 ? tr("%1 h").arg(minutes / 60) : tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    };
    // Over an hour: hours and minutes, to the nearest five minutes.
    const int lowRounded = std::max(5, low / 5 * 5), highRounded = (high + 4) / 5 * 5;
    return tr("Estimated wait: %1 to %2").arg(lowRounded < 60 ? tr("%1 min").arg(lowRounded) : hm(lowRounded),
                                                hm(highRounded));
}

void BookingWindow::showSeats()
{
    m_pages->setCurrentIndex(int(Page::Seats));
    // The legend: each tier's mark, name and price; then the states.
    while (QLayoutItem *item = m_legend->layout()->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto &tiers = m_seats->layout().tiers;
    m_bestTier->clear();
    for (qsizetype t = 0; t < tiers.size(); ++t)
        m_bestTier->addItem(QIcon(SeatMapView::tierIcon(int(t), 16)), tiers[t].name, tiers[t].id);
    refreshTiers();
    for (qsizetype t = 0; t < tiers.size(); ++t) {
        auto *line = new QWidget(m_legend);
        auto *h = new QHBoxLayout(line);
        h->setContentsMargins(0, 0, 0, 0);
        auto *icon = new QLabel(line);
        icon->setPixmap(SeatMapView::tierIcon(int(t), 16));
        h->addWidget(icon);
        h->addWidget(new QLabel(tiers[t].name + u" · "_s + money(tiers[t].price.amount, tiers[t].price.currency), line), 1);
        m_legend->layout()->addWidget(line);
    }
    auto *states = new QLabel(tr("Filled: available · hollow: held · small grey: sold"), m_legend);
    states->setWordWrap(true);
    m_legend->layout()->addWidget(states);
    updateSelection();
}

void BookingWindow::updateSelection()
{
    const QList<int> picked = m_map->selection();
    qint64 total = 0;
    QString currency;
    for (int seat : picked) {
        const Money price = m_seats->price(seat);
        total += price.amount;
        currency = price.currency;
    }
    m_selection->setText(picked.isEmpty() ? tr("No seats picked yet.")
                                          : m_seats->describe(picked) + u"\n" + tr("Total %1").arg(money(total, currency)));
    m_hold->setEnabled(!picked.isEmpty() && !m_heldNow);
    bool anyLeft = false;
    for (int n : m_seats->availableByTier())
        anyLeft = anyLeft || n > 0;
    m_best->setEnabled(!m_heldNow && anyLeft && m_map->isInteractive());
}

void BookingWindow::refreshTiers()
{
    // Each tier with its price and what is left; sold-out tiers cannot be chosen; the
    // choice stays unless its tier sold out, else the dearest tier with seats.
    const auto &tiers = m_seats->layout().tiers;
    auto *model = qobject_cast<QStandardItemModel *>(m_bestTier->model());
    if (!model || m_bestTier->count() != tiers.size())
        return;
    const QList<int> &left = m_seats->availableByTier();
    const bool known = m_seats->hasStatus();
    for (qsizetype t = 0; t < tiers.size(); ++t) {
        const int n = left.value(t);
        QStandardItem *item = model->item(int(t));
        const QString price = money(tiers[t].price.amount, tiers[t].price.currency);
        item->setText(!known ? tiers[t].name + u" · "_s + price
                      : n > 0 ? tr("%1 · %2 · %3 left").arg(tiers[t].name, price, QLocale().toString(n))
                              : tr("%1 · %2 · sold out").arg(tiers[t].name, price));
        item->setEnabled(!known || n > 0);
    }
    if (!known)
        return;
    const int current = m_bestTier->currentIndex();
    if (current >= 0 && left.value(current) > 0)
        return updateSelection();
    int best = -1;
    for (qsizetype t = 0; t < tiers.size(); ++t)
        if (left.value(t) > 0 && (best < 0 || tiers[t].price.amount > tiers[best].price.amount))
            best = int(t);
    if (best >= 0)
        m_bestTier->setCurrentIndex(best);
    updateSelection();
}

void BookingWindow::updatePayment()
{
    const bool cash = m_counter && m_payment->currentData().toString() == u"cash";
    const qint64 total = m_heldNow ? m_heldNow->total.amount : 0;
    m_tendered->setVisible(cash && m_heldNow);
    m_change->setVisible(cash && m_heldNow);
    if (cash && m_heldNow) {
        const qint64 change = m_tendered->value() - total;
        m_change->setText(change >= 0 ? tr("Change: %1").arg(money(change, m_heldNow->total.currency))
                                      : tr("%1 still to pay").arg(money(-change, m_heldNow->total.currency)));
    }
    m_buy->setEnabled(m_heldNow && !m_paying && (!cash || m_tendered->value() >= total));
}

QString BookingWindow::seatText(const QStringList &seatIds) const
{
    return m_seats->describe(seatIds);
}

void BookingWindow::showHold(const Hold &hold)
{
    m_heldNow = hold;
    m_paying = false;
    m_map->setInteractive(false);
    m_release->setEnabled(true);
    m_hold->setEnabled(false);
    m_tendered->setValue(0);
    // The seats we hold, ringed and on screen (best available may pick them anywhere).
    QList<int> seats;
    for (const QString &id : hold.seats)
        if (const int s = m_seats->indexOf(id); s >= 0)
            seats << s;
    m_map->setHeld(seats);
    m_map->ensureVisible(seats);
    m_message->setText(tr("Held: %1 (%2)").arg(seatText(hold.seats), money(hold.total.amount, hold.total.currency)));
    updatePayment();
    updateSelection();
}

void BookingWindow::showHoldEnded()
{
    m_heldNow.reset();
    m_paying = false;
    m_map->setHeld({});
    m_map->setInteractive(true);
    m_release->setEnabled(false);
    m_countdown->clear();
    updatePayment();
    updateSelection();
}

void BookingWindow::showHoldFailed()
{
    m_map->setInteractive(true);
    updateSelection();
}

void BookingWindow::setPaying(bool paying)
{
    m_paying = paying;
    m_release->setEnabled(!paying && m_heldNow);
    updatePayment();
}

void BookingWindow::showPaymentFailed(const QString &message)
{
    setPaying(false);
    m_message->setText(message);
}

void BookingWindow::resetForNewSale()
{
    showHoldEnded();
    m_map->clearSelection();
    m_orderId.clear();
    m_orderText->clear();
    m_qr->clear();
    m_message->clear();
    m_tendered->setValue(0);
    for (QLineEdit *e : {m_customerName, m_customerPhone, m_customerEmail})
        e->clear();
    showSeats();
}

void BookingWindow::setSecondsLeft(int seconds)
{
    m_countdown->setText(tr("%1 left to buy").arg(clock(seconds)));
    QPalette p = m_countdown->palette();
    p.setColor(QPalette::WindowText, seconds <= 60 ? QColor(0xD5, 0x5E, 0x00) : palette().color(QPalette::WindowText));
    m_countdown->setPalette(p);
}

void BookingWindow::setSessionSecondsLeft(int seconds)
{
    m_countdown->setText(tr("Your turn: %1 left to pick and buy").arg(clock(seconds)));
    QPalette p = m_countdown->palette();
    p.setColor(QPalette::WindowText, seconds <= 60 ? QColor(0xD5, 0x5E, 0x00) : palette().color(QPalette::WindowText));
    m_countdown->setPalette(p);
}

void BookingWindow::showOrder(const Order &order, const QString &paymentMethod)
{
    m_pages->setCurrentIndex(int(Page::Done));
    m_orderId = order.orderId;
    const qint64 tendered = m_tendered->value();
    m_heldNow.reset();
    m_paying = false;
    m_countdown->clear();
    updatePayment();
    // Where the codes are the tickets (a kiosk without a printer), large enough for a phone's camera.
    const bool screenOnly = m_output == TicketOutput::ScreenOnly;
    m_qr->setPixmap(QPixmap::fromImage(TicketDocument({order, {}, {}, {}}).codesImage(screenOnly ? 7 : 4, 4)));
    QString paid;
    if (paymentMethod == u"cash")
        paid = tendered > 0 ? tr("Paid in cash: %1 received, %2 change")
                                  .arg(money(tendered, order.total.currency),
                                       money(tendered - order.total.amount, order.total.currency))
                            : tr("Paid in cash");
    else if (paymentMethod == u"card")
        paid = tr("Paid by card");
    else if (paymentMethod == u"test")
        paid = tr("Test payment (no money taken)");
    QStringList lines{tr("Order %1").arg(order.code.isEmpty() ? order.orderId : order.code), seatText(order.seats),
                      tr("Total: %1").arg(money(order.total.amount, order.total.currency))};
    // The purchase's answer does not repeat the customer: as typed for this sale.
    const Customer buyer = order.customer ? *order.customer : m_counter ? customer() : Customer{};
    if (!buyer.isEmpty()) {
        QStringList who;
        for (const QString &part : {buyer.name, buyer.phone, buyer.email})
            if (!part.isEmpty())
                who << part;
        lines << tr("Customer: %1").arg(who.join(u" · "_s));
    }
    if (!paid.isEmpty())
        lines << paid;
    m_orderText->setText(lines.join(u'\n'));
    m_ticketNote->setVisible(m_output == TicketOutput::ScreenOnly);
    m_ticketNote->setText(tr("This kiosk has no printer: show the codes above at the door (one per seat), or take a "
                             "picture of them. The box office can print them for you."));
}

void BookingWindow::showOfflineSeats(const QString &note)
{
    showSeats();
    m_map->setInteractive(false);
    m_hold->setEnabled(false);
    m_best->setEnabled(false);
    m_buy->setEnabled(false);
    m_release->setEnabled(false);
    m_message->setText(note);
}

void BookingWindow::showMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace BoxOffice
