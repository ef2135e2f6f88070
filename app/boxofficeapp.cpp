#include "app/boxofficeapp.h"

#include "app/bookingcontroller.h"
#include "app/embeddedserver.h"
#include "app/offlinecache.h"
#include "app/qacontroller.h"
#include "app/rankingcontroller.h"
#include "app/staffcontroller.h"
#include "ui/qapanel.h"
#include "ui/staffdashboard.h"
#include "ui/rankingview.h"
#include "ui/mainwindow.h"

#include "domain/jsonreader.h"

#include <QDir>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

namespace BoxOffice {

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
    if (!m_options.staffKey.isEmpty())
        m_api.setStaffKey(m_options.staffKey);
    m_watch.setInterval(std::chrono::seconds(3));
    connect(&m_watch, &QTimer::timeout, this, &BoxOfficeApp::checkConnection);
    const QString dataDir = m_options.dataDirectory.isEmpty()
                                ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                : m_options.dataDirectory;
    m_settings = std::make_unique<QSettings>(QDir(dataDir).filePath(u"client.ini"_s), QSettings::IniFormat);
    m_cache = new OfflineCache(QDir(dataDir).filePath(u"offline-cache.sqlite"_s), this);
    if (m_options.server) {
        m_api.setBaseUrl(*m_options.server);
        m_window->setServerDescription(tr("Server: %1").arg(m_options.server->toDisplayString()));
        return;
    }
    m_embedded = new EmbeddedServer(&m_network, this);
    // The local server is ours: its staff key is made here, so staff mode and the QA
    // tools work against it without a sign-in.
    if (m_options.staffKey.isEmpty())
        m_api.setStaffKey(QString::fromLatin1(QUuid::createUuid().toRfc4122().toHex()
                                              + QUuid::createUuid().toRfc4122().toHex()));
    m_embedded->setStaffKey(m_api.staffKey());
    if (!m_options.dataDirectory.isEmpty())
        m_embedded->setDataDirectory(m_options.dataDirectory);
    connect(m_embedded, &EmbeddedServer::ready, this, [this](const QUrl &url) {
        m_api.setBaseUrl(url);
        m_window->setServerDescription(tr("Local server (embedded demo) at %1").arg(url.toDisplayString()));
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
}

void BoxOfficeApp::setStaffKey(const QString &key)
{
    m_api.setStaffKey(key);
}

void BoxOfficeApp::showStaffDashboard()
{
    if (!m_api.isStaff()) {
        m_openDashboardAfterSignIn = true;
        return signIn();
    }
    if (!m_staff) {
        m_staff = new StaffController(&m_api, &m_concerts, this);
        connect(m_staff, &StaffController::counterSaleRequested, this,
                [this](const QString &concertId, const QString &performanceId) {
                    for (const Concert &c : m_concerts.concerts())
                        if (c.id == concertId)
                            book(concertId, performanceId, c.title, true);
                });
        m_staff->start();
    } else {
        m_staff->dashboard()->show();
        m_staff->dashboard()->raise();
    }
}

void BoxOfficeApp::showQaTools()
{
    if (!m_api.isStaff()) {
        m_openQaAfterSignIn = true;
        return signIn();
    }
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

void BoxOfficeApp::signIn()
{
    bool ok = false;
    const QString key = QInputDialog::getText(m_window.get(), tr("Sign in as staff"),
                                              tr("Staff key of the server at %1:").arg(m_api.baseUrl().toDisplayString()),
                                              QLineEdit::Password, {}, &ok);
    if (!ok || key.isEmpty()) {
        m_openDashboardAfterSignIn = m_openQaAfterSignIn = false;
        return;
    }
    // Checked against the server before it is kept: a staff read of any concert.
    const QString previous = m_api.staffKey();
    m_api.setStaffKey(key);
    const QString concert = m_concerts.concerts().isEmpty() ? u"-"_s : m_concerts.concerts().first().id;
    m_api.queueStats(concert, this, [this, previous](const ApiResult<QueueStats> &r) {
        const bool refused = !r && r.error().isRefused();
        if (refused || (!r && !r.error().serverAnswered())) {
            m_api.setStaffKey(previous);
            m_window->setServerDescription(refused ? tr("Staff sign-in refused: %1").arg(r.error().message)
                                                   : tr("Staff sign-in failed: %1").arg(r.error().message));
            m_openDashboardAfterSignIn = m_openQaAfterSignIn = false;
            Q_EMIT signedIn(false);
            return;
        }
        Q_EMIT signedIn(true);
        if (std::exchange(m_openDashboardAfterSignIn, false))
            showStaffDashboard();
        if (std::exchange(m_openQaAfterSignIn, false))
            showQaTools();
    });
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
        startEmbedded();
    else
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
        QJsonArray list;
        for (const Concert &c : result.value())
            list.append(c.toJson());
        m_cache->store(u"concerts"_s, u"all"_s, QJsonDocument(list).toJson(QJsonDocument::Compact));
        Q_EMIT concertsLoaded();
    });
}

} // namespace BoxOffice
