#include "ui/tillview.h"

#include "domain/venuetime.h"
#include "ui/cashreportdocument.h"

#include <QDate>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

QSpinBox *moneySpin(QWidget *parent, const QString &name)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(0, 999999999);
    spin->setSingleStep(1000);
    spin->setGroupSeparatorShown(true);
    spin->setMinimumWidth(180);
    return spin;
}

QLabel *valueLabel(QWidget *parent, const QString &name, double scale = 1.0, bool bold = false)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * scale);
    f.setBold(bold);
    label->setFont(f);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QTableWidgetItem *item(const QString &text, bool right = false)
{
    auto *i = new QTableWidgetItem(text);
    if (right)
        i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

} // namespace

TillView::TillView(QWidget *parent) : QWidget(parent)
{
    setWindowTitle(tr("Till — BoxOffice"));
    resize(980, 780);
    auto *layout = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    m_loadingPage = new QLabel(tr("Reading your till…"), this);
    static_cast<QLabel *>(m_loadingPage)->setAlignment(Qt::AlignCenter);
    m_noTillPage = createNoTillPage();
    m_reportPage = createReportPage();
    m_pages->addWidget(m_loadingPage);
    m_pages->addWidget(m_noTillPage);
    m_pages->addWidget(m_reportPage);
    layout->addWidget(m_pages, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    QFont f = m_message->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_message->setFont(f);
    layout->addWidget(m_message);
    setCurrency(m_currency);
}

QWidget *TillView::createNoTillPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    auto *text = new QLabel(tr("No till is open for you. Count the float into the drawer, enter it, and open the till."),
                            page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    QFont f = text->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    text->setFont(f);
    layout->addWidget(text);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    auto *label = new QLabel(tr("&Float:"), page);
    m_float = moneySpin(page, u"floatSpin"_s);
    m_float->setValue(100000);
    label->setBuddy(m_float);
    row->addWidget(label);
    row->addWidget(m_float);
    m_open = new QPushButton(tr("&Open the till"), page);
    m_open->setObjectName(u"openTillButton"_s);
    m_open->setDefault(true);
    row->addWidget(m_open);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    connect(m_open, &QPushButton::clicked, this,
            [this] { Q_EMIT openRequested(Money{m_float->value(), m_currency}); });
    return page;
}

QWidget *TillView::createReportPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *head = new QHBoxLayout;
    m_title = new QLabel(page);
    m_title->setObjectName(u"tillTitle"_s);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    head->addWidget(m_title, 1);
    m_refresh = new QPushButton(tr("&Refresh"), page);
    m_refresh->setObjectName(u"refreshButton"_s);
    head->addWidget(m_refresh);
    layout->addLayout(head);
    connect(m_refresh, &QPushButton::clicked, this, &TillView::refreshRequested);

    auto *middle = new QHBoxLayout;
    auto *cashBox = new QGroupBox(tr("Cash in the drawer"), page);
    auto *cash = new QFormLayout(cashBox);
    m_floatLabel = valueLabel(cashBox, u"floatLabel"_s);
    m_cashSales = valueLabel(cashBox, u"cashSalesLabel"_s);
    m_cashRefunds = valueLabel(cashBox, u"cashRefundsLabel"_s);
    m_paidIn = valueLabel(cashBox, u"paidInLabel"_s);
    m_paidOut = valueLabel(cashBox, u"paidOutLabel"_s);
    m_expected = valueLabel(cashBox, u"expectedLabel"_s, 1.6, true);
    m_countedLabel = valueLabel(cashBox, u"countedLabel"_s, 1.6, true);
    m_difference = valueLabel(cashBox, u"differenceLabel"_s, 1.6, true);
    cash->addRow(tr("Float"), m_floatLabel);
    cash->addRow(tr("+ Cash sales"), m_cashSales);
    cash->addRow(tr("− Cash refunds"), m_cashRefunds);
    cash->addRow(tr("+ Paid in"), m_paidIn);
    cash->addRow(tr("− Paid out"), m_paidOut);
    cash->addRow(tr("= Expected cash"), m_expected);
    cash->addRow(tr("Counted cash"), m_countedLabel);
    cash->addRow(tr("Difference"), m_difference);
    middle->addWidget(cashBox, 1);

    auto *methodsBox = new QGroupBox(tr("By payment method"), page);
    auto *methods = new QVBoxLayout(methodsBox);
    m_methods = new QTableWidget(0, 4, methodsBox);
    m_methods->setObjectName(u"methodsTable"_s);
    m_methods->setHorizontalHeaderLabels({tr("Method"), tr("Sales"), tr("Refunds"), tr("Count")});
    m_methods->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_methods->verticalHeader()->hide();
    m_methods->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    methods->addWidget(m_methods);
    middle->addWidget(methodsBox, 1);
    layout->addLayout(middle);

    auto *movementsBox = new QGroupBox(tr("Paid in and paid out"), page);
    auto *movements = new QVBoxLayout(movementsBox);
    m_movements = new QTableWidget(0, 5, movementsBox);
    m_movements->setObjectName(u"movementsTable"_s);
    m_movements->setHorizontalHeaderLabels({tr("Time"), tr("Kind"), tr("Amount"), tr("Reason"), tr("By")});
    m_movements->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_movements->verticalHeader()->hide();
    m_movements->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_movements->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    movements->addWidget(m_movements);
    layout->addWidget(movementsBox, 1);

    auto *actions = new QHBoxLayout;
    m_movementBox = new QGroupBox(tr("Paid in / paid out"), page);
    auto *move = new QGridLayout(m_movementBox);
    m_movementAmount = moneySpin(m_movementBox, u"movementAmountSpin"_s);
    m_movementAmount->setMinimum(0);
    m_movementReason = new QLineEdit(m_movementBox);
    m_movementReason->setObjectName(u"movementReasonEdit"_s);
    m_movementReason->setPlaceholderText(tr("Reason (required)"));
    m_movementReason->setMaxLength(500);
    m_paidInButton = new QPushButton(tr("Paid &in"), m_movementBox);
    m_paidInButton->setObjectName(u"paidInButton"_s);
    m_paidOutButton = new QPushButton(tr("Paid o&ut"), m_movementBox);
    m_paidOutButton->setObjectName(u"paidOutButton"_s);
    move->addWidget(new QLabel(tr("Amount:"), m_movementBox), 0, 0);
    move->addWidget(m_movementAmount, 0, 1);
    move->addWidget(new QLabel(tr("Reason:"), m_movementBox), 1, 0);
    move->addWidget(m_movementReason, 1, 1);
    auto *moveButtons = new QHBoxLayout;
    moveButtons->addWidget(m_paidInButton);
    moveButtons->addWidget(m_paidOutButton);
    move->addLayout(moveButtons, 2, 0, 1, 2);
    actions->addWidget(m_movementBox, 1);
    auto moved = [this](CashMovement::Kind kind) {
        if (m_movementAmount->value() <= 0)
            return showMessage(tr("Enter the amount first."));
        if (m_movementReason->text().trimmed().isEmpty()) {
            m_movementReason->setFocus();
            return showMessage(tr("Say why the money goes in or out: the reason is required."));
        }
        Q_EMIT movementRequested(kind, Money{m_movementAmount->value(), m_currency}, m_movementReason->text().trimmed());
    };
    connect(m_paidInButton, &QPushButton::clicked, this, [moved] { moved(CashMovement::Kind::PaidIn); });
    connect(m_paidOutButton, &QPushButton::clicked, this, [moved] { moved(CashMovement::Kind::PaidOut); });

    m_closeBox = new QGroupBox(tr("Close the till"), page);
    auto *close = new QGridLayout(m_closeBox);
    m_counted = moneySpin(m_closeBox, u"countedSpin"_s);
    close->addWidget(new QLabel(tr("Cash counted:"), m_closeBox), 0, 0);
    close->addWidget(m_counted, 0, 1);
    connect(m_counted, &QSpinBox::valueChanged, this, [this] {
        if (!m_settingCounted)
            m_countedEdited = true;
    });
    m_close = new QPushButton(tr("&Close the till…"), m_closeBox);
    m_close->setObjectName(u"closeTillButton"_s);
    close->addWidget(m_close, 1, 0, 1, 2);
    actions->addWidget(m_closeBox, 1);
    connect(m_close, &QPushButton::clicked, this, [this] {
        if (!m_session)
            return;
        const Money counted{m_counted->value(), m_currency};
        confirm(tr("Close the till"),
                tr("Close the till with %1 counted? %2 is expected. A closed till cannot be opened again.")
                    .arg(CashReportDocument::moneyText(counted), CashReportDocument::moneyText(m_session->expectedCash)),
                [this, counted] { Q_EMIT closeRequested(counted); });
    });

    m_zBox = new QGroupBox(tr("Z report"), page);
    auto *z = new QVBoxLayout(m_zBox);
    auto *save = new QPushButton(tr("&Save as PDF…"), m_zBox);
    save->setObjectName(u"savePdfButton"_s);
    auto *print = m_print = new QPushButton(tr("&Print…"), m_zBox);
    print->setObjectName(u"printButton"_s);
    auto *again = new QPushButton(tr("Open a &new till"), m_zBox);
    again->setObjectName(u"newTillButton"_s);
    z->addWidget(save);
    z->addWidget(print);
    z->addWidget(again);
    actions->addWidget(m_zBox, 1);
    connect(save, &QPushButton::clicked, this, &TillView::chooseFile);
    connect(print, &QPushButton::clicked, this, &TillView::printRequested);
    connect(again, &QPushButton::clicked, this, &TillView::showNoTill);
    layout->addLayout(actions);
    return page;
}

