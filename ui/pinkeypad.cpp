#include "ui/pinkeypad.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>

namespace BoxOffice {

using namespace Qt::StringLiterals;

PinKeypad::PinKeypad(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"pinKeypad"_s);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(8);
    auto key = [this](const QString &text, const QString &name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setFocusPolicy(Qt::NoFocus);
        b->setAutoRepeat(false);
        b->setMinimumSize(72, 56);  // above the 44 px touch minimum
        QFont f = b->font();
        f.setPointSize(f.pointSize() + 8);
        b->setFont(f);
        return b;
    };
    for (int digit = 1; digit <= 9; ++digit) {
        const QString d = QString::number(digit);
        auto *b = key(d, u"key"_s + d);
        grid->addWidget(b, (digit - 1) / 3, (digit - 1) % 3);
        connect(b, &QPushButton::clicked, this, [this, d] { press(d); });
    }
    auto *clear = key(tr("Clear"), u"keyClear"_s);
    clear->setToolTip(tr("Clear the PIN"));
    auto *zero = key(u"0"_s, u"key0"_s);
    auto *back = key(u"⌫"_s, u"keyBackspace"_s);
    back->setToolTip(tr("Delete the last digit"));
    back->setAccessibleName(tr("Delete the last digit"));
    grid->addWidget(clear, 3, 0);
    grid->addWidget(zero, 3, 1);
    grid->addWidget(back, 3, 2);
    connect(zero, &QPushButton::clicked, this, [this] { press(u"0"_s); });
    connect(clear, &QPushButton::clicked, this, [this] {
        if (m_target)
            m_target->clear();
    });
    connect(back, &QPushButton::clicked, this, [this] {
        if (m_target)
            m_target->backspace();
    });
}

void PinKeypad::press(const QString &digit)
{
    if (!m_target)
        return;
    m_target->insert(digit);  // the field's validator and length limit apply
    m_target->setFocus();
}

} // namespace BoxOffice
