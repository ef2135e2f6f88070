// QueueService's rules with a controlled clock: ETAs from the measured admission
// rate, and the pre-queue lottery when sales open.
#include "testsupport.h"

#include "server/queue/queueservice.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace BoxOffice;
using namespace BoxOffice::Server;
using namespace Qt::StringLiterals;

class TestQueueService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<BoxOfficeServer> m_server;
    qint64 m_now = 0;

    QueueService &queue() { return *m_server->queue(); }

private Q_SLOTS:
    void initTestCase()
    {
        ServerConfig config;
        config.port = 0;
        config.demo = true;
        config.tickMs = 3'600'000;  // the test ticks by hand
        config.queue.joinRatePerSecond = 0;
        config.queue.defaults = QueueSettings{10, 60, false};
        config.database = DatabaseUrl::parse(u"sqlite:"_s + m_dir.filePath(u"q.sqlite"_s)).value();
        m_now = QDateTime::currentMSecsSinceEpoch() / 10'000 * 10'000 + 10'000;
        config.clock = [this] { return m_now; };
        m_server = std::make_unique<BoxOfficeServer>(config);
        QVERIFY(m_server->start().ok());
    }

    void eta_beforeAnyAdmission_isCapacityPerSession()
    {
        QStringList tokens;
        for (int i = 0; i < 3; ++i)
            tokens << queue().join(u"indie-bloom"_s, u"e"_s + QString::number(i), u"a"_s).value().ticket.token;
        // 10 buyers per 60 s session: 1/6 per second; the third in line: 18 s.
        QCOMPARE(*queue().status(tokens[2]).value().etaSeconds, 18);
    }

    void eta_earlyInASale_leansOnThePrior()
    {
        // The room's first fill admits 10 at once: a burst, not the pace of the sale.
        const qint64 t0 = m_now;
        QStringList tokens;
        for (int i = 0; i < 100; ++i)
            tokens << queue().join(u"trot-king"_s, u"f"_s + QString::number(i), u"a"_s).value().ticket.token;
        queue().tick();
        m_now = t0 + 10'000;
        queue().tick();
        // The prior alone says 80 / (10 per 60 s) = 480 s; the burst alone would say 80 s.
        const QueueTicket last = queue().status(tokens[99]).value();
        QCOMPARE(*last.position, 90);
        QVERIFY2(*last.etaSeconds >= 300 && *last.etaSeconds <= 540, qPrintable(QString::number(*last.etaSeconds)));
        m_now = t0;
    }

    void paused_isInTheTicket()
    {
        const QString token = queue().join(u"ironclad-reunion"_s, u"paused-1"_s, u"a"_s).value().ticket.token;
        for (int i = 0; i < 12; ++i)  // the room is full: this one waits
            queue().join(u"ironclad-reunion"_s, u"paused-f"_s + QString::number(i), u"a"_s);
        const QString waiter = queue().join(u"ironclad-reunion"_s, u"paused-2"_s, u"a"_s).value().ticket.token;
        queue().tick();
        QVERIFY(!queue().status(waiter).value().paused);
        QVERIFY(queue().updateSettings(u"ironclad-reunion"_s, QueueSettingsChange{{}, {}, true}).ok());
        queue().tick();
        const QueueTicket t = queue().status(waiter).value();
        QCOMPARE(t.state, QueueTicket::State::Waiting);
        QVERIFY(t.paused);
        QVERIFY(t.toJson().value(u"paused"_s).toBool());
        QVERIFY(queue().updateSettings(u"ironclad-reunion"_s, QueueSettingsChange{{}, {}, false}).ok());
        queue().tick();
        QVERIFY(!queue().status(waiter).value().paused);
        Q_UNUSED(token);
    }

    void eta_followsTheMeasuredAdmissionRate()
    {
        // Sessions of 20 s: two session lengths (40 s) of measurement, and the
        // measured rate alone decides.
        QVERIFY(queue().updateSettings(u"haneul-encore"_s, QueueSettingsChange{{}, 20, {}}).ok());
        const qint64 t0 = m_now;
        QStringList tokens;
        for (int i = 0; i < 100; ++i)
            tokens << queue().join(u"haneul-encore"_s, u"r"_s + QString::number(i), u"a"_s).value().ticket.token;
        queue().tick();  // admits 10 at t0
        for (int i = 0; i < 10; ++i)
            QVERIFY(queue().leave(tokens[i]).ok());
        m_now = t0 + 30'000;
        queue().tick();  // 10 more at t0 + 30 s
        m_now = t0 + 40'000;
        queue().tick();  // room full: nobody admitted; the rate is measured again
        // 20 admitted over the 40 s since the first: 0.5 per second.
        const QueueTicket first = queue().status(tokens[20]).value();
        QCOMPARE(*first.position, 1);
        QCOMPARE(*first.etaSeconds, 2);
        const QueueTicket later = queue().status(tokens[99]).value();
        QCOMPARE(*later.position, 80);
        QCOMPARE(*later.etaSeconds, 160);
        m_now = t0;
    }

    void preQueue_isShuffledWhenSalesOpen()
    {
        QStringList tokens;
        for (int i = 0; i < 30; ++i) {
            const auto joined = queue().join(u"winter-musical"_s, u"p"_s + QString::number(i), u"a"_s);
            QVERIFY(joined.ok());
            QVERIFY(joined.value().ticket.preQueue);
            QCOMPARE(*joined.value().ticket.position, i + 1);
            tokens << joined.value().ticket.token;
        }
        const QDateTime opensAt = *queue().status(tokens[0]).value().opensAt;
        m_now = opensAt.toMSecsSinceEpoch() - 1000;
        for (const QString &token : std::as_const(tokens))
            QVERIFY(queue().status(token).ok());  // waiting in front of the screen: a heartbeat
        queue().tick();
        QVERIFY(queue().status(tokens[0]).value().preQueue);  // not yet

        m_now = opensAt.toMSecsSinceEpoch();
        queue().tick();  // opens: shuffles, then admits the first 10
        QSet<int> positions;
        int active = 0, kept = 0;
        for (int i = 0; i < 30; ++i) {
            const QueueTicket t = queue().status(tokens[i]).value();
            QVERIFY(!t.preQueue);
            if (t.state == QueueTicket::State::Active)
                ++active;
            else
                positions.insert(*t.position);
            if (t.state == QueueTicket::State::Active && i < 10)
                ++kept;
        }
        QCOMPARE(active, 10);
        QCOMPARE(positions.size(), 20);
        QCOMPARE(*std::max_element(positions.cbegin(), positions.cend()), 20);
        QVERIFY2(kept < 10, "a lottery, not arrival order (fails with odds of 1 in 30 choose 10)");

        // After opening, first come first served.
        const auto late = queue().join(u"winter-musical"_s, u"late"_s, u"a"_s).value().ticket;
        QVERIFY(!late.preQueue);
        QCOMPARE(*late.position, 21);
    }

    void tokens_carry128RandomBits()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString t = QueueService::newToken(u"c"_s);
            QCOMPARE(t.size(), 34);
            QCOMPARE(QueueService::concertOfToken(t), std::optional<QString>(u"c"_s));
            seen.insert(t);
        }
        QCOMPARE(seen.size(), 1000);
        QVERIFY(!QueueService::concertOfToken(u"c.XYZ"_s));
        QVERIFY(!QueueService::concertOfToken(u"../x.0123456789abcdef0123456789abcdef"_s));
    }
};

QTEST_GUILESS_MAIN(TestQueueService)
#include "tst_queueservice.moc"
