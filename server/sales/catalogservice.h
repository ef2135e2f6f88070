#pragma once

#include "domain/concert.h"
#include "server/failure.h"

#include <QByteArray>
#include <QHash>

namespace BoxOffice::Server {

class SqlCatalogStore;

// A performance's seat layout, encoded once: layouts are static, up to 60,000
// seats (a few MB of JSON), so the encoded document and its digest are kept.
struct LayoutDocument
{
    QByteArray json;
    QByteArray digest;  // hex; the route quotes it as the ETag
};

class CatalogService
{
public:
    explicit CatalogService(SqlCatalogStore *store);

    Outcome<QList<Concert>> concerts();
    Outcome<Concert> concert(const QString &concertId);
    Outcome<LayoutDocument> layout(const QString &performanceId);

private:
    SqlCatalogStore *m_store;
    QHash<QString, LayoutDocument> m_layouts;
};

} // namespace BoxOffice::Server
