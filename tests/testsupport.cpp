#include "testsupport.h"

#include "domain/errorbody.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace BoxOffice::Test {

using namespace Qt::StringLiterals;

QString serviceUrl(const char *name)
{
    const QString fromEnv = qEnvironmentVariable(name);
    if (!fromEnv.isEmpty())
        return fromEnv;
    // The fixtures' files: "services" (PostgreSQL, Redis) and "cluster" (Redis Cluster).
    for (const QString &path : {QStringLiteral(TEST_SERVICES_ENV), QStringLiteral(TEST_CLUSTER_ENV)}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray prefix = QByteArray(name) + '=';
        for (const QByteArray &line : file.readAll().split('\n'))
            if (line.startsWith(prefix))
                return QString::fromUtf8(line.mid(prefix.size()).trimmed());
    }
    return {};
}

std::optional<QString> freshPostgresDatabase()
{
    const QString admin = serviceUrl("BOXOFFICE_TEST_PG_URL");
    if (admin.isEmpty())
        return std::nullopt;
    const QUrl url(admin);
    const QString name = u"bo_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"test-admin"_s);
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open())
            return std::nullopt;
        QSqlQuery q(db);
        const bool created = q.exec(u"CREATE DATABASE "_s + name);  // name is ours: [a-z0-9_]
        db.close();
        if (!created)
            return std::nullopt;
    }
    QSqlDatabase::removeDatabase(u"test-admin"_s);
    QUrl fresh = url;
    fresh.setPath(u"/"_s + name);
    return fresh.toString();
}

QString serverBinary()
{
    return QStringLiteral(SERVER_BINARY);
}

std::unique_ptr<TestServer> TestServer::start(const QString &database, bool demo,
                                              const std::function<void(Server::ServerConfig &)> &configure)
{
    auto t = std::make_unique<TestServer>();
    Server::ServerConfig config;
    config.port = 0;
    config.demo = demo;
    config.staffKey = u"test-staff-key"_s;
    config.queue.joinRatePerSecond = 0;
    QString dbUrl = u"sqlite:"_s + t->dir.filePath(u"test.sqlite"_s);
    if (database == u"postgresql") {
        const auto pg = freshPostgresDatabase();
        if (!pg) {
            t->error = u"no PostgreSQL: the CTest fixture 'services' starts one"_s;
            return t;
        }
        dbUrl = *pg;
    }
    config.database = Server::DatabaseUrl::parse(dbUrl).value();
    t->databaseUrl = dbUrl;
    if (configure)
        configure(config);
    t->server = std::make_unique<Server::BoxOfficeServer>(config);
    auto started = t->server->start();
    if (!started)
        t->error = started.error();
    else
        t->url = started.value();
    return t;
}

QUrl TestServer::at(const QString &path) const
{
    QUrl u = url;
    const qsizetype q = path.indexOf(u'?');
    u.setPath(path.left(q));
    if (q >= 0)
        u.setQuery(path.mid(q + 1));
    return u;
}

QList<QUrl> startServerProcesses(QList<QProcess *> processes, const QStringList &arguments)
{
    for (QProcess *p : processes)
        p->start(serverBinary(), arguments);
    QList<QUrl> urls;
    static const QByteArray marker = "boxoffice-server listening on ";
    for (QProcess *p : processes) {
        QByteArray out;
        while (!out.contains('\n') && p->state() != QProcess::NotRunning) {
            p->waitForReadyRead(60000);
            out += p->readAllStandardOutput();
        }
        if (!out.startsWith(marker) || !out.endsWith('\n') || out.count('\n') != 1) {
            qWarning() << "boxoffice-server did not start:" << out << p->readAllStandardError();
            urls.append(QUrl());
            continue;
        }
        urls.append(QUrl(QString::fromUtf8(out.mid(marker.size()).trimmed())));
    }
    return urls;
}

QUrl startServerProcess(QProcess &process, const QStringList &arguments)
{
    return startServerProcesses({&process}, arguments).first();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QJsonValue HttpResult::json() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

void verifyError(const HttpResult &r, int status, const QString &code, const std::optional<QStringList> &seats)
{
    QCOMPARE(r.status, status);
    QVERIFY2(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type").constData());
    auto body = ErrorBody::fromJson(r.json());
    QVERIFY2(body.ok(), r.body.left(300).constData());
    QCOMPARE(body.value().code, code);
    QVERIFY(!body.value().message.isEmpty());
    if (seats) {
        QStringList named;
        for (const QJsonValue &v : body.value().details.value(u"seats"_s).toArray())
            named << v.toString();
        QCOMPARE(named, *seats);
    }
}

HttpResult http(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url, const QByteArray &body,
                const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setRawHeader("Content-Type", "application/json");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

QJsonValue StaffView::queue(const QString &concertId) const
{
    return http(network, "GET", server.at(u"/api/v1/admin/concerts/%1/queue"_s.arg(concertId)), {},
                {{"Authorization", "Bearer test-staff-key"}}).json();
}

QByteArray StaffView::seatLetters(const QString &performanceId) const
{
    return http(network, "GET", server.at(u"/api/v1/performances/%1/status"_s.arg(performanceId)), {},
                {{"Authorization", "Bearer test-staff-key"}})
        .json().toObject().value(u"status"_s).toString().toLatin1();
}

HttpResult addStaffAccount(QNetworkAccessManager &network, const TestServer &server,
                           const QList<QPair<QByteArray, QByteArray>> &credentials, const QString &login,
                           const QString &name, const QString &role, const QString &pin)
{
    const QJsonObject account{{u"login"_s, login}, {u"name"_s, name}, {u"role"_s, role}, {u"pin"_s, pin}};
    return http(network, "POST", server.at(u"/api/v1/admin/staff"_s),
                QJsonDocument(account).toJson(QJsonDocument::Compact), credentials);
}

} // namespace BoxOffice::Test
