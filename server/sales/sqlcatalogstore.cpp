#include "server/sales/sqlcatalogstore.h"

#include "server/sales/democatalog.h"
#include "server/sales/sqldatabase.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCatalog, "boxoffice.server.catalog")

namespace {

QDateTime fromMs(const QVariant &v)
{
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

} // namespace

SqlCatalogStore::SqlCatalogStore(SqlDatabase *database) : m_database(database) {}

Outcome<QList<Concert>> SqlCatalogStore::concerts()
{
    return readConcerts({});
}

Outcome<Concert> SqlCatalogStore::concert(const QString &concertId)
{
    auto list = readConcerts(concertId);
    if (!list)
        return list.error();
    if (list.value().isEmpty())
        return Failure{Failure::Code::NotFound, u"no concert with id \"%1\""_s.arg(concertId.left(100)), {}};
    return list.value().first();
}

Outcome<QList<Concert>> SqlCatalogStore::readConcerts(const QString &onlyId)
{
    const QString filter = onlyId.isNull() ? QString() : u" WHERE c.id = ?"_s;
    QSqlQuery q(m_database->db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT c.id, c.title, c.artist, c.genre, v.id, v.name, v.seat_count, v.time_zone"
              " FROM concerts c JOIN venues v ON v.id = c.venue_id"_s + filter + u" ORDER BY c.ordinal"_s);
    if (!onlyId.isNull())
        q.addBindValue(onlyId);
    if (!q.exec())
        return databaseFailure(q);
    QList<Concert> list;
    QHash<QString, qsizetype> indexOf;
    while (q.next()) {
        Concert c;
        c.id = q.value(0).toString();
        c.title = q.value(1).toString();
        c.artist = q.value(2).toString();
        c.genre = q.value(3).toString();
        c.venue = {q.value(4).toString(), q.value(5).toString(), q.value(6).toInt(), q.value(7).toString()};
        indexOf.insert(c.id, list.size());
        list.append(c);
    }
    if (list.isEmpty())
        return list;

    QSqlQuery p(m_database->db());
    p.setForwardOnly(true);
    p.prepare(u"SELECT id, concert_id, starts_at, sales_open_at, seat_count, available FROM performances"_s
              + (onlyId.isNull() ? QString() : u" WHERE concert_id = ?"_s) + u" ORDER BY starts_at, id"_s);
    if (!onlyId.isNull())
        p.addBindValue(onlyId);
    if (!p.exec())
        return databaseFailure(p);
    while (p.next()) {
        const auto at = indexOf.constFind(p.value(1).toString());
        if (at == indexOf.cend())
            continue;
        list[*at].performances.append({p.value(0).toString(), fromMs(p.value(2)), fromMs(p.value(3)),
                                       p.value(4).toInt(), p.value(5).toInt()});
    }
    return list;
}

Outcome<SeatLayout> SqlCatalogStore::layout(const QString &performanceId)
{
    QSqlQuery q(m_database->db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT p.concert_id, v.id, v.name FROM performances p"
              " JOIN concerts c ON c.id = p.concert_id JOIN venues v ON v.id = c.venue_id WHERE p.id = ?"_s);
    q.addBindValue(performanceId);
    if (!q.exec())
        return databaseFailure(q);
    if (!q.next())
        return Failure{Failure::Code::NotFound, u"no performance with id \"%1\""_s.arg(performanceId.left(100)), {}};

    SeatLayout layout;
    layout.performanceId = performanceId;
    const QString concertId = q.value(0).toString();
    layout.venueId = q.value(1).toString();
    layout.venueName = q.value(2).toString();

    q.prepare(u"SELECT id, name, tier FROM sections WHERE venue_id = ? ORDER BY ordinal"_s);
    q.addBindValue(layout.venueId);
    if (!q.exec())
        return databaseFailure(q);
    while (q.next())
        layout.sections.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});

    q.prepare(u"SELECT id, name, price, currency FROM tiers WHERE concert_id = ? ORDER BY ordinal"_s);
    q.addBindValue(concertId);
    if (!q.exec())
        return databaseFailure(q);
    while (q.next())
        layout.tiers.append({q.value(0).toString(), q.value(1).toString(),
                             {q.value(2).toLongLong(), q.value(3).toString()}});

    q.prepare(u"SELECT id, section, row_label, number, x, y, tier FROM seats WHERE venue_id = ? ORDER BY idx"_s);
    q.addBindValue(layout.venueId);
    if (!q.exec())
        return databaseFailure(q);
    while (q.next())
        layout.seats.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toInt(), q.value(4).toDouble(), q.value(5).toDouble(),
                             q.value(6).toString()});
    return layout;
}

