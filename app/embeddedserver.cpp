#include "app/embeddedserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>

namespace BoxOffice {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEmbedded, "boxoffice.client.embedded")

EmbeddedServer::EmbeddedServer(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network), m_program(defaultProgram()),
      m_dataDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(std::chrono::seconds(30));  // the first start seeds the demo catalog
    m_healthRetry.setSingleShot(true);
    m_healthRetry.setInterval(std::chrono::milliseconds(100));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });

    connect(&m_process, &QProcess::readyReadStandardOutput, this, &EmbeddedServer::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        // The server's log, forwarded to ours.
        const QByteArray text = m_process.readAllStandardError();
        for (const QByteArray &line : text.split('\n'))
            if (!line.isEmpty())
                qCInfo(lcEmbedded).noquote() << QString::fromUtf8(line);
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The local server (%1) could not be started: %2").arg(m_program, m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        if (!m_reported)
            fail(status == QProcess::CrashExit ? tr("The local server stopped unexpectedly.")
                                               : tr("The local server exited (code %1).").arg(exitCode));
        else
            qCWarning(lcEmbedded) << "local server exited with" << exitCode;
    });
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(tr("The local server did not become ready in time."));
        stop();
    });
    connect(&m_healthRetry, &QTimer::timeout, this, &EmbeddedServer::checkHealth);
}

EmbeddedServer::~EmbeddedServer()
{
    stop();
}

QString EmbeddedServer::defaultProgram()
{
    const QString fromEnv = qEnvironmentVariable("BOXOFFICE_SERVER_BIN");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(QCoreApplication::applicationDirPath()).filePath(u"boxoffice-server"_s);
}

void EmbeddedServer::start()
{
    if (isRunning())
        return;
    m_reported = false;
    m_stdout.clear();
    m_url.clear();
    QDir().mkpath(m_dataDir);
    const QString db = u"sqlite:"_s + QDir(m_dataDir).filePath(u"boxoffice-embedded.sqlite"_s);
    qCInfo(lcEmbedded).noquote() << "starting" << m_program << "with" << db;
    m_deadline.start();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_staffKey.isEmpty())
        env.insert(u"BOXOFFICE_STAFF_KEY"_s, m_staffKey);
    m_process.setProcessEnvironment(env);
    m_process.start(m_program, {u"--host"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s, u"--demo"_s, u"--db"_s, db});
}

void EmbeddedServer::stop()
{
    m_deadline.stop();
    m_healthRetry.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_reported = true;  // an exit we asked for is no failure
    m_process.terminate();
    // Only at shutdown: the server saves its waiting rooms into SQLite and stops,
    // usually within milliseconds of SIGTERM (longer for a crowd of 100,000).
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void EmbeddedServer::readOutput()
{
    m_stdout += m_process.readAllStandardOutput();
    static const QByteArray marker = "boxoffice-server listening on ";
    const qsizetype at = m_stdout.indexOf(marker);
    if (at < 0 || !m_url.isEmpty())
        return;
    const qsizetype end = m_stdout.indexOf('\n', at);
    if (end < 0)
        return;
    m_url = QUrl(QString::fromUtf8(m_stdout.mid(at + marker.size(), end - at - marker.size()).trimmed()));
    if (!m_url.isValid() || m_url.port() <= 0)
        return fail(tr("The local server announced an address that cannot be used."));
    checkHealth();
}

void EmbeddedServer::checkHealth()
{
    QUrl health = m_url;
    health.setPath(u"/healthz"_s);
    QNetworkRequest request(health);
    request.setTransferTimeout(2000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_reported)
            return;
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
            m_deadline.stop();
            m_reported = true;
            qCInfo(lcEmbedded) << "local server ready at" << m_url.toString();
            Q_EMIT ready(m_url);
        } else {
            m_healthRetry.start();
        }
    });
}

void EmbeddedServer::fail(const QString &message)
{
    if (m_reported)
        return;
    m_reported = true;
    m_deadline.stop();
    m_healthRetry.stop();
    qCWarning(lcEmbedded).noquote() << message;
    Q_EMIT failed(message);
}

} // namespace BoxOffice
