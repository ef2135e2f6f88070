#include "server/boxofficeserver.h"

#include "server/http/httpfrontend.h"
#include "server/routes/catalogroutes.h"
#include "server/routes/opsroutes.h"
#include "server/sales/catalogservice.h"
#include "server/sales/democatalog.h"
#include "server/sales/sqlcatalogstore.h"
#include "server/sales/sqldatabase.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "boxoffice.server")

BoxOfficeServer::BoxOfficeServer(ServerConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_router(&m_metrics)
{
}

BoxOfficeServer::~BoxOfficeServer()
{
    delete m_frontend;  // stop serving before the services go
    m_frontend = nullptr;
}

Result<QUrl, QString> BoxOfficeServer::start()
{
    const QString connection = u"boxoffice-server-%1"_s.arg(quintptr(this));
    auto database = SqlDatabase::open(m_config.database, connection);
    if (!database)
        return database.error();
    m_database = std::make_unique<SqlDatabase>(std::move(database).value());
    qCInfo(lcServer).noquote() << "database:" << m_config.database.redacted() << "schema version"
                               << m_database->schemaVersion();
    qCInfo(lcServer).noquote() << "queue store:"
                               << (m_config.redisUrl ? m_config.redisUrl->toString() : u"memory"_s);

    m_catalogStore = std::make_unique<SqlCatalogStore>(m_database.get());
    if (m_config.demo) {
        QElapsedTimer timer;
        timer.start();
        auto seeded = m_catalogStore->seedDemo(DemoCatalog::build(QDateTime::currentDateTimeUtc()));
        if (!seeded)
            return QString(u"cannot seed the demo catalog: "_s + seeded.error());
        if (seeded.value())
            qCInfo(lcServer) << "demo catalog seeded in" << timer.elapsed() << "ms";
    }
    m_catalog = std::make_unique<CatalogService>(m_catalogStore.get());

    addCatalogRoutes(m_router, *m_catalog);
    addOpsRoutes(m_router, m_metrics, [this] { return health(); });

    m_frontend = new HttpFrontend(&m_router, &m_metrics, m_config.maxBodyBytes);
    auto port = m_frontend->listen(m_config.host, m_config.port);
    if (!port)
        return port.error();
    m_url.setScheme(u"http"_s);
    m_url.setHost(m_config.host.toString());
    m_url.setPort(port.value());
    return m_url;
}

Health BoxOfficeServer::health()
{
    const bool databaseUp = m_database && m_database->ping();
    return Health{databaseUp ? u"ok"_s : u"unavailable"_s, m_config.redisUrl ? u"redis"_s : u"memory"_s,
                  m_config.database.driverName()};
}

} // namespace BoxOffice::Server
