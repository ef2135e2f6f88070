// Staff accounts in the client, offscreen, against a real server (its staff key is the
// bootstrap admin that makes the accounts): sign-in with a login and PIN (the status bar
// names the person; a wrong PIN is said in the dialog and cleared; a locked login says
// for how long), the on-screen keypad, the staff key behind "Use a staff key", menus and
// dashboard controls per role, sign-out closing the staff windows and ending the
// session, the idle sign-out (a short limit, and an injected clock), a 401 from the
// server (a deactivated account) signing out, the accounts window (add, a taken login,
// a PIN the server refuses, edit, deactivate, reactivate) and the audit window (filters
// by person and action, the CSV export read back). BOXOFFICE_SCREENSHOTS=DIR saves them.
#include "testsupport.h"
#include "uitestsupport.h"

#include "app/accountscontroller.h"
#include "app/apiclient.h"
#include "app/auditcontroller.h"
#include "app/boxofficeapp.h"
#include "app/signincontroller.h"
#include "app/staffcontroller.h"
#include "models/auditlogmodel.h"
#include "models/staffaccountmodel.h"
#include "ui/auditlogview.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"
#include "ui/staffaccountdialog.h"
#include "ui/staffaccountsview.h"
#include "ui/staffdashboard.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers Key{{"Authorization", "Bearer test-staff-key"}, {"Content-Type", "application/json"}};

QString translated(const char *context, const char *text, int n = -1)
{
    return QCoreApplication::translate(context, text, nullptr, n);
}

// RFC 4180 records (quoted fields with doubled quotes, CRLF or LF line ends).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

} // namespace

