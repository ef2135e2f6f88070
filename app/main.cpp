#include "app/boxofficeapp.h"
#include "app/kioskcontroller.h"
#include "app/tlstrust.h"
#include "app/translations.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
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

// The client's options; the descriptions are translated, so made after the translation
// is installed.
struct Options
{
    QCommandLineOption server{u"server"_s,
                              QCoreApplication::translate("main", "Use the boxoffice-server at URL instead of starting a local one."),
                              u"URL"_s};
    QCommandLineOption ca{u"ca"_s,
                          QCoreApplication::translate("main", "Trust only the certificate authority in FILE (PEM) for "
                                                              "https:// servers: a venue's own CA."),
                          u"FILE"_s};
    QCommandLineOption screenshot{u"screenshot"_s,
                                  QCoreApplication::translate("main", "Save a picture of the window to FILE once the concerts "
                                                                      "are shown, then quit (for documentation and QA)."),
                                  u"FILE"_s};
    QCommandLineOption lang{u"lang"_s,
                            QCoreApplication::translate("main", "Language of the client: ko or en (default: the system's)."),
                            u"LANG"_s};
    QCommandLineOption staffKey{u"staff-key"_s,
                                QCoreApplication::translate("main", "Sign in as staff with this key (or BOXOFFICE_STAFF_KEY), "
                                                                    "the server's administrator: the dashboard opens at start."),
                                u"KEY"_s};
    QCommandLineOption staff{u"staff"_s, QCoreApplication::translate("main", "Staff mode: open the dashboard at start (asks "
                                                                             "you to sign in unless the server is the local "
                                                                             "one).")};
    QCommandLineOption idleSignOut{u"idle-sign-out"_s,
                                   QCoreApplication::translate("main", "Sign staff out after MINUTES without input (0: "
                                                                       "never; default: staff/idleSignOutMinutes in "
                                                                       "client.ini, else 15)."),
                                   u"MINUTES"_s};
    QCommandLineOption qa{u"qa"_s, QCoreApplication::translate("main", "Open the QA tools at start.")};
    QCommandLineOption kiosk{u"kiosk"_s, QCoreApplication::translate("main", "Kiosk mode: full screen, touch sized, resets "
                                                                             "itself when left alone; leave with the staff PIN.")};
    QCommandLineOption pin{u"kiosk-pin"_s,
                           QCoreApplication::translate("main", "The staff PIN that leaves kiosk mode (or BOXOFFICE_KIOSK_PIN; "
                                                               "4 to 12 digits)."),
                           u"PIN"_s};
    QCommandLineOption idle{u"kiosk-idle"_s,
                            QCoreApplication::translate("main", "Kiosk: seconds without a touch before \"are you still "
                                                                "there?\" (default 60)."),
                            u"SECONDS"_s, u"60"_s};
    QCommandLineOption printer{u"kiosk-printer"_s,
                               QCoreApplication::translate("main", "Kiosk: print tickets on this printer without a dialog (a "
                                                                   "printer's name, or file:PATH.pdf). Without it the kiosk "
                                                                   "shows the ticket's code on screen."),
                               u"NAME"_s};

    explicit Options(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(QCoreApplication::translate("main", "BoxOffice: concert box office client."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({server, ca, screenshot, lang, staffKey, staff, idleSignOut, qa, kiosk, pin, idle, printer});
    }
};

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(u"BoxOffice"_s);
    QCoreApplication::setApplicationName(u"boxoffice"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
}

// --help and --version need no display: answered here, before there is a
// QApplication (which cannot start without one). Returns only when neither is asked.
void answerHelpAndVersion(int argc, char *argv[])
{
    QCoreApplication core(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    {
        QCommandLineParser parser;
        const Options untranslated(parser);
        parser.parse(arguments);  // errors (Qt's own options among them) are for later
        static const QStringList asks{u"h"_s, u"?"_s, u"help"_s, u"help-all"_s, u"v"_s, u"version"_s};
        const QStringList given = parser.optionNames();
        if (std::none_of(given.begin(), given.end(), [](const QString &name) { return asks.contains(name); }))
            return;
    }
    const QString language = chooseLanguage(arguments);
    if (language != u"ko" && language != u"en") {
        std::fprintf(stderr, "boxoffice: --lang is ko or en, got \"%s\"\n", qPrintable(language));
        std::exit(2);
    }
    installTranslations(language);
    setApplicationNames();
    QCommandLineParser parser;
    const Options options(parser);
    parser.process(arguments);  // prints and exits
    std::exit(0);
}

} // namespace

int main(int argc, char *argv[])
{
    answerHelpAndVersion(argc, argv);
    QApplication app(argc, argv);
    // The language first: the command line's own messages are translated too.
    const QString language = chooseLanguage(app.arguments());
    if (language != u"ko" && language != u"en") {
        std::fprintf(stderr, "boxoffice: --lang is ko or en, got \"%s\"\n", qPrintable(language));
        return 2;
    }
    installTranslations(language);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "BoxOffice"));
    QApplication::setDesktopFileName(u"org.boxoffice.BoxOffice"_s);  // packaging/: the window's desktop entry and icon

    QCommandLineParser parser;
    const Options o(parser);
    parser.process(app);

    ClientOptions options;
    options.dataDirectory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (parser.isSet(o.server)) {
        const QUrl url = QUrl::fromUserInput(parser.value(o.server));
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
            std::fprintf(stderr, "boxoffice: --server needs an http(s) URL, got \"%s\"\n",
                         qPrintable(parser.value(o.server)));
            return 2;
        }
        options.server = url;
    }

    if (parser.isSet(o.ca)) {
        if (auto failed = TlsTrust::pinCertificateAuthority(parser.value(o.ca))) {
            std::fprintf(stderr, "boxoffice: %s\n", qPrintable(*failed));
            return 2;
        }
    }

    options.staffKey = parser.isSet(o.staffKey) ? parser.value(o.staffKey)
                                                    : qEnvironmentVariable("BOXOFFICE_STAFF_KEY");
    if (parser.isSet(o.idleSignOut)) {
        bool ok = false;
        const int minutes = parser.value(o.idleSignOut).toInt(&ok);
        if (!ok || minutes < 0 || minutes > 24 * 60) {
            std::fprintf(stderr, "boxoffice: --idle-sign-out is 0 to 1440 minutes\n");
            return 2;
        }
        options.idleSignOutMinutes = minutes;
    }

    std::optional<KioskOptions> kiosk;
    if (parser.isSet(o.kiosk)) {
        KioskOptions k;
        k.pin = parser.isSet(o.pin) ? parser.value(o.pin) : qEnvironmentVariable("BOXOFFICE_KIOSK_PIN");
        static const QRegularExpression digits(u"^[0-9]{4,12}$"_s);
        if (!digits.match(k.pin).hasMatch()) {
            std::fprintf(stderr, "boxoffice: --kiosk needs a staff PIN of 4 to 12 digits (--kiosk-pin or "
                                 "BOXOFFICE_KIOSK_PIN)\n");
            return 2;
        }
        bool ok = false;
        k.idleSeconds = parser.value(o.idle).toInt(&ok);
        if (!ok || k.idleSeconds < 5 || k.idleSeconds > 3600) {
            std::fprintf(stderr, "boxoffice: --kiosk-idle is 5 to 3600 seconds\n");
            return 2;
        }
        k.printer = parser.value(o.printer);
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
    const bool openDashboard = parser.isSet(o.staff) || parser.isSet(o.staffKey);
    const bool openQa = parser.isSet(o.qa);
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
    if (parser.isSet(o.screenshot)) {
        const QString file = parser.value(o.screenshot);
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
