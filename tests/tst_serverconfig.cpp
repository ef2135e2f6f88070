#include "server/serverconfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice::Server;
using namespace Qt::StringLiterals;

class TestServerConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content);
        return path;
    }

    static auto parse(QStringList args, const QProcessEnvironment &env = {})
    {
        args.prepend(u"boxoffice-server"_s);
        return ServerConfig::parse(args, env, u"/data"_s);
    }

private Q_SLOTS:
    void defaults_areLoopbackSqliteMemory()
    {
        auto c = parse({});
        QVERIFY(c.ok());
        QCOMPARE(c.value().host, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(c.value().port, quint16(8080));
        QCOMPARE(c.value().database.kind, DatabaseUrl::Kind::Sqlite);
        QCOMPARE(c.value().database.sqlitePath, u"/data/boxoffice-server.sqlite"_s);
        QVERIFY(!c.value().redisUrl);
        QVERIFY(!c.value().demo);
    }

    void commandLine_readsEveryOption()
    {
        auto c = parse({u"--host"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s, u"--db"_s,
                        u"postgresql://bo:secret@db.example:6543/boxoffice"_s, u"--redis"_s, u"redis://127.0.0.1:6380"_s,
                        u"--staff-key"_s, u"k"_s, u"--demo"_s});
        QVERIFY(c.ok());
        QCOMPARE(c.value().host, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(c.value().port, quint16(0));
        QCOMPARE(c.value().database.kind, DatabaseUrl::Kind::Postgresql);
        QCOMPARE(c.value().database.url.port(), 6543);
        QVERIFY(!c.value().database.redacted().contains(u"secret"_s));
        QCOMPARE(c.value().redisUrl->port(), 6380);
        QCOMPARE(c.value().staffKey, u"k"_s);
        QVERIFY(c.value().demo);
    }

    void environment_isUsedAndCommandLineWins()
    {
        QProcessEnvironment env;
        env.insert(u"BOXOFFICE_PORT"_s, u"9000"_s);
        env.insert(u"BOXOFFICE_STAFF_KEY"_s, u"from-env"_s);
        env.insert(u"BOXOFFICE_DB"_s, u"sqlite:/tmp/x.sqlite"_s);
        auto c = parse({u"--port"_s, u"9001"_s}, env);
        QVERIFY(c.ok());
        QCOMPARE(c.value().port, quint16(9001));
        QCOMPARE(c.value().staffKey, u"from-env"_s);
        QCOMPARE(c.value().database.sqlitePath, u"/tmp/x.sqlite"_s);
    }

    void badInput_isAClearError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("port text") << QStringList{u"--port"_s, u"http"_s} << u"--port"_s;
        QTest::newRow("port range") << QStringList{u"--port"_s, u"70000"_s} << u"--port"_s;
        QTest::newRow("host") << QStringList{u"--host"_s, u"example.com"_s} << u"--host"_s;
        QTest::newRow("db scheme") << QStringList{u"--db"_s, u"mysql://x/y"_s} << u"--db"_s;
        QTest::newRow("db no name") << QStringList{u"--db"_s, u"postgresql://host"_s} << u"--db"_s;
        QTest::newRow("sqlite no path") << QStringList{u"--db"_s, u"sqlite:"_s} << u"sqlite"_s;
        QTest::newRow("redis scheme") << QStringList{u"--redis"_s, u"http://x:1"_s} << u"--redis"_s;
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
        QTest::newRow("stray argument") << QStringList{u"extra"_s} << u"extra"_s;
    }

    void badInput_isAClearError()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        auto c = parse(args);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().exitCode, 2);
        QVERIFY2(c.error().message.contains(mentions), qPrintable(c.error().message));
    }

    void configFile_isUnderTheEnvironmentAndTheCommandLine()
    {
        const QString config = writeFile(u"server.conf"_s,
                                         "# the venue's settings\n"
                                         "host = 0.0.0.0\n"
                                         "port = 9000   # the box office's port\n"
                                         "\n"
                                         "db = sqlite:/var/lib/boxoffice/boxoffice.sqlite\n"
                                         "capacity = 250\n"
                                         "seat-limit = 6\n"
                                         "demo = true\n");
        QProcessEnvironment env;
        env.insert(u"BOXOFFICE_PORT"_s, u"9001"_s);
        auto c = parse({u"--config"_s, config, u"--seat-limit"_s, u"2"_s}, env);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        QCOMPARE(c.value().host, QHostAddress(QHostAddress::AnyIPv4));           // file
        QCOMPARE(c.value().port, quint16(9001));                                 // environment over file
        QCOMPARE(c.value().seats.seatLimit, 2);                                  // command line over file
        QCOMPARE(c.value().queue.defaults.capacity, 250);                        // file
        QCOMPARE(c.value().database.sqlitePath, u"/var/lib/boxoffice/boxoffice.sqlite"_s);
        QVERIFY(c.value().demo);
        QCOMPARE(c.value().idleTimeoutMs, 30000);                                // default

        env.insert(u"BOXOFFICE_CONFIG"_s, config);  // the file named in the environment
        auto fromEnv = parse({}, env);
        QVERIFY(fromEnv.ok());
        QCOMPARE(fromEnv.value().queue.defaults.capacity, 250);
    }

    void configFile_badLinesAreClearErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown name") << QByteArray("port = 1\nprot = 2\n") << u"server.conf:2: unknown setting \"prot\""_s;
        QTest::newRow("no equals") << QByteArray("port 8080\n") << u"server.conf:1: expected"_s;
        QTest::newRow("bad value") << QByteArray("port = http\n") << u"--port"_s;
        QTest::newRow("one-off action") << QByteArray("add-staff = ana\n") << u"unknown setting \"add-staff\""_s;
    }

    void configFile_badLinesAreClearErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        auto c = parse({u"--config"_s, writeFile(u"server.conf"_s, content)});
        QVERIFY(!c.ok());
        QCOMPARE(c.error().exitCode, 2);
        QVERIFY2(c.error().message.contains(mentions), qPrintable(c.error().message));

        auto missing = parse({u"--config"_s, m_dir.filePath(u"none.conf"_s)});
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(u"none.conf"_s), qPrintable(missing.error().message));
    }

    void secrets_comeFromFiles()
    {
        const QString key = writeFile(u"staff-key"_s, "s3cret-key\n");
        const QString password = writeFile(u"db-password"_s, "p@ss word\n");
        const QString config = writeFile(u"secrets.conf"_s, "staff-key-file = " + key.toUtf8() + "\n"
                                         "db = postgresql://boxoffice@db.venue:5432/boxoffice\n"
                                         "db-password-file = " + password.toUtf8() + "\n");
        auto c = parse({u"--config"_s, config});
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        QCOMPARE(c.value().staffKey, u"s3cret-key"_s);
        QCOMPARE(c.value().database.url.password(), u"p@ss word"_s);
        QVERIFY(!c.value().database.redacted().contains(u"p@ss"_s));

        // Both ways of giving the key at once, an empty file, a password for SQLite: errors
        // that name the option and never the secret.
        auto both = parse({u"--config"_s, config, u"--staff-key"_s, u"other"_s});
        QVERIFY(!both.ok());
        QVERIFY2(both.error().message.contains(u"--staff-key-file"_s), qPrintable(both.error().message));
        auto empty = parse({u"--staff-key-file"_s, writeFile(u"empty"_s, "\n")});
        QVERIFY(!empty.ok());
        QVERIFY2(empty.error().message.contains(u"is empty"_s), qPrintable(empty.error().message));
        auto unreadable = parse({u"--staff-key-file"_s, m_dir.filePath(u"absent"_s)});
        QVERIFY(!unreadable.ok());
        QVERIFY2(unreadable.error().message.contains(u"cannot read"_s), qPrintable(unreadable.error().message));
        auto sqlite = parse({u"--db-password-file"_s, password});
        QVERIFY(!sqlite.ok());
        QVERIFY(!sqlite.error().message.contains(u"p@ss"_s));
    }

    void tls_needsCertificateAndKey()
    {
        auto c = parse({u"--tls-cert"_s, u"/etc/boxoffice/tls/cert.pem"_s, u"--tls-key"_s, u"/etc/boxoffice/tls/key.pem"_s});
        QVERIFY(c.ok());
        QVERIFY(c.value().tls);
        QCOMPARE(c.value().tls->certificatePath, u"/etc/boxoffice/tls/cert.pem"_s);
        QVERIFY(!parse({}).value().tls);
        auto half = parse({u"--tls-cert"_s, u"/etc/boxoffice/tls/cert.pem"_s});
        QVERIFY(!half.ok());
        QVERIFY2(half.error().message.contains(u"--tls-key"_s), qPrintable(half.error().message));
    }

    void help_exitsZero()
    {
        auto c = parse({u"--help"_s});
        QVERIFY(!c.ok());
        QCOMPARE(c.error().exitCode, 0);
        QVERIFY(c.error().message.contains(u"--staff-key"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
