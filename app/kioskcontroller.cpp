#include "app/kioskcontroller.h"

#include "app/apiclient.h"
#include "app/boxofficeapp.h"
#include "app/bookingcontroller.h"
#include "ui/bookingwindow.h"
#include "ui/kioskscreens.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDialog>
#include <QLoggingCategory>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScreen>
#include <QShortcut>
#include <QStackedWidget>

namespace BoxOffice {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKiosk, "boxoffice.client.kiosk")

namespace {

QByteArray hashPin(const QString &pin)
{
    const QByteArray salted = QByteArray("boxoffice-kiosk:") + pin.toUtf8();
    return QCryptographicHash::hash(salted, QCryptographicHash::Sha256);
}

// Compares in time that does not depend on where the first difference is.
bool sameHash(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

bool isUserInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::KeyPress:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        return true;
    default:
        return false;
    }
}

// Full screen without chrome: the geometry is set too, as window managers that ignore
// the full-screen request (or none at all, on a bare X server) leave it as it was.
void showKioskWindow(QWidget *w)
{
    w->setWindowFlags(Qt::Window | Qt::FramelessWindowHint | (w->windowFlags() & Qt::WindowStaysOnTopHint));
    if (QScreen *screen = w->screen())
        w->setGeometry(screen->geometry());
    w->showFullScreen();
}

constexpr int CornerSize = 100;  // px: the hidden staff corner, top left
constexpr int CornerTaps = 5;
constexpr int MaxWrongPins = 5;

} // namespace

KioskController::KioskController(BoxOfficeApp *app, KioskOptions options, QObject *parent)
    : QObject(parent), m_app(app), m_options(std::move(options)), m_pinHash(hashPin(m_options.pin)),
      m_overlay(std::make_unique<QStackedWidget>())
{
    m_options.pin.clear();  // only the hash is kept
    m_overlay->setWindowFlags(Qt::Window | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint);
    m_overlay->setObjectName(u"kioskOverlay"_s);
    m_prompt = new StillTherePrompt(m_overlay.get());
    m_pin = new PinPad(m_overlay.get());
    m_outOfOrder = new OutOfOrderScreen(m_overlay.get());
    for (QWidget *w : {static_cast<QWidget *>(m_prompt), static_cast<QWidget *>(m_pin),
                       static_cast<QWidget *>(m_outOfOrder)})
        m_overlay->addWidget(w);

    m_idle.setSingleShot(true);
    m_idle.setInterval(std::chrono::seconds(m_options.idleSeconds));
    connect(&m_idle, &QTimer::timeout, this, &KioskController::onIdle);
    connect(m_prompt, &StillTherePrompt::stillHere, this, [this] {
        showScreen(Screen::None);
        m_idle.start();
    });
    connect(m_prompt, &StillTherePrompt::timedOut, this, &KioskController::startOver);
    connect(m_pin, &PinPad::submitted, this, &KioskController::checkPin);
    connect(m_pin, &PinPad::cancelled, this, [this] { showScreen(m_outOfOrder_ ? Screen::OutOfOrder : Screen::None); });
    connect(&m_health, &QTimer::timeout, this, &KioskController::checkHealth);

    // Kiosk windows: no chrome, no menus, no dialogs; the booking window likewise.
    connect(m_app, &BoxOfficeApp::bookingStarted, this, [this](BookingController *booking) {
        if (!m_active)
            return;
        booking->setKioskMode(true, m_options.printer);
        connect(booking, &BookingController::admitted, this, &KioskController::onAdmitted);
        showKioskWindow(booking->window());
        m_idleWhileWaiting = false;
        m_idle.start();
    });
}

KioskController::~KioskController()
{
    qApp->removeEventFilter(this);
}

QString KioskController::touchStyleSheet()
{
    // 44 px: the smallest comfortable touch target (Apple HIG; WCAG 2.5.5 asks 44 CSS px).
    return u"QPushButton, QComboBox, QSpinBox, QLineEdit, QToolButton { min-height: 44px; min-width: 44px; font-size: 16pt; }"
           " QSpinBox { padding-right: 48px; }"
           " QSpinBox::up-button, QSpinBox::down-button { width: 44px; }"
           " QComboBox::drop-down { width: 44px; }"
           " QComboBox QAbstractItemView::item { min-height: 44px; }"
           " QTreeView::item, QTableView::item { min-height: 44px; }"
           " QScrollBar:vertical { width: 32px; } QScrollBar:horizontal { height: 32px; }"_s;
}

