#pragma once

#include "app/apiclient.h"
#include "models/concertmodel.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

namespace BoxOffice {

class BookingController;
class OfflineCache;
class RankingController;
class EmbeddedServer;
class MainWindow;

struct ClientOptions
{
    std::optional<QUrl> server;  // --server; absent: the embedded default
    QString dataDirectory;       // for the embedded server's SQLite file
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
    void showRankings();
    // Opens the buying flow for a performance (what a double click in the list does).
    void book(const QString &concertId, const QString &performanceId, const QString &title);

Q_SIGNALS:
    void concertsLoaded();

private:
    void retry();
    void reload();
    void startEmbedded();

    ClientOptions m_options;
    QNetworkAccessManager m_network;
    ApiClient m_api;
    ConcertModel m_concerts;
    EmbeddedServer *m_embedded = nullptr;
    std::unique_ptr<MainWindow> m_window;
    ApiJob *m_pending = nullptr;
    BookingController *m_booking = nullptr;
    OfflineCache *m_cache = nullptr;
    RankingController *m_rankings = nullptr;
};

} // namespace BoxOffice
