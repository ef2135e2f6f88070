#pragma once

#include "domain/result.h"
#include "server/queue/queueservice.h"
#include "server/queue/redisconnection.h"
#include "server/sales/seatservice.h"
#include "server/staff/staffservice.h"

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace BoxOffice::Server {

// Where inventory lives: "sqlite:PATH" or "postgresql://user[:password]@host[:port]/db".
struct DatabaseUrl
{
    enum class Kind { Sqlite, Postgresql };

    Kind kind = Kind::Sqlite;
    QString sqlitePath;  // Kind::Sqlite
    QUrl url;            // Kind::Postgresql

    static Result<DatabaseUrl, QString> parse(const QString &text);
    QString driverName() const;  // "sqlite" | "postgresql" (as /healthz reports it)
    QString redacted() const;    // for logs: never the password
};

// Everything the server is told at start: from the command line, the environment
// (BOXOFFICE_*) and a configuration file (--config), in that order of precedence, then
// the defaults. Secrets can come from files (--staff-key-file, --db-password-file), so
// that they appear on no command line. See --help.
struct ServerConfig
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8080;
    DatabaseUrl database;
    std::optional<QUrl> redisUrl;  // absent: the in-memory queue store; else the first seed
    QList<RedisEndpoint> redisNodes;  // every seed of --redis (one Redis, or any nodes of a cluster)
    int redisWaitReplicas = 0;     // a join waits (WAIT, 500 ms at most) until this many replicas have it
    QString staffKey;              // the bootstrap admin's key; empty: staff need accounts
    StaffOptions staff;            // staff session length, sign-in lock-out
    struct AddStaff
    {
        QString login;
        QString name;
        QString role;
    };
    std::optional<AddStaff> addStaff;
    QString writeDemoTemplate;     // --write-demo-template (the build's): write the demo template there and exit  // --add-staff: create this account (PIN on stdin) and exit
    struct Tls
    {
        QString certificatePath;  // PEM chain, the server's own certificate first
        QString keyPath;          // PEM private key
    };
    std::optional<Tls> tls;        // HTTPS and WSS; both files reread on SIGHUP
    bool demo = false;             // seed the demo catalog into an empty database
    qint64 maxBodyBytes = 64 * 1024;
    int maxConnections = 10000;    // open connections in the process (below its fd limit); more are closed at once
    int idleTimeoutMs = 30000;     // a connection with no answer for this long is closed (slow clients)
    QueueOptions queue;            // waiting-room defaults and the join rate limit
    int tickMs = 500;              // promoter period
    SeatOptions seats;             // hold length, seats per buyer
    int sweepMs = 1000;            // how often expired holds are released
    int rankingsMs = 10'000;       // how often the rankings are aggregated
    int liveMs = 250;              // how often the live channel pushes
    int liveStuckMs = 30'000;      // a live client over 1 MiB unsent this long is closed
    int threads = 0;               // server threads; 0: one per core with Redis, one in memory
    int netThreads = 1;            // event loops of the network front (ServerPool: --threads)
    bool listen = true;            // false: a worker of another instance's front (ServerPool)
    std::function<qint64()> clock; // tests: "now" in ms since the epoch; empty = the system clock

    // Parses argv (with argv[0]) and the environment. On --help/--version the
    // error text is the help/version and exitCode is 0.
    struct Failure
    {
        QString message;
        int exitCode = 2;
    };
    static Result<ServerConfig, Failure> parse(const QStringList &arguments,
                                               const QProcessEnvironment &environment,
                                               const QString &defaultDataDir);
};

} // namespace BoxOffice::Server