class TestStaffAccounts : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;
    QTemporaryDir m_data;
    int m_logins = 0;

    // A new account made through the API with the staff key; its id.
    QString addAccount(const QString &login, const QString &name, const QString &role, const QString &pin)
    {
        const HttpResult r = addStaffAccount(m_network, *m_server, Key, login, name, role, pin);
        if (r.status != 201)
            qWarning() << "cannot add" << login << r.status << r.body;
        return r.json()[u"id"_s].toString();
    }
    QJsonObject serverAccount(const QString &id)
    {
        const auto list = http(m_network, "GET", m_server->at(u"/api/v1/admin/staff"_s), {}, Key).json()[u"staff"_s];
        for (const QJsonValue &a : list.toArray())
            if (a[u"id"_s].toString() == id)
                return a.toObject();
        return {};
    }
    // A login no other test used (the server keeps accounts for the whole run).
    QString uniqueLogin(const QString &stem) { return stem + QString::number(++m_logins); }

    // A client with no staff key: signed out until someone signs in. Its own data
    // directory, so each test starts from its own client.ini.
    std::unique_ptr<BoxOfficeApp> startApp(const QString &key = {}, QTemporaryDir *data = nullptr)
    {
        auto app = std::make_unique<BoxOfficeApp>(
            ClientOptions{m_server->url, data ? data->path() : m_data.path(), key});
        QSignalSpy loaded(app.get(), &BoxOfficeApp::concertsLoaded);
        app->start();
        [&] { QVERIFY(loaded.wait(10000)); }();
        if (!key.isEmpty())
            [&] { QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000); }();
        return app;
    }
    static SignInDialog *openDialog(BoxOfficeApp *app)
    {
        app->signIn();
        SignInDialog *dialog = app->staffSignIn()->dialog();
        [&] {
            QVERIFY(dialog);
            QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 5000);
        }();
        return dialog;
    }
    // Types the login and PIN into the dialog and presses Sign in.
    static void submit(SignInDialog *dialog, const QString &login, const QString &pin)
    {
        auto *loginEdit = dialog->findChild<QLineEdit *>(u"loginEdit"_s);
        loginEdit->clear();
        QTest::keyClicks(loginEdit, login);
        auto *pinEdit = dialog->findChild<QLineEdit *>(u"pinEdit"_s);
        pinEdit->clear();
        QTest::keyClicks(pinEdit, pin);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
    }
    static void signIn(BoxOfficeApp *app, const QString &login, const QString &pin)
    {
        SignInDialog *dialog = openDialog(app);
        if (QTest::currentTestFailed())
            return;
        submit(dialog, login, pin);
        QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000);
    }
    static bool visible(BoxOfficeApp *app, const char *action)
    {
        return app->window()->findChild<QAction *>(QString::fromLatin1(action))->isVisible();
    }
    static QString staffLabel(BoxOfficeApp *app)
    {
        return app->window()->findChild<QLabel *>(u"staffLabel"_s)->text();
    }
    static QString signedInAs(const QString &name, StaffRole role)
    {
        return translated("BoxOffice::MainWindow", "Signed in: %1 (%2)")
            .arg(name, QLocale().toLower(StaffAccountModel::roleText(role)));
    }
    // The question a window asks (No by default), answered with `answer`.
    static void answer(QWidget *parent, QMessageBox::StandardButton answer)
    {
        QPointer<QMessageBox> box;
        QTRY_VERIFY_WITH_TIMEOUT((box = parent->findChild<QMessageBox *>()) && box->isVisible(), 5000);
        QCOMPARE(box->standardButton(box->defaultButton()), QMessageBox::No);
        QTest::mouseClick(box->button(answer), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!box, 5000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTestLanguage();
        QStandardPaths::setTestModeEnabled(true);
        m_server = TestServer::start(u"sqlite"_s);
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
    }

    void signIn_rightPin_namesThePersonAndKeepsNoSecret()
    {
        const QString login = uniqueLogin(u"minji"_s);
        addAccount(login, u"Kim Minji"_s, u"clerk"_s, u"135792"_s);
        QTemporaryDir data;
        auto app = startApp({}, &data);
        // Signed out: the Staff menu offers only Sign in.
        QVERIFY(!app->staffSignIn()->isSignedIn());
        QVERIFY(visible(app.get(), "signInAction"));
        for (const char *action : {"signOutAction", "dashboardAction", "qaToolsAction", "auditAction", "accountsAction"})
            QVERIFY2(!visible(app.get(), action), action);
        QCOMPARE(staffLabel(app.get()), translated("BoxOffice::MainWindow", "Staff: not signed in"));

        SignInDialog *dialog = openDialog(app.get());
        QVERIFY(!QTest::currentTestFailed());
        auto *pin = dialog->findChild<QLineEdit *>(u"pinEdit"_s);
        QCOMPARE(pin->echoMode(), QLineEdit::Password);
        // Digits only, at most 12.
        QTest::keyClicks(pin, u"12ab34567890123"_s);
        QCOMPARE(pin->text(), u"123456789012"_s);
        screenshot(dialog, u"staff-signin"_s);
        submit(dialog, login, u"135792"_s);
        QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!app->staffSignIn()->dialog(), 5000);  // closed
        QCOMPARE(app->staffSignIn()->staff()->login, login);
        QCOMPARE(app->staffSignIn()->staff()->role, StaffRole::Clerk);
        QCOMPARE(staffLabel(app.get()), signedInAs(u"Kim Minji"_s, StaffRole::Clerk));
        // The credential is the session's token: not the PIN, and kept nowhere on disk.
        const QString token = app->api()->staffCredential();
        QVERIFY(token.size() >= 22);
        QVERIFY(token != u"135792");
        app->settings()->sync();
        QFile ini(app->settings()->fileName());
        if (ini.open(QIODevice::ReadOnly)) {
            const QByteArray saved = ini.readAll();
            QVERIFY(!saved.contains(token.toUtf8()));
            QVERIFY(!saved.contains("135792"));
        }
        // The server knows the session.
        const HttpResult current = http(m_network, "GET", m_server->at(u"/api/v1/staff/sessions/current"_s), {},
                                        {{"Authorization", "Bearer " + token.toUtf8()}});
        QCOMPARE(current.status, 200);
        QCOMPARE(current.json()[u"staff"_s][u"login"_s].toString(), login);

        // Sign out: the menus go back, the credential is forgotten, the session ends.
        QVERIFY(visible(app.get(), "signOutAction"));
        app->window()->findChild<QAction *>(u"signOutAction"_s)->trigger();
        QVERIFY(!app->staffSignIn()->isSignedIn());
        QVERIFY(!app->api()->hasStaffCredential());
        QVERIFY(visible(app.get(), "signInAction"));
        QVERIFY(!visible(app.get(), "dashboardAction"));
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", m_server->at(u"/api/v1/staff/sessions/current"_s), {},
                                       {{"Authorization", "Bearer " + token.toUtf8()}})
                                      .status,
                                  401, 10000);
    }

    void signIn_wrongPin_isSaidInTheDialogAndCleared()
    {
        const QString login = uniqueLogin(u"seojun"_s);
        addAccount(login, u"Lee Seojun"_s, u"clerk"_s, u"2468"_s);
        auto app = startApp();
        SignInDialog *dialog = openDialog(app.get());
        QVERIFY(!QTest::currentTestFailed());
        submit(dialog, login, u"9999"_s);
        const QString wrong = translated("BoxOffice::SignInController", "Wrong login or PIN.");
        QTRY_COMPARE_WITH_TIMEOUT(dialog->message(), wrong, 10000);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLineEdit *>(u"pinEdit"_s)->text().isEmpty());
        QCOMPARE(dialog->findChild<QLineEdit *>(u"loginEdit"_s)->text(), login);  // kept for the next try
        QVERIFY(!app->staffSignIn()->isSignedIn());
        QVERIFY(!app->api()->hasStaffCredential());
        // An unknown login reads the same.
        submit(dialog, u"nobody-here"_s, u"2468"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPushButton *>(u"signInButton"_s)->text()
                                     == translated("BoxOffice::SignInDialog", "Sign in"),
                                 10000);
        QCOMPARE(dialog->message(), wrong);
        // And then the right one.
        submit(dialog, login, u"2468"_s);
        QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000);
    }

    void signIn_lockedLogin_saysForHowLong()
    {
        const QString login = uniqueLogin(u"locked"_s);
        addAccount(login, u"Locked Out"_s, u"clerk"_s, u"1111"_s);
        // Five wrong PINs in a row lock the login.
        for (int i = 0; i < 5; ++i)
            http(m_network, "POST", m_server->at(u"/api/v1/staff/sessions"_s),
                 QJsonDocument(QJsonObject{{u"login"_s, login}, {u"pin"_s, u"0000"_s}}).toJson(),
                 {{"Content-Type", "application/json"}});
        auto app = startApp();
        SignInDialog *dialog = openDialog(app.get());
        QVERIFY(!QTest::currentTestFailed());
        submit(dialog, login, u"1111"_s);  // the right PIN, but locked
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->message().isEmpty(), 10000);
        const QString message = dialog->message();
        int seconds = 0;
        for (int n = 1; n <= 600 && !seconds; ++n)
            if (message == translated("BoxOffice::SignInController",
                              "Too many failed sign-ins: this login is locked for %n second(s).", n))
                seconds = n;
        QVERIFY2(seconds >= 60 && seconds <= 300, qPrintable(message));  // Retry-After, at least a minute
        QVERIFY(!app->staffSignIn()->isSignedIn());
        QVERIFY(dialog->findChild<QLineEdit *>(u"pinEdit"_s)->text().isEmpty());
    }

    void keypad_onTouchScreensAndKiosks_typesThePin()
    {
        const QString login = uniqueLogin(u"tap"_s);
        addAccount(login, u"Choi Tap"_s, u"clerk"_s, u"1357"_s);
        QTemporaryDir data;
        auto app = startApp({}, &data);
        // The setting decides first.
        app->settings()->setValue(u"staff/onScreenKeypad"_s, false);
        SignInDialog *dialog = openDialog(app.get());
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(!dialog->isKeypadVisible());
        dialog->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!app->staffSignIn()->dialog(), 5000);
        app->settings()->setValue(u"staff/onScreenKeypad"_s, true);
        dialog = openDialog(app.get());
        QVERIFY(dialog->isKeypadVisible());
        dialog->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!app->staffSignIn()->dialog(), 5000);
        // Unset ("auto"): a kiosk has it (and so would a touch screen).
        app->settings()->remove(u"staff/onScreenKeypad"_s);
        app->setKioskMode(true);
        QVERIFY(app->staffSignIn()->wantsKeypad());
        dialog = openDialog(app.get());
        QVERIFY(dialog->isKeypadVisible());
        auto *pin = dialog->findChild<QLineEdit *>(u"pinEdit"_s);
        auto press = [dialog](const char *key) {
            auto *b = dialog->findChild<QPushButton *>(QString::fromLatin1(key));
            QVERIFY2(b, key);
            QVERIFY(b->minimumHeight() >= 44 && b->minimumWidth() >= 44);  // touch sized
            QTest::mouseClick(b, Qt::LeftButton);
        };
        for (const char *key : {"key9", "key9", "keyClear", "key1", "key3", "key5", "key8", "keyBackspace", "key7"})
            press(key);
        QCOMPARE(pin->text(), u"1357"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"loginEdit"_s), login);
        screenshot(dialog, u"staff-signin-keypad"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000);
    }

    void staffKey_signsInAsTheBootstrapAdmin()
    {
        auto app = startApp();
        SignInDialog *dialog = openDialog(app.get());
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(!dialog->findChild<QPushButton *>(u"localKeyButton"_s)->isVisibleTo(dialog));  // not the embedded server
        dialog->findChild<QCheckBox *>(u"useStaffKey"_s)->setChecked(true);
        auto *key = dialog->findChild<QLineEdit *>(u"staffKeyEdit"_s);
        QVERIFY(key->isVisible());
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QTest::keyClicks(key, u"not-the-key"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->message(),
                                  translated("BoxOffice::SignInController", "This staff key is not valid on this server."), 10000);
        QVERIFY(key->text().isEmpty());
        QTest::keyClicks(key, u"test-staff-key"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000);
        QVERIFY(app->staffSignIn()->staff()->isStaffKey());
        QCOMPARE(app->staffSignIn()->staff()->role, StaffRole::Admin);
        QCOMPARE(staffLabel(app.get()), signedInAs(translated("BoxOffice::MainWindow", "Staff key"), StaffRole::Admin));
        QVERIFY(visible(app.get(), "accountsAction"));
    }

    void roles_menusAndDashboardFollowTheRole_data()
    {
        QTest::addColumn<QString>("role");
        QTest::newRow("clerk") << u"clerk"_s;
        QTest::newRow("manager") << u"manager"_s;
        QTest::newRow("admin") << u"admin"_s;
    }
    void roles_menusAndDashboardFollowTheRole()
    {
        QFETCH(QString, role);
        const QString login = uniqueLogin(role);
        addAccount(login, u"Role "_s + role, role, u"8642"_s);
        auto app = startApp();
        signIn(app.get(), login, u"8642"_s);
        QVERIFY(!QTest::currentTestFailed());
        const bool manager = role != u"clerk";
        const bool admin = role == u"admin";
        QVERIFY(!visible(app.get(), "signInAction"));
        QVERIFY(visible(app.get(), "signOutAction"));
        QVERIFY(visible(app.get(), "dashboardAction"));
        QCOMPARE(visible(app.get(), "qaToolsAction"), manager);
        QCOMPARE(visible(app.get(), "auditAction"), manager);
        QCOMPARE(visible(app.get(), "accountsAction"), admin);

        app->showStaffDashboard();
        QVERIFY(app->staff());
        StaffDashboard *dashboard = app->staff()->dashboard();
        QVERIFY(dashboard->isVisible());
        QVERIFY(dashboard->findChild<QPushButton *>(u"counterSaleButton"_s)->isVisibleTo(dashboard));
        QVERIFY(dashboard->findChild<QPushButton *>(u"showHoldsButton"_s)->isVisibleTo(dashboard));
        QCOMPARE(dashboard->findChild<QGroupBox *>(u"waitingRoomBox"_s)->isVisibleTo(dashboard), manager);
        QCOMPARE(dashboard->findChild<QPushButton *>(u"pauseButton"_s)->isVisibleTo(dashboard), manager);
        QCOMPARE(dashboard->findChild<QPushButton *>(u"forceReleaseButton"_s)->isVisibleTo(dashboard), manager);
        // The clerk's reads work (queue stats are a clerk's).
        QSignalSpy refreshed(app->staff(), &StaffController::refreshed);
        QVERIFY(refreshed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(app->staff()->model()->stats(u"trot-king"_s).has_value(), 10000);
        if (role == u"clerk")
            screenshot(dashboard, u"staff-dashboard-clerk"_s);
        // Windows above the role do not open.
        app->showQaTools();
        QCOMPARE(app->qa() != nullptr, manager);
        app->showAuditLog();
        QCOMPARE(app->audit() != nullptr, manager);
        app->showAccounts();
        QCOMPARE(app->accounts() != nullptr, admin);

        // Signing out closes every staff window.
        QPointer<StaffDashboard> dashboardAlive = dashboard;
        app->signOut();
        QVERIFY(!app->staff() && !app->qa() && !app->audit() && !app->accounts());
        QVERIFY(!dashboard->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dashboardAlive, 5000);  // and they are gone
        QVERIFY(visible(app.get(), "signInAction"));
        for (const char *action : {"signOutAction", "dashboardAction", "qaToolsAction", "auditAction", "accountsAction"})
            QVERIFY2(!visible(app.get(), action), action);
    }

    void idle_signsOutAfterTheIdleTime()
    {
        const QString login = uniqueLogin(u"idle"_s);
        addAccount(login, u"Idle Person"_s, u"manager"_s, u"5555"_s);
        auto app = startApp();
        SignInController *session = app->staffSignIn();
        QCOMPARE(session->idleTimeout(), std::chrono::milliseconds(std::chrono::minutes(15)));  // the default
        session->setIdleTimeout(std::chrono::milliseconds(300));
        signIn(app.get(), login, u"5555"_s);
        QVERIFY(!QTest::currentTestFailed());
        app->showStaffDashboard();
        QVERIFY(app->staff());
        const QString token = app->api()->staffCredential();
        QSignalSpy signedOut(session, &SignInController::signedOut);
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 10000);
        QCOMPARE(signedOut.first().first().value<SignInController::SignOutReason>(), SignInController::SignOutReason::Idle);
        QVERIFY(!app->staff());
        QVERIFY(!app->api()->hasStaffCredential());
        QCOMPARE(staffLabel(app.get()), translated("BoxOffice::SignInController", "Signed out after %n minute(s) without use.", 1));
        // The session ended on the server too.
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", m_server->at(u"/api/v1/staff/sessions/current"_s), {},
                                       {{"Authorization", "Bearer " + token.toUtf8()}})
                                      .status,
                                  401, 10000);
    }

    void idle_anyInputStartsTheTimeAgain()
    {
        const QString login = uniqueLogin(u"busy"_s);
        addAccount(login, u"Busy Person"_s, u"clerk"_s, u"5656"_s);
        auto app = startApp();
        SignInController *session = app->staffSignIn();
        qint64 now = 0;
        session->setIdleClock([&now] { return now; });
        session->setIdleTimeout(std::chrono::milliseconds(1000));
        session->setIdleCheckInterval(std::chrono::hours(1));  // only the checks below
        app->window()->show();
        signIn(app.get(), login, u"5656"_s);
        QVERIFY(!QTest::currentTestFailed());
        now = 600;
        session->checkIdle();
        QVERIFY(session->isSignedIn());
        QTest::keyClick(app->window(), Qt::Key_Shift);  // input: the hour starts again at 600
        now = 1500;
        session->checkIdle();
        QVERIFY(session->isSignedIn());
        QTest::mouseMove(app->window(), QPoint(40, 40));
        now = 2400;
        session->checkIdle();
        QVERIFY(session->isSignedIn());
        now = 2500;  // a full second after the last input
        session->checkIdle();
        QVERIFY(!session->isSignedIn());

        // The limit comes from client.ini, or the command line, which wins; 0 is never.
        QTemporaryDir data;
        {
            QSettings ini(data.filePath(u"client.ini"_s), QSettings::IniFormat);
            ini.setValue(u"staff/idleSignOutMinutes"_s, 7);
        }
        BoxOfficeApp fromIni(ClientOptions{m_server->url, data.path(), {}});
        QCOMPARE(fromIni.staffSignIn()->idleTimeout(), std::chrono::milliseconds(std::chrono::minutes(7)));
        ClientOptions never{m_server->url, data.path(), {}};
        never.idleSignOutMinutes = 0;
        BoxOfficeApp fromOption(never);
        QCOMPARE(fromOption.staffSignIn()->idleTimeout().count(), 0);
    }

    void serverRefusal_deactivatedAccount_signsOut()
    {
        const QString login = uniqueLogin(u"gone"_s);
        const QString id = addAccount(login, u"Soon Gone"_s, u"clerk"_s, u"7777"_s);
        auto app = startApp();
        signIn(app.get(), login, u"7777"_s);
        QVERIFY(!QTest::currentTestFailed());
        app->showStaffDashboard();
        app->staff()->setInterval(std::chrono::milliseconds(100));
        QSignalSpy signedOut(app->staffSignIn(), &SignInController::signedOut);
        // An admin deactivates the account: its session stops working at once.
        QCOMPARE(http(m_network, "PATCH", m_server->at(u"/api/v1/admin/staff/"_s + id), R"({"active":false})", Key).status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 10000);  // (the answer may come while the PATCH is out)
        QCOMPARE(signedOut.first().first().value<SignInController::SignOutReason>(),
                 SignInController::SignOutReason::Rejected);
        QVERIFY(!app->staff());
        QVERIFY(!app->api()->hasStaffCredential());
        QCOMPARE(staffLabel(app.get()),
                 translated("BoxOffice::SignInController",
                            "Signed out: this sign-in has ended (expired, signed out elsewhere, or deactivated)."));
        QVERIFY(visible(app.get(), "signInAction"));
    }

    void recheck_followsARoleChangeAndNoticesASessionEndedElsewhere()
    {
        const QString login = uniqueLogin(u"demoted"_s);
        const QString id = addAccount(login, u"Soon Clerk"_s, u"manager"_s, u"1470"_s);
        auto app = startApp();
        signIn(app.get(), login, u"1470"_s);
        QVERIFY(!QTest::currentTestFailed());
        app->showStaffDashboard();
        app->showAuditLog();
        QVERIFY(app->audit());
        QVERIFY(visible(app.get(), "auditAction"));
        // An admin makes the manager a clerk: the next read of who is signed in says so.
        QCOMPARE(http(m_network, "PATCH", m_server->at(u"/api/v1/admin/staff/"_s + id), R"({"role":"clerk"})", Key).status,
                 200);
        QSignalSpy updated(app->staffSignIn(), &SignInController::staffUpdated);
        app->staffSignIn()->recheck();
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, 10000);
        QCOMPARE(app->staffSignIn()->staff()->role, StaffRole::Clerk);
        QCOMPARE(staffLabel(app.get()), signedInAs(u"Soon Clerk"_s, StaffRole::Clerk));
        QVERIFY(!visible(app.get(), "auditAction"));
        QVERIFY(!app->audit());  // closed: above the role now
        QVERIFY(app->staff());   // the dashboard stays, without the manager's controls
        QVERIFY(!app->staff()->dashboard()->findChild<QGroupBox *>(u"waitingRoomBox"_s)->isVisibleTo(app->staff()->dashboard()));
        // The session signed out elsewhere (the token's own DELETE): noticed at the next read.
        QCOMPARE(http(m_network, "DELETE", m_server->at(u"/api/v1/staff/sessions/current"_s), {},
                      {{"Authorization", "Bearer " + app->api()->staffCredential().toUtf8()}})
                     .status,
                 204);
        app->staff()->setInterval(std::chrono::hours(1));  // not the dashboard's reads: the recheck's
        QSignalSpy signedOut(app->staffSignIn(), &SignInController::signedOut);
        app->staffSignIn()->recheck();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 10000);
        QCOMPARE(signedOut.first().first().value<SignInController::SignOutReason>(),
                 SignInController::SignOutReason::Rejected);
        QVERIFY(!app->staff());
    }

    void accounts_addEditDeactivateAndTheServersRefusals()
    {
        auto app = startApp(u"test-staff-key"_s);  // the bootstrap admin
        app->showAccounts();
        AccountsController *accounts = app->accounts();
        QVERIFY(accounts);
        QAbstractItemModelTester accountsTester(accounts->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(accounts->model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(accounts->model(), &QAbstractItemModel::dataChanged);
        QSignalSpy refreshed(accounts, &AccountsController::refreshed);
        QVERIFY(refreshed.wait(10000));
        StaffAccountsView *view = accounts->view();
        QVERIFY(view->isVisible());
        const int before = accounts->model()->rowCount();

        // Add a clerk.
        const QString login = uniqueLogin(u"jiho"_s);
        QTest::mouseClick(view->findChild<QPushButton *>(u"addAccountButton"_s), Qt::LeftButton);
        QPointer<StaffAccountDialog> dialog = view->editDialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 5000);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"loginEdit"_s), login);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Park Jiho"_s);
        auto *roleCombo = dialog->findChild<QComboBox *>(u"roleCombo"_s);
        roleCombo->setCurrentIndex(roleCombo->findData(u"clerk"_s));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"pinEdit"_s), u"4321"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"pinAgainEdit"_s), u"4312"_s);
        auto *save = dialog->findChild<QPushButton *>(u"saveAccountButton"_s);
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(dialog->error(), translated("BoxOffice::StaffAccountDialog", "The two PINs are not the same."));
        dialog->findChild<QLineEdit *>(u"pinAgainEdit"_s)->clear();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"pinAgainEdit"_s), u"4321"_s);
        QSignalSpy saved(accounts, &AccountsController::saved);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 5000);  // closed on success
        QCOMPARE(accounts->model()->rowCount(), before + 1);
        QCOMPARE(inserted.size(), 1);  // one row added, not a reset
        const StaffAccount added = saved.first().first().value<StaffAccount>();
        QCOMPARE(added.login, login);
        QCOMPARE(added.role, StaffRole::Clerk);
        QCOMPARE(serverAccount(*added.id)[u"name"_s].toString(), u"Park Jiho"_s);

        // The same login again: the server's 409, said in the dialog, which stays open.
        QTest::mouseClick(view->findChild<QPushButton *>(u"addAccountButton"_s), Qt::LeftButton);
        dialog = view->editDialog();
        QTRY_VERIFY_WITH_TIMEOUT(dialog && dialog->isVisible(), 5000);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"loginEdit"_s), login);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Another Jiho"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"pinEdit"_s), u"9876"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"pinAgainEdit"_s), u"9876"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveAccountButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->error(), translated("BoxOffice::AccountsController", "This login is taken: choose another."),
                                  10000);
        QVERIFY(dialog->isVisible());
        // A PIN the server refuses (the dialog checks PINs itself, so this one is sent as
        // the view would send it): its 400, said in the dialog.
        Q_EMIT view->addRequested(NewStaffAccount{uniqueLogin(u"short"_s), u"Short Pin"_s, StaffRole::Clerk, u"12"_s});
        QTRY_COMPARE_WITH_TIMEOUT(dialog->error(),
                                  translated("BoxOffice::AccountsController",
                                     "The server did not accept the PIN: it must be 4 to 12 digits."),
                                  10000);
        dialog->reject();
        QCOMPARE(accounts->model()->rowCount(), before + 1);

        // Edit: the clerk becomes a manager.
        view->select(*added.id);
        QCOMPARE(view->selected()->login, login);
        QTest::mouseClick(view->findChild<QPushButton *>(u"editAccountButton"_s), Qt::LeftButton);
        dialog = view->editDialog();
        QTRY_VERIFY_WITH_TIMEOUT(dialog && dialog->isVisible(), 5000);
        QVERIFY(dialog->findChild<QLineEdit *>(u"loginEdit"_s)->isReadOnly());
        roleCombo = dialog->findChild<QComboBox *>(u"roleCombo"_s);
        roleCombo->setCurrentIndex(roleCombo->findData(u"manager"_s));
        saved.clear();
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveAccountButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        const int row = accounts->model()->rowOf(*added.id);
        QCOMPARE(changed.size(), 1);  // that row, in place
        QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
        QCOMPARE(accounts->model()->accounts().at(row).role, StaffRole::Manager);
        QCOMPARE(accounts->model()->index(row, StaffAccountModel::RoleColumn).data().toString(),
                 StaffAccountModel::roleText(StaffRole::Manager));
        QCOMPARE(serverAccount(*added.id)[u"role"_s].toString(), u"manager"_s);
        // The PIN stays as it was: the account signs in with it.
        QCOMPARE(http(m_network, "POST", m_server->at(u"/api/v1/staff/sessions"_s),
                      QJsonDocument(QJsonObject{{u"login"_s, login}, {u"pin"_s, u"4321"_s}}).toJson(),
                      {{"Content-Type", "application/json"}})
                     .status,
                 201);
        screenshot(view, u"staff-accounts"_s);

        // Deactivate: asks first; No keeps it.
        view->select(*added.id);
        auto *active = view->findChild<QPushButton *>(u"activeButton"_s);
        QVERIFY(active->isEnabled());
        QTest::mouseClick(active, Qt::LeftButton);
        answer(view, QMessageBox::No);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(serverAccount(*added.id)[u"active"_s].toBool());
        QTest::mouseClick(active, Qt::LeftButton);
        saved.clear();
        answer(view, QMessageBox::Yes);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        QVERIFY(!accounts->model()->accounts().at(row).active);
        QVERIFY(!serverAccount(*added.id)[u"active"_s].toBool());
        QCOMPARE(accounts->model()->index(row, StaffAccountModel::ActiveColumn).data().toString(),
                 translated("BoxOffice::StaffAccountModel", "Deactivated"));
        // Reactivate: no question.
        view->select(*added.id);
        saved.clear();
        QTest::mouseClick(active, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        QVERIFY(accounts->model()->accounts().at(row).active);
        QVERIFY(serverAccount(*added.id)[u"active"_s].toBool());
    }

    void audit_filtersByPersonAndAction_andExportsCsv()
    {
        // Something to read: an account that signs in, fails once, and holds seats.
        const QString login = uniqueLogin(u"ara"_s);
        const QString id = addAccount(login, u"Han Ara"_s, u"clerk"_s, u"2580"_s);
        auto signInOverHttp = [this, &login](const QString &pin) {
            return http(m_network, "POST", m_server->at(u"/api/v1/staff/sessions"_s),
                        QJsonDocument(QJsonObject{{u"login"_s, login}, {u"pin"_s, pin}}).toJson(),
                        {{"Content-Type", "application/json"}});
        };
        QCOMPARE(signInOverHttp(u"0000"_s).status, 401);
        const QString token = signInOverHttp(u"2580"_s).json()[u"token"_s].toString();
        QVERIFY(!token.isEmpty());
        const auto layout = http(m_network, "GET", m_server->at(u"/api/v1/performances/jazz-after-dark-p1/layout"_s)).json();
        const qsizetype free = StaffView{m_network, *m_server}.seatLetters(u"jazz-after-dark-p1"_s).indexOf('A');
        QVERIFY(free >= 0);
        const QString seat = layout[u"seats"_s][int(free)][u"id"_s].toString();
        QCOMPARE(http(m_network, "POST", m_server->at(u"/api/v1/performances/jazz-after-dark-p1/holds"_s),
                      QJsonDocument(QJsonObject{{u"seats"_s, QJsonArray{seat}}}).toJson(),
                      {{"Authorization", "Bearer " + token.toUtf8()}, {"Content-Type", "application/json"}})
                     .status,
                 201);

        auto app = startApp(u"test-staff-key"_s);
        app->showAuditLog();
        AuditController *audit = app->audit();
        QVERIFY(audit);
        QSignalSpy refreshed(audit, &AuditController::refreshed);
        QVERIFY(refreshed.wait(10000));
        AuditLogView *view = audit->view();
        AuditLogModel *model = audit->model();
        QAbstractItemModelTester auditTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->rowCount() >= 4);
        // Newest first, times in the local zone and the locale's format.
        const auto &entries = model->entries();
        for (qsizetype i = 1; i < entries.size(); ++i)
            QVERIFY(entries[i - 1].at >= entries[i].at);
        const QLocale locale;
        QCOMPARE(model->index(0, AuditLogModel::TimeColumn).data().toString(),
                 locale.toString(entries[0].at.toLocalTime(),
                                 locale.dateFormat(QLocale::ShortFormat) + u' ' + locale.timeFormat(QLocale::LongFormat)));

        // Person: the admin sees the accounts; choosing one reads only theirs.
        auto *person = view->findChild<QComboBox *>(u"personCombo"_s);
        QTRY_VERIFY_WITH_TIMEOUT(person->findText(u"Han Ara (%1)"_s.arg(login)) >= 0, 10000);
        person->setCurrentIndex(person->findText(u"Han Ara (%1)"_s.arg(login)));
        QCOMPARE(view->query().staffId, id);
        refreshed.clear();
        QTest::mouseClick(view->findChild<QPushButton *>(u"refreshButton"_s), Qt::LeftButton);
        QVERIFY(refreshed.wait(10000));
        QStringList actions;
        for (const AuditEntry &e : model->entries()) {
            QCOMPARE(e.staffId, id);
            actions << e.action;
        }
        QVERIFY2(actions.contains(u"staff.sign_in"_s) && actions.contains(u"seats.hold"_s), qPrintable(actions.join(u' ')));
        screenshot(view, u"staff-audit"_s);

        // Any login typed, and an action: only that.
        person->setEditText(login);
        auto *action = view->findChild<QComboBox *>(u"actionCombo"_s);
        action->setCurrentIndex(action->findData(u"staff.sign_in_failed"_s));
        QCOMPARE(view->query().login, login);
        QVERIFY(!view->query().staffId);
        QCOMPARE(view->query().action, u"staff.sign_in_failed"_s);
        refreshed.clear();
        QTest::mouseClick(view->findChild<QPushButton *>(u"refreshButton"_s), Qt::LeftButton);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->entries().first().login, login);
        QCOMPARE(model->index(0, AuditLogModel::ActionColumn).data().toString(),
                 AuditLogModel::actionText(u"staff.sign_in_failed"_s));
        // A code typed in the action box works as well.
        action->setEditText(u"seats.hold"_s);
        QCOMPARE(view->query().action, u"seats.hold"_s);
        refreshed.clear();
        QTest::mouseClick(view->findChild<QPushButton *>(u"refreshButton"_s), Qt::LeftButton);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->entries().first().target.isEmpty(), false);

        // Everyone, every action, from an hour ago: the CSV of what is shown.
        person->setCurrentIndex(0);
        action->setCurrentIndex(0);
        view->findChild<QCheckBox *>(u"fromCheck"_s)->setChecked(true);
        view->findChild<QDateTimeEdit *>(u"fromEdit"_s)->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
        QVERIFY(view->query().from.has_value());
        refreshed.clear();
        QTest::mouseClick(view->findChild<QPushButton *>(u"refreshButton"_s), Qt::LeftButton);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(model->rowCount() >= 4);
        QVERIFY(view->findChild<QPushButton *>(u"exportButton"_s)->isVisibleTo(view));
        QTemporaryDir out;
        const QString path = out.filePath(u"audit.csv"_s);
        QVERIFY(audit->exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));  // UTF-8, marked for spreadsheets
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.mid(3)));
        QCOMPARE(rows.size(), model->rowCount() + 1);
        QCOMPARE(rows.first(), (QStringList{u"time"_s, u"login"_s, u"staffId"_s, u"action"_s, u"target"_s, u"details"_s}));
        for (int i = 0; i < model->rowCount(); ++i) {
            const AuditEntry &e = model->entries().at(i);
            const QStringList &r = rows.at(i + 1);
            QCOMPARE(r.size(), 6);
            QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d([+-]\\d\\d:\\d\\d|Z)$"_s).match(r[0]).hasMatch(),
                     qPrintable(r[0]));  // with its offset
            QCOMPARE(QDateTime::fromString(r[0], Qt::ISODate).toUTC(), e.at);
            QCOMPARE(r[1], e.login);
            QCOMPARE(r[2], e.staffId.value_or(QString()));
            QCOMPARE(r[3], e.action);
            QCOMPARE(r[4], e.target);
            QCOMPARE(QJsonDocument::fromJson(r[5].toUtf8()).object(), e.details);  // commas and quotes survived
        }

        // A manager (not an admin) picks from the logins seen; a kiosk offers no export.
        app->signOut();
        const QString managerLogin = uniqueLogin(u"boss"_s);
        addAccount(managerLogin, u"Jung Boss"_s, u"manager"_s, u"3690"_s);
        app->setKioskMode(true);
        signIn(app.get(), managerLogin, u"3690"_s);
        QVERIFY(!QTest::currentTestFailed());
        app->showAuditLog();
        audit = app->audit();
        QVERIFY(audit);
        QSignalSpy managerRead(audit, &AuditController::refreshed);
        QVERIFY(managerRead.wait(10000));
        person = audit->view()->findChild<QComboBox *>(u"personCombo"_s);
        QVERIFY(person->findText(login) >= 0);
        QVERIFY(person->findText(u"Han Ara (%1)"_s.arg(login)) < 0);
        QVERIFY(!audit->view()->findChild<QPushButton *>(u"exportButton"_s)->isVisibleTo(audit->view()));
    }
};

QTEST_MAIN(TestStaffAccounts)
#include "tst_staffaccounts.moc"
