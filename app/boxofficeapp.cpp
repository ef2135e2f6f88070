#include "app/boxofficeapp.h"

#include "app/accountscontroller.h"
#include "app/auditcontroller.h"
#include "app/bookingcontroller.h"
#include "app/doorcontroller.h"
#include "app/notforsalecontroller.h"
#include "app/tillcontroller.h"
#include "app/embeddedserver.h"
#include "app/myorderscontroller.h"
#include "app/myordersstore.h"
#include "app/offlinecache.h"
#include "app/orderscontroller.h"
#include "app/qacontroller.h"
#include "app/rankingcontroller.h"
#include "app/signincontroller.h"
#include "app/staffcontroller.h"
#include "ui/auditlogview.h"
#include "ui/doorview.h"
#include "ui/notforsaleview.h"
#include "ui/tillview.h"
#include "ui/qapanel.h"
#include "ui/staffaccountsview.h"
#include "ui/staffdashboard.h"
#include "ui/rankingview.h"
#include "ui/mainwindow.h"
#include "ui/ordersview.h"

#include "domain/jsonreader.h"

#include <QDir>
#include <QLoggingCategory>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

namespace BoxOffice {

Q_LOGGING_CATEGORY(lcApp, "boxoffice.client.app")


using namespace Qt::StringLiterals;

BoxOfficeApp::BoxOfficeApp(ClientOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_api(&m_network),
      m_window(std::make_unique<MainWindow>(&m_concerts))
{
    connect(m_window.get(), &MainWindow::reloadRequested, this, &BoxOfficeApp::retry);
    connect(m_window.get(), &MainWindow::performanceActivated, this,
            [this](const QString &concert, const QString &performance, const QString &title) {
                book(concert, performance, title);
            });
    connect(m_window.get(), &MainWindow::rankingsRequested, this, &BoxOfficeApp::showRankings);
    connect(m_window.get(), &MainWindow::staffDashboardRequested, this, &BoxOfficeApp::showStaffDashboard);
    connect(m_window.get(), &MainWindow::qaToolsRequested, this, &BoxOfficeApp::showQaTools);
    connect(m_window.get(), &MainWindow::staffSignInRequested, this, &BoxOfficeApp::signIn);
    connect(m_window.get(), &MainWindow::staffSignOutRequested, this, &BoxOfficeApp::signOut);
    connect(m_window.get(), &MainWindow::auditLogRequested, this, &BoxOfficeApp::showAuditLog);
    connect(m_window.get(), &MainWindow::staffAccountsRequested, this, &BoxOfficeApp::showAccounts);
    connect(m_window.get(), &MainWindow::doorCheckInRequested, this, &BoxOfficeApp::showDoorCheckIn);
    connect(m_window.get(), &MainWindow::tillRequested, this, &BoxOfficeApp::showTill);
    connect(m_window.get(), &MainWindow::seatsNotForSaleRequested, this, [this] { showSeatsNotForSale(); });
    connect(m_window.get(), &MainWindow::ordersRequested, this, &BoxOfficeApp::showOrders);
    connect(m_window.get(), &MainWindow::myOrdersRequested, this, &BoxOfficeApp::showMyOrders);
    m_watch.setInterval(std::chrono::seconds(3));
    connect(&m_watch, &QTimer::timeout, this, &BoxOfficeApp::checkConnection);
    const QString dataDir = m_options.dataDirectory.isEmpty()
                                ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                : m_options.dataDirectory;
    m_settings = std::make_unique<QSettings>(QDir(dataDir).filePath(u"client.ini"_s), QSettings::IniFormat);
    m_cache = new OfflineCache(QDir(dataDir).filePath(u"offline-cache.sqlite"_s), this);
    m_myOrdersStore = std::make_unique<MyOrdersStore>(m_settings.get());

    m_signIn = new SignInController(&m_api, m_settings.get(), m_window.get(), this);
    if (m_options.idleSignOutMinutes)
        m_signIn->setIdleTimeout(std::chrono::minutes(*m_options.idleSignOutMinutes));
    connect(m_signIn, &SignInController::stateChanged, this, &BoxOfficeApp::showStaffState);
    connect(m_signIn, &SignInController::signedIn, this, [this] {
        m_startKey.clear();
        openWaitingWindows();
    });
    connect(m_signIn, &SignInController::staffUpdated, this, [this](const StaffAccount &staff) {
        // A role changed while signed in: the menus follow, and windows above it close.
        showStaffState();
        closeStaffWindows(staff.role);
    });
    connect(m_signIn, &SignInController::aboutToSignOut, this, [this] {
        m_startKey.clear();  // asked, idle or refused: not signed in again by itself
        closeStaffWindows();
    });
    connect(m_signIn, &SignInController::signInFailed, this, [this](const QString &, bool serverAnswered) {
        if (serverAnswered)
            m_startKey.clear();  // refused: no use trying it again
        // A staff window was asked for at start (--staff) with a key that did not do:
        // ask for a sign-in instead.
        if (m_waiting && !m_signIn->dialog() && serverAnswered)
            m_signIn->showDialog();
    });
    m_startKey = m_options.staffKey;
    showStaffState();

    if (m_options.server) {
        m_api.setBaseUrl(*m_options.server);
        m_window->setServerDescription(tr("Server: %1").arg(m_options.server->toDisplayString()));
        return;
    }
    m_embedded = new EmbeddedServer(&m_network, this);
    // The local server is ours: its staff key is made here (and kept only in memory), and
    // the client signs in with it as the local admin, with no account needed.
    if (m_startKey.isEmpty())
        m_startKey = QString::fromLatin1(QUuid::createUuid().toRfc4122().toHex() + QUuid::createUuid().toRfc4122().toHex());
    m_embedded->setStaffKey(m_startKey);
    m_signIn->setLocalKey(m_startKey);
    if (!m_options.dataDirectory.isEmpty())
        m_embedded->setDataDirectory(m_options.dataDirectory);
    connect(m_embedded, &EmbeddedServer::ready, this, [this](const QUrl &url) {
        m_api.setBaseUrl(url);
        m_window->setServerDescription(tr("Local server (embedded demo) at %1").arg(url.toDisplayString()));
        if (!m_startKey.isEmpty() && m_signIn->state() == SignInController::State::SignedOut)
            m_signIn->signInWithKey(m_startKey);
        reload();
    });
    connect(m_embedded, &EmbeddedServer::failed, this, [this](const QString &message) {
        m_window->setServerDescription(tr("Local server not running"));
        m_window->showError(tr("The local box office could not start"), message);
    });
}

BoxOfficeApp::~BoxOfficeApp()
{
    delete m_booking;  // leaves the queue while the server is still there
    delete m_rankings;
    delete m_staff;
    delete m_qa;
    delete m_accounts;
    delete m_audit;
    delete m_door;
    delete m_till;
    delete m_notForSale;
    delete m_orders;
    delete m_myOrders;
}

void BoxOfficeApp::setKioskMode(bool kiosk)
{
    m_kiosk = kiosk;
    m_signIn->setKiosk(kiosk);
}

void BoxOfficeApp::showStaffState()
{
    switch (m_signIn->state()) {
    case SignInController::State::SignedIn: m_window->setStaff(m_signIn->staff()); break;
    case SignInController::State::Checking: m_window->setStaff(std::nullopt, tr("Staff: signing in…")); break;
    case SignInController::State::SignedOut: m_window->setStaff(std::nullopt, m_signIn->note()); break;
    }
}

bool BoxOfficeApp::needsSignIn(StaffWindow window)
{
    if (m_signIn->isSignedIn())
        return false;
    m_waiting |= window;
    if (m_signIn->state() == SignInController::State::SignedOut)
        m_signIn->showDialog();
    return true;
}

void BoxOfficeApp::openWaitingWindows()
{
    const int waiting = std::exchange(m_waiting, 0);
    if (waiting & Dashboard)
        showStaffDashboard();
    if (waiting & QaTools)
        showQaTools();
    if (waiting & AuditLog)
        showAuditLog();
    if (waiting & Accounts)
        showAccounts();
    if (waiting & Door)
        showDoorCheckIn();
    if (waiting & Till)
        showTill();
    if (waiting & NotForSale)
        showSeatsNotForSale();
    if (waiting & Orders)
        showOrders();
}

void BoxOfficeApp::closeStaffWindows(std::optional<StaffRole> keepFor)
{
    auto keeps = [&keepFor](StaffRole least) { return keepFor && int(*keepFor) >= int(least); };
    if (!keepFor)
        m_waiting = 0;
    // Hidden at once, deleted from the event loop (a sign-out may come from inside one
    // of their own answers).
    auto close = [](auto *&controller, QWidget *window) {
        if (!controller)
            return;
        window->hide();
        controller->deleteLater();
        controller = nullptr;
    };
    if (keeps(StaffRole::Clerk) && m_staff)
        m_staff->dashboard()->setRole(*keepFor);
    else
        close(m_staff, m_staff ? static_cast<QWidget *>(m_staff->dashboard()) : nullptr);
    if (keeps(StaffRole::Clerk) && m_orders)
        m_orders->setCanRefund(keeps(StaffRole::Manager));
    else
        close(m_orders, m_orders ? static_cast<QWidget *>(m_orders->view()) : nullptr);
    if (!keeps(StaffRole::Manager)) {
        close(m_qa, m_qa ? static_cast<QWidget *>(m_qa->panel()) : nullptr);
        close(m_audit, m_audit ? static_cast<QWidget *>(m_audit->view()) : nullptr);
    }
    if (!keeps(StaffRole::Admin))
        close(m_accounts, m_accounts ? static_cast<QWidget *>(m_accounts->view()) : nullptr);
    if (!keeps(StaffRole::Clerk)) {
        close(m_door, m_door ? static_cast<QWidget *>(m_door->view()) : nullptr);
        close(m_till, m_till ? static_cast<QWidget *>(m_till->view()) : nullptr);
    }
    if (!keeps(StaffRole::Manager))
        close(m_notForSale, m_notForSale ? static_cast<QWidget *>(m_notForSale->view()) : nullptr);
    // A counter sale is staff work too: its hold is released while the credential is
    // still there.
    if (!keepFor && m_booking && m_booking->isCounterSale()) {
        delete m_booking;
        m_booking = nullptr;
    }
}

void BoxOfficeApp::showStaffDashboard()
{
    if (needsSignIn(Dashboard))
        return;
    if (!m_staff) {
        m_staff = new StaffController(&m_api, &m_concerts, this);
        m_staff->dashboard()->setRole(m_signIn->staff()->role);
        connect(m_staff, &StaffController::counterSaleRequested, this,
                [this](const QString &concertId, const QString &performanceId) {
                    for (const Concert &c : m_concerts.concerts())
                        if (c.id == concertId)
                            book(concertId, performanceId, c.title, true);
                });
        connect(m_staff, &StaffController::notForSaleRequested, this, &BoxOfficeApp::showSeatsNotForSale);
        m_staff->start();
    } else {
        m_staff->dashboard()->show();
        m_staff->dashboard()->raise();
    }
}

void BoxOfficeApp::showQaTools()
{
    if (needsSignIn(QaTools))
        return;
    if (!m_signIn->hasRole(StaffRole::Manager))
        return m_window->showStatusMessage(tr("The QA tools are for managers."));
    if (!m_qa) {
        m_qa = new QaController(&m_api, &m_concerts, this);
        connect(m_qa, &QaController::serverRequested, this, &BoxOfficeApp::switchServer);
        if (m_booking)
            m_qa->watch(m_booking->live());
        m_qa->start();
    } else {
        m_qa->panel()->show();
        m_qa->panel()->raise();
    }
}

void BoxOfficeApp::showAuditLog()
{
    if (needsSignIn(AuditLog))
        return;
    if (!m_signIn->hasRole(StaffRole::Manager))
        return m_window->showStatusMessage(tr("The audit log is for managers."));
    if (!m_audit) {
        m_audit = new AuditController(&m_api, m_signIn->hasRole(StaffRole::Admin), m_kiosk, this);
        m_audit->start();
    } else {
        m_audit->view()->show();
        m_audit->view()->raise();
    }
}

void BoxOfficeApp::showAccounts()
{
    if (needsSignIn(Accounts))
        return;
    if (!m_signIn->hasRole(StaffRole::Admin))
        return m_window->showStatusMessage(tr("Staff accounts are for admins."));
    if (!m_accounts) {
        m_accounts = new AccountsController(&m_api, m_signIn->staff()->id, this);
        m_accounts->start();
    } else {
        m_accounts->view()->show();
        m_accounts->view()->raise();
    }
}

void BoxOfficeApp::showDoorCheckIn()
{
    if (needsSignIn(Door))
        return;
    if (!m_door)
        m_door = new DoorController(&m_api, &m_concerts, this);
    m_door->start();
}

void BoxOfficeApp::showTill()
{
    if (needsSignIn(Till))
        return;
    if (!m_till) {
        // The box office's times are its venue's (the demo's venues share one zone).
        const QString zone = m_concerts.concerts().isEmpty() ? QString() : m_concerts.concerts().first().venue.timeZone;
        const QString dataDir = m_options.dataDirectory.isEmpty()
                                    ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                    : m_options.dataDirectory;
        m_till = new TillController(&m_api, zone, m_kiosk, QDir(dataDir).filePath(u"reports"_s), this);
        m_till->start();
    } else {
        m_till->view()->show();
        m_till->view()->raise();
    }
}

void BoxOfficeApp::showSeatsNotForSale(const QString &performanceId)
{
    if (needsSignIn(NotForSale))
        return;
    if (!m_signIn->hasRole(StaffRole::Manager))
        return m_window->showStatusMessage(tr("Taking seats off sale is for managers."));
    if (!m_notForSale) {
        m_notForSale = new NotForSaleController(&m_api, &m_concerts, this);
        m_notForSale->start(performanceId);
    } else {
        m_notForSale->view()->show();
        m_notForSale->view()->raise();
        m_notForSale->showPerformance(performanceId);
    }
}

void BoxOfficeApp::showOrders()
{
    if (needsSignIn(Orders))
        return;
    if (!m_signIn->hasRole(StaffRole::Clerk))
        return m_window->showStatusMessage(tr("The orders are for staff."));
    if (!m_orders) {
        m_orders = new OrdersController(&m_api, &m_concerts, m_signIn->hasRole(StaffRole::Manager), m_kiosk, this);
        m_orders->start();
    } else {
        m_orders->view()->show();
        m_orders->view()->raise();
    }
}

void BoxOfficeApp::showMyOrders()
{
    if (m_kiosk)
        return m_window->showStatusMessage(tr("A kiosk keeps nobody's orders."));
    if (!m_myOrders) {
        m_myOrders = new MyOrdersController(&m_api, m_myOrdersStore.get(), &m_concerts, this);
        m_myOrders->start();
    } else {
        m_myOrders->view()->show();
        m_myOrders->view()->raise();
        m_myOrders->refresh();
    }
}

void BoxOfficeApp::signIn()
{
    if (m_signIn->isSignedIn())
        return;
    m_signIn->showDialog();
}

void BoxOfficeApp::signOut()
{
    m_signIn->signOut(SignInController::SignOutReason::Requested);
}

void BoxOfficeApp::switchServer(const QUrl &url)
{
    delete m_booking;
    m_booking = nullptr;
    m_api.setBaseUrl(url);
    m_window->setServerDescription(tr("Server: %1").arg(url.toDisplayString()));
    if (m_qa)
        m_qa->serverChanged();
    reload();
}

void BoxOfficeApp::startOver()
{
    delete m_booking;  // releases its hold and leaves the queue
    m_booking = nullptr;
    m_settings->remove(u"buyer/id"_s);  // the next person is somebody else
    m_settings->sync();
    if (m_rankings)
        m_rankings->view()->hide();
    m_window->resetView();
    m_window->activateWindow();
}

void BoxOfficeApp::showRankings()
{
    if (!m_rankings) {
        m_rankings = new RankingController(&m_api, this);
        m_rankings->start();
    } else {
        m_rankings->view()->show();
        m_rankings->view()->raise();
    }
}

void BoxOfficeApp::book(const QString &concertId, const QString &performanceId, const QString &title, bool counter)
{
    delete m_booking;  // one booking at a time
    // The buyer's id survives restarts: the same place in line comes back.
    QString user = m_settings->value(u"buyer/id"_s).toString();
    if (user.isEmpty()) {
        user = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_settings->setValue(u"buyer/id"_s, user);
    }
    m_booking = new BookingController(&m_api, concertId, performanceId, title, user, m_cache, this);
    m_booking->setCounterSale(counter);
    for (const Concert &c : m_concerts.concerts())
        for (const PerformanceSummary &p : c.performances)
            if (p.id == performanceId)
                m_booking->setTicketDetails(c.venue.name, p.startsAt, c.venue.timeZone);
    if (m_qa)
        m_qa->watch(m_booking->live());
    // A buyer's purchase is kept (with the token that can read it back) for My orders;
    // not a counter sale (staff find it under Orders), not on a kiosk (many people).
    if (!counter && !m_kiosk)
        connect(m_booking->session(), &BookingSession::purchased, this, [this, session = m_booking->session()](const Order &order) {
            if (session->token().isEmpty())
                return;
            m_myOrdersStore->add({order.orderId, session->token(), order.purchasedAt});
            if (m_myOrders)
                m_myOrders->refresh();
        });
    connect(m_booking, &BookingController::finished, this, [this] {
        m_booking->deleteLater();
        m_booking = nullptr;
    });
    m_booking->start();
    Q_EMIT bookingStarted(m_booking);
}

void BoxOfficeApp::checkConnection()
{
    if (m_checking || m_pending || m_api.baseUrl().isEmpty())
        return;
    m_checking = true;
    m_api.fetchHealth(this, [this](const ApiResult<Health> &r) {
        m_checking = false;
        // An answer of any kind (even 503) means the server is there.
        const bool reachable = r || r.error().serverAnswered();
        if (reachable == !m_offline)
            return;
        reload();  // gone: the cached list under the banner; back: a fresh read
    });
}

void BoxOfficeApp::start()
{
    m_watch.start();
    if (m_embedded)
        return startEmbedded();
    if (!m_startKey.isEmpty())
        m_signIn->signInWithKey(m_startKey);
    reload();
}

void BoxOfficeApp::retry()
{
    // A local server that died is started again; otherwise just read again.
    if (m_embedded && !m_embedded->isRunning())
        startEmbedded();
    else
        reload();
}

void BoxOfficeApp::startEmbedded()
{
    m_window->showLoading(tr("Starting the local box office…"));
    m_window->setServerDescription(tr("Starting the local server…"));
    m_embedded->start();
}

void BoxOfficeApp::reload()
{
    if (m_pending)
        return;  // one load at a time; its answer will do
    if (m_concerts.rowCount() == 0)
        m_window->showLoading(tr("Loading concerts…"));
    m_pending = m_api.fetchConcerts(this, [this](const ApiResult<QList<Concert>> &result) {
        m_pending = nullptr;
        if (!result) {
            const ApiError error = result.error();
            if (!error.isUnreachable()) {
                m_window->showError(tr("Cannot load the concerts"), error.message);
                return;
            }
            // The server cannot be reached: what we saw last, marked as such.
            m_cache->load(u"concerts"_s, u"all"_s, this, [this, error](const std::optional<OfflineCache::Entry> &cached) {
                auto concerts = cached ? Concert::listFromJson(parseJson(cached->json).value_or(QJsonValue()))
                                       : Result<QList<Concert>>(DecodeError{});
                if (!cached || !concerts) {
                    m_window->showError(tr("Cannot load the concerts"), error.message);
                    return;
                }
                m_offline = true;
                m_concerts.setConcerts(concerts.value());
                m_window->showConcerts(cached->storedAt);
                m_window->setOfflineBanner(
                    tr("Offline: the box office cannot be reached. This is the list as of %1; buying needs the "
                       "connection. Press F5 to try again.")
                        .arg(QLocale().toString(cached->storedAt.toLocalTime(), QLocale::ShortFormat)));
                Q_EMIT concertsLoaded();
            });
            return;
        }
        m_offline = false;
        m_window->setOfflineBanner({});
        m_concerts.setConcerts(result.value());
        m_window->showConcerts(QDateTime::currentDateTimeUtc());
        qCInfo(lcApp) << "showing" << result.value().size() << "concerts";  // bench/startup times the first
        QJsonArray list;
        for (const Concert &c : result.value())
            list.append(c.toJson());
        m_cache->store(u"concerts"_s, u"all"_s, QJsonDocument(list).toJson(QJsonDocument::Compact));
        // A start key the server could not be asked about (it was not there): now it can.
        if (!m_startKey.isEmpty() && m_signIn->state() == SignInController::State::SignedOut)
            m_signIn->signInWithKey(m_startKey);
        Q_EMIT concertsLoaded();
    });
}

} // namespace BoxOffice
