#pragma once

#include "domain/concert.h"
#include "domain/seatlayout.h"
#include "server/failure.h"

#include <QByteArray>
#include <QHash>

#include <memory>

namespace BoxOffice::Server {

class SqlCatalogStore;

// A performance's seat layout, encoded once: layouts are static, up to 60,000
// seats (a few MB of JSON), so the encoded document and its digest are kept.
struct LayoutDocument
{
    QByteArray json;
    QByteArray digest;  // hex; the route quotes it as the ETag
};

// What the seat rules need of a performance's layout: seat ids to indexes, tiers
// and prices. Shared by the performances of one concert.
struct SeatMap
{
    QString concertId;
    QList<Seat> seats;               // layout order
    QHash<QString, int> indexOf;     // seat id -> index
    QHash<QString, Money> priceOfTier;
    QHash<QString, QString> sectionName;  // section id -> name
    // "Section 109 · Row 1 · Seat 17": how people read a seat (tickets, orders).
    QString label(int index) const;
    // Best available's index, built once per performance by index(): per tier, its rows
    // (seat indexes in seat-number order, rows in section and row order), and the
    // stage's y (in front of the first seats).
    QHash<QString, QList<QList<int>>> rowsOfTier;
    double stageY = 0;
    void index();
};

class CatalogService
{
public:
    explicit CatalogService(SqlCatalogStore *store);

    Outcome<QList<Concert>> concerts();
    Outcome<Concert> concert(const QString &concertId);
    Outcome<LayoutDocument> layout(const QString &performanceId);
    Outcome<std::shared_ptr<const SeatMap>> seatMap(const QString &performanceId);

private:
    SqlCatalogStore *m_store;
    QHash<QString, LayoutDocument> m_layouts;
    QHash<QString, std::shared_ptr<const SeatMap>> m_seatMaps;  // by performance
};

} // namespace BoxOffice::Server