void KioskController::start()
{
    m_active = true;
    m_app->setKioskMode(true);  // a kiosk stays one after staff leave kiosk mode: no file dialogs
    qApp->setStyleSheet(touchStyleSheet());
    qApp->installEventFilter(this);
    MainWindow *main = m_app->window();
    main->setKioskMode(true);
    showKioskWindow(main);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_X), main);
    shortcut->setContext(Qt::ApplicationShortcut);
    connect(shortcut, &QShortcut::activated, this, &KioskController::showPinPad);
    m_idle.start();
    m_health.start(m_options.healthInterval);
    checkHealth();
}

void KioskController::leave()
{
    if (!m_active)
        return;
    m_active = false;
    m_idle.stop();
    m_health.stop();
    showScreen(Screen::None);
    qApp->removeEventFilter(this);
    qApp->setStyleSheet({});
    MainWindow *main = m_app->window();
    main->setKioskMode(false);
    for (QWidget *w : {static_cast<QWidget *>(main),
                       m_app->booking() ? static_cast<QWidget *>(m_app->booking()->window()) : nullptr}) {
        if (!w)
            continue;
        w->setWindowFlags(Qt::Window);
        w->showNormal();
    }
    if (m_app->booking())
        m_app->booking()->setKioskMode(false);
    main->raise();
    main->activateWindow();
    qCInfo(lcKiosk) << "left kiosk mode with the staff PIN";
}

KioskController::Screen KioskController::screen() const
{
    if (!m_overlay->isVisible())
        return Screen::None;
    QWidget *current = m_overlay->currentWidget();
    if (current == m_prompt)
        return Screen::StillThere;
    if (current == m_pin)
        return Screen::Pin;
    return Screen::OutOfOrder;
}

QWidget *KioskController::overlay() const
{
    return m_overlay.get();
}

void KioskController::showScreen(Screen screen)
{
    if (screen != Screen::StillThere)
        m_prompt->cancel();
    switch (screen) {
    case Screen::None:
        m_overlay->hide();
        return;
    case Screen::StillThere:
        m_overlay->setCurrentWidget(m_prompt);
        break;
    case Screen::Pin:
        m_overlay->setCurrentWidget(m_pin);
        break;
    case Screen::OutOfOrder:
        m_overlay->setCurrentWidget(m_outOfOrder);
        break;
    }
    showKioskWindow(m_overlay.get());
    m_overlay->raise();
    m_overlay->activateWindow();
}

bool KioskController::blocks(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ContextMenu:
        return true;  // no context menus: nothing to copy, paste or inspect
    case QEvent::Close:
        // Alt+F4 through a window manager, or anything else that closes a window.
        if (watched->isWidgetType() && static_cast<QWidget *>(watched)->isWindow()
            && !qobject_cast<QDialog *>(watched)) {
            event->ignore();
            return true;
        }
        return false;
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeyCombination combination = key->keyCombination();
        const bool closes = (key->key() == Qt::Key_F4 && (key->modifiers() & Qt::AltModifier))
                            || QKeySequence(combination) == QKeySequence(QKeySequence::Quit)
                            || QKeySequence(combination) == QKeySequence(QKeySequence::Close)
                            || QKeySequence(combination) == QKeySequence(QKeySequence::Print)
                            || QKeySequence(combination) == QKeySequence(QKeySequence::Save)
                            || QKeySequence(combination) == QKeySequence(QKeySequence::Open);
        return closes;
    }
    case QEvent::Show:
        // The last line: a dialog that a bug let through is closed before anyone can use it.
        if (auto *dialog = qobject_cast<QDialog *>(watched)) {
            qCWarning(lcKiosk) << "closed a dialog in kiosk mode:" << dialog->metaObject()->className();
            Q_EMIT dialogBlocked(QString::fromLatin1(dialog->metaObject()->className()));
            QMetaObject::invokeMethod(dialog, &QDialog::reject, Qt::QueuedConnection);
            return false;
        }
        return false;
    default:
        return false;
    }
}

