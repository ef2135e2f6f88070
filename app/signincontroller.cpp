#include "app/signincontroller.h"

#include "app/apiclient.h"
#include "ui/signindialog.h"

#include <QCoreApplication>
#include <QEvent>
#include <QInputDevice>
#include <QLoggingCategory>
#include <QSettings>
#include <QWidget>

#include <algorithm>

namespace BoxOffice {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStaff, "boxoffice.client.staff")

namespace {

constexpr int DefaultIdleMinutes = 15;

bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

} // namespace

SignInController::SignInController(ApiClient *api, QSettings *settings, QWidget *window, QObject *parent)
    : QObject(parent), m_api(api), m_settings(settings), m_window(window)
{
    m_monotonic.start();
    m_clock = [this] { return m_monotonic.elapsed(); };
    bool ok = false;
    int minutes = m_settings->value(u"staff/idleSignOutMinutes"_s, DefaultIdleMinutes).toInt(&ok);
    if (!ok || minutes < 0)
        minutes = DefaultIdleMinutes;
    setIdleTimeout(std::chrono::minutes(minutes));
    connect(&m_idleCheck, &QTimer::timeout, this, &SignInController::checkIdle);
    m_recheck.setInterval(std::chrono::minutes(1));
    connect(&m_recheck, &QTimer::timeout, this, &SignInController::recheck);
    connect(m_api, &ApiClient::staffCredentialRejected, this, [this] {
        if (m_state == State::SignedIn) {
            qCInfo(lcStaff) << "the server refused the staff credential (401): signing out";
            signOut(SignOutReason::Rejected);
        }
    });
}

SignInController::~SignInController()
{
    if (auto *app = QCoreApplication::instance())
        app->removeEventFilter(this);
    delete m_dialog;
}

SignInDialog *SignInController::dialog() const
{
    return m_dialog;
}

void SignInController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

bool SignInController::wantsKeypad() const
{
    const QVariant setting = m_settings->value(u"staff/onScreenKeypad"_s);
    if (setting.isValid() && !setting.toString().isEmpty() && setting.toString() != u"auto")
        return setting.toBool();
    if (m_kiosk)
        return true;
    const auto devices = QInputDevice::devices();
    return std::any_of(devices.begin(), devices.end(), [](const QInputDevice *d) {
        return d->type() == QInputDevice::DeviceType::TouchScreen;
    });
}

