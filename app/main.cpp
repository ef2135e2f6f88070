#include "app/boxofficeapp.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

using namespace BoxOffice;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"BoxOffice"_s);
    QApplication::setApplicationName(u"boxoffice"_s);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "BoxOffice"));
    QApplication::setApplicationVersion(u"0.1.0"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "BoxOffice: concert box office client."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        u"server"_s,
        QApplication::translate("main", "Use the boxoffice-server at URL instead of starting a local one."), u"URL"_s);
    parser.addOption(serverOption);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        QApplication::translate("main", "Save a picture of the window to FILE once the concerts are shown, then quit "
                                        "(for documentation and QA)."),
        u"FILE"_s);
    parser.addOption(screenshotOption);
    parser.process(app);

    ClientOptions options;
    options.dataDirectory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (parser.isSet(serverOption)) {
        const QUrl url = QUrl::fromUserInput(parser.value(serverOption));
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
            std::fprintf(stderr, "boxoffice: --server needs an http(s) URL, got \"%s\"\n",
                         qPrintable(parser.value(serverOption)));
            return 2;
        }
        options.server = url;
    }

    BoxOfficeApp client(options);
    client.window()->show();
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QObject::connect(&client, &BoxOfficeApp::concertsLoaded, &app, [&client, file] {
            // Let the view lay itself out and paint once before the picture.
            QTimer::singleShot(300, &client, [&client, file] {
                const bool saved = client.window()->grab().save(file);
                std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "cannot save", qPrintable(file));
                QApplication::exit(saved ? 0 : 1);
            });
        });
    }
    client.start();
    return app.exec();
}
