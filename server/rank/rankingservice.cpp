#include "server/rank/rankingservice.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "domain/jsonreader.h"
#include "server/queue/redisconnection.h"
#include "server/sales/sqldatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRank, "boxoffice.server.rank")

namespace {

constexpr qint64 DayMs = 24 * 3600 * 1000LL;
constexpr qint64 FirstMinutesMs = 10 * 60 * 1000LL;
const Ranking::Window Windows[] = {Ranking::Window::Day, Ranking::Window::Week, Ranking::Window::All};

struct ConcertFigures
{
    QString title;
    int totalSeats = 0;
    qint64 salesOpenMs = 0;
    int soldAllTime = 0;
    qint64 lastSaleMs = 0;
    int soldInFirstMinutes = 0;
    QHash<Ranking::Window, int> soldInWindow;
};

// SELECT concert_id, <int>, … GROUP BY concert_id: fills `apply` per row.
template <typename Apply> bool perConcert(SqlDatabase *db, const QString &sql, const QVariantList &values, Apply apply)
{
    QSqlQuery &q = db->prepared(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qCWarning(lcRank) << "ranking query failed:" << describeError(q.lastError());
        return false;
    }
    while (q.next())
        apply(q);
    q.finish();
    return true;
}

} // namespace

RankingService::RankingService(SqlDatabase *database, RedisConnection *redis, qint64 periodMs, Clock clock)
    : m_database(database), m_redis(redis), m_periodMs(periodMs),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
}

QByteArray RankingService::cacheKey(Ranking::Window window)
{
    return "rankings:" + Ranking::windowName(window).toUtf8();
}

Outcome<QHash<Ranking::Window, Ranking>> RankingService::compute(SqlDatabase *database, qint64 nowMs)
{
    QHash<QString, ConcertFigures> figures;
    const Failure down{Failure::Code::Unavailable, u"the database is unavailable"_s, {}};
    if (!perConcert(database,
                    u"SELECT c.id, c.title, SUM(p.seat_count), MIN(p.sales_open_at) FROM concerts c"
                    " JOIN performances p ON p.concert_id = c.id GROUP BY c.id, c.title"_s,
                    {}, [&](const QSqlQuery &q) {
                        ConcertFigures &f = figures[q.value(0).toString()];
                        f.title = q.value(1).toString();
                        f.totalSeats = q.value(2).toInt();
                        f.salesOpenMs = q.value(3).toLongLong();
                    }))
        return down;
    if (!perConcert(database, u"SELECT concert_id, COUNT(*), MAX(sold_at) FROM sales GROUP BY concert_id"_s, {},
                    [&](const QSqlQuery &q) {
                        ConcertFigures &f = figures[q.value(0).toString()];
                        f.soldAllTime = q.value(1).toInt();
                        f.lastSaleMs = q.value(2).toLongLong();
                        f.soldInWindow[Ranking::Window::All] = f.soldAllTime;
                    }))
        return down;
    for (const auto &[window, since] : {std::pair{Ranking::Window::Day, nowMs - DayMs},
                                        std::pair{Ranking::Window::Week, nowMs - 7 * DayMs}}) {
        if (!perConcert(database, u"SELECT concert_id, COUNT(*) FROM sales WHERE sold_at >= ? GROUP BY concert_id"_s,
                        {since}, [&, window = window](const QSqlQuery &q) {
                            figures[q.value(0).toString()].soldInWindow[window] = q.value(1).toInt();
                        }))
            return down;
    }
    if (!perConcert(database,
                    u"SELECT s.concert_id, COUNT(*) FROM sales s JOIN performances p ON p.id = s.performance_id"
                    " WHERE s.sold_at < p.sales_open_at + ? GROUP BY s.concert_id"_s,
                    {FirstMinutesMs}, [&](const QSqlQuery &q) {
                        figures[q.value(0).toString()].soldInFirstMinutes = q.value(1).toInt();
                    }))
        return down;

    QHash<Ranking::Window, Ranking> out;
    for (Ranking::Window window : Windows) {
        Ranking ranking;
        ranking.window = window;
        ranking.generatedAt = QDateTime::fromMSecsSinceEpoch(nowMs - nowMs % 1000, Qt::UTC);
        qint64 soldInWindow = 0;
        for (const ConcertFigures &f : std::as_const(figures))
            soldInWindow += f.soldInWindow.value(window);
        for (auto it = figures.cbegin(); it != figures.cend(); ++it) {
            const ConcertFigures &f = *it;
            if (f.title.isEmpty())
                continue;  // sales of a concert no longer in the catalog
            RankingEntry e;
            e.concertId = it.key();
            e.title = f.title;
            e.soldSeats = f.soldInWindow.value(window);
            e.bookingShare = soldInWindow > 0 ? double(e.soldSeats) / double(soldInWindow) : 0;
            e.totalSeats = f.totalSeats;
            e.soldRatio = f.totalSeats > 0 ? double(f.soldAllTime) / f.totalSeats : 0;
            if (f.totalSeats > 0 && f.soldAllTime >= f.totalSeats)
                e.soldOutSeconds = (f.lastSaleMs - f.salesOpenMs) / 1000;
            e.velocity = double(f.soldInFirstMinutes) / 10.0;
            ranking.entries.append(e);
        }
        std::sort(ranking.entries.begin(), ranking.entries.end(), [](const RankingEntry &a, const RankingEntry &b) {
            if (a.bookingShare != b.bookingShare)
                return a.bookingShare > b.bookingShare;
            if (a.soldOutSeconds.has_value() != b.soldOutSeconds.has_value())
                return a.soldOutSeconds.has_value();  // sold out before still selling
            if (a.soldOutSeconds && *a.soldOutSeconds != *b.soldOutSeconds)
                return *a.soldOutSeconds < *b.soldOutSeconds;
            if (a.soldRatio != b.soldRatio)
                return a.soldRatio > b.soldRatio;
            return a.concertId < b.concertId;
        });
        for (qsizetype i = 0; i < ranking.entries.size(); ++i)
            ranking.entries[i].rank = int(i + 1);
        out.insert(window, ranking);
    }
    return out;
}