Outcome<QString> SqlCatalogStore::concertOfPerformance(const QString &performanceId)
{
    QSqlQuery q(m_database->db());
    q.prepare(u"SELECT concert_id FROM performances WHERE id = ?"_s);
    q.addBindValue(performanceId);
    if (!q.exec())
        return databaseFailure(q);
    if (!q.next())
        return Failure{Failure::Code::NotFound, u"no performance with id \"%1\""_s.arg(performanceId.left(100)), {}};
    return q.value(0).toString();
}

Result<bool, QString> SqlCatalogStore::seedDemo(const DemoCatalog &catalog)
{
    QSqlDatabase &db = m_database->db();
    if (!db.transaction())
        return QString(u"cannot start a transaction: "_s + describeError(db.lastError()));
    m_database->lockForSetup();
    QSqlQuery q(db);
    if (!q.exec(u"SELECT COUNT(*) FROM venues"_s) || !q.next()) {
        db.rollback();
        return QString(u"cannot read venues: "_s + describeError(q.lastError()));
    }
    if (q.value(0).toInt() > 0) {
        db.commit();
        return false;
    }
    auto written = writeDemo(catalog);
    if (!written) {
        db.rollback();
        return written.error();
    }
    if (!db.commit())
        return QString(u"cannot commit the demo catalog: "_s + describeError(db.lastError()));
    return true;
}

