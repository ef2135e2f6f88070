#include "app/boxofficeapp.h"

#include "app/bookingcontroller.h"
#include "app/embeddedserver.h"
#include "ui/mainwindow.h"

#include <QSettings>
#include <QUuid>

namespace BoxOffice {

using namespace Qt::StringLiterals;

BoxOfficeApp::BoxOfficeApp(ClientOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_api(&m_network),
      m_window(std::make_unique<MainWindow>(&m_concerts))
{
    connect(m_window.get(), &MainWindow::reloadRequested, this, &BoxOfficeApp::retry);
    connect(m_window.get(), &MainWindow::performanceActivated, this, &BoxOfficeApp::book);
    if (m_options.server) {
        m_api.setBaseUrl(*m_options.server);
        m_window->setServerDescription(tr("Server: %1").arg(m_options.server->toDisplayString()));
        return;
    }
    m_embedded = new EmbeddedServer(&m_network, this);
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
}

void BoxOfficeApp::book(const QString &concertId, const QString &performanceId, const QString &title)
{
    delete m_booking;  // one booking at a time
    // The buyer's id survives restarts: the same place in line comes back.
    QSettings settings;
    QString user = settings.value(u"buyer/id"_s).toString();
    if (user.isEmpty()) {
        user = QUuid::createUuid().toString(QUuid::WithoutBraces);
        settings.setValue(u"buyer/id"_s, user);
    }
    m_booking = new BookingController(&m_api, concertId, performanceId, title, user, this);
    connect(m_booking, &BookingController::finished, this, [this] {
        m_booking->deleteLater();
        m_booking = nullptr;
    });
    m_booking->start();
}

void BoxOfficeApp::start()
{
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
            m_window->showError(tr("Cannot load the concerts"), result.error().message);
            return;
        }
        m_concerts.setConcerts(result.value());
        m_window->showConcerts(QDateTime::currentDateTimeUtc());
        Q_EMIT concertsLoaded();
    });
}

} // namespace BoxOffice
