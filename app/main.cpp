#include "app/boxofficeapp.h"
#include "app/kioskcontroller.h"
#include "app/translations.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

using namespace BoxOffice;
using namespace Qt::StringLiterals;

namespace {

// --lang, else the system's language: Korean or English (the source language).
QString chooseLanguage(const QStringList &arguments)
{
    const qsizetype at = arguments.indexOf(u"--lang"_s);
    if (at >= 0 && at + 1 < arguments.size())
        return arguments.at(at + 1);
    for (const QString &a : arguments)
        if (a.startsWith(u"--lang="_s))
            return a.mid(7);
    return QLocale::system().language() == QLocale::Korean ? u"ko"_s : u"en"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The language first: the command line's own help is translated too.
    const QString language = chooseLanguage(app.arguments());
    if (language != u"ko" && language != u"en") {
        std::fprintf(stderr, "boxoffice: --lang is ko or en, got \"%s\"\n", qPrintable(language));
        return 2;
    }
    installTranslations(language);
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
    const QCommandLineOption langOption(u"lang"_s, QApplication::translate("main", "Language of the client: ko or en "
                                                                                   "(default: the system's)."),
                                        u"LANG"_s);
    const QCommandLineOption staffKeyOption(
        u"staff-key"_s, QApplication::translate("main", "Staff mode with this key (or BOXOFFICE_STAFF_KEY): the "
                                                        "dashboard opens at start."),
        u"KEY"_s);
    const QCommandLineOption staffOption(
        u"staff"_s, QApplication::translate("main", "Staff mode: open the dashboard at start (asks for the key "
                                                    "unless the server is the local one)."));
    const QCommandLineOption qaOption(u"qa"_s, QApplication::translate("main", "Open the QA tools at start."));
    const QCommandLineOption kioskOption(
        u"kiosk"_s, QApplication::translate("main", "Kiosk mode: full screen, touch sized, resets itself when "
                                                    "left alone; leave with the staff PIN."));
    const QCommandLineOption pinOption(
        u"kiosk-pin"_s, QApplication::translate("main", "The staff PIN that leaves kiosk mode (or "
                                                        "BOXOFFICE_KIOSK_PIN; 4 to 12 digits)."),
        u"PIN"_s);
    const QCommandLineOption idleOption(
        u"kiosk-idle"_s, QApplication::translate("main", "Kiosk: seconds without a touch before \"are you still "
                                                         "there?\" (default 60)."),
        u"SECONDS"_s, u"60"_s);
    const QCommandLineOption printerOption(
        u"kiosk-printer"_s, QApplication::translate("main", "Kiosk: print tickets on this printer without a dialog "
                                                            "(a printer's name, or file:PATH.pdf). Without it the "
                                                            "kiosk shows the ticket's code on screen."),
        u"NAME"_s);
    parser.addOptions({langOption, staffKeyOption, staffOption, qaOption, kioskOption, pinOption, idleOption,
                       printerOption});
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

    options.staffKey = parser.isSet(staffKeyOption) ? parser.value(staffKeyOption)
                                                    : qEnvironmentVariable("BOXOFFICE_STAFF_KEY");

    std::optional<KioskOptions> kiosk;
    if (parser.isSet(kioskOption)) {
        KioskOptions k;
        k.pin = parser.isSet(pinOption) ? parser.value(pinOption) : qEnvironmentVariable("BOXOFFICE_KIOSK_PIN");
        static const QRegularExpression digits(u"^[0-9]{4,12}$"_s);
        if (!digits.match(k.pin).hasMatch()) {
            std::fprintf(stderr, "boxoffice: --kiosk needs a staff PIN of 4 to 12 digits (--kiosk-pin or "
                                 "BOXOFFICE_KIOSK_PIN)\n");
            return 2;
        }
        bool ok = false;
        k.idleSeconds = parser.value(idleOption).toInt(&ok);
        if (!ok || k.idleSeconds < 5 || k.idleSeconds > 3600) {
            std::fprintf(stderr, "boxoffice: --kiosk-idle is 5 to 3600 seconds\n");
            return 2;
        }
        k.printer = parser.value(printerOption);
        kiosk = k;
    }

    BoxOfficeApp client(options);
    std::unique_ptr<KioskController> kioskController;
    if (kiosk) {
        kioskController = std::make_unique<KioskController>(&client, *kiosk);
        kioskController->start();
    } else {
        client.window()->show();
    }
    const bool openDashboard = parser.isSet(staffOption) || parser.isSet(staffKeyOption);
    const bool openQa = parser.isSet(qaOption);
    if (!kiosk && (openDashboard || openQa)) {
        QObject::connect(&client, &BoxOfficeApp::concertsLoaded, &client, [&client, openDashboard, openQa] {
            static bool opened = false;
            if (std::exchange(opened, true))
                return;
            if (openDashboard)
                client.showStaffDashboard();
            if (openQa)
                client.showQaTools();
        });
    }
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