Result<bool, QString> SqlCatalogStore::writeDemo(const DemoCatalog &catalog)
{
    QList<QVariantList> venues, sections, seats, concerts, tiers, performances, orders, sales;
    QHash<QString, const DemoCatalog::Venue *> venueById;
    for (const DemoCatalog::Venue &v : catalog.venues) {
        venueById.insert(v.id, &v);
        venues.append({v.id, v.name, int(v.seats.size()), v.timeZone});
        for (qsizetype i = 0; i < v.sections.size(); ++i)
            sections.append({v.id, v.sections[i].id, v.sections[i].name, v.sections[i].tier, int(i)});
        for (qsizetype i = 0; i < v.seats.size(); ++i) {
            const Seat &s = v.seats[i];
            seats.append({v.id, int(i), s.id, s.section, s.row, s.number, s.x, s.y, s.tier});
        }
    }
    for (qsizetype ci = 0; ci < catalog.concerts.size(); ++ci) {
        const DemoCatalog::Concert &c = catalog.concerts[ci];
        concerts.append({c.id, c.title, c.artist, c.genre, c.venueId, int(ci)});
        for (qsizetype i = 0; i < c.tiers.size(); ++i)
            tiers.append({c.id, c.tiers[i].id, c.tiers[i].name, c.tiers[i].price.amount, c.tiers[i].price.currency,
                          int(i)});
        const int seatCount = int(venueById.value(c.venueId)->seats.size());
        for (const auto &p : c.performances)
            performances.append({p.id, c.id, p.startsAt.toMSecsSinceEpoch(), p.salesOpenAt.toMSecsSinceEpoch(),
                                 seatCount, seatCount, 0});
    }
    for (const DemoCatalog::Order &o : catalog.orders) {
        orders.append({o.id, o.performanceId, QVariant(QMetaType::fromType<QString>()), u"card"_s, o.amount,
                       u"KRW"_s, o.purchasedAt.toMSecsSinceEpoch()});
        const qint64 perSeat = o.amount / qMax(1, int(o.seatIndexes.size()));
        for (int idx : o.seatIndexes)
            sales.append({o.performanceId, idx, o.concertId, o.id, perSeat, o.purchasedAt.toMSecsSinceEpoch()});
    }

    const struct
    {
        const char16_t *table;
        QStringList columns;
        const QList<QVariantList> *rows;
    } inserts[] = {
        {u"venues", {u"id"_s, u"name"_s, u"seat_count"_s, u"time_zone"_s}, &venues},
        {u"sections", {u"venue_id"_s, u"id"_s, u"name"_s, u"tier"_s, u"ordinal"_s}, &sections},
        {u"seats", {u"venue_id"_s, u"idx"_s, u"id"_s, u"section"_s, u"row_label"_s, u"number"_s, u"x"_s, u"y"_s, u"tier"_s}, &seats},
        {u"concerts", {u"id"_s, u"title"_s, u"artist"_s, u"genre"_s, u"venue_id"_s, u"ordinal"_s}, &concerts},
        {u"tiers", {u"concert_id"_s, u"id"_s, u"name"_s, u"price"_s, u"currency"_s, u"ordinal"_s}, &tiers},
        {u"performances", {u"id"_s, u"concert_id"_s, u"starts_at"_s, u"sales_open_at"_s, u"seat_count"_s, u"available"_s, u"version"_s}, &performances},
        {u"orders", {u"id"_s, u"performance_id"_s, u"token"_s, u"method"_s, u"amount"_s, u"currency"_s, u"purchased_at"_s}, &orders},
        {u"sales", {u"performance_id"_s, u"idx"_s, u"concert_id"_s, u"order_id"_s, u"amount"_s, u"sold_at"_s}, &sales},
    };
    QElapsedTimer timer;
    timer.start();
    for (const auto &insert : inserts) {
        if (auto ok = m_database->insertRows(QString::fromUtf16(insert.table), insert.columns, *insert.rows); !ok)
            return ok.error();
        qCDebug(lcCatalog) << "inserted" << insert.rows->size() << "rows into" << QString::fromUtf16(insert.table)
                           << "at" << timer.elapsed() << "ms";
    }

    // Seat state: every seat available, then the sold ones sold; counts to match.
    QSqlQuery q(m_database->db());
    for (const DemoCatalog::Concert &c : catalog.concerts) {
        for (const auto &p : c.performances) {
            q.prepare(u"INSERT INTO seat_state (performance_id, idx, status) SELECT ?, idx, 'A' FROM seats WHERE venue_id = ?"_s);
            q.addBindValue(p.id);
            q.addBindValue(c.venueId);
            if (!q.exec())
                return QString(u"cannot create seat state: "_s + describeError(q.lastError()));
        }
    }
    const QString statements[] = {
        u"UPDATE seat_state SET status = 'S' WHERE EXISTS (SELECT 1 FROM sales s"
        " WHERE s.performance_id = seat_state.performance_id AND s.idx = seat_state.idx)"_s,
        u"UPDATE performances SET available = (SELECT COUNT(*) FROM seat_state s"
        " WHERE s.performance_id = performances.id AND s.status = 'A')"_s,
    };
    qCDebug(lcCatalog) << "seat state created at" << timer.elapsed() << "ms";
    for (const QString &statement : statements) {
        if (!q.exec(statement))
            return QString(u"cannot mark sold seats: "_s + describeError(q.lastError()));
        qCDebug(lcCatalog) << "seat state updated at" << timer.elapsed() << "ms";
    }
    qCInfo(lcCatalog) << "seeded the demo catalog:" << catalog.venues.size() << "venues," << catalog.concerts.size()
                      << "concerts," << sales.size() << "seats sold";
    return true;
}

} // namespace BoxOffice::Server