std::optional<Ranking> RankingService::cached(Ranking::Window window)
{
    QByteArray json;
    if (m_redis) {
        auto reply = m_redis->command({"GET", cacheKey(window)});
        if (!reply || reply.value().isNil())
            return std::nullopt;
        json = reply.value().string;
    } else {
        json = m_memory.value(window);
    }
    auto parsed = parseJson(json);
    if (!parsed)
        return std::nullopt;
    auto ranking = Ranking::fromJson(parsed.value());
    return ranking ? std::optional<Ranking>(ranking.value()) : std::nullopt;
}

bool RankingService::store(const Ranking &ranking)
{
    const QByteArray json = QJsonDocument(ranking.toJson()).toJson(QJsonDocument::Compact);
    if (!m_redis) {
        m_memory.insert(ranking.window, json);
        return true;
    }
    auto reply = m_redis->command({"SET", cacheKey(ranking.window), json});
    return reply.ok() && reply.value().type != RedisValue::Type::Error;
}

bool RankingService::due(qint64 now)
{
    const std::optional<Ranking> previousAll = cached(Ranking::Window::All);
    return !previousAll || now - previousAll->generatedAt.toMSecsSinceEpoch() >= m_periodMs * 8 / 10;
}

QList<Ranking::Window> RankingService::refresh(bool force)
{
    const qint64 now = m_clock();
    if (!force && !due(now))
        return {};  // another instance refreshed it
    auto computed = compute(m_database, now);
    if (!computed)
        return {};
    return apply(computed.value());
}

void RankingService::refreshInBackground()
{
    if (!m_background || m_inFlight)
        return;
    const qint64 now = m_clock();
    if (!due(now))
        return;
    m_inFlight = true;
    // A connection of its own, opened and closed in the worker: the aggregation never
    // holds up the requests of this thread's connection.
    const DatabaseUrl url = *m_background;
    auto *watcher = new QFutureWatcher<std::optional<QHash<Ranking::Window, Ranking>>>(m_context.get());
    QObject::connect(watcher, &QFutureWatcherBase::finished, m_context.get(), [this, watcher] {
        watcher->deleteLater();
        m_inFlight = false;
        if (const auto computed = watcher->result())
            apply(*computed);
    });
    watcher->setFuture(QtConcurrent::run([url, now]() -> std::optional<QHash<Ranking::Window, Ranking>> {
        static QAtomicInt serial;
        auto db = SqlDatabase::open(url, u"rankings-%1"_s.arg(serial.fetchAndAddRelaxed(1)));
        if (!db) {
            qCWarning(lcRank).noquote() << "rankings: cannot open the database:" << db.error();
            return std::nullopt;
        }
        SqlDatabase database = std::move(db).value();
        auto computed = compute(&database, now);
        if (!computed)
            return std::nullopt;
        return computed.value();
    }));
}

QList<Ranking::Window> RankingService::apply(const QHash<Ranking::Window, Ranking> &computed)
{
    const std::optional<Ranking> previousAll = cached(Ranking::Window::All);
    QList<Ranking::Window> changed;
    for (Ranking::Window window : Windows) {
        Ranking ranking = computed.value(window);
        const std::optional<Ranking> previous = window == Ranking::Window::All ? previousAll : cached(window);
        QHash<QString, int> previousRank;
        if (previous)
            for (const RankingEntry &e : previous->entries)
                previousRank.insert(e.concertId, e.rank);
        for (RankingEntry &e : ranking.entries)
            if (const auto it = previousRank.constFind(e.concertId); it != previousRank.cend())
                e.rankChange = *it - e.rank;
        // Changed: another order or other figures (the rank changes and the time aside).
        bool same = previous && previous->entries.size() == ranking.entries.size();
        for (qsizetype i = 0; same && i < ranking.entries.size(); ++i) {
            const RankingEntry &a = ranking.entries[i], &b = previous->entries[i];
            same = a.concertId == b.concertId && a.soldSeats == b.soldSeats && a.soldOutSeconds == b.soldOutSeconds
                   && a.totalSeats == b.totalSeats;
        }
        if (same)
            for (qsizetype i = 0; i < ranking.entries.size(); ++i)
                ranking.entries[i].rankChange = previous->entries[i].rankChange;  // kept until the next change
        if (!store(ranking))
            qCWarning(lcRank) << "cannot cache the ranking";
        if (!same)
            changed << window;
    }
    return changed;
}

Outcome<Ranking> RankingService::read(Ranking::Window window, int limit)
{
    auto ranking = cached(window);
    if (!ranking)
        return Failure{Failure::Code::Unavailable, u"the ranking is not available yet"_s, {}};
    if (limit >= 0 && ranking->entries.size() > limit)
        ranking->entries.resize(limit);
    return *ranking;
}

} // namespace BoxOffice::Server
