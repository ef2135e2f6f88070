// Promoter tick cost with 1,000,000 waiting, in Redis server time per call (INFO
// commandstats), for BoxOffice's promote script and the peer's PROMOTE_LUA on the
// same Redis in the same run.
//   bench_promoter REDIS_PORT [PEER_SERVER_JS]
#include "server/queue/redisconnection.h"
#include "server/queue/redisqueuestore.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <cstdio>

using namespace BoxOffice::Server;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Waiting = 1'000'000;

double serverMicros(RedisConnection &redis, const QByteArray &command)
{
    const auto info = redis.command({"INFO", "commandstats"});
    const QRegularExpression re(u"cmdstat_%1:calls=(\\d+),usec=(\\d+)"_s.arg(QString::fromLatin1(command)));
    const auto m = re.match(QString::fromUtf8(info.value().string));
    return m.hasMatch() ? m.captured(2).toDouble() : 0;
}

// Fills a sorted set with `count` members inside Redis (a Lua loop: no round trips).
void fill(RedisConnection &redis, const QByteArray &key, qint64 count, const QByteArray &prefix)
{
    const QByteArray script = "for i = 1, tonumber(ARGV[1]) do redis.call('ZADD', KEYS[1], i, ARGV[2] .. i) end return 1";
    for (qint64 done = 0; done < count; done += 100'000)
        redis.command({"EVAL", script, "1", key, "100000", prefix + QByteArray::number(done) + "-"});
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_promoter REDIS_PORT [../shared/bench/peer/server.js]\n");
        return 2;
    }
    RedisConnection redis(u"127.0.0.1"_s, QByteArray(argv[1]).toInt());
    redis.setTimeouts(std::chrono::milliseconds(1000), std::chrono::milliseconds(60000));
    if (!redis.ping()) {
        std::fprintf(stderr, "no Redis on port %s\n", argv[1]);
        return 1;
    }
    QByteArray peerScript;
    if (argc > 2) {
        QFile js(QString::fromLocal8Bit(argv[2]));
        if (js.open(QIODevice::ReadOnly)) {
            const QByteArray text = js.readAll();
            const qsizetype start = text.indexOf("const PROMOTE_LUA = `") + 21;
            peerScript = text.mid(start, text.indexOf('`', start) - start);
        }
    }

    if (!peerScript.isEmpty())
        redis.command({"SCRIPT", "LOAD", peerScript});
    RedisQueueStore store(&redis);
    const QString concert = u"bench-promoter"_s;
    QList<QByteArray> del{"DEL"};
    del += RedisQueueStore::keys(concert);
    del += {"wr:{bench}:waiting", "wr:{bench}:active"};
    redis.command(del);

    std::printf("| admitted per tick | BoxOffice (us) | BoxOffice per admitted (us) | peer (us) | peer per admitted (us) | ratio |\n");
    std::printf("|---|---|---|---|---|---|\n");
    for (qint64 admitted : {0LL, 100LL, 1000LL, 10000LL}) {
        // Refill to exactly 1,000,000 waiting and an empty room, then one tick.
        const qint64 now = 1'800'000'000'000;
        redis.command(del);
        store.open(concert, 1);
        store.addSynthetic(concert, Waiting, now, concert + u".s-"_s);
        QueueSettingsChange change;
        change.capacity = int(admitted);
        store.updateSettings(concert, change, {});
        store.promote(concert, now, 120'000, 3'600'000, {});  // loads the script
        redis.command(del);
        store.open(concert, 1);
        store.addSynthetic(concert, Waiting, now, concert + u".s-"_s);
        store.updateSettings(concert, change, {});
        redis.command({"CONFIG", "RESETSTAT"});
        const auto result = store.promote(concert, now, 120'000, 3'600'000, {});
        const double ours = serverMicros(redis, "evalsha");
        if (!result || result.value().admitted != admitted || result.value().waiting != Waiting - admitted) {
            std::fprintf(stderr, "unexpected promote result\n");
            return 1;
        }

        double peer = 0;
        if (!peerScript.isEmpty()) {
            fill(redis, "wr:{bench}:waiting", Waiting, "p");
            redis.command({"DEL", "wr:{bench}:active"});
            redis.command({"CONFIG", "RESETSTAT"});
            // EVALSHA of a loaded script, as ours: neither pays for compiling.
            redis.eval(peerScript, {"wr:{bench}:waiting", "wr:{bench}:active"},
                       {QByteArray::number(now), QByteArray::number(admitted), "180000"});
            peer = serverMicros(redis, "evalsha");
        }
        const auto per = [admitted](double us) { return admitted ? us / double(admitted) : 0.0; };
        std::printf("| %lld | %.0f | %.2f | %.0f | %.2f | %.2f |\n", admitted, ours, per(ours), peer, per(peer),
                    peer > 0 ? ours / peer : 0.0);
        std::fflush(stdout);
    }
    redis.command(del);
    return 0;
}
