#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace BoxOffice {

// Kiosk mode's full-screen pages. Touch first: every target is at least 44 px.

// "Are you still there?" with a countdown; a touch anywhere on the button keeps the
// session, the countdown running out resets the kiosk.
class StillTherePrompt : public QWidget
{
    Q_OBJECT
public:
    explicit StillTherePrompt(QWidget *parent = nullptr);
    void start(int seconds);
    void cancel();
    int secondsLeft() const { return m_left; }

Q_SIGNALS:
    void stillHere();
    void timedOut();

private:
    void tick();
    QLabel *m_countdown;
    QTimer m_timer;
    int m_left = 0;
};

// A numeric keypad for the staff PIN that leaves kiosk mode.
class PinPad : public QWidget
{
    Q_OBJECT
public:
    explicit PinPad(QWidget *parent = nullptr);
    void reset(const QString &message = {});
    QString entered() const;

Q_SIGNALS:
    void submitted(const QString &pin);
    void cancelled();

private:
    QLineEdit *m_pin;
    QLabel *m_message;
};

// Shown instead of any error when the box office cannot be reached: calm words, and it
// retries by itself (the controller says when it last tried).
class OutOfOrderScreen : public QWidget
{
    Q_OBJECT
public:
    explicit OutOfOrderScreen(QWidget *parent = nullptr);
    void setLastAttempt(const QDateTime &at);

private:
    QLabel *m_retry;
};

} // namespace BoxOffice
