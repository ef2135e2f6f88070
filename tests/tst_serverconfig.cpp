#include "server/serverconfig.h"

#include <QTest>

using namespace BoxOffice::Server;
using namespace Qt::StringLiterals;

class TestServerConfig : public QObject
{
    Q_OBJECT

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
