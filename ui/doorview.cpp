#include "ui/doorview.h"

#include "domain/venuetime.h"

#include <QComboBox>
#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QShowEvent>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

// Okabe-Ito: told apart with the common colour-vision deficiencies; the symbol and
// the words say it too.
const QColor Admitted(0x00, 0x9E, 0x73);
const QColor Refused(0xD5, 0x5E, 0x00);
const QColor NotChecked(0xE6, 0x9F, 0x00);
const QColor Waiting(0x5A, 0x64, 0x6E);

QFont sized(QFont font, double factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

DoorView::DoorView(QWidget *parent) : QWidget(parent)
{
    setWindowTitle(tr("Door check-in — BoxOffice"));
    resize(1000, 760);
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *performanceLabel = new QLabel(tr("&Performance:"), this);
    m_performance = new QComboBox(this);
    m_performance->setObjectName(u"performanceCombo"_s);
    m_performance->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    performanceLabel->setBuddy(m_performance);
    top->addWidget(performanceLabel);
    top->addWidget(m_performance, 1);
    m_counts = new QLabel(this);
    m_counts->setObjectName(u"countsLabel"_s);
    m_counts->setFont(sized(font(), 1.6, true));
    top->addSpacing(24);
    top->addWidget(m_counts);
    layout->addLayout(top);
    connect(m_performance, &QComboBox::currentIndexChanged, this, [this] {
        Q_EMIT performanceChanged(performanceId());
        m_scan->setFocus();  // back to scanning
    });

    m_scan = new QLineEdit(this);
    m_scan->setObjectName(u"scanEdit"_s);
    m_scan->setFont(sized(font(), 2.2, false));
    m_scan->setPlaceholderText(tr("Scan a ticket, or type its code and press Enter"));
    m_scan->setAccessibleName(tr("Ticket code"));
    m_scan->setMaxLength(200);
    layout->addWidget(m_scan);
    connect(m_scan, &QLineEdit::returnPressed, this, &DoorView::submit);

    m_panel = new QFrame(this);
    m_panel->setObjectName(u"answerPanel"_s);
    m_panel->setAutoFillBackground(true);
    m_panel->setMinimumHeight(300);
    auto *panel = new QHBoxLayout(m_panel);
    panel->setContentsMargins(28, 20, 28, 20);
    m_symbol = new QLabel(m_panel);
    m_symbol->setObjectName(u"answerSymbol"_s);
    m_symbol->setFont(sized(font(), 9, true));
    m_symbol->setAlignment(Qt::AlignCenter);
    m_symbol->setMinimumWidth(160);
    panel->addWidget(m_symbol);
    auto *words = new QVBoxLayout;
    m_title = new QLabel(m_panel);
    m_title->setObjectName(u"answerTitle"_s);
    m_title->setFont(sized(font(), 4.2, true));
    m_title->setWordWrap(true);
    m_detail = new QLabel(m_panel);
    m_detail->setObjectName(u"answerDetail"_s);
    m_detail->setFont(sized(font(), 2.2, false));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    words->addStretch(1);
    words->addWidget(m_title);
    words->addWidget(m_detail);
    words->addStretch(1);
    panel->addLayout(words, 1);
    layout->addWidget(m_panel, 3);

    auto *recentLabel = new QLabel(tr("Last scans"), this);
    layout->addWidget(recentLabel);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(u"recentList"_s);
    m_recent->setFocusPolicy(Qt::NoFocus);  // the scanner types into the field, always
    m_recent->setFont(sized(font(), 1.2, false));
    layout->addWidget(m_recent, 1);

    setPanel(Answer::None, QString(), tr("Ready"), tr("Scan the first ticket."));
    setCounts(0, 0);
}

void DoorView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_scan->setFocus();
}

void DoorView::setPerformances(const QList<Performance> &performances, const QString &current)
{
    m_performances = performances;
    const QSignalBlocker quiet(m_performance);
    m_performance->clear();
    int pick = 0;
    for (qsizetype i = 0; i < performances.size(); ++i) {
        m_performance->addItem(performances[i].text, performances[i].id);
        if (performances[i].id == current)
            pick = int(i);
    }
    m_performance->setCurrentIndex(performances.isEmpty() ? -1 : pick);
    m_scan->setEnabled(!performances.isEmpty());
}

QString DoorView::performanceId() const
{
    return m_performance->currentData().toString();
}

QString DoorView::timeZone() const
{
    for (const Performance &p : m_performances)
        if (p.id == performanceId())
            return p.timeZone;
    return {};
}

QString DoorView::answerTitle() const
{
    return m_title->text();
}

QString DoorView::answerDetail() const
{
    return m_detail->text();
}

void DoorView::submit()
{
    const QString secret = m_scan->text().trimmed();
    m_scan->clear();  // ready for the next one at once
    m_scan->setFocus();
    if (secret.isEmpty() || performanceId().isEmpty())
        return;
    Q_EMIT scanned(secret, performanceId());
}

