#pragma once

#include "app/apierror.h"
#include "domain/staffaccount.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class QSettings;
class QWidget;

namespace BoxOffice {

class ApiClient;
class SignInDialog;

// Who is signed in as staff, and the staff credential that goes with it (in the
// ApiClient, nowhere else: PINs and tokens go to no log, setting or screen).
// - Staff → Sign in… opens SignInDialog (window-modal, never a nested event loop): a
//   login and PIN (POST /api/v1/staff/sessions → a session token), or a staff key
//   (checked with GET /api/v1/staff/sessions/current before it is kept).
// - A key given at start (--staff-key, the embedded server's own) is checked the same way.
// - Sign-out: on request (DELETE …/sessions/current for a session), after the idle time
//   with no input anywhere in the application, and whenever the server answers 401 to
//   the credential (a session signed out elsewhere, expired, or of a deactivated account).
class SignInController : public QObject
{
    Q_OBJECT
public:
    enum class State { SignedOut, Checking, SignedIn };
    Q_ENUM(State)
    enum class SignOutReason { Requested, Idle, Rejected };
    Q_ENUM(SignOutReason)

    // settings: client.ini (staff/idleSignOutMinutes, staff/onScreenKeypad).
    SignInController(ApiClient *api, QSettings *settings, QWidget *window, QObject *parent = nullptr);
    ~SignInController() override;

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    // The signed-in person (or the staff key, as the server names it).
    const std::optional<StaffAccount> &staff() const { return m_staff; }
    bool hasRole(StaffRole least) const { return m_staff && m_staff->hasRole(least); }
    // Why nobody is signed in, when there is something to say (a refused key, a session
    // the server ended, the idle time): for the status bar.
    QString note() const { return m_note; }

    // Checks a staff key with the server and, if it answers who it is, signs in with it.
    void signInWithKey(const QString &key);
    void signIn(const QString &login, const QString &pin);
    void signOut(SignOutReason reason = SignOutReason::Requested);
    // Opens the sign-in dialog (or raises the one open).
    void showDialog();
    SignInDialog *dialog() const;

    // The embedded server's key: the dialog offers it ("this computer's local server").
    void setLocalKey(const QString &key) { m_localKey = key; }
    // A kiosk: the dialog shows the on-screen keypad.
    void setKiosk(bool kiosk) { m_kiosk = kiosk; }
    // Whether the dialog shows the keypad: the setting staff/onScreenKeypad when set,
    // else on a kiosk or when a touch screen is present.
    bool wantsKeypad() const;

    // Signs out after this long without input (0: never). From the settings at start
    // (staff/idleSignOutMinutes, default 15).
    void setIdleTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds idleTimeout() const { return m_idleTimeout; }
    // Tests: a clock in ms (monotonic) and how often the idle time is checked.
    void setIdleClock(std::function<qint64()> clock);
    void setIdleCheckInterval(std::chrono::milliseconds interval) { m_idleCheck.setInterval(interval); }
    // Signs out if the idle time has passed (what the check timer does).
    void checkIdle();
    // While signed in, who the credential is gets read again this often (default a
    // minute): a session ended on the server is noticed without waiting for a staff
    // window's call, and a changed role or name is taken over.
    void setRecheckInterval(std::chrono::milliseconds interval) { m_recheck.setInterval(interval); }
    void recheck();

Q_SIGNALS:
    void signedIn(const StaffAccount &staff);
    // Before the credential is forgotten: staff windows close now (a counter sale
    // still releases its hold with it).
    void aboutToSignOut(SignOutReason reason);
    void signedOut(SignOutReason reason);
    // The signed-in person's account changed on the server (role or name).
    void staffUpdated(const StaffAccount &staff);
    void stateChanged();
    // A sign-in failed (shown in the dialog when it is open); serverAnswered: refused,
    // rather than the server not reached.
    void signInFailed(const QString &message, bool serverAnswered);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void adopt(const QString &credential, const StaffAccount &staff, bool isSession);
    void fail(const ApiError &error, bool withKey);
    void setState(State state);
    static QString describe(const ApiError &error, bool withKey);

    ApiClient *m_api;
    QSettings *m_settings;
    QPointer<QWidget> m_window;
    QPointer<SignInDialog> m_dialog;
    State m_state = State::SignedOut;
    std::optional<StaffAccount> m_staff;
    bool m_session = false;  // the credential is a session token (signed out with DELETE)
    int m_attempt = 0;       // answers to an attempt that is no longer the latest are ignored
    QString m_note;
    QString m_localKey;
    bool m_kiosk = false;
    std::chrono::milliseconds m_idleTimeout{0};
    QTimer m_idleCheck;
    QTimer m_recheck;
    QElapsedTimer m_monotonic;
    std::function<qint64()> m_clock;
    qint64 m_lastInput = 0;
};

} // namespace BoxOffice
