#pragma once

#include <QLineEdit>
#include <QPointer>
#include <QWidget>

namespace BoxOffice {

// A numeric on-screen keypad for touch screens: big buttons 0–9, clear and backspace,
// typing into a line edit (the PIN field). Its buttons take no focus, so the field
// keeps it (and the keyboard still works).
class PinKeypad : public QWidget
{
    Q_OBJECT
public:
    explicit PinKeypad(QWidget *parent = nullptr);
    void setTarget(QLineEdit *field) { m_target = field; }

private:
    void press(const QString &digit);

    QPointer<QLineEdit> m_target;
};

} // namespace BoxOffice
