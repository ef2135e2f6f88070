// Staff mode against a real server, offscreen: the dashboard reads every concert's
// waiting room and draws its last hour; its controls pause, resume and resize the room
// through the staff API; a counter sale sells more than a buyer's limit without the
// queue, paid in cash, and saves its ticket as a PDF; a buyer's hold is released by
// force; pausing and forced releases ask first (No by default); the session length is
// set from the dashboard; a wrong key is refused at start, and the dashboard asks for a sign-in. BOXOFFICE_SCREENSHOTS=DIR saves the windows.
#include "testsupport.h"
#include "uitestsupport.h"

#include "app/apiclient.h"
#include "app/bookingcontroller.h"
#include "app/boxofficeapp.h"
#include "app/signincontroller.h"
#include "app/staffcontroller.h"
#include "domain/queuestats.h"
#include "models/queuedashboardmodel.h"
#include "ui/bookingwindow.h"
#include "ui/seatmapview.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"
#include "ui/staffdashboard.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {
const QByteArray Staff = "Bearer test-staff-key";
}

class TestStaffMode : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;
    QTemporaryDir m_data;
    QDateTime m_dashboardOpened;

    QueueStats serverStats(const QString &concert)
    {
        return QueueStats::fromJson(StaffView{m_network, *m_server}.queue(concert)).value_or(QueueStats{});
    }
    QByteArray seatLetters(const QString &performance)
    {
        return StaffView{m_network, *m_server}.seatLetters(performance);
    }
    // The question the dashboard asks: shown, No by default; answered with `answer`.
    static void answer(QWidget *parent, QMessageBox::StandardButton answer)
    {
        QPointer<QMessageBox> box;
        QTRY_VERIFY_WITH_TIMEOUT((box = parent->findChild<QMessageBox *>()) && box->isVisible(), 5000);
        QCOMPARE(box->icon(), QMessageBox::Question);
        QVERIFY(box->defaultButton());
        QCOMPARE(box->standardButton(box->defaultButton()), QMessageBox::No);
        QTest::mouseClick(box->button(answer), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!box, 5000);  // gone when answered
    }
    // An app signed in with `key` (waits for the server's answer to it when `signedIn`).
    std::unique_ptr<BoxOfficeApp> startApp(const QString &key, bool signedIn = true)
    {
        auto app = std::make_unique<BoxOfficeApp>(ClientOptions{m_server->url, m_data.path(), key});
        QSignalSpy loaded(app.get(), &BoxOfficeApp::concertsLoaded);
        app->start();
        [&] { QVERIFY(loaded.wait(10000)); }();
        if (signedIn)
            [&] { QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000); }();
        return app;
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTestLanguage();
        m_server = TestServer::start(u"sqlite"_s, true, [](Server::ServerConfig &c) { c.tickMs = 50; });
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
    }

    void dashboard_readsEveryConcertAndDrawsTheHour()
    {
        auto app = startApp(u"test-staff-key"_s);
        // A crowd in one room first, so the table has something to show.
        QCOMPARE(http(m_network, "POST", m_server->at(u"/api/v1/admin/concerts/trot-king/crowd"_s), R"({"count":2500})",
                      {{"Authorization", Staff}}).status, 201);
        m_dashboardOpened = QDateTime::currentDateTimeUtc();
        app->showStaffDashboard();
        StaffController *staff = app->staff();
        QVERIFY(staff);
        staff->setInterval(std::chrono::milliseconds(100));
        QueueDashboardModel *model = staff->model();
        QCOMPARE(model->rowCount(), int(app->concerts()->concerts().size()));
        QTRY_VERIFY_WITH_TIMEOUT(model->stats(u"trot-king"_s).has_value(), 10000);
        for (const Concert &c : app->concerts()->concerts())
            QTRY_VERIFY_WITH_TIMEOUT(model->stats(c.id).has_value(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->stats(u"trot-king"_s)->waiting + model->stats(u"trot-king"_s)->active, 2500, 10000);
        const QModelIndex waiting = model->index(model->rowOf(u"trot-king"_s), QueueDashboardModel::WaitingColumn);
        QCOMPARE(waiting.data(QueueDashboardModel::SortRole).toInt(), model->stats(u"trot-king"_s)->waiting);
        // Readings pile up for the chart, after the server's own from before the
        // dashboard opened (the promoter records one per 10 s from the server's start).
        QTRY_VERIFY_WITH_TIMEOUT(model->history(u"trot-king"_s).size() >= 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(model->history(u"trot-king"_s).first().at < m_dashboardOpened, 10000);
        StaffDashboard *dashboard = staff->dashboard();
        dashboard->selectConcert(u"trot-king"_s);
        QCOMPARE(dashboard->selectedConcert(), u"trot-king"_s);
        QVERIFY(dashboard->isVisible());
        staff->setInterval(std::chrono::seconds(2));
        screenshot(dashboard, u"staff-dashboard"_s);
    }

    void controls_pauseResumeAndCapacityCallTheServer()
    {
        auto app = startApp(u"test-staff-key"_s);
        app->showStaffDashboard();
        StaffDashboard *dashboard = app->staff()->dashboard();
        QTRY_VERIFY_WITH_TIMEOUT(app->staff()->model()->stats(u"echo-solo"_s).has_value(), 10000);
        dashboard->selectConcert(u"echo-solo"_s);
        auto *pause = dashboard->findChild<QPushButton *>(u"pauseButton"_s);
        QVERIFY(pause->isEnabled());
        // Pausing asks first; No (the default) leaves the room open.
        QTest::mouseClick(pause, Qt::LeftButton);
        answer(dashboard, QMessageBox::No);
        QVERIFY(!QTest::currentTestFailed());
        QSignalSpy refreshed(app->staff(), &StaffController::refreshed);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!serverStats(u"echo-solo"_s).paused);
        QVERIFY(!app->staff()->model()->stats(u"echo-solo"_s)->paused);
        QTest::mouseClick(pause, Qt::LeftButton);
        answer(dashboard, QMessageBox::Yes);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_VERIFY_WITH_TIMEOUT(serverStats(u"echo-solo"_s).paused, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(app->staff()->model()->stats(u"echo-solo"_s)->paused, 10000);
        // Resuming does not ask.
        QTest::mouseClick(pause, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!serverStats(u"echo-solo"_s).paused, 10000);
        QVERIFY(!dashboard->findChild<QMessageBox *>());

        auto *capacity = dashboard->findChild<QSpinBox *>(u"capacitySpin"_s);
        capacity->setValue(7);
        QTest::mouseClick(dashboard->findChild<QPushButton *>(u"applyCapacity"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(serverStats(u"echo-solo"_s).capacity, 7, 10000);
        // The other rooms are untouched.
        QCOMPARE(serverStats(u"trot-king"_s).capacity, 100);

        // The session length, in the same way.
        auto *session = dashboard->findChild<QSpinBox *>(u"sessionSpin"_s);
        QVERIFY(session);
        QCOMPARE(session->value(), serverStats(u"echo-solo"_s).sessionSeconds);
        session->setValue(240);
        QTest::mouseClick(dashboard->findChild<QPushButton *>(u"applySession"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(serverStats(u"echo-solo"_s).sessionSeconds, 240, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(app->staff()->model()->stats(u"echo-solo"_s)->sessionSeconds, 240, 10000);
        QCOMPARE(serverStats(u"trot-king"_s).sessionSeconds, 180);
        // Another concert shows its own.
        dashboard->selectConcert(u"trot-king"_s);
        QCOMPARE(session->value(), 180);
    }

    void counterSale_sellsWithoutTheQueueAndSavesTheTicket()
    {
        auto app = startApp(u"test-staff-key"_s);
        app->showStaffDashboard();
        StaffDashboard *dashboard = app->staff()->dashboard();
        dashboard->selectConcert(u"indie-bloom"_s);
        auto *performance = dashboard->findChild<QComboBox *>(u"performanceCombo"_s);
        QVERIFY(performance->count() > 0);
        const QString perf = performance->currentData().toString();
        QTest::mouseClick(dashboard->findChild<QPushButton *>(u"counterSaleButton"_s), Qt::LeftButton);
        BookingController *sale = app->booking();
        QVERIFY(sale);
        BookingWindow *window = sale->window();
        QVERIFY(window->isCounterMode());
        QVERIFY(sale->token().isEmpty());  // no queue
        QTRY_COMPARE_WITH_TIMEOUT(window->page(), BookingWindow::Page::Seats, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(sale->seats()->hasStatus(), 10000);
        // Six seats: more than a buyer may take.
        QList<int> six;
        for (int i = 0; i < sale->seats()->seatCount() && six.size() < 6; ++i)
            if (sale->seats()->letter(i) == 'A')
                six << i;
        window->seatMap()->select(six);
        QCOMPARE(window->seatMap()->selection().size(), 6);
        QTest::mouseClick(window->findChild<QPushButton *>(u"holdButton"_s), Qt::LeftButton);
        auto *buy = window->findChild<QPushButton *>(u"buyButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(buy->isEnabled(), 10000);
        auto *payment = window->findChild<QComboBox *>(u"paymentMethod"_s);
        QVERIFY(payment->isVisibleTo(window));
        payment->setCurrentIndex(payment->findData(u"cash"_s));
        window->findChild<QSpinBox *>(u"cashTendered"_s)->setValue(10'000'000);  // cash: enough received
        window->seatMap()->fitToView();
        screenshot(window, u"counter-sale"_s);
        QTest::mouseClick(buy, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window->page(), BookingWindow::Page::Done, 10000);
        QVERIFY(sale->order());
        QCOMPARE(sale->order()->seats.size(), 6);
        const QByteArray letters = seatLetters(perf);
        for (int i : six)
            QCOMPARE(letters.at(i), 'S');

        // The ticket: a PDF with the order in its QR code.
        const QString pdf = m_data.filePath(u"ticket.pdf"_s);
        QSignalSpy saved(sale, &BookingController::ticketSaved);
        sale->saveTicket(pdf);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().at(1).toBool(), true);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QVERIFY(file.size() > 2000);
        screenshot(window, u"counter-sale-done"_s);

        // A new sale goes straight back to the seats.
        QTest::mouseClick(window->findChild<QPushButton *>(u"newSaleButton"_s), Qt::LeftButton);
        QCOMPARE(window->page(), BookingWindow::Page::Seats);
    }

    void forceRelease_freesABuyersHold()
    {
        // A buyer holds two seats.
        const QString token = http(m_network, "POST", m_server->at(u"/api/v1/concerts/seoul-phil-newyear/queue"_s),
                                   R"({"userId":"holder"})").json().toObject().value(u"token"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", m_server->at(u"/api/v1/queue/"_s + token)).json().toObject()
                                      .value(u"status"_s).toString(), u"active"_s, 10000);
        auto app = startApp(u"test-staff-key"_s);
        app->showStaffDashboard();
        StaffDashboard *dashboard = app->staff()->dashboard();
        dashboard->selectConcert(u"seoul-phil-newyear"_s);
        const QString perf = dashboard->findChild<QComboBox *>(u"performanceCombo"_s)->currentData().toString();
        const QByteArray before = seatLetters(perf);
        const qsizetype first = before.indexOf('A');
        const qsizetype second = before.indexOf('A', first + 1);
        const auto layout = SeatLayout::fromJson(http(m_network, "GET", m_server->at(u"/api/v1/performances/%1/layout"_s.arg(perf))).json()).value();
        const HttpResult held = http(m_network, "POST", m_server->at(u"/api/v1/performances/%1/holds"_s.arg(perf)),
                                     QJsonDocument(QJsonObject{{u"seats"_s, QJsonArray{layout.seats[first].id, layout.seats[second].id}}}).toJson(),
                                     {{"X-Queue-Token", token.toUtf8()}});
        QCOMPARE(held.status, 201);
        QCOMPARE(seatLetters(perf).at(first), 'H');

        QTest::mouseClick(dashboard->findChild<QPushButton *>(u"showHoldsButton"_s), Qt::LeftButton);
        auto *holds = dashboard->findChild<QTableWidget *>(u"holdsTable"_s);
        QTRY_COMPARE_WITH_TIMEOUT(holds->rowCount(), 1, 10000);
        QVERIFY(holds->item(0, 0)->text().contains(layout.seats[first].id));
        holds->selectRow(0);
        auto *release = dashboard->findChild<QPushButton *>(u"forceReleaseButton"_s);
        QVERIFY(release->isEnabled());
        screenshot(dashboard, u"staff-holds"_s);
        // Asks first; No keeps the hold.
        QTest::mouseClick(release, Qt::LeftButton);
        answer(dashboard, QMessageBox::No);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(seatLetters(perf).at(first), 'H');
        QCOMPARE(holds->rowCount(), 1);
        holds->selectRow(0);
        QTest::mouseClick(release, Qt::LeftButton);
        answer(dashboard, QMessageBox::Yes);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_COMPARE_WITH_TIMEOUT(seatLetters(perf).at(first), 'A', 10000);
        QCOMPARE(seatLetters(perf).at(second), 'A');
        QTRY_COMPARE_WITH_TIMEOUT(holds->rowCount(), 0, 10000);
    }

    void wrongKey_isRefusedAtStartAndAsksToSignIn()
    {
        auto app = startApp(u"not-the-key"_s, false);
        SignInController *signIn = app->staffSignIn();
        const QString refused =
            QCoreApplication::translate("BoxOffice::SignInController", "This staff key is not valid on this server.");
        QTRY_COMPARE_WITH_TIMEOUT(signIn->note(), refused, 10000);
        QCOMPARE(signIn->state(), SignInController::State::SignedOut);
        QVERIFY(!app->api()->hasStaffCredential());  // a refused key is not kept
        auto *label = app->window()->findChild<QLabel *>(u"staffLabel"_s);
        QCOMPARE(label->text(), refused);
        // The dashboard asks for a sign-in instead of opening.
        app->showStaffDashboard();
        QVERIFY(!app->staff());
        QVERIFY(signIn->dialog());
        QTRY_VERIFY_WITH_TIMEOUT(signIn->dialog()->isVisible(), 5000);
    }
};

QTEST_MAIN(TestStaffMode)
#include "tst_staffmode.moc"