void TillView::setKioskMode(bool kiosk)
{
    m_kiosk = kiosk;
    m_print->setVisible(!kiosk);
}

void TillView::setCurrency(const QString &currency)
{
    m_currency = currency;
    for (QSpinBox *spin : {m_float, m_movementAmount, m_counted})
        spin->setSuffix(u' ' + currency);
}

QString TillView::message() const
{
    return m_message->text();
}

void TillView::setPage(Page page)
{
    m_page = page;
    switch (page) {
    case Page::Loading: m_pages->setCurrentWidget(m_loadingPage); break;
    case Page::NoTill: m_pages->setCurrentWidget(m_noTillPage); break;
    case Page::Open:
    case Page::Closed: m_pages->setCurrentWidget(m_reportPage); break;
    }
}

void TillView::showLoading()
{
    setPage(Page::Loading);
}

void TillView::showNoTill()
{
    m_session.reset();
    setPage(Page::NoTill);
    m_float->setFocus();
    m_float->selectAll();
}

QString TillView::time(const QDateTime &at) const
{
    return QLocale().toString(inVenueZone(at, m_timeZone), QLocale::ShortFormat);
}

void TillView::showSession(const CashSession &s)
{
    const bool wasOpen = m_session && m_session->id == s.id && !m_session->isClosed();
    m_session = s;
    setCurrency(s.openingFloat.currency);
    const QString who = s.staff.isStaffKey() ? tr("Staff key") : s.staff.name;
    m_title->setText(s.isClosed() ? tr("Z report · till of %1 · opened %2 · closed %3")
                                        .arg(who, time(s.openedAt), time(*s.closedAt))
                                  : tr("Till of %1 · open since %2 (X report)").arg(who, time(s.openedAt)));
    const MethodTotals cash = s.byMethod.value(u"cash"_s, MethodTotals{Money{0, s.openingFloat.currency},
                                                                      Money{0, s.openingFloat.currency}, 0});
    m_floatLabel->setText(CashReportDocument::moneyText(s.openingFloat));
    m_cashSales->setText(CashReportDocument::moneyText(cash.sales));
    m_cashRefunds->setText(CashReportDocument::moneyText(cash.refunds));
    m_paidIn->setText(CashReportDocument::moneyText(s.paidIn()));
    m_paidOut->setText(CashReportDocument::moneyText(s.paidOut()));
    m_expected->setText(CashReportDocument::moneyText(s.expectedCash));
    m_countedLabel->setText(s.countedCash ? CashReportDocument::moneyText(*s.countedCash) : tr("not counted yet"));
    if (s.difference) {
        const qint64 d = s.difference->amount;
        m_difference->setText(d == 0 ? tr("%1 (exact)").arg(CashReportDocument::moneyText(*s.difference))
                              : d > 0 ? tr("%1 (over)").arg(u"+"_s + CashReportDocument::moneyText(*s.difference))
                                      : tr("%1 (short)").arg(CashReportDocument::moneyText(*s.difference)));
    } else {
        m_difference->setText(QString());
    }

    m_methods->setRowCount(int(s.byMethod.size()));
    int row = 0;
    for (auto it = s.byMethod.cbegin(); it != s.byMethod.cend(); ++it, ++row) {
        m_methods->setItem(row, 0, item(CashReportDocument::methodName(it.key())));
        m_methods->setItem(row, 1, item(CashReportDocument::moneyText(it->sales), true));
        m_methods->setItem(row, 2, item(CashReportDocument::moneyText(it->refunds), true));
        m_methods->setItem(row, 3, item(QLocale().toString(it->count), true));
    }
    m_movements->setRowCount(int(s.movements.size()));
    for (int i = 0; i < s.movements.size(); ++i) {
        const CashMovement &m = s.movements[i];
        m_movements->setItem(i, 0, item(time(m.at)));
        m_movements->setItem(i, 1, item(m.kind == CashMovement::Kind::PaidIn ? tr("Paid in") : tr("Paid out")));
        m_movements->setItem(i, 2, item(CashReportDocument::moneyText(m.amount), true));
        m_movements->setItem(i, 3, item(m.reason));
        m_movements->setItem(i, 4, item(m.login));
    }
    m_movementBox->setVisible(!s.isClosed());
    m_closeBox->setVisible(!s.isClosed());
    m_zBox->setVisible(s.isClosed());
    m_refresh->setVisible(!s.isClosed());
    if (!wasOpen)
        m_countedEdited = false;
    // The cash counted starts at what is expected, and follows it until someone types.
    if (!s.isClosed() && !m_countedEdited) {
        m_settingCounted = true;
        m_counted->setValue(int(std::min<qint64>(s.expectedCash.amount, m_counted->maximum())));
        m_settingCounted = false;
    }
    setPage(s.isClosed() ? Page::Closed : Page::Open);
}

