// The box office's day in the client (issue 15), offscreen, against a real server: the
// door check-in window (a ticket's secret typed + Enter: green for a valid ticket, red
// for the same again with the time it went in, in the venue's zone; revoked after a
// reissue; refunded; wrong performance; unknown; the counts), the till (open with a
// float, a cash and a card counter sale by the same clerk counted, paid in and out, the
// X report's expected cash, close with the cash counted → the difference, 409s said
// plainly, the Z report as a PDF; an open till resumed), and seats not for sale (a
// manager takes seats off sale and puts them back, a 409 names the seat; hidden from a
// clerk). BOXOFFICE_SCREENSHOTS=DIR saves the windows.
#include "scriptednetwork.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include "app/apiclient.h"
#include "app/boxofficeapp.h"
#include "app/doorcontroller.h"
#include "app/notforsalecontroller.h"
#include "app/signincontroller.h"
#include "app/staffcontroller.h"
#include "app/tillcontroller.h"
#include "models/concertmodel.h"
#include "domain/venuetime.h"
#include "models/seatmapmodel.h"
#include "ui/cashreportdocument.h"
#include "ui/doorview.h"
#include "ui/mainwindow.h"
#include "ui/notforsaleview.h"
#include "ui/seatmapview.h"
#include "ui/signindialog.h"
#include "ui/staffdashboard.h"
#include "ui/tillview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QString translated(const char *context, const char *text, int n = -1)
{
    return QCoreApplication::translate(context, text, nullptr, n);
}

