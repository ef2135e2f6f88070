// The client's LiveChannel against a real server that goes away and comes back on
// the same port: connected, pushes, lost, reconnected by itself with its topics.
#include "testsupport.h"

#include "app/livechannel.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestLiveChannel : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    static std::unique_ptr<Server::BoxOfficeServer> serverOn(quint16 port, const QString &db)
    {
        Server::ServerConfig config;
        config.port = port;
        config.demo = true;
        config.staffKey = u"k"_s;
        config.liveMs = 50;
        config.database = Server::DatabaseUrl::parse(u"sqlite:"_s + db).value();
        auto server = std::make_unique<Server::BoxOfficeServer>(config);
        return server->start().ok() ? std::move(server) : nullptr;
    }

private Q_SLOTS:
    void reconnectsAndResubscribesByItself()
    {
        QTemporaryDir dir;
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const QString db = dir.filePath(u"live.sqlite"_s);
        auto server = serverOn(port, db);
        QVERIFY(server);

        LiveChannel live;
        live.setServer(server->url());
        live.setBackoff(std::chrono::milliseconds(50), std::chrono::milliseconds(400));
        live.setPingInterval(std::chrono::milliseconds(500));
        live.subscribe({u"rankings"_s});
        QSignalSpy connected(&live, &LiveChannel::connectedChanged);
        QSignalSpy seats(&live, &LiveChannel::seatsChanged);
        live.start();
        QVERIFY(connected.wait(10000));
        QCOMPARE(connected.last().first().toBool(), true);
        QVERIFY(live.isConnected());

        // Gone: the channel says so, and keeps trying.
        server.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!live.isConnected(), 10000);
        QCOMPARE(connected.last().first().toBool(), false);

        // A topic added while away is sent on reconnecting (refused here, without rights:
        // an error frame, no push, no harm).
        live.subscribe({u"seats:echo-solo-p1"_s});
        // Back on the same port: reconnected by itself.
        server = serverOn(port, db);
        QVERIFY(server);
        QTRY_VERIFY_WITH_TIMEOUT(live.isConnected(), 10000);
        QCOMPARE(connected.last().first().toBool(), true);
        QVERIFY(connected.size() >= 3);
        QCOMPARE(seats.size(), 0);
        live.stop();
        QVERIFY(!live.isConnected());
    }

    void pushesTheQueueStateAndSeatDeltas()
    {
        QTemporaryDir dir;
        auto server = serverOn(0, dir.filePath(u"d.sqlite"_s));
        QVERIFY(server);
        // Staff credentials are not the client's; a buyer's token gives seat rights.
        const QString token = http(m_network, "POST",
                                   QUrl(server->url().toString() + u"/api/v1/concerts/indie-bloom/queue"_s),
                                   R"({"userId":"watcher"})").json().toObject().value(u"token"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(http(m_network, "GET", QUrl(server->url().toString() + u"/api/v1/queue/"_s + token))
                                      .json().toObject().value(u"status"_s).toString(), u"active"_s, 10000);
        LiveChannel live;
        live.setServer(server->url());
        live.setToken(token);
        live.subscribe({u"queue:"_s + token, u"seats:indie-bloom-p1"_s});
        QSignalSpy seats(&live, &LiveChannel::seatsChanged);
        QSignalSpy queue(&live, &LiveChannel::queueUpdated);
        QStringList frames;  // what went over the wire, for the failure message
        connect(&live, &LiveChannel::frameSent, this, [&frames](const QString &t) { frames << u"> "_s + t; });
        connect(&live, &LiveChannel::frameReceived, this, [&frames](const QString &t) { frames << u"< "_s + t.left(300); });
        live.start();
        QVERIFY(queue.wait(10000));  // the current state comes at once
        QCOMPARE(queue.last().first().value<QueueTicket>().state, QueueTicket::State::Active);
        const QByteArray hold = "{\"seats\":[\"BAL-A-1\"]}";
        QCOMPARE(http(m_network, "POST", QUrl(server->url().toString() + u"/api/v1/performances/indie-bloom-p1/holds"_s),
                      hold, {{"Authorization", "Bearer k"}}).status, 201);
        // The delta may arrive while http() above still spins the event loop: count, do
        // not wait for a new signal.
        QTRY_VERIFY2_WITH_TIMEOUT(!seats.isEmpty(), qPrintable(frames.join(u'\n')), 10000);
        QCOMPARE(seats.last().at(0).toString(), u"indie-bloom-p1"_s);
        const auto changes = seats.last().at(2).value<QList<QPair<int, char>>>();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().second, 'H');
    }
};

QTEST_MAIN(TestLiveChannel)
#include "tst_livechannel.moc"
