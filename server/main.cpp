#include "server/boxofficeserver.h"
#include "server/sales/demotemplate.h"
#include "server/serverpool.h"

#include <QJsonDocument>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <sodium.h>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace BoxOffice::Server;
using namespace Qt::StringLiterals;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] auto n = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM and SIGINT end the event loop, so the server closes its database cleanly;
// SIGHUP rereads the TLS certificate and key.
void handleSignals(QCoreApplication &app, ServerPool &server)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, &server] {
        char byte = 0;
        [[maybe_unused]] auto n = ::read(signalPipe[0], &byte, 1);
        if (byte == SIGHUP)
            server.reloadTls();
        else
            app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Per-request debug lines only on demand (QT_LOGGING_RULES="boxoffice.*.debug=true" wins).
    QLoggingCategory::setFilterRules(u"boxoffice.*.debug=false"_s);
    QCoreApplication::setOrganizationName(u"BoxOffice"_s);
    QCoreApplication::setApplicationName(u"boxoffice-server"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);

    auto config = ServerConfig::parse(app.arguments(), QProcessEnvironment::systemEnvironment(),
                                      QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    if (!config) {
        std::fprintf(config.error().exitCode == 0 ? stdout : stderr, "%s\n", qPrintable(config.error().message));
        return config.error().exitCode;
    }

    if (!config.value().writeDemoTemplate.isEmpty()) {
        const auto written = DemoTemplate::write(config.value().writeDemoTemplate);
        if (!written) {
            std::fprintf(stderr, "boxoffice-server: cannot write the demo template: %s\n", qPrintable(written.error()));
            return 1;
        }
        return 0;
    }

    if (config.value().addStaff) {
        // The PIN from standard input (a pipe or a terminal), never from the command line.
        char line[256] = {};
        if (!std::fgets(line, sizeof line, stdin)) {
            std::fprintf(stderr, "boxoffice-server: --add-staff reads the PIN from standard input\n");
            return 2;
        }
        const QString pin = QString::fromUtf8(line).trimmed();
        sodium_memzero(line, sizeof line);
        const auto added = BoxOfficeServer::addStaffAccount(config.value(), pin);
        if (!added) {
            std::fprintf(stderr, "boxoffice-server: cannot add the account: %s\n", qPrintable(added.error()));
            return 1;
        }
        std::printf("%s\n", QJsonDocument(added.value()).toJson(QJsonDocument::Compact).constData());
        return 0;
    }

    ServerPool server(config.value());
    const auto url = server.start();
    if (!url) {
        std::fprintf(stderr, "boxoffice-server: %s\n", qPrintable(url.error()));
        return 1;
    }
    handleSignals(app, server);
    // Exactly one line on stdout, once ready: the embedded client and scripts read it.
    std::printf("boxoffice-server listening on %s\n", qPrintable(url.value().toString()));
    std::fflush(stdout);
    return app.exec();
}
