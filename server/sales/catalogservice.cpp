#include "server/sales/catalogservice.h"

#include <QMap>

#include <algorithm>

#include "server/sales/sqlcatalogstore.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace BoxOffice::Server {

CatalogService::CatalogService(SqlCatalogStore *store) : m_store(store) {}

Outcome<QList<Concert>> CatalogService::concerts()
{
    return m_store->concerts();
}

Outcome<Concert> CatalogService::concert(const QString &concertId)
{
    return m_store->concert(concertId);
}

Outcome<LayoutDocument> CatalogService::layout(const QString &performanceId)
{
    if (const auto it = m_layouts.constFind(performanceId); it != m_layouts.cend())
        return *it;
    auto layout = m_store->layout(performanceId);
    if (!layout)
        return layout.error();
    LayoutDocument doc;
    doc.json = QJsonDocument(layout.value().toJson()).toJson(QJsonDocument::Compact);
    doc.digest = QCryptographicHash::hash(doc.json, QCryptographicHash::Sha256).toHex().left(32);
    m_layouts.insert(performanceId, doc);
    return doc;
}

void SeatMap::index()
{
    QMap<QPair<QString, QString>, QList<int>> rows;  // (tier, section \x1f row) → seats, ordered
    stageY = 0;
    for (qsizetype i = 0; i < seats.size(); ++i) {
        stageY = std::min(stageY, seats[i].y);
        rows[{seats[i].tier, seats[i].section + u'\x1f' + seats[i].row}].append(int(i));
    }
    stageY -= 10;
    rowsOfTier.clear();
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        QList<int> &row = *it;
        std::sort(row.begin(), row.end(), [this](int a, int b) { return seats[a].number < seats[b].number; });
        rowsOfTier[it.key().first].append(row);
    }
}

QString SeatMap::label(int index) const
{
    using namespace Qt::StringLiterals;
    if (index < 0 || index >= seats.size())
        return {};
    const Seat &seat = seats[index];
    // "Section 109", but "Upper 205" and "Floor A" as they are named.
    const QString name = sectionName.value(seat.section, seat.section);
    const bool bare = !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](QChar c) { return c.isDigit() || c.isUpper(); })
                      && name.size() <= 4;
    return u"%1 · Row %2 · Seat %3"_s.arg(bare ? u"Section "_s + name : name, seat.row).arg(seat.number);
}

Outcome<std::shared_ptr<const SeatMap>> CatalogService::seatMap(const QString &performanceId)
{
    if (const auto it = m_seatMaps.constFind(performanceId); it != m_seatMaps.cend())
        return *it;
    auto concertId = m_store->concertOfPerformance(performanceId);
    if (!concertId)
        return concertId.error();
    // Performances of one concert share a map.
    for (auto it = m_seatMaps.cbegin(); it != m_seatMaps.cend(); ++it) {
        if ((*it)->concertId == concertId.value()) {
            m_seatMaps.insert(performanceId, *it);
            return *it;
        }
    }
    auto layout = m_store->layout(performanceId);
    if (!layout)
        return layout.error();
    auto map = std::make_shared<SeatMap>();
    map->concertId = concertId.value();
    map->seats = layout.value().seats;
    map->indexOf.reserve(map->seats.size());
    for (qsizetype i = 0; i < map->seats.size(); ++i)
        map->indexOf.insert(map->seats[i].id, int(i));
    for (const Tier &t : layout.value().tiers)
        map->priceOfTier.insert(t.id, t.price);
    for (const Section &section : layout.value().sections)
        map->sectionName.insert(section.id, section.name);
    map->index();
    m_seatMaps.insert(performanceId, map);
    return std::shared_ptr<const SeatMap>(map);
}

} // namespace BoxOffice::Server