QString door(const char *text)
{
    return translated("BoxOffice::DoorView", text);
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestDoorTill : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;
    int m_logins = 0;
    QString m_performance, m_otherPerformance, m_timeZone;

    HttpResult call(const QByteArray &method, const QString &path, const QString &token = u"test-staff-key"_s,
                    const QByteArray &body = {})
    {
        Headers headers{{"Authorization", "Bearer " + token.toUtf8()}};
        if (!body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return http(m_network, method, m_server->at(path), body, headers);
    }
    // A new account (made with the staff key); its login. The PIN is 2468.
    QString addAccount(const QString &role)
    {
        const QString login = role + QString::number(++m_logins);
        const HttpResult r = call("POST", u"/api/v1/admin/staff"_s, u"test-staff-key"_s,
                                  json({{u"login"_s, login}, {u"name"_s, QString(u"Staff "_s + login)}, {u"role"_s, role},
                                        {u"pin"_s, u"2468"_s}}));
        if (r.status != 201)
            qWarning() << "cannot add" << login << r.status << r.body;
        return login;
    }
    // A session token of the account (its own, beside the client's).
    QString tokenOf(const QString &login)
    {
        return call("POST", u"/api/v1/staff/sessions"_s, {}, json({{u"login"_s, login}, {u"pin"_s, u"2468"_s}}))
            .json()[u"token"_s]
            .toString();
    }
    // A counter sale of `count` seats together, as `token`: the order.
    QJsonObject sell(const QString &token, int count, const QString &method = u"cash"_s, QString performance = {})
    {
        if (performance.isEmpty())
            performance = m_performance;
        const QJsonArray tiers = call("GET", u"/api/v1/performances/%1/layout"_s.arg(performance)).json()[u"tiers"_s].toArray();
        const HttpResult held = call("POST", u"/api/v1/performances/%1/holds"_s.arg(performance), token,
                                     json({{u"best"_s, QJsonObject{{u"count"_s, count}, {u"tier"_s, tiers.last()[u"id"_s]}}}}));
        if (held.status != 201) {
            qWarning() << "hold failed" << held.status << held.body;
            return {};
        }
        const HttpResult sold = call("POST", u"/api/v1/holds/%1/purchase"_s.arg(held.json()[u"holdId"_s].toString()),
                                     token, json({{u"payment"_s, QJsonObject{{u"method"_s, method}}}}));
        if (sold.status != 201)
            qWarning() << "purchase failed" << sold.status << sold.body;
        return sold.json().toObject();
    }

    std::unique_ptr<BoxOfficeApp> startApp(QTemporaryDir &data)
    {
        auto app = std::make_unique<BoxOfficeApp>(ClientOptions{m_server->url, data.path(), {}});
        QSignalSpy loaded(app.get(), &BoxOfficeApp::concertsLoaded);
        app->start();
        [&] { QVERIFY(loaded.wait(10000)); }();
        return app;
    }
    // Signs in through the dialog, as people do.
    static void signIn(BoxOfficeApp *app, const QString &login)
    {
        app->signIn();
        SignInDialog *dialog = app->staffSignIn()->dialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 5000);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"loginEdit"_s), login);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"pinEdit"_s), u"2468"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000);
    }
    static QAction *action(BoxOfficeApp *app, const char *name)
    {
        return app->window()->findChild<QAction *>(QString::fromLatin1(name));
    }
    static void answer(QWidget *parent, QMessageBox::StandardButton button)
    {
        QPointer<QMessageBox> box;
        QTRY_VERIFY_WITH_TIMEOUT((box = parent->findChild<QMessageBox *>()) && box->isVisible(), 5000);
        QCOMPARE(box->standardButton(box->defaultButton()), QMessageBox::No);
        QTest::mouseClick(box->button(button), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!box, 5000);
    }
    // Types a code into the door's field and presses Enter; waits for the answer.
    static void scan(DoorController *door, const QString &secret)
    {
        QSignalSpy answered(door, &DoorController::answered);
        auto *field = door->view()->findChild<QLineEdit *>(u"scanEdit"_s);
        QTest::keyClicks(field, secret);
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(field->text(), QString());  // cleared at once for the next scan
        QVERIFY(answered.wait(10000));
    }
    static void choose(QComboBox *combo, const QString &id)
    {
        const int index = combo->findData(id);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTestLanguage();
        QStandardPaths::setTestModeEnabled(true);
        m_server = TestServer::start(u"sqlite"_s);
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
        const QJsonArray concerts = call("GET", u"/api/v1/concerts"_s).json().toArray();
        QVERIFY(concerts.size() >= 2);
        m_performance = concerts[0][u"performances"_s][0][u"id"_s].toString();
        m_otherPerformance = concerts[1][u"performances"_s][0][u"id"_s].toString();
        m_timeZone = concerts[0][u"venue"_s][u"timeZone"_s].toString();
        QVERIFY(!m_performance.isEmpty() && !m_otherPerformance.isEmpty());
    }

    void codecs_checkInAndCashSession_roundTrip()
    {
        const CheckIn used{CheckIn::Verdict::AlreadyUsed,
                           Ticket{u"A-1-1"_s, u"Section A · Row 1 · Seat 1"_s, Money{55000, u"KRW"_s}, u"used"_s, u"s3cr3t"_s},
                           u"7K3M9QXZ"_s, QDateTime(QDate(2026, 11, 24), QTime(10, 5), Qt::UTC)};
        QCOMPARE(CheckIn::fromJson(used.toJson()).value(), used);
        QVERIFY(!CheckIn::fromJson(QJsonObject{{u"result"_s, u"maybe"_s}}));
        CashSession s;
        s.id = u"cs-1"_s;
        s.staff = StaffAccount{u"st-1"_s, u"minji"_s, u"Kim Minji"_s, StaffRole::Clerk, true};
        s.openedAt = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        s.closedAt = s.openedAt.addSecs(3600);
        s.openingFloat = Money{100000, u"KRW"_s};
        s.byMethod.insert(u"cash"_s, MethodTotals{Money{55000, u"KRW"_s}, Money{0, u"KRW"_s}, 1});
        s.movements.append(CashMovement{u"cm-1"_s, CashMovement::Kind::PaidOut, Money{2000, u"KRW"_s}, u"tape"_s,
                                        s.openedAt.addSecs(60), u"minji"_s});
        s.expectedCash = Money{153000, u"KRW"_s};
        s.countedCash = Money{152000, u"KRW"_s};
        s.difference = Money{-1000, u"KRW"_s};
        QCOMPARE(CashSession::fromJson(s.toJson()).value(), s);
        QCOMPARE(s.paidOut().amount, 2000);
        QCOMPARE(s.paidIn().amount, 0);
    }

private:
    template <typename T, typename Call> ApiResult<T> await(Call call)
    {
        std::optional<ApiResult<T>> result;
        call([&](const ApiResult<T> &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000); }();
        return result ? *result : ApiResult<T>(ApiError{});
    }

