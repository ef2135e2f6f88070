// Issue 12, "Embedded default loses state": the in-memory queue on SQLite (what the
// desktop client starts) keeps its waiting rooms and settings across a clean restart.
// In-process servers on one SQLite file with a controlled clock; the test ticks by hand.
#include "testsupport.h"

#include "server/queue/queueservice.h"
#include "server/queue/sqlqueuesnapshotstore.h"
#include "server/sales/sqldatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Server;
using namespace Qt::StringLiterals;

class TestQueueSnapshot : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    qint64 m_now = 0;

    std::unique_ptr<BoxOfficeServer> startServer(const QString &file, const std::optional<QUrl> &redis = {})
    {
        ServerConfig config;
        config.port = 0;
        config.demo = true;
        config.tickMs = 3'600'000;  // the test ticks by hand
        config.queue.joinRatePerSecond = 0;
        config.queue.defaults = QueueSettings{2, 3600, false};
        config.queue.idleSeconds = 120;
        config.database = DatabaseUrl::parse(u"sqlite:"_s + m_dir.filePath(file)).value();
        config.redisUrl = redis;
        config.clock = [this] { return m_now; };
        config.staffKey = u"test-staff-key"_s;
        auto server = std::make_unique<BoxOfficeServer>(config);
        auto started = server->start();
        if (!started) {
            qWarning().noquote() << started.error();
            return {};
        }
        return server;
    }

    qint64 savedRooms(const QString &file)
    {
        auto db = SqlDatabase::open(DatabaseUrl::parse(u"sqlite:"_s + m_dir.filePath(file)).value(), u"peek"_s);
        if (!db)
            return -1;
        SqlDatabase database = std::move(db).value();
        return SqlQueueSnapshotStore(&database).rooms().value();
    }

    static QString describe(const QueueTicket &t)
    {
        return u"%1 pos %2 of %3 pre %4 expires %5"_s.arg(int(t.state))
            .arg(t.position.value_or(-1))
            .arg(t.waiting)
            .arg(t.preQueue)
            .arg(t.expiresAt ? t.expiresAt->toMSecsSinceEpoch() : -1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The demo catalog is built from the real time: stay near it.
        m_now = QDateTime::currentMSecsSinceEpoch() / 10'000 * 10'000 + 10'000;
    }

    void cleanRestart_keepsRoomsTokensOrderAndSettings()
    {
        const QString file = u"restart.sqlite"_s;
        const QString open = u"trot-king"_s;       // on sale
        const QString later = u"winter-musical"_s; // opens later: a pre-queue
        QStringList tokens;   // open: u0..u6
        QStringList early;    // later: e0..e2
        QMap<QString, QString> before;
        {
            auto server = startServer(file);
            QVERIFY(server);
            QueueService &q = *server->queue();
            for (int i = 0; i < 7; ++i)
                tokens << q.join(open, u"u"_s + QString::number(i), u"a"_s).value().ticket.token;
            for (int i = 0; i < 3; ++i)
                early << q.join(later, u"e"_s + QString::number(i), u"a"_s).value().ticket.token;
            q.tick();  // capacity 2: u0 and u1 active
            QCOMPARE(q.status(tokens[1]).value().state, QueueTicket::State::Active);
            QVERIFY(q.leave(tokens[2]).ok());  // an ended token: reads expired for the retention
            QCOMPARE(q.addCrowd(open, 3).value(), 3);  // synthetic waiters, behind u6
            QVERIFY(q.updateSettings(open, {4, 300, true}).ok());  // paused: nobody else comes in
            QVERIFY(q.updateSettings(later, {{}, 90, {}}).ok());
            q.tick();
            for (const QString &t : tokens + early)
                before.insert(t, describe(q.status(t).value()));
            QCOMPARE(q.status(tokens[3]).value().position, 1);
            QCOMPARE(q.status(tokens[6]).value().position, 4);
            QCOMPARE(q.status(early[2]).value().position, 3);
            QVERIFY(q.status(early[2]).value().preQueue);
            QCOMPARE(savedRooms(file), 0);
        }  // a clean shutdown: the rooms are saved
        QVERIFY(savedRooms(file) > 0);

        m_now += 5 * 60'000;  // down for five minutes: longer than idleSeconds (120)
        auto server = startServer(file);
        QVERIFY(server);
        QCOMPARE(savedRooms(file), 0);  // taken: applied once
        QueueService &q = *server->queue();
        // The tick at start (before any heartbeat) dropped nobody as idle: the downtime
        // was the server's, not theirs.
        QCOMPARE(q.tickCount(), 1);
        QCOMPARE(q.lastTick().value(open).dropped, 0);
        QCOMPARE(q.lastTick().value(open).waiting, 4 + 3);
        QCOMPARE(q.lastTick().value(later).dropped, 0);
        for (const QString &t : tokens + early)
            QCOMPARE(describe(q.status(t).value()), before.value(t));
        QCOMPARE(q.status(tokens[2]).value().state, QueueTicket::State::Expired);  // left, still known
        const QueueStats stats = q.stats(open).value();
        QCOMPARE(stats.capacity, 4);
        QCOMPARE(stats.sessionSeconds, 300);
        QVERIFY(stats.paused);
        QCOMPARE(stats.active, 2);
        QCOMPARE(stats.waiting, 4 + 3);
        QCOMPARE(q.stats(later).value().sessionSeconds, 90);
        QCOMPARE(q.stats(later).value().capacity, 2);  // never set: the default
        // The same user gets the same token back; a new user joins at the back.
        const JoinOutcome again = q.join(open, u"u4"_s, u"a"_s).value();
        QVERIFY(!again.created);
        QCOMPARE(again.ticket.token, tokens[4]);
        QCOMPARE(*again.ticket.position, 2);
        QCOMPARE(*q.join(open, u"newcomer"_s, u"a"_s).value().ticket.position, 8);

        // Still paused: another tick admits nobody.
        q.tick();
        QCOMPARE(q.lastTick().value(open).admitted, 0);
        QCOMPARE(q.status(tokens[6]).value().position, 4);
        // Unpaused, the line moves on in its order: capacity 4, two active, so u3 and u4.
        QVERIFY(q.updateSettings(open, {{}, {}, false}).ok());
        q.tick();
        QCOMPARE(q.status(tokens[3]).value().state, QueueTicket::State::Active);
        QCOMPARE(q.status(tokens[4]).value().state, QueueTicket::State::Active);
        QCOMPARE(q.status(tokens[5]).value().position, 1);
        // Admitted after the restart with the session length set before it.
        QCOMPARE(q.status(tokens[3]).value().expiresAt->toMSecsSinceEpoch(), m_now + 300'000);
        // The sale opens for the pre-queue later: shuffled then, as if nothing happened.
        QCOMPARE(q.status(early[0]).value().preQueue, true);
    }

    void failedSave_leavesTheLastSnapshotWhole()
    {
        const QString file = u"atomic.sqlite"_s;
        auto db = SqlDatabase::open(DatabaseUrl::parse(u"sqlite:"_s + m_dir.filePath(file)).value(), u"atomic"_s);
        QVERIFY(db.ok());
        SqlDatabase database = std::move(db).value();
        SqlQueueSnapshotStore snapshots(&database);
        using Token = MemoryQueueStore::SavedToken;
        const MemoryQueueStore::SavedRoom good{u"c1"_s, 2, true,
                                               {Token{u"c1.a"_s, u"ua"_s, true, Token::State::Waiting, 1, m_now},
                                                Token{u"c1.b"_s, u"ub"_s, true, Token::State::Active, m_now + 1000, 0}}};
        QCOMPARE(snapshots.save({good}, m_now).value(), 2);
        // A save that fails half-way (the second room repeats a token: a key violation
        // after rows were written) rolls back: the earlier snapshot stays, whole.
        MemoryQueueStore::SavedRoom bad{u"c2"_s, 3, false, {Token{u"c2.x"_s, u"ux"_s, true, Token::State::PreQueue, 1, m_now}}};
        bad.tokens.append(bad.tokens.first());
        QVERIFY(!snapshots.save({MemoryQueueStore::SavedRoom{u"c3"_s, 1, true, good.tokens}, bad}, m_now).ok());
        const auto taken = snapshots.take();
        QVERIFY(taken.ok());
        QCOMPARE(taken.value().size(), 1);
        QCOMPARE(taken.value().first().concertId, u"c1"_s);
        QCOMPARE(taken.value().first().tokens.size(), 2);
        QCOMPARE(snapshots.rooms().value(), 0);  // taken once
        QVERIFY(snapshots.take().value().isEmpty());
    }

    void redis_ignoresTheSnapshot()
    {
        const QUrl redis(Test::serviceUrl("BOXOFFICE_TEST_REDIS_URL"));
        QVERIFY2(redis.isValid() && redis.port() > 0, "no Redis: the CTest fixture 'services' starts one");
        // The Redis server's start tick runs on the fixture's shared Redis, where other tests
        // (tst_queuecluster) may be running a sale: with the clock moved ahead by the tests
        // before, it would drop their waiters as idle and end their sessions. Real time here.
        m_now = QDateTime::currentMSecsSinceEpoch();
        const QString file = u"redis.sqlite"_s;
        QString token;
        {
            auto server = startServer(file);
            QVERIFY(server);
            token = server->queue()->join(u"trot-king"_s, u"memory-user"_s, u"a"_s).value().ticket.token;
        }
        const qint64 saved = savedRooms(file);  // every room the promoter opened, this one with its waiter
        QVERIFY(saved > 0);
        {
            auto server = startServer(file, redis);
            QVERIFY(server);
            QCOMPARE(server->queue()->status(token).error().code, Failure::Code::NotFound);
        }
        QCOMPARE(savedRooms(file), saved);  // left alone, for the next run with the in-memory queue
        auto server = startServer(file);
        QVERIFY(server);
        QCOMPARE(server->queue()->status(token).value().state, QueueTicket::State::Active);  // admitted at the start tick
    }
};

QTEST_GUILESS_MAIN(TestQueueSnapshot)
#include "tst_queuesnapshot.moc"
