#pragma once

#include "app/apiclient.h"
#include "models/concertmodel.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

namespace BoxOffice {

class AccountsController;
class AuditController;
class DoorController;
class NotForSaleController;
class TillController;
class BookingController;
class OfflineCache;
class RankingController;
class EmbeddedServer;
class MainWindow;
class MyOrdersController;
class MyOrdersStore;
class OrdersController;
class QaController;
class SignInController;
class StaffController;

struct ClientOptions
{
    std::optional<QUrl> server;  // --server; absent: the embedded default
    QString dataDirectory;       // for the embedded server's SQLite file
    QString staffKey;            // --staff-key: signed in with this key from the start
    // --idle-sign-out: minutes without input before staff are signed out (0: never);
    // absent: client.ini's staff/idleSignOutMinutes (default 15).
    std::optional<int> idleSignOutMinutes = std::nullopt;
};

// The client's wiring: the network manager, the API client, the embedded server
// when no server is configured, the models and the main window.
class BoxOfficeApp : public QObject
{
    Q_OBJECT
public:
    explicit BoxOfficeApp(ClientOptions options, QObject *parent = nullptr);
    ~BoxOfficeApp() override;

    // Starts the embedded server if needed, then loads the concerts.
    void start();

    MainWindow *window() const { return m_window.get(); }
    ConcertModel *concerts() { return &m_concerts; }
    ApiClient *api() { return &m_api; }
    EmbeddedServer *embeddedServer() const { return m_embedded; }
    BookingController *booking() const { return m_booking; }
    RankingController *rankings() const { return m_rankings; }
    StaffController *staff() const { return m_staff; }
    QaController *qa() const { return m_qa; }
    // The client's own settings (the buyer's id): a file in the data directory, so a
    // test's or a kiosk's settings stay with its data.
    QSettings *settings() { return m_settings.get(); }
    void showRankings();
    // Opens the buying flow for a performance (what a double click in the list does);
    // counter: a staff counter sale, without the queue.
    void book(const QString &concertId, const QString &performanceId, const QString &title, bool counter = false);

    // Staff windows, each for its least role (clerk: the dashboard; manager: the QA
    // tools and the audit log; admin: the accounts). Signed out, each asks to sign in
    // first and opens after it, if the role allows.
    void showStaffDashboard();
    void showQaTools();
    void showAuditLog();
    void showAccounts();
    // Door, till, seats not for sale (issue 15): the door check-in and the till (clerk),
    // seats not for sale (manager; on a performance, or the first).
    void showDoorCheckIn();
    void showTill();
    void showSeatsNotForSale(const QString &performanceId = {});
    DoorController *door() const { return m_door; }
    TillController *till() const { return m_till; }
    NotForSaleController *notForSale() const { return m_notForSale; }
    // Staff → Orders… (clerks; managers also refund) and View → My orders (a buyer's
    // purchases on this computer; not on a kiosk).
    void showOrders();
    void showMyOrders();
    OrdersController *orders() const { return m_orders; }
    MyOrdersController *myOrders() const { return m_myOrders; }
    MyOrdersStore *myOrdersStore() const { return m_myOrdersStore.get(); }
    // Staff → Sign in… (the dialog) and Sign out (closes every staff window first).
    void signIn();
    void signOut();
    SignInController *staffSignIn() const { return m_signIn; }
    AccountsController *accounts() const { return m_accounts; }
    AuditController *audit() const { return m_audit; }
    // A kiosk: the sign-in dialog shows its keypad, and nothing offers a file dialog.
    void setKioskMode(bool kiosk);
    bool isKiosk() const { return m_kiosk; }
    // Points the client at another server (QA): closes the booking, reloads.
    void switchServer(const QUrl &url);

    // Kiosk: whether a buyer has anything going (a booking), and starting over for the
    // next person (releases the hold, leaves the queue, forgets the buyer's id).
    bool hasBuyerState() const { return m_booking != nullptr; }
    void startOver();
    void reloadConcerts() { retry(); }
    // How often the client checks the server is still there (default 3 s): when it goes,
    // the cached list comes up under the offline banner; when it is back, a fresh read.
    void setWatchInterval(std::chrono::milliseconds interval) { m_watch.setInterval(interval); }
    bool isOffline() const { return m_offline; }

Q_SIGNALS:
    void concertsLoaded();
    void bookingStarted(BookingController *booking);

private:
    void checkConnection();
    void retry();
    void reload();
    void startEmbedded();
    // The staff windows that wait for a sign-in.
    enum StaffWindow { Dashboard = 1, QaTools = 2, AuditLog = 4, Accounts = 8, Orders = 16, Door = 1 << 8, Till = 1 << 9, NotForSale = 1 << 10 };
    bool needsSignIn(StaffWindow window);
    void openWaitingWindows();
    // Closes the staff windows (all of them; with a role, those above it).
    void closeStaffWindows(std::optional<StaffRole> keepFor = std::nullopt);
    void showStaffState();

    ClientOptions m_options;
    std::unique_ptr<QSettings> m_settings;
    QNetworkAccessManager m_network;
    ApiClient m_api;
    ConcertModel m_concerts;
    EmbeddedServer *m_embedded = nullptr;
    std::unique_ptr<MainWindow> m_window;
    ApiJob *m_pending = nullptr;
    BookingController *m_booking = nullptr;
    OfflineCache *m_cache = nullptr;
    RankingController *m_rankings = nullptr;
    StaffController *m_staff = nullptr;
    QaController *m_qa = nullptr;
    AccountsController *m_accounts = nullptr;
    AuditController *m_audit = nullptr;
    OrdersController *m_orders = nullptr;
    MyOrdersController *m_myOrders = nullptr;
    std::unique_ptr<MyOrdersStore> m_myOrdersStore;
    SignInController *m_signIn = nullptr;
    DoorController *m_door = nullptr;
    TillController *m_till = nullptr;
    NotForSaleController *m_notForSale = nullptr;
    int m_waiting = 0;        // StaffWindow flags: opened once signed in
    QString m_startKey;       // --staff-key, until the server has answered it
    bool m_kiosk = false;
    QTimer m_watch;
    bool m_checking = false;
    bool m_offline = false;
};

} // namespace BoxOffice