private Q_SLOTS:

    void apiClient_refusalsWithAReasonAreVerdicts_failuresStayErrors()
    {
        ScriptedNetwork network;
        ApiClient api(&network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        api.setStaffCredential(u"token"_s);
        auto scan = [&] {
            return await<CheckIn>([&](auto done) { api.checkIn(u"s3cr3t"_s, u"p1"_s, this, done); });
        };
        const QByteArray ticket = R"("ticket":{"seatId":"A-1-1","label":"Section A · Row 1 · Seat 1",)"
                                  R"("price":{"amount":55000,"currency":"KRW"},"state":"used","secret":"s3cr3t"})";
        network.route("POST", u"/api/v1/admin/checkins"_s,
                      {409, R"({"error":{"code":"conflict","message":"this ticket was used already",)"
                                R"("result":"already_used","usedAt":"2026-11-24T10:05:00Z","orderCode":"7K3M9QXZ",)" + ticket + "}}"});
        auto used = scan();
        QVERIFY(used.ok());
        QCOMPARE(used.value().verdict, CheckIn::Verdict::AlreadyUsed);
        QCOMPARE(*used.value().usedAt, QDateTime(QDate(2026, 11, 24), QTime(10, 5), Qt::UTC));
        QCOMPARE(used.value().ticket->seatId, u"A-1-1"_s);
        QCOMPARE(QJsonDocument::fromJson(network.requests.last().body).object(),
                 (QJsonObject{{u"secret"_s, u"s3cr3t"_s}, {u"performanceId"_s, u"p1"_s}}));
        QCOMPARE(network.requests.last().authorization, QByteArray("Bearer token"));
        network.route("POST", u"/api/v1/admin/checkins"_s,
                      {200, R"({"result":"valid","orderCode":"7K3M9QXZ",)" + ticket + "}"});
        QCOMPARE(scan().value().verdict, CheckIn::Verdict::Valid);
        network.route("POST", u"/api/v1/admin/checkins"_s,
                      {404, R"({"error":{"code":"not_found","message":"no such ticket"}})"});
        QCOMPARE(scan().value().verdict, CheckIn::Verdict::Unknown);
        // No verdict: a 409 without a result, a 503, no answer at all.
        network.route("POST", u"/api/v1/admin/checkins"_s, {409, R"({"error":{"code":"conflict","message":"?"}})"});
        QCOMPARE(scan().error().httpStatus, 409);
        network.route("POST", u"/api/v1/admin/checkins"_s, {503, R"({"error":{"code":"unavailable","message":"db"}})"});
        QCOMPARE(scan().error().httpStatus, 503);
        network.route("POST", u"/api/v1/admin/checkins"_s, {0, {}, QNetworkReply::ConnectionRefusedError});
        QVERIFY(scan().error().isUnreachable());
        // A 409 with a result the client does not know: not understood, not a guess.
        network.route("POST", u"/api/v1/admin/checkins"_s,
                      {409, R"({"error":{"code":"conflict","message":"?","result":"stolen"}})"});
        QCOMPARE(scan().error().kind, ApiError::Kind::Decode);

        // No till open: nothing, not an error; seats off sale say "X".
        network.route("GET", u"/api/v1/admin/cash-sessions/current"_s, {404, R"({"error":{"code":"not_found","message":"none"}})"});
        const auto none = await<std::optional<CashSession>>([&](auto done) { api.currentCashSession(this, done); });
        QVERIFY(none.ok());
        QVERIFY(!none.value());
        network.route("POST", u"/api/v1/admin/performances/p1/seats"_s,
                      {200, R"({"performanceId":"p1","version":42,"seats":["A-1-1"]})"});
        const auto version = await<qint64>([&](auto done) { api.setSeatsForSale(u"p1"_s, {u"A-1-1"_s}, false, this, done); });
        QCOMPARE(version.value(), 42);
        QCOMPARE(QJsonDocument::fromJson(network.requests.last().body).object().value(u"status"_s).toString(), u"X"_s);
    }

    void door_noAnswer_saysNotCheckedAndCountsNothing()
    {
        ScriptedNetwork network;
        network.next = {0, {}, QNetworkReply::ConnectionRefusedError};
        ApiClient api(&network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        ConcertModel concerts;
        Concert concert;
        concert.id = u"c1"_s;
        concert.title = u"Test concert"_s;
        concert.venue = VenueSummary{u"v1"_s, u"Hall"_s, 100, u"Asia/Seoul"_s};
        concert.performances.append(PerformanceSummary{u"p1"_s, QDateTime::currentDateTimeUtc().addSecs(3600),
                                                       QDateTime::currentDateTimeUtc().addDays(-1), 100, 100});
        concerts.setConcerts({concert});
        DoorController gate(&api, &concerts);
        gate.start();
        QCOMPARE(gate.view()->performanceId(), u"p1"_s);
        scan(&gate, u"s3cr3t"_s);
        QCOMPARE(gate.view()->answer(), DoorView::Answer::NotChecked);
        QCOMPARE(gate.view()->answerTitle(), door("NOT CHECKED"));
        QCOMPARE(gate.admitted(u"p1"_s) + gate.refused(u"p1"_s), 0);
    }

    void door_scans_greenThenRedWithTheReason()
    {
        const QString login = addAccount(u"clerk"_s);
        const QString token = tokenOf(login);
        const QJsonObject order = sell(token, 3);
        const QJsonArray tickets = order[u"tickets"_s].toArray();
        QCOMPARE(tickets.size(), 3);
        QTemporaryDir data;
        auto app = startApp(data);
        signIn(app.get(), login);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(action(app.get(), "doorAction")->isVisible());
        action(app.get(), "doorAction")->trigger();
        DoorController *doorWindow = app->door();
        QVERIFY(doorWindow);
        DoorView *view = doorWindow->view();
        QTRY_VERIFY(view->isVisible());
        choose(view->findChild<QComboBox *>(u"performanceCombo"_s), m_performance);
        QCOMPARE(view->performanceId(), m_performance);

        // A valid ticket: green, its seat and order.
        scan(doorWindow, tickets[0][u"secret"_s].toString());
        QCOMPARE(view->answer(), DoorView::Answer::Admitted);
        QCOMPARE(view->answerTitle(), door("ADMIT"));
        QVERIFY2(view->answerDetail().contains(tickets[0][u"label"_s].toString()), qPrintable(view->answerDetail()));
        QVERIFY(view->answerDetail().contains(order[u"code"_s].toString()));
        view->activateWindow();
        QTRY_VERIFY(view->findChild<QLineEdit *>(u"scanEdit"_s)->hasFocus());  // ready for the next one
        screenshot(view, u"door-valid"_s);

        // The same again: red, when it went in (in the venue's zone, not the machine's UTC).
        QSignalSpy answered(doorWindow, &DoorController::answered);
        scan(doorWindow, tickets[0][u"secret"_s].toString());
        QCOMPARE(view->answer(), DoorView::Answer::Refused);
        QCOMPARE(view->answerTitle(), door("ALREADY USED"));
        const HttpResult again = call("POST", u"/api/v1/admin/checkins"_s, token,
                                      json({{u"secret"_s, tickets[0][u"secret"_s]}, {u"performanceId"_s, m_performance}}));
        QCOMPARE(again.status, 409);
        const QDateTime usedAt = QDateTime::fromString(again.json()[u"error"_s][u"usedAt"_s].toString(), Qt::ISODate);
        QVERIFY(usedAt.isValid());
        const QString when = QLocale().toString(inVenueZone(usedAt, m_timeZone).time(), QLocale::ShortFormat);
        QVERIFY2(view->answerDetail().contains(door("This ticket went in at %1.").arg(when)), qPrintable(view->answerDetail()));
        screenshot(view, u"door-used"_s);

        // Reissued: the old secret is revoked.
        const HttpResult reissued = call("POST", u"/api/v1/admin/orders/%1/reissue"_s.arg(order[u"orderId"_s].toString()), token);
        QCOMPARE(reissued.status, 200);
        scan(doorWindow, tickets[1][u"secret"_s].toString());
        QCOMPARE(view->answerTitle(), door("REVOKED"));
        QCOMPARE(view->answer(), DoorView::Answer::Refused);
        QString fresh;
        for (const QJsonValue &t : reissued.json()[u"tickets"_s].toArray())
            if (t[u"seatId"_s] == tickets[2][u"seatId"_s])
                fresh = t[u"secret"_s].toString();
        QVERIFY(!fresh.isEmpty());

        // At the wrong performance's door: refused, and the ticket stays good for its own.
        choose(view->findChild<QComboBox *>(u"performanceCombo"_s), m_otherPerformance);
        scan(doorWindow, fresh);
        QCOMPARE(view->answerTitle(), door("WRONG PERFORMANCE"));
        choose(view->findChild<QComboBox *>(u"performanceCombo"_s), m_performance);
        scan(doorWindow, fresh);
        QCOMPARE(view->answerTitle(), door("ADMIT"));

        // Refunded.
        const QJsonObject refundedOrder = sell(token, 1);
        QCOMPARE(call("POST", u"/api/v1/admin/orders/%1/refunds"_s.arg(refundedOrder[u"orderId"_s].toString()),
                      u"test-staff-key"_s, json({{u"reason"_s, u"changed plans"_s}}))
                     .status,
                 201);
        scan(doorWindow, refundedOrder[u"tickets"_s][0][u"secret"_s].toString());
        QCOMPARE(view->answerTitle(), door("REFUNDED"));

        // Unknown.
        scan(doorWindow, u"not-a-ticket-at-all"_s);
        QCOMPARE(view->answerTitle(), door("UNKNOWN TICKET"));
        QCOMPARE(view->answer(), DoorView::Answer::Refused);

        // The counts: this performance 2 in, 4 refused; the other 1 refused.
        QCOMPARE(doorWindow->admitted(m_performance), 2);
        QCOMPARE(doorWindow->refused(m_performance), 4);
        QCOMPARE(doorWindow->refused(m_otherPerformance), 1);
        const QString counts = door("Admitted: %1 · Refused: %2").arg(QLocale().toString(2), QLocale().toString(4));
        QCOMPARE(view->findChild<QLabel *>(u"countsLabel"_s)->text(), counts);
        QCOMPARE(view->findChild<QListWidget *>(u"recentList"_s)->count(), 7);
        screenshot(view, u"door"_s);

        // Nothing typed: nothing sent.
        QTest::keyClick(view->findChild<QLineEdit *>(u"scanEdit"_s), Qt::Key_Return);
        QCOMPARE(view->findChild<QListWidget *>(u"recentList"_s)->count(), 7);
    }

    void till_openSellMoveClose_givesTheZReport()
    {
        const QString login = addAccount(u"clerk"_s);
        QTemporaryDir data;
        auto app = startApp(data);
        signIn(app.get(), login);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(action(app.get(), "tillAction")->isVisible());
        action(app.get(), "tillAction")->trigger();
        TillController *till = app->till();
        QVERIFY(till);
        till->setRefreshInterval(std::chrono::milliseconds(100));
        TillView *view = till->view();
        QTRY_COMPARE(view->page(), TillView::Page::NoTill);
        view->findChild<QSpinBox *>(u"floatSpin"_s)->setValue(100000);
        QTest::mouseClick(view->findChild<QPushButton *>(u"openTillButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view->page(), TillView::Page::Open, 10000);
        auto label = [view](const char *name) { return view->findChild<QLabel *>(QString::fromLatin1(name))->text(); };
        QCOMPARE(label("expectedLabel"), CashReportDocument::moneyText(Money{100000, u"KRW"_s}));

        // The same clerk sells at the counter: cash and card, counted in the till.
        const QString token = tokenOf(login);
        const qint64 cash = sell(token, 2)[u"total"_s][u"amount"_s].toInteger();
        const qint64 card = sell(token, 1, u"card"_s)[u"total"_s][u"amount"_s].toInteger();
        QVERIFY(cash > 0 && card > 0);
        QTRY_COMPARE_WITH_TIMEOUT(label("expectedLabel"), CashReportDocument::moneyText(Money{100000 + cash, u"KRW"_s}), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(view->findChild<QTableWidget *>(u"methodsTable"_s)->rowCount(), 2, 10000);
        QCOMPARE(label("cashSalesLabel"), CashReportDocument::moneyText(Money{cash, u"KRW"_s}));
        QCOMPARE(till->session()->byMethod.value(u"card"_s).sales.amount, card);

        // Paid in and paid out, each with its reason.
        auto move = [view](int amount, const QString &reason, const char *button) {
            view->findChild<QSpinBox *>(u"movementAmountSpin"_s)->setValue(amount);
            auto *why = view->findChild<QLineEdit *>(u"movementReasonEdit"_s);
            why->clear();
            QTest::keyClicks(why, reason);
            QTest::mouseClick(view->findChild<QPushButton *>(QString::fromLatin1(button)), Qt::LeftButton);
        };
        move(5000, u"Change from the bank"_s, "paidInButton");
        QTRY_COMPARE_WITH_TIMEOUT(till->session()->movements.size(), 1, 10000);
        move(2000, u"Window cleaner"_s, "paidOutButton");
        QTRY_COMPARE_WITH_TIMEOUT(till->session()->movements.size(), 2, 10000);
        const qint64 expected = 100000 + cash + 5000 - 2000;
        QTRY_COMPARE(label("expectedLabel"), CashReportDocument::moneyText(Money{expected, u"KRW"_s}));
        QCOMPARE(till->session()->expectedCash.amount, expected);
        QCOMPARE(view->findChild<QTableWidget *>(u"movementsTable"_s)->rowCount(), 2);
        QCOMPARE(view->findChild<QTableWidget *>(u"movementsTable"_s)->item(1, 3)->text(), u"Window cleaner"_s);
        // A paid out without a reason is not sent.
        move(1000, QString(), "paidOutButton");
        QCOMPARE(view->message(), translated("BoxOffice::TillView", "Say why the money goes in or out: the reason is required."));
        screenshot(view, u"till"_s);

        // A second till for the same clerk: 409, said plainly.
        till->open(Money{1000, u"KRW"_s});
        QTRY_COMPARE_WITH_TIMEOUT(view->message(),
                                  translated("BoxOffice::TillController",
                                             "A till is open for you already: it is shown now. Close it before opening another."),
                                  10000);

        // Close with 1,000 less than expected: the Z report says short.
        view->findChild<QSpinBox *>(u"countedSpin"_s)->setValue(int(expected - 1000));
        QTest::mouseClick(view->findChild<QPushButton *>(u"closeTillButton"_s), Qt::LeftButton);
        answer(view, QMessageBox::Yes);
        QTRY_COMPARE_WITH_TIMEOUT(view->page(), TillView::Page::Closed, 10000);
        QCOMPARE(till->session()->difference->amount, -1000);
        QCOMPARE(till->session()->countedCash->amount, expected - 1000);
        QCOMPARE(label("differenceLabel"),
                 translated("BoxOffice::TillView", "%1 (short)").arg(CashReportDocument::moneyText(Money{-1000, u"KRW"_s})));
        QVERIFY(!view->findChild<QPushButton *>(u"paidInButton"_s)->isVisibleTo(view));
        QVERIFY(view->findChild<QPushButton *>(u"savePdfButton"_s)->isVisibleTo(view));
        screenshot(view, u"till-z"_s);

        // Closing again: 409, said plainly.
        till->close(Money{expected, u"KRW"_s});
        QTRY_COMPARE_WITH_TIMEOUT(view->message(), translated("BoxOffice::TillController", "This till was closed already."),
                                  10000);

        // The Z report as a PDF, written off the GUI thread.
        QSignalSpy saved(till, &TillController::reportSaved);
        const QString file = data.filePath(u"z.pdf"_s);
        till->savePdf(file);
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().at(1).toString(), QString());
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.size() > 2000);
        QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page "), 1);
        // Its content as laid out: the report's figures, and a page with ink on it.
        const QString html = CashReportDocument(*till->session(), m_timeZone).html();
        QVERIFY(html.contains(CashReportDocument::moneyText(Money{expected, u"KRW"_s}).toHtmlEscaped()));
        QVERIFY(html.contains(u"Window cleaner"_s));
        const QImage page = CashReportDocument::renderFirstPage(html, 800);
        int ink = 0;
        for (int y = 0; y < page.height(); y += 2)
            for (int x = 0; x < page.width(); x += 2)
                ink += qGray(page.pixel(x, y)) < 128;
        QVERIFY2(ink > 500, qPrintable(QString::number(ink)));
        if (const QString dir = qEnvironmentVariable("BOXOFFICE_SCREENSHOTS"); !dir.isEmpty())
            page.save(dir + u"/zreport"_s + (testLanguage().isEmpty() ? QString() : u'-' + testLanguage()) + u".png"_s);
    }

    void till_onAKiosk_savesTheZReportWithoutADialog()
    {
        CashSession closed;
        closed.id = u"cs-kiosk"_s;
        closed.staff = StaffAccount{u"st-1"_s, u"minji"_s, u"Kim Minji"_s, StaffRole::Clerk, true};
        closed.openedAt = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        closed.closedAt = closed.openedAt.addSecs(8 * 3600);
        closed.openingFloat = Money{100000, u"KRW"_s};
        closed.expectedCash = Money{100000, u"KRW"_s};
        closed.countedCash = Money{100000, u"KRW"_s};
        closed.difference = Money{0, u"KRW"_s};
        ScriptedNetwork network;
        network.route("GET", u"/api/v1/admin/cash-sessions/current"_s, {200, json(closed.toJson())});
        ApiClient api(&network);
        api.setBaseUrl(QUrl(u"http://box.invalid"_s));
        QTemporaryDir dir;
        TillController till(&api, u"Asia/Seoul"_s, true, dir.filePath(u"reports"_s));
        till.start();
        TillView *view = till.view();
        QTRY_COMPARE(view->page(), TillView::Page::Closed);
        QCOMPARE(view->findChild<QLabel *>(u"differenceLabel"_s)->text(),
                 translated("BoxOffice::TillView", "%1 (exact)").arg(CashReportDocument::moneyText(Money{0, u"KRW"_s})));
        QVERIFY(!view->findChild<QPushButton *>(u"printButton"_s)->isVisibleTo(view));  // no print dialog either
        QSignalSpy saved(&till, &TillController::reportSaved);
        QTest::mouseClick(view->findChild<QPushButton *>(u"savePdfButton"_s), Qt::LeftButton);
        QVERIFY(!view->findChild<QFileDialog *>());
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().at(0).toString(), dir.filePath(u"reports/z-report-cs-kiosk.pdf"_s));
        QCOMPARE(saved.first().at(1).toString(), QString());
        QVERIFY(QFile(dir.filePath(u"reports/z-report-cs-kiosk.pdf"_s)).size() > 1000);
    }

    void till_alreadyOpen_isResumed()
    {
        const QString login = addAccount(u"clerk"_s);
        const QString token = tokenOf(login);
        QCOMPARE(call("POST", u"/api/v1/admin/cash-sessions"_s, token,
                      json({{u"float"_s, QJsonObject{{u"amount"_s, 50000}, {u"currency"_s, u"KRW"_s}}}}))
                     .status,
                 201);
        QTemporaryDir data;
        auto app = startApp(data);
        signIn(app.get(), login);
        QVERIFY(!QTest::currentTestFailed());
        app->showTill();
        QTRY_COMPARE_WITH_TIMEOUT(app->till()->view()->page(), TillView::Page::Open, 10000);
        QCOMPARE(app->till()->session()->openingFloat.amount, 50000);
        QCOMPARE(app->till()->view()->message(),
                 translated("BoxOffice::TillController", "Your till is open: carried on from where you left it."));
        // Signing out closes the window; the till stays open on the server.
        app->signOut();
        QVERIFY(!app->till());
        QCOMPARE(call("GET", u"/api/v1/admin/cash-sessions/current"_s, token).status, 200);
    }

    void notForSale_hiddenForAClerk()
    {
        const QString login = addAccount(u"clerk"_s);
        QTemporaryDir data;
        auto app = startApp(data);
        signIn(app.get(), login);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(action(app.get(), "doorAction")->isVisible());
        QVERIFY(!action(app.get(), "seatsNotForSaleAction")->isVisible());
        app->showSeatsNotForSale(m_performance);
        QVERIFY(!app->notForSale());
        // Nor on the dashboard.
        app->showStaffDashboard();
        QVERIFY(app->staff());
        QVERIFY(!app->staff()->dashboard()->findChild<QPushButton *>(u"notForSaleButton"_s)->isVisibleTo(app->staff()->dashboard()));
    }

    void notForSale_managerTakesSeatsOffAndPutsThemBack()
    {
        const QString login = addAccount(u"manager"_s);
        QTemporaryDir data;
        auto app = startApp(data);
        signIn(app.get(), login);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(action(app.get(), "seatsNotForSaleAction")->isVisible());
        action(app.get(), "seatsNotForSaleAction")->trigger();
        NotForSaleController *kills = app->notForSale();
        QVERIFY(kills);
        NotForSaleView *view = kills->view();
        QSignalSpy ready(kills, &NotForSaleController::seatsReady);
        choose(view->findChild<QComboBox *>(u"performanceCombo"_s), m_performance);
        // The dashboard offers it to a manager, on the performance chosen there.
        app->showStaffDashboard();
        QVERIFY(app->staff());
        auto *fromDashboard = app->staff()->dashboard()->findChild<QPushButton *>(u"notForSaleButton"_s);
        QVERIFY(fromDashboard->isVisibleTo(app->staff()->dashboard()));
        QVERIFY(ready.count() > 0 || ready.wait(15000));
        SeatMapModel *seats = kills->seats();
        QTRY_VERIFY(seats->hasStatus());
        // Three seats on sale.
        QList<int> picked;
        for (int s = 0; s < seats->seatCount() && picked.size() < 3; ++s)
            if (seats->letter(s) == 'A')
                picked << s;
        QCOMPARE(picked.size(), 3);
        view->seatMap()->select(picked);
        QCOMPARE(view->pickedOnSale().size(), 3);
        auto *takeOff = view->findChild<QPushButton *>(u"takeOffSaleButton"_s);
        auto *putBack = view->findChild<QPushButton *>(u"putBackOnSaleButton"_s);
        QVERIFY(takeOff->isEnabled());
        QVERIFY(!putBack->isEnabled());
        QTest::mouseClick(takeOff, Qt::LeftButton);
        for (int s : std::as_const(picked))
            QTRY_COMPARE_WITH_TIMEOUT(seats->letter(s), 'X', 10000);
        const StaffView server{m_network, *m_server};
        for (int s : std::as_const(picked))
            QCOMPARE(server.seatLetters(m_performance).at(s), 'X');
        QVERIFY(view->seatMap()->selection().isEmpty());
        screenshot(view, u"kills"_s);

        // Picked again (off sale now): back on sale.
        view->seatMap()->select(picked);
        QCOMPARE(view->pickedOffSale().size(), 3);
        QVERIFY(putBack->isEnabled());
        QTest::mouseClick(putBack, Qt::LeftButton);
        for (int s : std::as_const(picked))
            QTRY_COMPARE_WITH_TIMEOUT(seats->letter(s), 'A', 10000);
        for (int s : std::as_const(picked))
            QCOMPARE(server.seatLetters(m_performance).at(s), 'A');

        // A seat sold meanwhile: nothing changes, and the message names it.
        const QJsonObject order = sell(tokenOf(login), 1);
        const QString sold = order[u"seats"_s][0].toString();
        QTRY_COMPARE_WITH_TIMEOUT(seats->letter(seats->indexOf(sold)), 'S', 10000);
        QSignalSpy changed(kills, &NotForSaleController::changed);
        kills->setForSale({layoutId(seats, picked[0]), sold}, false);
        QVERIFY(changed.wait(10000));
        QCOMPARE(changed.first().at(0).toBool(), false);
        QVERIFY2(view->message().contains(seats->describe(QStringList{sold})), qPrintable(view->message()));
        QCOMPARE(seats->letter(picked[0]), 'A');  // all or none

        // The dashboard's button opens it on the performance chosen there.
        auto *dashboardCombo = app->staff()->dashboard()->findChild<QComboBox *>(u"performanceCombo"_s);
        dashboardCombo->setCurrentIndex(dashboardCombo->count() - 1);
        const QString fromThere = dashboardCombo->currentData().toString();
        QVERIFY(fromThere != m_performance);
        const qsizetype readyBefore = ready.count();
        QTest::mouseClick(fromDashboard, Qt::LeftButton);
        QCOMPARE(view->performanceId(), fromThere);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), readyBefore + 1, 15000);  // its map, read afresh

        // Demoted to clerk on the server: the window closes and the menu entry goes; the door stays theirs.
        app->showDoorCheckIn();
        QVERIFY(app->door());
        QString staffId;
        for (const QJsonValue &a : call("GET", u"/api/v1/admin/staff"_s).json()[u"staff"_s].toArray())
            if (a[u"login"_s].toString() == login)
                staffId = a[u"id"_s].toString();
        QCOMPARE(call("PATCH", u"/api/v1/admin/staff/"_s + staffId, u"test-staff-key"_s, json({{u"role"_s, u"clerk"_s}})).status,
                 200);
        app->staffSignIn()->recheck();
        QTRY_VERIFY_WITH_TIMEOUT(!app->notForSale(), 10000);
        QVERIFY(!action(app.get(), "seatsNotForSaleAction")->isVisible());
        QVERIFY(app->door());
    }

private:
    static QString layoutId(SeatMapModel *seats, int seat) { return seats->layout().seats[seat].id; }
};

QTEST_MAIN(TestDoorTill)
#include "tst_doortill.moc"