void SignInController::showDialog()
{
    if (m_dialog) {
        m_dialog->show();
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new SignInDialog(m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setServer(tr("Server: %1").arg(m_api->baseUrl().toDisplayString()));
    m_dialog->setKeypadVisible(wantsKeypad());
    m_dialog->setLocalKeyAvailable(!m_localKey.isEmpty());
    connect(m_dialog, &SignInDialog::signInRequested, this, &SignInController::signIn);
    connect(m_dialog, &SignInDialog::staffKeyRequested, this, &SignInController::signInWithKey);
    connect(m_dialog, &SignInDialog::localKeyRequested, this, [this] { signInWithKey(m_localKey); });
    connect(m_dialog, &QDialog::rejected, this, [this] {
        // Cancelled while an answer is out: that answer is no longer wanted.
        if (m_state == State::Checking) {
            ++m_attempt;
            setState(State::SignedOut);
        }
    });
    m_dialog->open();
}

void SignInController::signIn(const QString &login, const QString &pin)
{
    if (m_state == State::SignedIn)
        signOut(SignOutReason::Requested);
    const int attempt = ++m_attempt;
    setState(State::Checking);
    qCInfo(lcStaff) << "signing in as" << login;
    m_api->signIn(login, pin, this, [this, attempt](const ApiResult<StaffSession> &r) {
        if (attempt != m_attempt) {
            // Given up on (cancelled) but made anyway: end that session at once.
            if (r && !r.value().token.isEmpty())
                m_api->signOut(r.value().token, this, [](const ApiResult<bool> &) {});
            return;
        }
        if (!r)
            return fail(r.error(), false);
        if (r.value().token.isEmpty())
            return fail(ApiError::decodeError(u"sign-in answer without a token"_s), false);
        adopt(r.value().token, r.value().staff, true);
    });
}

void SignInController::signInWithKey(const QString &key)
{
    if (key.isEmpty())
        return;
    if (m_state == State::SignedIn)
        signOut(SignOutReason::Requested);
    const int attempt = ++m_attempt;
    setState(State::Checking);
    m_api->currentStaff(key, this, [this, attempt, key](const ApiResult<StaffSession> &r) {
        if (attempt != m_attempt)
            return;
        if (!r)
            return fail(r.error(), true);
        adopt(key, r.value().staff, false);
    });
}

void SignInController::adopt(const QString &credential, const StaffAccount &staff, bool isSession)
{
    m_api->setStaffCredential(credential);
    m_staff = staff;
    m_session = isSession;
    m_note.clear();
    qCInfo(lcStaff).nospace() << "signed in: " << staff.login << " (" << staffRoleName(staff.role) << ")";
    m_lastInput = m_clock();
    if (m_idleTimeout.count() > 0) {
        QCoreApplication::instance()->installEventFilter(this);
        m_idleCheck.start();
    }
    m_recheck.start();
    setState(State::SignedIn);
    if (m_dialog)
        m_dialog->accept();
    Q_EMIT signedIn(staff);
}

void SignInController::fail(const ApiError &error, bool withKey)
{
    const QString message = describe(error, withKey);
    qCInfo(lcStaff) << "sign-in failed:" << error.httpStatus << error.code;
    if (m_dialog)
        m_dialog->showError(message);
    else
        m_note = message;
    setState(State::SignedOut);
    Q_EMIT signInFailed(message, error.serverAnswered());
}

void SignInController::signOut(SignOutReason reason)
{
    if (m_state != State::SignedIn) {
        if (m_state == State::Checking) {
            ++m_attempt;
            setState(State::SignedOut);
        }
        return;
    }
    ++m_attempt;
    Q_EMIT aboutToSignOut(reason);
    m_idleCheck.stop();
    m_recheck.stop();
    QCoreApplication::instance()->removeEventFilter(this);
    // A session is ended on the server too (a key is not a session: it stays valid).
    if (m_session && reason != SignOutReason::Rejected)
        m_api->signOut(this, [](const ApiResult<bool> &) {});
    m_api->setStaffCredential({});
    qCInfo(lcStaff) << "signed out:" << (reason == SignOutReason::Idle       ? "idle"
                                         : reason == SignOutReason::Rejected ? "refused by the server"
                                                                             : "asked");
    m_staff.reset();
    m_session = false;
    switch (reason) {
    case SignOutReason::Requested: m_note.clear(); break;
    case SignOutReason::Idle: {
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(m_idleTimeout).count();
        m_note = tr("Signed out after %n minute(s) without use.", nullptr, int(std::max<qint64>(1, minutes)));
        break;
    }
    case SignOutReason::Rejected:
        m_note = tr("Signed out: this sign-in has ended (expired, signed out elsewhere, or deactivated).");
        break;
    }
    setState(State::SignedOut);
    Q_EMIT signedOut(reason);
}

void SignInController::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimeout = std::max(timeout, std::chrono::milliseconds(0));
    // Checked a few times within the limit, at most once a second.
    m_idleCheck.setInterval(std::clamp(m_idleTimeout / 10, std::chrono::milliseconds(10), std::chrono::milliseconds(1000)));
    if (m_state != State::SignedIn)
        return;
    if (m_idleTimeout.count() > 0) {
        QCoreApplication::instance()->installEventFilter(this);
        m_lastInput = m_clock();
        m_idleCheck.start();
    } else {
        m_idleCheck.stop();
        QCoreApplication::instance()->removeEventFilter(this);
    }
}

void SignInController::setIdleClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    m_lastInput = m_clock();
}

void SignInController::recheck()
{
    if (m_state != State::SignedIn)
        return;
    const int attempt = m_attempt;
    // A 401 is handled where every staff answer is (staffCredentialRejected).
    m_api->currentStaff(this, [this, attempt](const ApiResult<StaffSession> &r) {
        if (!r || attempt != m_attempt || m_state != State::SignedIn || !m_staff)
            return;
        const StaffAccount &now = r.value().staff;
        if (now.id != m_staff->id || (now.role == m_staff->role && now.name == m_staff->name))
            return;
        qCInfo(lcStaff).nospace() << "the account changed: " << now.login << " (" << staffRoleName(now.role) << ")";
        m_staff = now;
        Q_EMIT staffUpdated(now);
    });
}

void SignInController::checkIdle()
{
    if (m_state != State::SignedIn || m_idleTimeout.count() <= 0)
        return;
    if (m_clock() - m_lastInput >= m_idleTimeout.count())
        signOut(SignOutReason::Idle);
}

bool SignInController::eventFilter(QObject *watched, QEvent *event)
{
    if (isInput(event->type()))
        m_lastInput = m_clock();
    return QObject::eventFilter(watched, event);
}

QString SignInController::describe(const ApiError &error, bool withKey)
{
    if (error.kind != ApiError::Kind::Http)
        return error.message;
    switch (error.httpStatus) {
    case 401:
    case 403:
        if (withKey)
            return tr("This staff key is not valid on this server.");
        return error.httpStatus == 401 ? tr("Wrong login or PIN.") : tr("This account may not sign in.");
    case 429:
        if (error.retryAfterSeconds > 0)
            return tr("Too many failed sign-ins: this login is locked for %n second(s).", nullptr,
                      error.retryAfterSeconds);
        return tr("Too many failed sign-ins: this login is locked for a while.");
    case 400:
        return tr("Enter a login and a PIN of 4 to 12 digits.");
    }
    return error.message;
}

} // namespace BoxOffice
