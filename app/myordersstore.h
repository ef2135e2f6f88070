#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

class QSettings;

namespace BoxOffice {

// The orders this client bought as a buyer, kept in its settings (client.ini, group
// "myOrders"): each order's id and the queue token that bought it, which is what reads
// the order back (GET /api/v1/orders/{id} with X-Queue-Token, even after the session).
// Newest first; at most MaxOrders are kept. A small typed wrapper over the injected
// QSettings.
class MyOrdersStore
{
public:
    struct Entry
    {
        QString orderId;
        QString token;
        QDateTime purchasedAt;
        friend bool operator==(const Entry &, const Entry &) = default;
    };
    static constexpr int MaxOrders = 200;

    explicit MyOrdersStore(QSettings *settings) : m_settings(settings) {}

    QList<Entry> entries() const;
    // Adds (or moves to the front) one purchase, and writes it out at once.
    void add(const Entry &entry);
    void remove(const QString &orderId);

private:
    void write(const QList<Entry> &entries);

    QSettings *m_settings;
};

} // namespace BoxOffice