void TillView::showMessage(const QString &text)
{
    m_message->setText(text);
}

void TillView::clearMovement()
{
    m_movementAmount->setValue(0);
    m_movementReason->clear();
}

void TillView::setBusy(bool busy)
{
    m_busy = busy;
    for (QPushButton *b : {m_open, m_paidInButton, m_paidOutButton, m_close})
        b->setEnabled(!busy);
}

void TillView::confirm(const QString &title, const QString &question, std::function<void()> onYes)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, question, QMessageBox::Yes | QMessageBox::No, this);
    box->setDefaultButton(QMessageBox::No);
    box->setEscapeButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [box, onYes = std::move(onYes)](int) {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
            onYes();
    });
    box->open();
}

void TillView::chooseFile()
{
    if (m_kiosk)
        return Q_EMIT savePdfRequested(QString());
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // The day the till closed, at the venue.
    const QDate day = m_session && m_session->closedAt ? inVenueZone(*m_session->closedAt, m_timeZone).date()
                                                        : QDate::currentDate();
    const QString name = u"z-report-"_s + day.toString(Qt::ISODate) + u".pdf"_s;
    auto *dialog = new QFileDialog(this, tr("Save the Z report"), dir + u'/' + name, tr("PDF files (*.pdf)"));
    dialog->setObjectName(u"saveReportDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"pdf"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QFileDialog::fileSelected, this, &TillView::savePdfRequested);
    dialog->open();
}

} // namespace BoxOffice
