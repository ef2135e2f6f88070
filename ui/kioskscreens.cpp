#include "ui/kioskscreens.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

QLabel *label(const QString &text, int pointSize, bool bold, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setPointSize(pointSize);
    f.setBold(bold);
    l->setFont(f);
    l->setAlignment(Qt::AlignCenter);
    l->setWordWrap(true);
    return l;
}

QPushButton *touchButton(const QString &text, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setMinimumSize(160, 64);
    QFont f = b->font();
    f.setPointSize(18);
    b->setFont(f);
    return b;
}

} // namespace

StillTherePrompt::StillTherePrompt(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"stillTherePrompt"_s);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(label(tr("Are you still there?"), 36, true, this));
    layout->addWidget(label(tr("This kiosk starts over for the next person soon. Seats you picked go back on sale."),
                            18, false, this));
    m_countdown = label({}, 48, true, this);
    m_countdown->setObjectName(u"countdown"_s);
    layout->addWidget(m_countdown);
    auto *here = touchButton(tr("I'm still here"), this);
    here->setObjectName(u"stillHereButton"_s);
    here->setMinimumSize(360, 96);
    layout->addWidget(here, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    m_timer.setInterval(std::chrono::seconds(1));
    connect(&m_timer, &QTimer::timeout, this, &StillTherePrompt::tick);
    connect(here, &QPushButton::clicked, this, [this] {
        cancel();
        Q_EMIT stillHere();
    });
}

void StillTherePrompt::start(int seconds)
{
    m_left = seconds;
    m_countdown->setText(QString::number(m_left));
    m_timer.start();
}

void StillTherePrompt::cancel()
{
    m_timer.stop();
}

void StillTherePrompt::tick()
{
    if (--m_left <= 0) {
        m_timer.stop();
        Q_EMIT timedOut();
        return;
    }
    m_countdown->setText(QString::number(m_left));
}

PinPad::PinPad(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"pinPad"_s);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(label(tr("Staff PIN"), 28, true, this));
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(u"pinEdit"_s);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setAlignment(Qt::AlignCenter);
    m_pin->setMaxLength(12);
    m_pin->setFixedWidth(3 * 96 + 2 * 12);
    m_pin->setMinimumHeight(64);
    QFont f = m_pin->font();
    f.setPointSize(24);
    m_pin->setFont(f);
    layout->addWidget(m_pin, 0, Qt::AlignHCenter);
    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    const QString keys = u"123456789"_s;
    for (int i = 0; i < 9; ++i) {
        auto *b = touchButton(keys.mid(i, 1), this);
        b->setFixedSize(96, 72);
        grid->addWidget(b, i / 3, i % 3);
        connect(b, &QPushButton::clicked, this, [this, key = keys.mid(i, 1)] { m_pin->insert(key); });
    }
    auto *back = touchButton(u"⌫"_s, this);
    back->setFixedSize(96, 72);
    back->setToolTip(tr("Delete the last digit"));
    auto *zero = touchButton(u"0"_s, this);
    zero->setFixedSize(96, 72);
    auto *ok = touchButton(tr("OK"), this);
    ok->setObjectName(u"pinOk"_s);
    ok->setFixedSize(96, 72);
    grid->addWidget(back, 3, 0);
    grid->addWidget(zero, 3, 1);
    grid->addWidget(ok, 3, 2);
    connect(back, &QPushButton::clicked, m_pin, &QLineEdit::backspace);
    connect(zero, &QPushButton::clicked, this, [this] { m_pin->insert(u"0"_s); });
    connect(ok, &QPushButton::clicked, this, [this] { Q_EMIT submitted(m_pin->text()); });
    connect(m_pin, &QLineEdit::returnPressed, ok, &QPushButton::click);
    auto *gridHolder = new QHBoxLayout;
    gridHolder->addStretch(1);
    gridHolder->addLayout(grid);
    gridHolder->addStretch(1);
    layout->addLayout(gridHolder);
    m_message = label({}, 16, false, this);
    m_message->setObjectName(u"pinMessage"_s);
    layout->addWidget(m_message);
    auto *cancel = touchButton(tr("Back"), this);
    cancel->setObjectName(u"pinCancel"_s);
    layout->addWidget(cancel, 0, Qt::AlignHCenter);
    connect(cancel, &QPushButton::clicked, this, &PinPad::cancelled);
    layout->addStretch(1);
}

void PinPad::reset(const QString &message)
{
    m_pin->clear();
    m_message->setText(message);
    m_pin->setFocus();
}

QString PinPad::entered() const
{
    return m_pin->text();
}

OutOfOrderScreen::OutOfOrderScreen(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"outOfOrder"_s);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(label(tr("This kiosk is out of order for the moment"), 36, true, this));
    layout->addWidget(label(tr("Please use another kiosk or the box office counter. We are sorry for the wait."),
                            20, false, this));
    m_retry = label({}, 14, false, this);
    m_retry->setObjectName(u"retryLabel"_s);
    layout->addSpacing(24);
    layout->addWidget(m_retry);
    layout->addStretch(1);
}

void OutOfOrderScreen::setLastAttempt(const QDateTime &at)
{
    m_retry->setText(tr("Trying again by itself · last try %1").arg(QLocale().toString(at.time(), QLocale::ShortFormat)));
}

} // namespace BoxOffice