bool KioskController::eventFilter(QObject *watched, QEvent *event)
{
    if (blocks(watched, event))
        return true;
    if (isUserInput(event->type())) {
        m_idleWhileWaiting = false;
        const auto type = event->type();
        if (screen() == Screen::StillThere
            && (type == QEvent::MouseButtonPress || type == QEvent::KeyPress || type == QEvent::TouchBegin)) {
            // A touch anywhere answers "yes".
            showScreen(Screen::None);
            m_idle.start();
            return true;
        }
        if (m_idle.isActive() || screen() == Screen::None)
            m_idle.start();  // any touch keeps the session
        if (event->type() == QEvent::MouseButtonPress && watched->isWidgetType()) {
            // Five taps in the top-left corner within three seconds: the staff PIN.
            const QPointF at = static_cast<QMouseEvent *>(event)->globalPosition();
            const QRect screenRect = static_cast<QWidget *>(watched)->window()->geometry();
            if (at.x() - screenRect.left() < CornerSize && at.y() - screenRect.top() < CornerSize) {
                if (!m_cornerClock.isValid() || m_cornerClock.elapsed() > 3000) {
                    m_cornerClock.start();
                    m_cornerTaps = 0;
                }
                if (++m_cornerTaps >= CornerTaps) {
                    m_cornerTaps = 0;
                    showPinPad();
                }
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

void KioskController::onIdle()
{
    if (screen() != Screen::None)
        return;  // the PIN pad or the out-of-order screen is up
    BookingController *booking = m_app->booking();
    if (booking && booking->window()->page() == BookingWindow::Page::Queue) {
        // Waiting in line asks nothing of the person: no reset, however long the
        // line. Whether anyone is still there is asked once they are admitted.
        m_idleWhileWaiting = true;
        m_idle.start();
        return;
    }
    if (!m_app->hasBuyerState()) {
        m_app->startOver();  // nothing to lose: tidy up silently (search, scroll)
        m_idle.start();
        return;
    }
    showScreen(Screen::StillThere);
    m_prompt->start(m_options.promptSeconds);
}

void KioskController::onAdmitted()
{
    if (!m_active || !std::exchange(m_idleWhileWaiting, false) || screen() != Screen::None)
        return;  // someone touched it while waiting: they are there
    showScreen(Screen::StillThere);
    m_prompt->start(m_options.promptSeconds);
}

void KioskController::startOver()
{
    m_app->startOver();  // releases the hold, leaves the queue, forgets the buyer
    showScreen(m_outOfOrder_ ? Screen::OutOfOrder : Screen::None);
    m_idle.start();
    Q_EMIT reset();
}

void KioskController::showPinPad()
{
    m_pin->reset(isLocked() ? tr("Too many wrong PINs. Try again after %1.")
                                  .arg(QLocale().toString(m_lockedUntil.toLocalTime().time(), QLocale::ShortFormat))
                            : QString());
    showScreen(Screen::Pin);
}

void KioskController::checkPin(const QString &pin)
{
    if (isLocked()) {
        m_pin->reset(tr("Too many wrong PINs. Try again after %1.")
                         .arg(QLocale().toString(m_lockedUntil.toLocalTime().time(), QLocale::ShortFormat)));
        return;
    }
    if (!pin.isEmpty() && sameHash(hashPin(pin), m_pinHash)) {
        m_wrongPins = 0;
        leave();
        Q_EMIT left();
        return;
    }
    if (++m_wrongPins >= MaxWrongPins) {
        m_wrongPins = 0;
        m_lockedUntil = m_options.clock().addSecs(60);
        m_pin->reset(tr("Too many wrong PINs. Try again after %1.")
                         .arg(QLocale().toString(m_lockedUntil.toLocalTime().time(), QLocale::ShortFormat)));
        return;
    }
    m_pin->reset(tr("Wrong PIN."));
}

void KioskController::checkHealth()
{
    if (m_checking)
        return;
    m_checking = true;
    m_app->api()->fetchHealth(this, [this](const ApiResult<Health> &r) {
        m_checking = false;
        m_outOfOrder->setLastAttempt(QDateTime::currentDateTime());
        if (r) {
            m_failures = 0;
            setOutOfOrder(false);
        } else if (++m_failures >= 2 || m_outOfOrder_) {
            setOutOfOrder(true);  // twice in a row: not a blip
        } else {
            checkHealth();  // at once once more
        }
    });
}

void KioskController::setOutOfOrder(bool out)
{
    if (out == m_outOfOrder_)
        return;
    m_outOfOrder_ = out;
    m_health.setInterval(out ? m_options.retryInterval : m_options.healthInterval);
    if (out) {
        m_app->startOver();  // nobody should stand waiting on a dead screen
        showScreen(Screen::OutOfOrder);
    } else {
        if (screen() == Screen::OutOfOrder)
            showScreen(Screen::None);
        m_app->reloadConcerts();
    }
    Q_EMIT outOfOrderChanged(out);
}

} // namespace BoxOffice
