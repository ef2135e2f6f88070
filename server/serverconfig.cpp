#include "server/serverconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Result<DatabaseUrl, QString> DatabaseUrl::parse(const QString &text)
{
    DatabaseUrl db;
    if (text.startsWith(u"sqlite:")) {
        db.kind = Kind::Sqlite;
        db.sqlitePath = text.mid(7);
        if (db.sqlitePath.startsWith(u"//"))  // sqlite:///abs/path
            db.sqlitePath = db.sqlitePath.mid(2);
        if (db.sqlitePath.isEmpty())
            return u"--db sqlite: needs a file path, e.g. sqlite:/var/lib/boxoffice/boxoffice.sqlite"_s;
        return db;
    }
    if (text.startsWith(u"postgresql://") || text.startsWith(u"postgres://")) {
        db.kind = Kind::Postgresql;
        db.url = QUrl(text, QUrl::StrictMode);
        const QString name = db.url.path().mid(1);
        if (!db.url.isValid() || db.url.host().isEmpty() || name.isEmpty() || name.contains(u'/'))
            return u"--db: cannot read \"%1\"; expected postgresql://user@host:port/database"_s.arg(text);
        if (db.url.port() == -1)
            db.url.setPort(5432);
        return db;
    }
    return u"--db: unknown database \"%1\"; use sqlite:PATH or postgresql://user@host:port/database"_s.arg(text);
}

QString DatabaseUrl::driverName() const
{
    return kind == Kind::Sqlite ? u"sqlite"_s : u"postgresql"_s;
}

QString DatabaseUrl::redacted() const
{
    if (kind == Kind::Sqlite)
        return QString(u"sqlite:"_s + sqlitePath);
    return url.toString(QUrl::RemovePassword);
}

namespace {

// The configuration file: `name = value` lines, names being the long options without
// "--"; `#` starts a comment; blank lines are skipped. Unknown names are errors, so a
// typo does not silently leave a default in place.
Result<QHash<QString, QString>, QString> readConfigFile(const QString &path, const QStringList &known)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return u"--config: cannot read %1: %2"_s.arg(path, file.errorString());
    QHash<QString, QString> values;
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        QString line = QString::fromUtf8(file.readLine());
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0)
            return u"%1:%2: expected \"name = value\", got \"%3\""_s.arg(path).arg(number).arg(line);
        const QString name = line.left(equals).trimmed();
        if (!known.contains(name))
            return u"%1:%2: unknown setting \"%3\" (the names are the long options of --help)"_s.arg(path).arg(number).arg(name);
        values.insert(name, line.mid(equals + 1).trimmed());
    }
    return values;
}

// A secret kept in a file (readable by the service only): its first line, trimmed.
Result<QByteArray, QString> readSecretFile(const QString &option, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"--%1: cannot read %2: %3"_s.arg(option, path, file.errorString());
    const QByteArray secret = file.readLine(4096).trimmed();
    if (secret.isEmpty())
        return u"--%1: %2 is empty"_s.arg(option, path);
    return secret;
}

bool isTrue(const QString &text)
{
    return text == u"1" || text.compare(u"true"_s, Qt::CaseInsensitive) == 0 || text.compare(u"yes"_s, Qt::CaseInsensitive) == 0
        || text.compare(u"on"_s, Qt::CaseInsensitive) == 0;
}

} // namespace

