// The embedded default: the client starts the real boxoffice-server binary, reads its
// port, waits for /healthz, and stops it.
#include "testsupport.h"

#include "app/apiclient.h"
#include "app/embeddedserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestEmbeddedServer : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

private Q_SLOTS:
    void start_becomesReadyAndServes()
    {
        QTemporaryDir dir;
        EmbeddedServer server(&m_network);
        server.setProgram(serverBinary());
        server.setDataDirectory(dir.path());
        QSignalSpy ready(&server, &EmbeddedServer::ready);
        QSignalSpy failed(&server, &EmbeddedServer::failed);
        server.start();
        QVERIFY(ready.wait(60000));
        QCOMPARE(failed.size(), 0);
        const QUrl url = ready.first().first().toUrl();
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        QVERIFY(url.port() > 0);
        QVERIFY(QFile::exists(dir.filePath(u"boxoffice-embedded.sqlite"_s)));

        QUrl concerts = url;
        concerts.setPath(u"/api/v1/concerts"_s);
        QCOMPARE(http(m_network, "GET", concerts).status, 200);

        server.stop();
        QVERIFY(!server.isRunning());
        QCOMPARE(failed.size(), 0);  // a stop we asked for is no failure
        QVERIFY(http(m_network, "GET", concerts).status == 0);  // nobody listens any more
    }

    void missingBinary_fails()
    {
        EmbeddedServer server(&m_network);
        server.setProgram(u"/nonexistent/boxoffice-server"_s);
        QSignalSpy failed(&server, &EmbeddedServer::failed);
        server.start();
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains(u"could not be started"_s));
    }

    void serverThatExitsEarly_fails()
    {
        // /bin/false: starts, prints nothing, exits 1.
        EmbeddedServer server(&m_network);
        server.setProgram(u"/bin/false"_s);
        QSignalSpy failed(&server, &EmbeddedServer::failed);
        server.start();
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains(u"exited"_s));
    }

    void serverThatNeverAnnounces_timesOut()
    {
        QTemporaryDir dir;
        const QString silent = dir.filePath(u"silent-server"_s);
        QFile script(silent);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nexec sleep 60\n");  // runs, says nothing
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        EmbeddedServer server(&m_network);
        server.setProgram(silent);
        server.setStartTimeout(std::chrono::milliseconds(300));
        QSignalSpy failed(&server, &EmbeddedServer::failed);
        server.start();
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains(u"in time"_s));
        QTRY_VERIFY(!server.isRunning());
    }
};

QTEST_MAIN(TestEmbeddedServer)
#include "tst_embeddedserver.moc"
