#include "server/sales/catalogservice.h"

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

} // namespace BoxOffice::Server
