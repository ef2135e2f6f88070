#include "ui/qapanel.h"

#include "models/concertmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTime>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QaPanel::QaPanel(ConcertModel *concerts, QWidget *parent) : QWidget(parent)
{
    setWindowTitle(tr("QA tools — BoxOffice"));
    resize(980, 760);
    auto *layout = new QVBoxLayout(this);

    auto *serverBox = new QGroupBox(tr("Server"), this);
    auto *serverRow = new QHBoxLayout(serverBox);
    m_server = new QLineEdit(serverBox);
    m_server->setObjectName(u"serverEdit"_s);
    m_server->setPlaceholderText(u"http://127.0.0.1:8080"_s);
    auto *switchButton = new QPushButton(tr("Switch"), serverBox);
    switchButton->setObjectName(u"switchServerButton"_s);
    serverRow->addWidget(m_server, 1);
    serverRow->addWidget(switchButton);
    layout->addWidget(serverBox);
    connect(switchButton, &QPushButton::clicked, this, [this] { Q_EMIT serverRequested(m_server->text().trimmed()); });
    connect(m_server, &QLineEdit::returnPressed, switchButton, &QPushButton::click);

    auto *crowdBox = new QGroupBox(tr("Waiting room"), this);
    auto *form = new QFormLayout(crowdBox);
    m_concert = new QComboBox(crowdBox);
    m_concert->setObjectName(u"concertCombo"_s);
    auto fill = [this, concerts] {
        const QString current = selectedConcert();
        m_concert->clear();
        for (const Concert &c : concerts->concerts())
            m_concert->addItem(c.title, c.id);
        const int at = m_concert->findData(current);
        if (at >= 0)
            m_concert->setCurrentIndex(at);
    };
    fill();
    connect(concerts, &QAbstractItemModel::modelReset, this, fill);
    connect(m_concert, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT concertSelected(selectedConcert()); });
    form->addRow(tr("Concert:"), m_concert);
    m_stats = new QLabel(tr("Not read yet"), crowdBox);
    m_stats->setObjectName(u"stats"_s);
    QFont big = m_stats->font();
    big.setPointSize(big.pointSize() + 2);
    m_stats->setFont(big);
    form->addRow(tr("Now:"), m_stats);

    auto *crowdRow = new QHBoxLayout;
    m_crowd = new QSpinBox(crowdBox);
    m_crowd->setObjectName(u"crowdSpin"_s);
    m_crowd->setRange(1, 1000000);
    m_crowd->setValue(10000);
    m_crowd->setGroupSeparatorShown(true);
    auto *crowdButton = new QPushButton(tr("Add simulated buyers"), crowdBox);
    crowdButton->setObjectName(u"crowdButton"_s);
    crowdRow->addWidget(m_crowd, 1);
    crowdRow->addWidget(crowdButton);
    form->addRow(tr("Crowd:"), crowdRow);
    connect(crowdButton, &QPushButton::clicked, this, [this] { Q_EMIT crowdRequested(selectedConcert(), m_crowd->value()); });

    auto *expireRow = new QHBoxLayout;
    m_expire = new QSpinBox(crowdBox);
    m_expire->setObjectName(u"expireSpin"_s);
    m_expire->setRange(1, 1000000);
    m_expire->setValue(10);
    auto *expireButton = new QPushButton(tr("Expire active sessions"), crowdBox);
    expireButton->setObjectName(u"expireButton"_s);
    expireButton->setToolTip(tr("Ends the sessions nearest their end now; the next waiters are let in."));
    expireRow->addWidget(m_expire, 1);
    expireRow->addWidget(expireButton);
    form->addRow(tr("Sessions:"), expireRow);
    connect(expireButton, &QPushButton::clicked, this, [this] { Q_EMIT expireRequested(selectedConcert(), m_expire->value()); });
    layout->addWidget(crowdBox);

    auto *logBox = new QGroupBox(tr("Live channel, raw"), this);
    auto *logLayout = new QVBoxLayout(logBox);
    auto *filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(logBox);
    m_filter->setObjectName(u"filterEdit"_s);
    m_filter->setPlaceholderText(tr("Filter: only frames containing this text"));
    m_filter->setClearButtonEnabled(true);
    m_pause = new QCheckBox(tr("Pause"), logBox);
    auto *clear = new QPushButton(tr("Clear"), logBox);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_pause);
    filterRow->addWidget(clear);
    logLayout->addLayout(filterRow);
    m_log = new QPlainTextEdit(logBox);
    m_log->setObjectName(u"liveLog"_s);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(MaxFrames);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFont(u"monospace"_s));
    logLayout->addWidget(m_log, 1);
    layout->addWidget(logBox, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &QaPanel::refilter);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_frames.clear();
        m_log->clear();
    });

    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
}

QString QaPanel::selectedConcert() const
{
    return m_concert->currentData().toString();
}

void QaPanel::setServer(const QString &url)
{
    m_server->setText(url);
}

void QaPanel::showStats(const QueueStats &s)
{
    const QLocale l;
    m_stats->setText(tr("%1 waiting · %2 of %3 active · %4 admitted in the last minute%5")
                         .arg(l.toString(s.waiting), l.toString(s.active), l.toString(s.capacity),
                              l.toString(s.admittedLastMinute), s.paused ? tr(" · paused") : QString()));
}

void QaPanel::appendFrame(const QString &source, QChar direction, const QString &text)
{
    const QString line = QTime::currentTime().toString(u"HH:mm:ss.zzz"_s) + u' ' + source.leftJustified(7) + u' '
                         + direction + u' ' + text;
    m_frames.append(line);
    if (m_frames.size() > MaxFrames)
        m_frames.removeFirst();
    if (!m_pause->isChecked() && matches(line))
        m_log->appendPlainText(line);
}

bool QaPanel::matches(const QString &line) const
{
    return m_filter->text().isEmpty() || line.contains(m_filter->text(), Qt::CaseInsensitive);
}

void QaPanel::refilter()
{
    // The newest frames in view, at the start of the line: no sideways jump to the
    // end of a long frame; where the user had scrolled sideways stays.
    QScrollBar *sideways = m_log->horizontalScrollBar();
    const int x = sideways->value();
    m_log->setPlainText(visibleFrames().join(u'\n'));
    m_log->moveCursor(QTextCursor::End);
    m_log->moveCursor(QTextCursor::StartOfLine);
    sideways->setValue(x);
}

QStringList QaPanel::visibleFrames() const
{
    QStringList out;
    for (const QString &line : m_frames)
        if (matches(line))
            out << line;
    return out;
}

void QaPanel::showMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace BoxOffice
