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

class BookingController;
class OfflineCache;
class RankingController;
class EmbeddedServer;
class MainWindow;
class QaController;
class StaffController;

struct ClientOptions
{
    std::optional<QUrl> server;  // --server; absent: the embedded default
    QString dataDirectory;       // for the embedded server's SQLite file
    QString staffKey;            // --staff-key: staff mode from the start
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

    // Staff mode: the key goes with every staff call; the dashboard and QA tools need it.
    void setStaffKey(const QString &key);
    void showStaffDashboard();
    void showQaTools();
    // Asks for the staff key and checks it against the server.
    void signIn();
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
    void signedIn(bool ok);

private:
    void checkConnection();
    void retry();
    void reload();
    void startEmbedded();

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
    bool m_openDashboardAfterSignIn = false, m_openQaAfterSignIn = false;
    QTimer m_watch;
    bool m_checking = false;
    bool m_offline = false;
};

} // namespace BoxOffice