void DoorView::setPanel(Answer answer, const QString &symbol, const QString &title, const QString &detail)
{
    m_answer = answer;
    QColor background = palette().color(QPalette::Window);
    QColor text = palette().color(QPalette::WindowText);
    switch (answer) {
    case Answer::None: break;
    case Answer::Checking: background = Waiting, text = Qt::white; break;
    case Answer::Admitted: background = Admitted, text = Qt::white; break;
    case Answer::Refused: background = Refused, text = Qt::white; break;
    case Answer::NotChecked: background = NotChecked, text = Qt::black; break;
    }
    QPalette pal = m_panel->palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, text);
    m_panel->setPalette(pal);
    for (QLabel *label : {m_symbol, m_title, m_detail})
        label->setPalette(pal);
    m_symbol->setText(symbol);
    m_title->setText(title);
    m_detail->setText(detail);
}

void DoorView::showChecking(const QString &)
{
    setPanel(Answer::Checking, u"…"_s, tr("Checking…"), QString());
}

QString DoorView::reasonText(const CheckIn &verdict) const
{
    switch (verdict.verdict) {
    case CheckIn::Verdict::Valid: return {};
    case CheckIn::Verdict::AlreadyUsed: {
        if (!verdict.usedAt)
            return tr("This ticket has been used already.");
        const QLocale locale;
        const QDateTime at = inVenueZone(*verdict.usedAt, timeZone());
        const QDateTime now = inVenueZone(QDateTime::currentDateTimeUtc(), timeZone());
        const QString when = at.date() == now.date() ? locale.toString(at.time(), QLocale::ShortFormat)
                                                     : locale.toString(at, QLocale::ShortFormat);
        return tr("This ticket went in at %1.").arg(when);
    }
    case CheckIn::Verdict::Revoked: return tr("This ticket was replaced by a reissue: ask for the new one.");
    case CheckIn::Verdict::Refunded: return tr("This ticket was refunded.");
    case CheckIn::Verdict::WrongPerformance: return tr("This ticket is for another performance.");
    case CheckIn::Verdict::Unknown: return tr("No ticket has this code. Scan it again, or type the code.");
    }
    return {};
}

void DoorView::showVerdict(const QString &, const CheckIn &verdict, bool onPanel)
{
    const QString seat = verdict.ticket ? verdict.ticket->label : QString();
    const QString order = verdict.orderCode.isEmpty() ? QString() : tr("Order %1").arg(verdict.orderCode);
    const QString where = QStringList{seat, order}.join(u"\n"_s).trimmed();
    QString title;
    switch (verdict.verdict) {
    case CheckIn::Verdict::Valid: title = tr("ADMIT"); break;
    case CheckIn::Verdict::AlreadyUsed: title = tr("ALREADY USED"); break;
    case CheckIn::Verdict::Revoked: title = tr("REVOKED"); break;
    case CheckIn::Verdict::Refunded: title = tr("REFUNDED"); break;
    case CheckIn::Verdict::WrongPerformance: title = tr("WRONG PERFORMANCE"); break;
    case CheckIn::Verdict::Unknown: title = tr("UNKNOWN TICKET"); break;
    }
    const QString time = QLocale().toString(inVenueZone(QDateTime::currentDateTimeUtc(), timeZone()).time(),
                                            QLocale::ShortFormat);
    if (verdict.admitted()) {
        if (onPanel)
            setPanel(Answer::Admitted, u"✓"_s, title, where);
        addRecent(u"✓"_s, tr("%1  %2 · %3").arg(time, title, seat.isEmpty() ? order : seat));
        return;
    }
    const QString reason = reasonText(verdict);
    if (onPanel)
        setPanel(Answer::Refused, u"✗"_s, title, where.isEmpty() ? reason : reason + u'\n' + where);
    addRecent(u"✗"_s, tr("%1  %2 · %3").arg(time, title, seat.isEmpty() ? reason : seat));
}

void DoorView::showNotChecked(const QString &, const QString &message, bool onPanel)
{
    if (onPanel)
        setPanel(Answer::NotChecked, u"?"_s, tr("NOT CHECKED"), tr("%1\nScan the ticket again.").arg(message));
    addRecent(u"?"_s, tr("%1  not checked: %2")
                          .arg(QLocale().toString(inVenueZone(QDateTime::currentDateTimeUtc(), timeZone()).time(),
                                                  QLocale::ShortFormat),
                               message));
}

void DoorView::addRecent(const QString &symbol, const QString &text)
{
    m_recent->insertItem(0, symbol + u"  "_s + text);
    while (m_recent->count() > 50)
        delete m_recent->takeItem(m_recent->count() - 1);
}

void DoorView::setCounts(int admitted, int refused)
{
    m_counts->setText(tr("Admitted: %1 · Refused: %2").arg(QLocale().toString(admitted), QLocale().toString(refused)));
}

} // namespace BoxOffice
