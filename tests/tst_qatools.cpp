// QA tools offscreen against real servers: the crowd simulator fills a concert's
// queue and the panel shows it move; session expiry ends an admitted buyer's session;
// the raw live log shows the frames both ways and filters them; switching servers
// reloads the concerts from the other one; each logged frame names its channel; the
// filter does not scroll the log sideways; another concert's seats are unsubscribed.
// BOXOFFICE_SCREENSHOTS=DIR saves the panel.
#include "testsupport.h"
#include "uitestsupport.h"

#include "app/apiclient.h"
#include "app/boxofficeapp.h"
#include "app/signincontroller.h"
#include "app/qacontroller.h"
#include "app/livechannel.h"
#include "domain/queuestats.h"
#include "server/rank/rankingservice.h"
#include "ui/qapanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestQaTools : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;
    QTemporaryDir m_data;

    QueueStats serverStats(const QString &concert)
    {
        return QueueStats::fromJson(StaffView{m_network, *m_server}.queue(concert)).value_or(QueueStats{});
    }
    std::unique_ptr<BoxOfficeApp> startApp()
    {
        auto app = std::make_unique<BoxOfficeApp>(ClientOptions{m_server->url, m_data.path(), u"test-staff-key"_s});
        QSignalSpy loaded(app.get(), &BoxOfficeApp::concertsLoaded);
        app->start();
        [&] { QVERIFY(loaded.wait(10000)); }();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000); }();
        return app;
    }
    static void selectConcert(QaPanel *panel, const QString &id)
    {
        auto *combo = panel->findChild<QComboBox *>(u"concertCombo"_s);
        combo->setCurrentIndex(combo->findData(id));
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTestLanguage();
        m_server = TestServer::start(u"sqlite"_s, true, [](Server::ServerConfig &c) {
            c.tickMs = 50;
            c.liveMs = 50;
        });
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
    }

    void crowd_fillsTheQueueAndThePanelFollows()
    {
        auto app = startApp();
        app->showQaTools();
        QaController *qa = app->qa();
        QVERIFY(qa);
        qa->setInterval(std::chrono::milliseconds(100));
        QaPanel *panel = qa->panel();
        selectConcert(panel, u"aurora-world-tour"_s);
        QCOMPARE(panel->selectedConcert(), u"aurora-world-tour"_s);
        panel->findChild<QSpinBox *>(u"crowdSpin"_s)->setValue(3000);
        QTest::mouseClick(panel->findChild<QPushButton *>(u"crowdButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(serverStats(u"aurora-world-tour"_s).waiting + serverStats(u"aurora-world-tour"_s).active, 3000, 10000);
        // The panel shows the room as the server has it.
        auto *stats = panel->findChild<QLabel *>(u"stats"_s);
        QTRY_VERIFY_WITH_TIMEOUT(stats->text().contains(QLocale().toString(serverStats(u"aurora-world-tour"_s).waiting)), 10000);
    }

    void expire_endsAnAdmittedSession()
    {
        const QString token = http(m_network, "POST", m_server->at(u"/api/v1/concerts/echo-solo/queue"_s),
                                   R"({"userId":"qa-victim"})").json().toObject().value(u"token"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", m_server->at(u"/api/v1/queue/"_s + token)).json().toObject()
                                      .value(u"status"_s).toString(), u"active"_s, 10000);
        auto app = startApp();
        app->showQaTools();
        QaPanel *panel = app->qa()->panel();
        selectConcert(panel, u"echo-solo"_s);
        panel->findChild<QSpinBox *>(u"expireSpin"_s)->setValue(100);
        QTest::mouseClick(panel->findChild<QPushButton *>(u"expireButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", m_server->at(u"/api/v1/queue/"_s + token)).json().toObject()
                                      .value(u"status"_s).toString(), u"expired"_s, 10000);
        auto *message = panel->findChild<QLabel *>(u"message"_s);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(u'1'), 10000);
    }

    void liveLog_showsFramesBothWaysAndFilters()
    {
        auto app = startApp();
        app->showQaTools();
        QaPanel *panel = app->qa()->panel();
        selectConcert(panel, u"indie-bloom"_s);
        // The subscribe going out and the answer coming back.
        QTRY_VERIFY_WITH_TIMEOUT(panel->visibleFrames().filter(u" > "_s).size() >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->visibleFrames().filter(u"\"subscribed\""_s).size() >= 1, 10000);
        // A sale makes the seats of that concert move: a seats frame arrives.
        QCOMPARE(http(m_network, "POST", m_server->at(u"/api/v1/performances/indie-bloom-p1/holds"_s),
                      R"({"best":{"count":2,"tier":"VIP"}})", {{"Authorization", "Bearer test-staff-key"}}).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(panel->visibleFrames().filter(u"\"type\":\"seats\""_s).size() >= 1, 10000);
        auto *filter = panel->findChild<QLineEdit *>(u"filterEdit"_s);
        filter->setText(u"\"seats\""_s);
        const QStringList shown = panel->visibleFrames();
        QVERIFY(!shown.isEmpty());
        for (const QString &line : shown)
            QVERIFY2(line.contains(u"\"seats\""_s, Qt::CaseInsensitive), qPrintable(line));
        filter->clear();
        QVERIFY(panel->visibleFrames().size() > shown.size());
        // The room as read from the server.
        QTRY_VERIFY_WITH_TIMEOUT(panel->findChild<QLabel *>(u"stats"_s)->text().contains(u"100"_s), 10000);
        screenshot(panel, u"qa-tools"_s);
    }

    void liveLog_namesTheChannelOfEachFrame()
    {
        auto app = startApp();
        app->showQaTools();
        QaPanel *panel = app->qa()->panel();
        // The labels as the client shows them, in the language of the run.
        const QString qaLabel = QRegularExpression::escape(QCoreApplication::translate("BoxOffice::QaController", "QA"));
        const QString bookingLabel =
            QRegularExpression::escape(QCoreApplication::translate("BoxOffice::QaController", "booking"));
        // The panel's own channel, and another one (as the booking window's is).
        QTRY_VERIFY_WITH_TIMEOUT(!panel->visibleFrames().filter(u"\"subscribed\""_s).isEmpty(), 10000);
        LiveChannel booking;
        app->qa()->watch(&booking);
        booking.setServer(m_server->url);
        booking.setStaffCredential(u"test-staff-key"_s);
        booking.subscribe({u"seats:jazz-after-dark-p2"_s});
        booking.start();
        const QRegularExpression own(u"^\\S+ "_s + qaLabel + u" +[<>] "_s), other(u"^\\S+ "_s + bookingLabel + u" +[<>] "_s);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->visibleFrames().filter(other).filter(u"jazz-after-dark-p2"_s).isEmpty(), 10000);
        for (const QString &line : panel->visibleFrames()) {
            const bool fromBooking = line.contains(u"jazz-after-dark-p2"_s);
            QVERIFY2(fromBooking ? other.match(line).hasMatch() : own.match(line).hasMatch(), qPrintable(line));
        }
    }

    void liveLog_filterDoesNotScrollSideways()
    {
        auto app = startApp();
        app->showQaTools();
        QaPanel *panel = app->qa()->panel();
        QVERIFY(QTest::qWaitForWindowExposed(panel));
        QTRY_VERIFY_WITH_TIMEOUT(app->qa()->live()->isConnected(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->visibleFrames().filter(u"\"subscribed\""_s).isEmpty(), 10000);
        // A sale and the next aggregation: a rankings frame, far wider than the log.
        const QList<QPair<QByteArray, QByteArray>> staff{{"Authorization", "Bearer test-staff-key"}};
        const HttpResult held = http(m_network, "POST", m_server->at(u"/api/v1/performances/midnight-bass-p1/holds"_s),
                                     R"({"best":{"count":2,"tier":"VIP"}})", staff);
        QCOMPARE(held.status, 201);
        QCOMPARE(http(m_network, "POST",
                      m_server->at(u"/api/v1/holds/%1/purchase"_s.arg(held.json().toObject().value(u"holdId"_s).toString())),
                      R"({"payment":{"method":"cash"}})", staff).status, 201);
        m_server->server->rankings()->refresh(true);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->visibleFrames().filter(u"\"type\":\"rankings\""_s).isEmpty(), 10000);
        auto *log = panel->findChild<QPlainTextEdit *>(u"liveLog"_s);
        QScrollBar *sideways = log->horizontalScrollBar();
        QTRY_VERIFY_WITH_TIMEOUT(sideways->maximum() > 0, 10000);
        sideways->setValue(0);
        auto *filter = panel->findChild<QLineEdit *>(u"filterEdit"_s);
        filter->setFocus();
        QTest::keyClicks(filter, u"rankings"_s);
        QCOMPARE(filter->text(), u"rankings"_s);
        QVERIFY(!panel->visibleFrames().isEmpty());
        QCOMPARE(sideways->value(), 0);
        // Where the user had scrolled to stays too.
        sideways->setValue(sideways->maximum() / 2);
        const int kept = sideways->value();
        QTest::keyClick(filter, Qt::Key_Backspace);
        QCOMPARE(sideways->value(), kept);
    }

    void changingConcert_unsubscribesTheOldOnesSeats()
    {
        auto app = startApp();
        app->showQaTools();
        QaPanel *panel = app->qa()->panel();
        selectConcert(panel, u"indie-bloom"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->visibleFrames().filter(u"\"subscribed\""_s).filter(u"seats:indie-bloom-p1"_s).isEmpty(),
                                 10000);
        selectConcert(panel, u"ironclad-reunion"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->visibleFrames().filter(u"\"subscribed\""_s).filter(u"seats:ironclad-reunion-p1"_s).isEmpty(),
                                 10000);
        // Told to the server, which confirms it.
        QTRY_VERIFY_WITH_TIMEOUT(!panel->visibleFrames().filter(u"\"type\":\"unsubscribe\""_s).filter(u"seats:indie-bloom-p1"_s).isEmpty(),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->visibleFrames().filter(u"\"unsubscribed\""_s).filter(u"seats:indie-bloom-p1"_s).isEmpty(),
                                 10000);
        const qsizetype before = panel->visibleFrames().size();
        // A sale on the old concert, then on the new one: only the new one's seats come.
        const QList<QPair<QByteArray, QByteArray>> staff{{"Authorization", "Bearer test-staff-key"}};
        QCOMPARE(http(m_network, "POST", m_server->at(u"/api/v1/performances/indie-bloom-p1/holds"_s),
                      R"({"best":{"count":2,"tier":"VIP"}})", staff).status, 201);
        QCOMPARE(http(m_network, "POST", m_server->at(u"/api/v1/performances/ironclad-reunion-p1/holds"_s),
                      R"({"best":{"count":2,"tier":"VIP"}})", staff).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->visibleFrames().mid(before).filter(u"\"performanceId\":\"ironclad-reunion-p1\""_s).isEmpty(),
                                 10000);
        QVERIFY(panel->visibleFrames().mid(before).filter(u"\"performanceId\":\"indie-bloom-p1\""_s).isEmpty());
    }

    void switchServer_reloadsFromTheOther()
    {
        auto other = TestServer::start(u"sqlite"_s, true);
        QVERIFY2(other->error.isEmpty(), qPrintable(other->error));
        auto app = startApp();
        app->showQaTools();
        QaPanel *panel = app->qa()->panel();
        auto *edit = panel->findChild<QLineEdit *>(u"serverEdit"_s);
        // Not a URL: said so, nothing changes.
        edit->setText(u"ftp://nowhere"_s);
        QTest::mouseClick(panel->findChild<QPushButton *>(u"switchServerButton"_s), Qt::LeftButton);
        QCOMPARE(app->api()->baseUrl(), m_server->url);
        QVERIFY(!panel->findChild<QLabel *>(u"message"_s)->text().isEmpty());

        QSignalSpy loaded(app.get(), &BoxOfficeApp::concertsLoaded);
        edit->setText(other->url.toString());
        QTest::mouseClick(panel->findChild<QPushButton *>(u"switchServerButton"_s), Qt::LeftButton);
        QCOMPARE(app->api()->baseUrl(), other->url);
        QVERIFY(loaded.wait(10000));
        QVERIFY(app->concerts()->rowCount() > 0);
    }
};

QTEST_MAIN(TestQaTools)
#include "tst_qatools.moc"
