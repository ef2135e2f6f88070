#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QStackedWidget;

namespace BoxOffice {

class BoxOfficeApp;
class OutOfOrderScreen;
class PinPad;
class StillTherePrompt;

struct KioskOptions
{
    QString pin;                  // the staff PIN that leaves kiosk mode
    QString printer;              // tickets print here without a dialog; empty: on screen only
    int idleSeconds = 60;         // no touch for this long: "are you still there?"
    int promptSeconds = 20;       // then this long to answer before the kiosk starts over
    std::chrono::milliseconds healthInterval{10000};  // server checks while in order
    std::chrono::milliseconds retryInterval{5000};    // and while out of order
    // The clock of the PIN lock-out (tests move it).
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
};

// Kiosk mode over a BoxOfficeApp: full screen without window chrome or menus, touch
// targets of at least 44 px, locked down (no file, print or other system dialog, no
// context menu, no key that closes a window or quits), an idle reset while the person
// must act (a countdown, then the hold is released, the queue left and the buyer
// forgotten; while waiting in line it asks once admitted instead), a staff PIN that
// leaves kiosk mode into the normal window (Ctrl+Alt+X, or five taps in the top-left
// corner), and an out-of-order screen while the server cannot be reached, which
// checks again by itself and goes away when it answers.
class KioskController : public QObject
{
    Q_OBJECT
public:
    KioskController(BoxOfficeApp *app, KioskOptions options, QObject *parent = nullptr);
    ~KioskController() override;

    void start();
    // Back to the normal (staff) window: what the right PIN does.
    void leave();
    bool isActive() const { return m_active; }
    enum class Screen { None, StillThere, Pin, OutOfOrder };
    Screen screen() const;
    QWidget *overlay() const;
    StillTherePrompt *prompt() const { return m_prompt; }
    PinPad *pinPad() const { return m_pin; }
    void showPinPad();
    bool isLocked() const { return m_lockedUntil.isValid() && m_options.clock() < m_lockedUntil; }

    // The stylesheet that makes every control touch-sized.
    static QString touchStyleSheet();

Q_SIGNALS:
    void left();           // the right PIN was entered: kiosk mode is over
    // A dialog tried to open in kiosk mode and was closed (a bug caught in time).
    void dialogBlocked(const QString &className);
    void reset();          // the kiosk started over for the next person
    void outOfOrderChanged(bool outOfOrder);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onIdle();
    void onAdmitted();
    bool blocks(QObject *watched, QEvent *event);
    void startOver();
    void checkHealth();
    void setOutOfOrder(bool out);
    void showScreen(Screen screen);
    void checkPin(const QString &pin);

    BoxOfficeApp *m_app;
    KioskOptions m_options;
    QByteArray m_pinHash;
    std::unique_ptr<QStackedWidget> m_overlay;
    StillTherePrompt *m_prompt = nullptr;
    PinPad *m_pin = nullptr;
    OutOfOrderScreen *m_outOfOrder = nullptr;
    QTimer m_idle, m_health;
    bool m_outOfOrder_ = false;
    bool m_checking = false;
    int m_failures = 0;
    int m_wrongPins = 0;
    QDateTime m_lockedUntil;
    int m_cornerTaps = 0;
    bool m_active = false;
    bool m_idleWhileWaiting = false;  // nobody touched it while the buyer waited in line
    QElapsedTimer m_cornerClock;
};

} // namespace BoxOffice
