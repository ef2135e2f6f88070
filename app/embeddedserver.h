#pragma once

#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace BoxOffice {

// The embedded default: with no server configured, the client runs its own
// boxoffice-server child (--port 0 --demo, SQLite under the user's data directory),
// reads the port from its "listening on" line, waits for /healthz, and stops it
// when destroyed. The child also dies with the client (PR_SET_PDEATHSIG).
class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    EmbeddedServer(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~EmbeddedServer() override;

    void setProgram(const QString &program) { m_program = program; }
    void setDataDirectory(const QString &directory) { m_dataDir = directory; }
    // The local server's staff key (passed in its environment, not on its command line).
    void setStaffKey(const QString &key) { m_staffKey = key; }
    void setStartTimeout(std::chrono::milliseconds timeout) { m_deadline.setInterval(timeout); }

    // The server binary beside the client's (or $BOXOFFICE_SERVER_BIN).
    static QString defaultProgram();

    void start();
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QUrl url() const { return m_url; }

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &message);

private:
    QString m_staffKey;
    void readOutput();
    void checkHealth();
    void fail(const QString &message);

    QNetworkAccessManager *m_network;
    QProcess m_process;
    QTimer m_deadline;
    QTimer m_healthRetry;
    QString m_program;
    QString m_dataDir;
    QByteArray m_stdout;
    QUrl m_url;
    bool m_reported = false;
};

} // namespace BoxOffice