Result<ServerConfig, ServerConfig::Failure> ServerConfig::parse(const QStringList &arguments,
                                                                const QProcessEnvironment &env,
                                                                const QString &defaultDataDir)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"BoxOffice waiting-room and reservation server."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption hostOption(u"host"_s, u"Address to listen on (env BOXOFFICE_HOST; default 127.0.0.1)."_s, u"address"_s);
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on, 0 for any free port (env BOXOFFICE_PORT; default 8080)."_s, u"port"_s);
    const QCommandLineOption dbOption(u"db"_s, u"sqlite:PATH or postgresql://user@host:port/db (env BOXOFFICE_DB; default a SQLite file in the data directory)."_s, u"url"_s);
    const QCommandLineOption redisOption(u"redis"_s, u"redis://host:port[,host:port...] for the queue store: one Redis, or any nodes of a Redis Cluster (env BOXOFFICE_REDIS; default in memory)."_s, u"url"_s);
    const QCommandLineOption waitReplicasOption(u"redis-wait-replicas"_s, u"A join is answered once this many Redis replicas have it (WAIT, at most 500 ms; default 0: asynchronous replication)."_s, u"n"_s);
    const QCommandLineOption configOption(u"config"_s, u"Read settings from FILE: \"name = value\" lines, names as the long options here; the command line, then the environment, win over it (env BOXOFFICE_CONFIG)."_s, u"file"_s);
    const QCommandLineOption staffOption(u"staff-key"_s, u"Key for the staff API (env BOXOFFICE_STAFF_KEY); prefer --staff-key-file, a command line is visible to every user."_s, u"key"_s);
    const QCommandLineOption staffFileOption(u"staff-key-file"_s, u"Read the staff API key from FILE (env BOXOFFICE_STAFF_KEY_FILE)."_s, u"file"_s);
    const QCommandLineOption dbPasswordFileOption(u"db-password-file"_s, u"Read the PostgreSQL password from FILE (env BOXOFFICE_DB_PASSWORD_FILE)."_s, u"file"_s);
    const QCommandLineOption tlsCertOption(u"tls-cert"_s, u"Serve HTTPS and WSS with this PEM certificate chain (env BOXOFFICE_TLS_CERT); reread on SIGHUP."_s, u"file"_s);
    const QCommandLineOption tlsKeyOption(u"tls-key"_s, u"The PEM private key of --tls-cert (env BOXOFFICE_TLS_KEY); reread on SIGHUP."_s, u"file"_s);
    const QCommandLineOption demoOption(u"demo"_s, u"Seed the demo catalog into an empty database (env BOXOFFICE_DEMO=1)."_s);
    const QCommandLineOption bodyOption(u"max-body"_s, u"Largest request body in bytes (default 65536)."_s, u"bytes"_s);
    const QCommandLineOption capacityOption(u"capacity"_s, u"Default concurrent buyers per concert (default 100)."_s, u"n"_s);
    const QCommandLineOption sessionOption(u"session-seconds"_s, u"Default buyer session length (default 180)."_s, u"s"_s);
    const QCommandLineOption idleOption(u"idle-seconds"_s, u"Drop waiters not seen for this long (default 120)."_s, u"s"_s);
    const QCommandLineOption tickOption(u"tick-ms"_s, u"Promoter period in milliseconds (default 500)."_s, u"ms"_s);
    const QCommandLineOption joinRateOption(u"join-rate"_s, u"Joins per second per client address, 0 = no limit (env BOXOFFICE_JOIN_RATE; default 10, burst twice that)."_s, u"n"_s);
    const QCommandLineOption holdOption(u"hold-seconds"_s, u"How long a hold lasts, at most until the buyer's session ends (default 300)."_s, u"s"_s);
    const QCommandLineOption seatLimitOption(u"seat-limit"_s, u"Seats per buyer, held and bought (default 4; staff exempt)."_s, u"n"_s);
    const QCommandLineOption rankingsOption(u"rankings-seconds"_s, u"How often the rankings are aggregated from the sales (default 10)."_s, u"s"_s);
    const QCommandLineOption threadsOption(u"threads"_s, u"Event loops serving connections, and as many SQL workers (env BOXOFFICE_THREADS; default one per core with --redis; always 1 with the in-memory queue)."_s, u"n"_s);
    const QCommandLineOption connectionsOption(u"max-connections"_s, u"Open connections in all; more are closed at once (default 10000, kept below the process's file limit)."_s, u"n"_s);
    const QCommandLineOption idleTimeoutOption(u"idle-timeout-ms"_s, u"Close a connection that has had no answer for this long: slow or idle clients (default 30000)."_s, u"ms"_s);
    const QCommandLineOption retentionOption(u"expired-retention-seconds"_s, u"How long a token that left, expired or was dropped still reads \"expired\" before the queue forgets it (env BOXOFFICE_EXPIRED_RETENTION; default 3600)."_s, u"s"_s);
    const QCommandLineOption crowdMaxOption(u"crowd-max"_s, u"The crowd simulator fills a concert's line up to this many waiters (default 100000)."_s, u"n"_s);
    const QCommandLineOption staffSessionOption(u"staff-session-hours"_s, u"How long a staff sign-in lasts (default 12)."_s, u"h"_s);
    const QCommandLineOption lockoutOption(u"staff-lockout-seconds"_s, u"How long a login is locked after 5 failed sign-ins in a row (default 300, at least 60)."_s, u"s"_s);
    const QCommandLineOption addStaffOption(u"add-staff"_s, u"Create the staff account LOGIN (the PIN, 4-12 digits, read from standard input) and exit."_s, u"login"_s);
    const QCommandLineOption roleOption(u"role"_s, u"With --add-staff: clerk, manager or admin (default clerk)."_s, u"role"_s);
    const QCommandLineOption staffNameOption(u"name"_s, u"With --add-staff: the person's name (default the login)."_s, u"name"_s);
    // What a configuration file may set too: all but the one-off actions.
    const QList<QCommandLineOption> settings{hostOption, portOption, dbOption, redisOption, staffOption, staffFileOption,
                                             dbPasswordFileOption, tlsCertOption, tlsKeyOption, demoOption, bodyOption,
                                             waitReplicasOption, capacityOption, sessionOption, idleOption, tickOption, joinRateOption,
                                             threadsOption, holdOption, seatLimitOption, rankingsOption, connectionsOption,
                                             idleTimeoutOption, retentionOption, crowdMaxOption, staffSessionOption,
                                             lockoutOption};
    parser.addOption(configOption);
    parser.addOptions(settings);
    parser.addOptions({addStaffOption, roleOption, staffNameOption});
    QCommandLineOption templateOption(u"write-demo-template"_s, u"Write the demo catalog's template database to FILE and exit (the build does)."_s, u"file"_s);
    templateOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(templateOption);

    if (!parser.parse(arguments))
        return Failure{parser.errorText()};
    if (parser.isSet(helpOption))
        return Failure{parser.helpText(), 0};
    if (parser.isSet(versionOption))
        return Failure{arguments.value(0) + u' ' + QCoreApplication::applicationVersion(), 0};
    if (!parser.positionalArguments().isEmpty())
        return Failure{u"unexpected argument: "_s + parser.positionalArguments().first()};

    // The command line first, then the environment, then the configuration file.
    QHash<QString, QString> file;
    const QString configPath = parser.isSet(configOption) ? parser.value(configOption) : env.value(u"BOXOFFICE_CONFIG"_s);
    if (!configPath.isEmpty()) {
        QStringList known;
        for (const QCommandLineOption &option : settings)
            known += option.names().constLast();
        auto read = readConfigFile(configPath, known);
        if (!read)
            return Failure{read.error()};
        file = read.value();
    }
    auto setting = [&](const QCommandLineOption &option, const QString &envName = {}) -> std::optional<QString> {
        if (parser.isSet(option))
            return parser.value(option);
        if (!envName.isEmpty() && env.contains(envName))
            return env.value(envName);
        if (const auto found = file.constFind(option.names().constLast()); found != file.cend())
            return *found;
        return std::nullopt;
    };

    ServerConfig config;
    if (auto host = setting(hostOption, u"BOXOFFICE_HOST"_s)) {
        QHostAddress address;
        if (*host == u"localhost")
            address = QHostAddress::LocalHost;
        else if (!address.setAddress(*host))
            return Failure{u"--host: \"%1\" is not an IP address"_s.arg(*host)};
        config.host = address;
    }
    if (auto port = setting(portOption, u"BOXOFFICE_PORT"_s)) {
        bool ok = false;
        const uint value = port->toUInt(&ok);
        if (!ok || value > 65535)
            return Failure{u"--port: \"%1\" is not a port number (0-65535)"_s.arg(*port)};
        config.port = quint16(value);
    }
    const QString dbText = setting(dbOption, u"BOXOFFICE_DB"_s)
                               .value_or(u"sqlite:"_s + QDir(defaultDataDir).filePath(u"boxoffice-server.sqlite"_s));
    auto db = DatabaseUrl::parse(dbText);
    if (!db)
        return Failure{db.error()};
    config.database = db.value();
    if (auto passwordFile = setting(dbPasswordFileOption, u"BOXOFFICE_DB_PASSWORD_FILE"_s)) {
        if (config.database.kind != DatabaseUrl::Kind::Postgresql)
            return Failure{u"--db-password-file goes with a postgresql:// database"_s};
        auto password = readSecretFile(u"db-password-file"_s, *passwordFile);
        if (!password)
            return Failure{password.error()};
        config.database.url.setPassword(QString::fromUtf8(password.value()));
    }

    if (auto redis = setting(redisOption, u"BOXOFFICE_REDIS"_s)) {
        // redis://host:port[,host:port…]: the seeds of one Redis or of a cluster.
        const QString scheme = u"redis://"_s;
        const QStringList seeds = redis->startsWith(scheme) ? redis->mid(scheme.size()).split(u',') : QStringList();
        for (const QString &seed : seeds) {
            const QUrl url(scheme + seed.trimmed(), QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() || !url.path().isEmpty())
                return Failure{u"--redis: cannot read \"%1\"; expected redis://host:port or redis://host:port,host:port,…"_s.arg(*redis)};
            if (!config.redisUrl)
                config.redisUrl = url;
            config.redisNodes.append(RedisEndpoint{url.host(), url.port(6379)});
        }
        if (!config.redisUrl)
            return Failure{u"--redis: cannot read \"%1\"; expected redis://host:port"_s.arg(*redis)};
    }
    const auto staffKey = setting(staffOption, u"BOXOFFICE_STAFF_KEY"_s);
    const auto staffKeyFile = setting(staffFileOption, u"BOXOFFICE_STAFF_KEY_FILE"_s);
    if (staffKey && staffKeyFile)
        return Failure{u"--staff-key and --staff-key-file: give one of them"_s};
    if (staffKeyFile) {
        auto key = readSecretFile(u"staff-key-file"_s, *staffKeyFile);
        if (!key)
            return Failure{key.error()};
        config.staffKey = QString::fromUtf8(key.value());
    } else {
        config.staffKey = staffKey.value_or(QString());
    }
    const auto tlsCert = setting(tlsCertOption, u"BOXOFFICE_TLS_CERT"_s);
    const auto tlsKey = setting(tlsKeyOption, u"BOXOFFICE_TLS_KEY"_s);
    if (bool(tlsCert) != bool(tlsKey))
        return Failure{u"--tls-cert and --tls-key go together"_s};
    if (tlsCert)
        config.tls = Tls{QFileInfo(*tlsCert).absoluteFilePath(), QFileInfo(*tlsKey).absoluteFilePath()};
    if (parser.isSet(demoOption))
        config.demo = true;
    else if (auto demo = setting(demoOption, u"BOXOFFICE_DEMO"_s))
        config.demo = isTrue(*demo);
    if (auto body = setting(bodyOption)) {
        bool ok = false;
        config.maxBodyBytes = body->toLongLong(&ok);
        if (!ok || config.maxBodyBytes < 1024)
            return Failure{u"--max-body: expected a number of bytes, at least 1024"_s};
    }
    // Whole numbers within bounds, or a clear error naming the option.
    auto integer = [&](const QCommandLineOption &option, std::optional<QString> text, int min, int max,
                       int *out) -> std::optional<Failure> {
        if (!text)
            return std::nullopt;
        bool ok = false;
        const int value = text->toInt(&ok);
        if (!ok || value < min || value > max)
            return Failure{u"--%1: expected a whole number from %2 to %3, got \"%4\""_s.arg(option.names().first())
                               .arg(min)
                               .arg(max)
                               .arg(*text)};
        *out = value;
        return std::nullopt;
    };
    auto value = [&](const QCommandLineOption &o) { return setting(o); };
    int joinRate = int(config.queue.joinRatePerSecond);
    int staffSessionHours = config.staff.sessionSeconds / 3600;
    int rankingSeconds = config.rankingsMs / 1000;
    for (auto failure : {integer(capacityOption, value(capacityOption), 0, 1'000'000, &config.queue.defaults.capacity),
                         integer(sessionOption, value(sessionOption), 10, 86400, &config.queue.defaults.sessionSeconds),
                         integer(idleOption, value(idleOption), 5, 86400, &config.queue.idleSeconds),
                         integer(tickOption, value(tickOption), 10, 60'000, &config.tickMs),
                         integer(joinRateOption, setting(joinRateOption, u"BOXOFFICE_JOIN_RATE"_s), 0, 1'000'000, &joinRate),
                         integer(threadsOption, setting(threadsOption, u"BOXOFFICE_THREADS"_s), 0, 256, &config.threads),
                         integer(holdOption, value(holdOption), 5, 3600, &config.seats.holdSeconds),
                         integer(seatLimitOption, value(seatLimitOption), 1, 100, &config.seats.seatLimit),
                         integer(rankingsOption, value(rankingsOption), 1, 3600, &rankingSeconds),
                         integer(connectionsOption, value(connectionsOption), 1, 1'000'000, &config.maxConnections),
                         integer(idleTimeoutOption, value(idleTimeoutOption), 100, 3'600'000, &config.idleTimeoutMs),
                         integer(retentionOption, setting(retentionOption, u"BOXOFFICE_EXPIRED_RETENTION"_s), 0, 7 * 86400,
                                 &config.queue.expiredRetentionSeconds),
                         integer(crowdMaxOption, value(crowdMaxOption), 0, 10'000'000, &config.queue.crowdMax),
                         integer(staffSessionOption, value(staffSessionOption), 1, 24 * 30, &staffSessionHours),
                         integer(lockoutOption, value(lockoutOption), 60, 86400, &config.staff.lockoutSeconds)}) {
        if (failure)
            return *failure;
    }
    if (auto failure = integer(waitReplicasOption, setting(waitReplicasOption), 0, 16, &config.redisWaitReplicas))
        return *failure;
    if (config.threads > 1 && !config.redisUrl)
        return Failure{u"--threads: the in-memory queue lives in one thread; use --redis for more"_s};
    config.staff.sessionSeconds = staffSessionHours * 3600;
    if (parser.isSet(addStaffOption)) {
        config.addStaff = ServerConfig::AddStaff{parser.value(addStaffOption),
                                                 parser.isSet(staffNameOption) ? parser.value(staffNameOption)
                                                                               : parser.value(addStaffOption),
                                                 parser.isSet(roleOption) ? parser.value(roleOption) : u"clerk"_s};
    } else if (parser.isSet(roleOption) || parser.isSet(staffNameOption)) {
        return Failure{u"--role and --name go with --add-staff"_s};
    }
    config.writeDemoTemplate = parser.value(templateOption);
    config.queue.joinRatePerSecond = joinRate;
    config.rankingsMs = rankingSeconds * 1000;
    config.queue.joinBurst = 2.0 * joinRate;
    return config;
}

} // namespace BoxOffice::Server
