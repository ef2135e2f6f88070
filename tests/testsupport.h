#pragma once

#include "server/boxofficeserver.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QProcess;

namespace BoxOffice::Test {

// URLs of the servers the CTest fixture started ("services"), from its env file or
// the environment: BOXOFFICE_TEST_PG_URL, BOXOFFICE_TEST_REDIS_URL.
QString serviceUrl(const char *name);

// A new, empty PostgreSQL database on the fixture's server; nullopt without one.
std::optional<QString> freshPostgresDatabase();

// The path of the built boxoffice-server executable.
QString serverBinary();

// A boxoffice-server running in this process on a free port, over a fresh
// database (SQLite in a temporary directory, or a fresh PostgreSQL database).
struct TestServer
{
    QTemporaryDir dir;
    std::unique_ptr<Server::BoxOfficeServer> server;
    QUrl url;
    QString error;
    QString databaseUrl;  // sqlite:PATH or postgresql://…

    // database: "sqlite" or "postgresql".
    // configure: adjusts the configuration before start (joins are not rate limited by default).
    static std::unique_ptr<TestServer> start(const QString &database = QStringLiteral("sqlite"), bool demo = true,
                                             const std::function<void(Server::ServerConfig &)> &configure = {});
    QUrl at(const QString &path) const;
};

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
    QJsonValue json() const;
};

// Starts boxoffice-server processes (all at once, so they start in parallel) and
// reads each one's "listening on" line; an empty URL for one that did not start
// (its stderr goes to the test log).
QList<QUrl> startServerProcesses(QList<QProcess *> processes, const QStringList &arguments);
QUrl startServerProcess(QProcess &process, const QStringList &arguments);

// Checks an error answer as API.md gives it: the status, a JSON body
// {"error":{"code","message",…}} with this code and a message, and, when given, the
// seats named in it. A helper: QTest failures return from it only.
void verifyError(const HttpResult &result, int status, const QString &code,
                 const std::optional<QStringList> &seats = std::nullopt);

// Staff reads of a TestServer (its key is "test-staff-key"): a concert's waiting room
// and a performance's seat letters ("" when they cannot be read).
struct StaffView
{
    QNetworkAccessManager &network;
    const TestServer &server;
    QJsonValue queue(const QString &concertId) const;
    QByteArray seatLetters(const QString &performanceId) const;
};

// Sends one request and waits for its answer (tests only: spins the event loop).
HttpResult http(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url,
                const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {});

// Adds a staff account through the API (POST /api/v1/admin/staff, as `credentials`).
HttpResult addStaffAccount(QNetworkAccessManager &network, const TestServer &server,
                           const QList<QPair<QByteArray, QByteArray>> &credentials, const QString &login,
                           const QString &name, const QString &role, const QString &pin);

} // namespace BoxOffice::Test
