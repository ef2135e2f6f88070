// TLS end to end: a throwaway certificate authority made here with openssl, the real
// server binary serving HTTPS and WSS with --tls-cert/--tls-key, and the client's own
// ApiClient and LiveChannel pinned to that authority (what --ca does). Certificate
// problems reach the user in words; SIGHUP makes the server take a new certificate for
// new connections, and keep its old one when the new files are broken.
#include "app/apiclient.h"
#include "app/livechannel.h"
#include "app/tlstrust.h"
#include "testsupport.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr auto CaName = "BoxOffice Test Venue CA";

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    QUrl m_url;
    QNetworkAccessManager m_network;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool openssl(const QStringList &arguments)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(u"openssl"_s, arguments);
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            qWarning().noquote() << "openssl" << arguments.join(u' ') << "failed:" << p.readAllStandardError();
            return false;
        }
        return true;
    }

    // A key and a certificate for `names` (subjectAltName syntax), signed by the test CA.
    bool makeServerCertificate(const QString &stem, const QString &names)
    {
        QFile ext(path(stem + u".ext"_s));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=" + names.toUtf8() + "\n");
        ext.close();
        return openssl({u"req"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s,
                        u"-keyout"_s, stem + u".key"_s, u"-out"_s, stem + u".csr"_s, u"-subj"_s, u"/CN=boxoffice test"_s})
            && openssl({u"x509"_s, u"-req"_s, u"-in"_s, stem + u".csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s, u"ca.key"_s,
                        u"-CAcreateserial"_s, u"-days"_s, u"2"_s, u"-extfile"_s, stem + u".ext"_s, u"-out"_s,
                        stem + u".pem"_s});
    }

    // Puts `stem`'s certificate and key where the server reads them.
    bool install(const QString &stem)
    {
        const QList<std::pair<QString, QString>> files{{stem + u".pem"_s, u"server-cert.pem"_s},
                                                       {stem + u".key"_s, u"server-key.pem"_s}};
        for (const auto &[from, to] : files) {
            QFile::remove(path(to));
            if (!QFile::copy(path(from), path(to))) {
                qWarning() << "cannot copy" << from << "to" << to << QDir(m_dir.path()).entryList(QDir::Files);
                return false;
            }
        }
        return true;
    }

    Result<QList<Concert>, ApiError> fetchConcerts()
    {
        ApiClient api(&m_network);
        api.setBaseUrl(m_url);
        std::optional<ApiResult<QList<Concert>>> result;
        api.fetchConcerts(this, [&](const ApiResult<QList<Concert>> &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
        m_network.clearConnectionCache();  // the next call makes a new connection (and sees a new certificate)
        return result ? *result : ApiResult<QList<Concert>>(ApiError{});
    }

    // The serial number of the certificate a new connection is served.
    QByteArray servedSerial()
    {
        QSslSocket socket;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket.connectToHostEncrypted(m_url.host(), quint16(m_url.port()));
        if (!socket.waitForEncrypted(5000))
            return {};
        return socket.peerCertificate().serialNumber();
    }

    QByteArray serverLog() const
    {
        QFile log(path(u"server.log"_s));
        return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
    }

    QByteArray serialOf(const QString &file)
    {
        const auto certificates = QSslCertificate::fromPath(path(file));
        return certificates.isEmpty() ? QByteArray() : certificates.first().serialNumber();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        QVERIFY(openssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                         u"-nodes"_s, u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                         u"/CN="_s + QString::fromLatin1(CaName)}));
        QVERIFY(makeServerCertificate(u"good"_s, u"IP:127.0.0.1,DNS:localhost"_s));
        QVERIFY(makeServerCertificate(u"renewed"_s, u"IP:127.0.0.1,DNS:localhost"_s));
        QVERIFY(makeServerCertificate(u"elsewhere"_s, u"DNS:elsewhere.example"_s));
        QVERIFY(install(u"good"_s));
        m_server.setStandardErrorFile(path(u"server.log"_s));
        m_url = startServerProcess(m_server, {u"--port"_s, u"0"_s, u"--db"_s, u"sqlite:"_s + path(u"x.sqlite"_s),
                                              u"--tls-cert"_s, path(u"server-cert.pem"_s), u"--tls-key"_s,
                                              path(u"server-key.pem"_s)});
        QVERIFY(m_url.isValid());
        QCOMPARE(m_url.scheme(), u"https"_s);
    }

    void cleanupTestCase()
    {
        m_server.terminate();
        m_server.waitForFinished(5000);
    }

    // Before --ca: the venue's own authority is unknown here, and the user reads that,
    // with what to do about it.
    void unknownAuthority_isRefusedInWords()
    {
        const auto r = fetchConcerts();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Certificate);
        QVERIFY(!r.error().isUnreachable());  // not an outage: no offline views instead of the reason
        QVERIFY2(r.error().message.contains(QString::fromLatin1(CaName)), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(u"--ca"_s), qPrintable(r.error().message));
    }

    void badCaFile_isRefusedInWords()
    {
        QFile notPem(path(u"not.pem"_s));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("hello\n");
        notPem.close();
        const auto failed = TlsTrust::pinCertificateAuthority(notPem.fileName());
        QVERIFY(failed);
        QVERIFY2(failed->contains(u"not.pem"_s), qPrintable(*failed));
    }

    // With the venue's CA pinned (--ca): REST and the live channel over TLS.
    void pinnedAuthority_servesRestAndTheLiveChannel()
    {
        QVERIFY(!TlsTrust::pinCertificateAuthority(path(u"ca.pem"_s)));
        const auto r = fetchConcerts();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));

        LiveChannel live;
        live.setServer(m_url);
        live.subscribe({u"rankings"_s});
        QSignalSpy connected(&live, &LiveChannel::connectedChanged);
        QSignalSpy frames(&live, &LiveChannel::frameReceived);
        live.start();
        QVERIFY(connected.wait(10000));
        QCOMPARE(connected.last().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 10000);  // the rankings pushed over WSS
        live.stop();
    }

    // A certificate for another name, taken on SIGHUP: said so in words, naming both.
    void reloadedCertificate_forAnotherName_isRefusedInWords()
    {
        QVERIFY(install(u"elsewhere"_s));
        ::kill(pid_t(m_server.processId()), SIGHUP);
        QTRY_COMPARE_WITH_TIMEOUT(servedSerial(), serialOf(u"elsewhere.pem"_s), 5000);
        const auto r = fetchConcerts();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Certificate);
        QVERIFY2(r.error().message.contains(u"elsewhere.example"_s), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(u"127.0.0.1"_s), qPrintable(r.error().message));
    }

    // A renewed certificate is served from the next connection on, without a restart;
    // a broken one is refused and the one in use stays.
    void sighup_takesTheRenewedCertificate_andKeepsItOverABrokenOne()
    {
        QVERIFY(install(u"renewed"_s));
        ::kill(pid_t(m_server.processId()), SIGHUP);
        QTRY_COMPARE_WITH_TIMEOUT(servedSerial(), serialOf(u"renewed.pem"_s), 5000);
        QVERIFY(fetchConcerts().ok());

        QFile broken(path(u"server-key.pem"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");
        broken.close();
        ::kill(pid_t(m_server.processId()), SIGHUP);
        QTRY_VERIFY_WITH_TIMEOUT(serverLog().contains("not reloaded"), 5000);
        QCOMPARE(m_server.state(), QProcess::Running);
        QCOMPARE(servedSerial(), serialOf(u"renewed.pem"_s));
        QVERIFY(fetchConcerts().ok());
    }

    // Plain HTTP to the TLS port: closed, not left hanging.
    void plainHttp_toTheTlsPort_isClosed()
    {
        QTcpSocket socket;
        socket.connectToHost(m_url.host(), quint16(m_url.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    }

    // The server refuses to start on files it cannot use, and says which.
    void unusableFiles_stopTheStart()
    {
        QProcess server;
        server.setStandardErrorFile(path(u"refused.log"_s));
        const QUrl url = startServerProcess(server, {u"--port"_s, u"0"_s, u"--db"_s, u"sqlite:"_s + path(u"y.sqlite"_s),
                                                     u"--tls-cert"_s, path(u"good.pem"_s), u"--tls-key"_s,
                                                     path(u"elsewhere.key"_s)});
        QVERIFY(!url.isValid());
        server.waitForFinished(5000);
        QCOMPARE(server.exitCode(), 1);
        QFile log(path(u"refused.log"_s));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray said = log.readAll();
        QVERIFY2(said.contains("not the key of the certificate"), said.constData());
    }

    // The words for the dates, checked on the CA's own certificate.
    void expiredAndNotYetValid_areSaidWithTheDate()
    {
        const QSslCertificate ca = QSslCertificate::fromPath(path(u"ca.pem"_s)).first();
        const QString expired = TlsTrust::describe({QSslError(QSslError::CertificateExpired, ca)}, u"box.venue"_s);
        QVERIFY2(expired.contains(u"expired"_s) && expired.contains(u"box.venue"_s), qPrintable(expired));
        QVERIFY2(expired.contains(QLocale().toString(ca.expiryDate().toLocalTime(), QLocale::LongFormat)), qPrintable(expired));
        const QString early = TlsTrust::describe({QSslError(QSslError::CertificateUntrusted, ca),
                                                  QSslError(QSslError::CertificateNotYetValid, ca)},
                                                 u"box.venue"_s);
        QVERIFY2(early.contains(u"date and time"_s), qPrintable(early));  // the telling one of the two
    }
};

QTEST_MAIN(TestTls)
#include "tst_tls.moc"
