// One conformance suite for both queue stores: MemoryQueueStore and RedisQueueStore
// (on the real Redis the CTest fixture starts). Times are explicit: no sleeps.
#include "testsupport.h"

#include "server/queue/memoryqueuestore.h"
#include "server/queue/queueservice.h"
#include "server/queue/redisconnection.h"
#include "server/queue/redisqueuestore.h"
#include "server/queue/sqlqueuesettingsstore.h"
#include "server/sales/catalogservice.h"
#include "server/sales/democatalog.h"
#include "server/sales/sqlcatalogstore.h"
#include "server/sales/sqldatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace BoxOffice;
using namespace BoxOffice::Server;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

using State = QueuePlace::State;

class TestQueueStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<RedisConnection> m_redis;
    std::unique_ptr<QueueStore> m_store;
    QString m_concert;
    QueueSettings m_defaults{3, 60, false};
    static constexpr qint64 T0 = 1'800'000'000'000;  // a fixed "now"
    static constexpr qint64 Idle = 120'000;
    static constexpr qint64 Retention = 3'600'000;

    QueueStore &store() { return *m_store; }

    // The store as a restart leaves it: a new, empty in-memory store, or Redis emptied
    // of the room's keys (a Redis restarted without persistence).
    void loseState()
    {
        if (m_redis) {
            QByteArrayList del{"DEL"};
            del += RedisQueueStore::keys(m_concert);
            QVERIFY(m_redis->command(del).ok());
        } else {
            m_store = std::make_unique<MemoryQueueStore>();
        }
        QVERIFY(!store().counts(m_concert, T0, m_defaults).value().open);
        QCOMPARE(store().counts(m_concert, T0, m_defaults).value().settings.capacity, m_defaults.capacity);
    }

    // A catalog of one concert (this test's), on sale since an hour before T0.
    static DemoCatalog oneConcert(const QString &concertId)
    {
        DemoCatalog c;
        Section section;
        section.id = u"s"_s;
        section.name = u"Floor"_s;
        section.tier = u"t"_s;
        Seat seat;
        seat.id = u"s-1-1"_s;
        seat.section = u"s"_s;
        seat.row = u"1"_s;
        seat.number = 1;
        seat.tier = u"t"_s;
        c.venues.append({u"hall"_s, u"Hall"_s, {section}, {seat}, u"UTC"_s});
        const QDateTime opens = QDateTime::fromMSecsSinceEpoch(T0 - 3'600'000, Qt::UTC);
        c.concerts.append({concertId, u"Title"_s, u"Artist"_s, u"Pop"_s, u"hall"_s, {Tier{u"t"_s, u"All"_s, Money{1000, u"KRW"_s}}},
                           {{concertId + u"-p1"_s, opens.addDays(30), opens}}});
        return c;
    }

    QString join(const QString &user, qint64 now = T0)
    {
        auto p = store().join(m_concert, user, u"tok-"_s + user + u'-' + QString::number(now), now);
        return p ? p.value().token : QString();
    }
    QueuePlace status(const QString &token, qint64 now = T0)
    {
        auto p = store().status(m_concert, token, now);
        return p ? p.value() : QueuePlace{};
    }
    PromoteResult promote(qint64 now = T0)
    {
        auto r = store().promote(m_concert, now, Idle, Retention, m_defaults);
        return r ? r.value() : PromoteResult{-1, -1, -1, -1, -1, false, -1, -1};
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("memory") << u"memory"_s;
        QTest::newRow("redis") << u"redis"_s;
        QTest::newRow("redis-cluster") << u"redis-cluster"_s;  // 3 masters, 3 replicas: the slot map, MOVED
    }

    void init()
    {
        QFETCH_GLOBAL(QString, kind);
        m_concert = u"c"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);  // fresh keys per test
        if (kind == u"memory") {
            m_store = std::make_unique<MemoryQueueStore>();
        } else if (kind == u"redis-cluster") {
            const QString seeds = serviceUrl("BOXOFFICE_TEST_REDIS_CLUSTER");
            QVERIFY2(!seeds.isEmpty(), "no Redis Cluster: the CTest fixture 'cluster' starts one");
            QList<RedisEndpoint> nodes;
            for (const QString &seed : seeds.mid(8).split(u','))  // redis://h:p,h:p…
                nodes.append({seed.section(u':', 0, 0), seed.section(u':', 1).toInt()});
            m_redis = std::make_unique<RedisConnection>(nodes.mid(0, 1));  // one seed: the rest from the cluster
            m_store = std::make_unique<RedisQueueStore>(m_redis.get());
            QVERIFY(m_store->isHealthy());
            QVERIFY(m_redis->isCluster());
        } else {
            const QUrl url(serviceUrl("BOXOFFICE_TEST_REDIS_URL"));
            QVERIFY2(url.isValid() && url.port() > 0, "no Redis: the CTest fixture 'services' starts one");
            m_redis = std::make_unique<RedisConnection>(url.host(), url.port());
            m_store = std::make_unique<RedisQueueStore>(m_redis.get());
            QVERIFY(m_store->isHealthy());
        }
    }

    void cleanup()
    {
        m_store.reset();
        m_redis.reset();
    }

    void join_isIdempotentPerUser()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        auto first = store().join(m_concert, u"alice"_s, u"t1"_s, T0);
        QVERIFY(first.ok());
        QVERIFY(first.value().created);
        QCOMPARE(first.value().state, State::Waiting);
        QCOMPARE(first.value().position, 1);
        join(u"bob"_s);
        auto again = store().join(m_concert, u"alice"_s, u"t2"_s, T0 + 1000);
        QVERIFY(again.ok());
        QVERIFY(!again.value().created);
        QCOMPARE(again.value().token, u"t1"_s);
        QCOMPARE(again.value().position, 1);
        QCOMPARE(again.value().waiting, 2);
    }

    void positions_followArrival()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        QStringList tokens;
        for (int i = 0; i < 10; ++i)
            tokens << join(u"u"_s + QString::number(i));
        for (int i = 0; i < 10; ++i) {
            const QueuePlace p = status(tokens[i]);
            QCOMPARE(p.state, State::Waiting);
            QCOMPARE(p.position, i + 1);
            QCOMPARE(p.waiting, 10);
        }
        QCOMPARE(status(u"never-issued"_s).state, State::Unknown);
    }

    void promote_admitsEarliestUpToCapacity()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        QStringList tokens;
        for (int i = 0; i < 5; ++i)
            tokens << join(u"u"_s + QString::number(i));
        const PromoteResult r = promote();
        QCOMPARE(r.admitted, 3);
        QCOMPARE(r.active, 3);
        QCOMPARE(r.waiting, 2);
        for (int i = 0; i < 3; ++i) {
            const QueuePlace p = status(tokens[i]);
            QCOMPARE(p.state, State::Active);
            QCOMPARE(p.expiresAtMs, T0 + 60'000);
        }
        QCOMPARE(status(tokens[3]).position, 1);
        QCOMPARE(promote(T0 + 500).admitted, 0);  // full
        // A returning user who is active gets the same token, still active.
        auto back = store().join(m_concert, u"u0"_s, u"other"_s, T0 + 600);
        QCOMPARE(back.value().token, tokens[0]);
        QCOMPARE(back.value().state, State::Active);
    }

    void statusMany_answersForEveryTokenInOneCall()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        QStringList tokens;
        for (int i = 0; i < 5; ++i)
            tokens << join(u"u"_s + QString::number(i));
        promote();
        auto many = store().statusMany(m_concert, {tokens[4], tokens[0], u"never-issued"_s, tokens[3]}, T0 + 10);
        QVERIFY(many.ok());
        QCOMPARE(many.value().size(), 4);
        QCOMPARE(many.value()[0].state, State::Waiting);
        QCOMPARE(many.value()[0].position, 2);
        QCOMPARE(many.value()[0].token, tokens[4]);
        QCOMPARE(many.value()[1].state, State::Active);
        QCOMPARE(many.value()[2].state, State::Unknown);
        QCOMPARE(many.value()[3].position, 1);
        // It is a heartbeat too.
        QCOMPARE(promote(T0 + Idle + 5).dropped, 0);
    }

    void leave_freesActiveSlotAtOnce()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        QStringList tokens;
        for (int i = 0; i < 4; ++i)
            tokens << join(u"u"_s + QString::number(i));
        promote();
        QCOMPARE(store().leave(m_concert, tokens[1], T0 + 50).value(), true);
        QCOMPARE(status(tokens[1]).state, State::Expired);
        QCOMPARE(promote(T0 + 100).admitted, 1);
        QCOMPARE(status(tokens[3]).state, State::Active);
        QCOMPARE(store().leave(m_concert, u"never-issued"_s, T0 + 50).value(), false);
        // Leaving releases the user: a new join makes a new token at the back.
        auto rejoin = store().join(m_concert, u"u1"_s, u"fresh"_s, T0 + 200);
        QVERIFY(rejoin.value().created);
        QCOMPARE(rejoin.value().token, u"fresh"_s);
    }

    void sessions_expireAndFreeTheirSlots()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        QStringList tokens;
        for (int i = 0; i < 4; ++i)
            tokens << join(u"u"_s + QString::number(i));
        promote();
        status(tokens[3], T0 + 59'000);  // keeps the waiter alive
        QCOMPARE(status(tokens[0], T0 + 59'999).state, State::Active);
        QCOMPARE(status(tokens[0], T0 + 60'000).state, State::Expired);
        const PromoteResult r = promote(T0 + 60'000);
        QCOMPARE(r.expired, 3);
        QCOMPARE(r.admitted, 1);
        QCOMPARE(status(tokens[0], T0 + 60'001).state, State::Expired);
        QCOMPARE(status(tokens[3], T0 + 60'001).state, State::Active);
    }

    void idleWaiters_areDroppedAndStatusIsAHeartbeat()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        QVERIFY(store().updateSettings(m_concert, {0, {}, {}}, m_defaults).ok());  // admit nobody
        const QString quiet = join(u"quiet"_s);
        const QString polling = join(u"polling"_s);
        status(polling, T0 + Idle / 2);
        const PromoteResult r = promote(T0 + Idle + 1);
        QCOMPARE(r.dropped, 1);
        QCOMPARE(status(quiet, T0 + Idle + 2).state, State::Expired);
        const QueuePlace kept = status(polling, T0 + Idle + 2);
        QCOMPARE(kept.state, State::Waiting);
        QCOMPARE(kept.position, 1);
    }

    void paused_admitsNobodyAndSettingsPersist()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        auto s = store().updateSettings(m_concert, {5, 90, true}, m_defaults);
        QVERIFY(s.ok());
        QCOMPARE(s.value().capacity, 5);
        QCOMPARE(s.value().sessionSeconds, 90);
        QVERIFY(s.value().paused);
        join(u"a"_s);
        QCOMPARE(promote().admitted, 0);
        auto c = store().counts(m_concert, T0, m_defaults);
        QVERIFY(c.ok());
        QCOMPARE(c.value().waiting, 1);
        QVERIFY(c.value().settings.paused);
        QVERIFY(c.value().open);
        QVERIFY(store().updateSettings(m_concert, {{}, {}, false}, m_defaults).ok());
        QCOMPARE(promote(T0 + 1).admitted, 1);
        c = store().counts(m_concert, T0 + 2, m_defaults);
        QCOMPARE(c.value().settings.capacity, 5);  // unchanged by the partial update
        QCOMPARE(c.value().admittedLastMinute, 1);
        QCOMPARE(c.value().active, 1);
    }

    void preQueue_isShuffledOnceAtOpeningAheadOfLaterJoins()
    {
        QStringList early;
        for (int i = 0; i < 50; ++i)
            early << join(u"early"_s + QString::number(i), T0 + i);
        const QueuePlace before = status(early[7], T0 + 100);
        QCOMPARE(before.state, State::PreQueue);
        QCOMPARE(before.position, 8);
        QCOMPARE(before.waiting, 50);
        QCOMPARE(promote(T0 + 100).admitted, 0);  // not open yet

        const quint32 seed = 123456789;
        QCOMPARE(store().open(m_concert, seed).value(), 50);
        QCOMPARE(store().open(m_concert, seed).value(), -1);  // once
        const QString late = join(u"late"_s, T0 + 200);

        // The order is the documented lottery: the same in both stores.
        const QList<qsizetype> order = MemoryQueueStore::shuffledOrder(50, seed);
        bool moved = false;
        for (int k = 0; k < 50; ++k) {
            const QString token = early[order[k]];
            QCOMPARE(status(token, T0 + 300).position, k + 1);
            moved = moved || order[k] != k;
        }
        QVERIFY(moved);
        QCOMPARE(status(late, T0 + 300).position, 51);
    }

    void syntheticUsers_stayAlive()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        QVERIFY(store().updateSettings(m_concert, {0, {}, {}}, m_defaults).ok());
        QCOMPARE(store().addSynthetic(m_concert, 1200, T0, m_concert + u".sim-"_s).value(), 1200);
        const PromoteResult r = promote(T0 + 10 * Idle);
        QCOMPARE(r.dropped, 0);
        QCOMPARE(r.waiting, 1200);
    }

    void history_keepsOneSamplePerBucketAndTheLastHour()
    {
        const qint64 bucket = QueueStore::HistoryBucketMs;
        QVERIFY(store().recordHistory(m_concert, {T0, 5, 1}).value());
        QVERIFY(!store().recordHistory(m_concert, {T0 + 1, 6, 2}).value());  // the same bucket: the first wins
        QVERIFY(store().recordHistory(m_concert, {T0 + bucket, 7, 3}).value());
        QCOMPARE(store().history(m_concert).value(),
                 (QList<QueueSample>{{T0, 5, 1}, {T0 + bucket, 7, 3}}));
        for (int i = 2; i < QueueStore::HistoryKeep + 10; ++i)
            QVERIFY(store().recordHistory(m_concert, {T0 + i * bucket, i, 0}).value());
        const QList<QueueSample> h = store().history(m_concert).value();
        QCOMPARE(h.size(), QueueStore::HistoryKeep);
        QCOMPARE(h.last().waiting, QueueStore::HistoryKeep + 9);
        QCOMPARE(h.first().waiting, 10);
        QVERIFY(store().history(m_concert + u"-other"_s).value().isEmpty());
    }

    void expireActive_endsTheSoonestSessions()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        QStringList tokens;
        for (int i = 0; i < 5; ++i)
            tokens << join(u"u"_s + QString::number(i));
        QCOMPARE(promote(T0).admitted, 3);  // capacity 3: u0..u2 active
        QCOMPARE(store().expireActive(m_concert, 2, T0).value(), (QStringList{tokens[0], tokens[1]}));
        QCOMPARE(status(tokens[0], T0 + 1).state, QueuePlace::State::Expired);
        QCOMPARE(status(tokens[1], T0 + 1).state, QueuePlace::State::Expired);
        QCOMPARE(status(tokens[2], T0 + 1).state, QueuePlace::State::Active);
        // Their slots go to the next waiters at the next tick.
        QCOMPARE(promote(T0 + 2).admitted, 2);
        QCOMPARE(status(tokens[4], T0 + 3).state, QueuePlace::State::Active);
        QCOMPARE(store().expireActive(m_concert, 100, T0 + 3).value().size(), 3);
        QCOMPARE(store().expireActive(m_concert, 100, T0 + 3).value().size(), 0);
    }

    void endedTokens_readExpiredForTheRetentionThenAreForgotten()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        const QString left = join(u"leaver"_s);
        QVERIFY(store().leave(m_concert, left, T0 + 10).value());
        QCOMPARE(promote(T0 + 9 + Retention).forgotten, 0);
        QCOMPARE(status(left, T0 + 9 + Retention).state, State::Expired);
        QCOMPARE(promote(T0 + 10 + Retention).forgotten, 1);
        QCOMPARE(status(left, T0 + 11 + Retention).state, State::Unknown);
        QCOMPARE(store().entries(m_concert).value(), 0);
        // The user is free to join again, with a new token.
        auto again = store().join(m_concert, u"leaver"_s, u"later"_s, T0 + 12 + Retention);
        QVERIFY(again.value().created);
    }

    // Adversarial pass: 50,000 dropped joins left 50,000 entries in :tokens and :users for
    // good. Every way a token ends (dropped idle, session expired, left, expired by staff)
    // is forgotten after the retention; the room's state goes back to where it started.
    void droppedAndEndedTokens_leaveNoStateBehind()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        const qint64 before = store().entries(m_concert).value();
        constexpr int N = 3000;
        QStringList tokens;
        for (int i = 0; i < N; ++i)
            tokens << join(u"idle-"_s + QString::number(i));
        QVERIFY(store().entries(m_concert).value() >= before + 4 * N);
        QCOMPARE(promote(T0).admitted, 3);                                  // capacity 3
        const QStringList byStaff = store().expireActive(m_concert, 1, T0 + 1).value();
        QCOMPARE(byStaff.size(), 1);
        const QString leaver = byStaff.contains(tokens[0]) ? tokens[1] : tokens[0];
        QVERIFY(store().leave(m_concert, leaver, T0 + 1).value());
        const PromoteResult dropped = promote(T0 + Idle + 1);  // the third session expired too
        QCOMPARE(dropped.dropped, N - 3);
        QCOMPARE(dropped.expired, 1);
        // Within the retention every one of them reads expired.
        for (const QString &t : {tokens[0], tokens[1], tokens[2], tokens[3], tokens[N - 1]})
            QCOMPARE(status(t, T0 + Idle + 2).state, State::Expired);
        const PromoteResult forgotten = promote(T0 + Idle + 1 + Retention);
        QCOMPARE(forgotten.forgotten, N);
        QCOMPARE(status(tokens[N - 1], T0 + Idle + 2 + Retention).state, State::Unknown);
        QCOMPARE(store().entries(m_concert).value(), before);
    }

    // The store's memory comes back for reuse: rounds of joins that are all dropped and
    // forgotten do not grow the process (memory) or Redis's used memory (Redis); the
    // pass measured ~35 MB per 100,000 dropped joins before.
    void droppedJoins_doNotGrowTheStoresMemory()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        QVERIFY(store().updateSettings(m_concert, {0, {}, {}}, m_defaults).ok());  // admit nobody
        auto rssKb = [this] {
            if (m_redis) {  // Redis's own count of what it holds
                const auto info = m_redis->commandFor(RedisQueueStore::keys(m_concert).first(), {"INFO", "memory"});
                for (const QByteArray &line : info ? info.value().string.split('\n') : QByteArrayList{})
                    if (line.startsWith("used_memory:"))
                        return line.mid(12).trimmed().toLongLong() / 1024;
                return qint64(-1);
            }
            QFile f(u"/proc/self/status"_s);
            if (!f.open(QIODevice::ReadOnly))
                return qint64(-1);
            for (const QByteArray &line : f.readAll().split('\n'))
                if (line.startsWith("VmRSS:"))
                    return line.mid(6).trimmed().split(' ').first().toLongLong();
            return qint64(-1);
        };
        constexpr int N = 100'000;
        qint64 now = T0;
        qint64 afterFirst = 0;
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < N; ++i)
                store().join(m_concert, u"r%1-u%2"_s.arg(round).arg(i), u"r%1-t%2"_s.arg(round).arg(i), now);
            now += Idle + 1;
            qint64 dropped = 0;
            for (PromoteResult r; (r = promote(now)).dropped > 0;)
                dropped += r.dropped;
            QCOMPARE(dropped, N);
            now += Retention;
            qint64 forgotten = 0;
            for (PromoteResult r; (r = promote(now)).forgotten > 0;)
                forgotten += r.forgotten;
            QCOMPARE(forgotten, N);
            QCOMPARE(store().entries(m_concert).value(), 0);
            if (round == 0)
                afterFirst = rssKb();
        }
        const qint64 growthKb = rssKb() - afterFirst;
        QVERIFY(afterFirst > 0);
        qInfo() << "memory after the first round" << afterFirst << "kB; two more rounds added" << growthKb << "kB";
        QVERIFY2(growthKb < 12 * 1024, qPrintable(u"grew by %1 kB"_s.arg(growthKb)));
    }

    // Issue 12: staff's settings are kept in SQL as well as in the store, and go back
    // into a store that lost them: at start, and when the tick finds the room forgotten.
    void settings_roundTripThroughSql()
    {
        // As deployed: the in-memory queue with SQLite, Redis with PostgreSQL (so the
        // upsert runs on both dialects).
        QTemporaryDir dir;
        QString url = u"sqlite:"_s + dir.filePath(u"s.sqlite"_s);
        if (m_redis) {
            const auto pg = freshPostgresDatabase();
            QVERIFY2(pg, "no PostgreSQL: the CTest fixture 'services' starts one");
            url = *pg;
        }
        auto db = SqlDatabase::open(DatabaseUrl::parse(url).value(), u"settings-"_s + m_concert);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        SqlDatabase database = std::move(db).value();
        SqlCatalogStore catalogStore(&database);
        QVERIFY(catalogStore.seedDemo(oneConcert(m_concert)).ok());
        CatalogService catalog(&catalogStore);
        SqlQueueSettingsStore durable(&database);
        QueueOptions options;
        options.defaults = m_defaults;
        options.joinRatePerSecond = 0;
        const auto clock = [] { return T0; };

        {
            QueueService service(m_store.get(), &catalog, options, clock, {}, &durable);
            QVERIFY(service.updateSettings(m_concert, {5, 90, true}).ok());
            QVERIFY(service.updateSettings(m_concert, {{}, 120, {}}).ok());  // a partial change keeps the rest
            const QueueSettingsChange row = durable.one(m_concert).value();
            QCOMPARE(row.capacity, 5);
            QCOMPARE(row.sessionSeconds, 120);
            QCOMPARE(row.paused, true);
            QVERIFY(durable.all().value().contains(m_concert));
        }
        loseState();
        if (QTest::currentTestFailed())
            return;
        // At start: the service puts them back before anything else.
        QueueService restarted(m_store.get(), &catalog, options, clock, {}, &durable);
        QCOMPARE(restarted.restoreSettings().value(), 1);
        QueueSettings s = store().counts(m_concert, T0, m_defaults).value().settings;
        QCOMPARE(s.capacity, 5);
        QCOMPARE(s.sessionSeconds, 120);
        QVERIFY(s.paused);
        QCOMPARE(restarted.stats(m_concert).value().capacity, 5);

        // Running: the room opens at a tick; the store then forgets everything (Redis
        // restarted empty); the next tick finds it forgotten and puts the settings back.
        QVERIFY(restarted.updateSettings(m_concert, {7, {}, false}).ok());
        restarted.tick();
        QVERIFY(store().counts(m_concert, T0, m_defaults).value().open);
        if (m_redis) {
            loseState();
            if (QTest::currentTestFailed())
                return;
            restarted.tick();
            s = store().counts(m_concert, T0, m_defaults).value().settings;
            QCOMPARE(s.capacity, 7);
            QCOMPARE(s.sessionSeconds, 120);
            QVERIFY(!s.paused);
            restarted.tick();
            QVERIFY(store().counts(m_concert, T0, m_defaults).value().open);  // and open again
        }
    }

    void admissionRate_isMeasuredAtEachTick()
    {
        QVERIFY(store().open(m_concert, 1).ok());
        QStringList tokens;
        for (int i = 0; i < 6; ++i)
            tokens << join(u"u"_s + QString::number(i));
        QCOMPARE(promote(T0).admittedInWindow, 3);
        QVERIFY(store().leave(m_concert, tokens[0], T0).value());
        promote(T0 + 20'000);
        const PromoteResult r = promote(T0 + 30'000);
        QCOMPARE(r.admittedInWindow, 4);
        QCOMPARE(r.windowMs, 30'000);
        // Five minutes later those admissions no longer count.
        QCOMPARE(promote(T0 + 400'000).admittedInWindow, 0);
    }
};

QTEST_GUILESS_MAIN(TestQueueStore)
#include "tst_queuestore.moc"
