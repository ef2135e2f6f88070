#include "app/myordersstore.h"

#include <QSettings>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QList<MyOrdersStore::Entry> MyOrdersStore::entries() const
{
    QList<Entry> out;
    const int n = m_settings->beginReadArray(u"myOrders"_s);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        Entry e{m_settings->value(u"orderId"_s).toString(), m_settings->value(u"token"_s).toString(),
                QDateTime::fromString(m_settings->value(u"purchasedAt"_s).toString(), Qt::ISODate)};
        if (!e.orderId.isEmpty() && !e.token.isEmpty())
            out << e;
    }
    m_settings->endArray();
    return out;
}

void MyOrdersStore::add(const Entry &entry)
{
    QList<Entry> list = entries();
    list.removeIf([&entry](const Entry &e) { return e.orderId == entry.orderId; });
    list.prepend(entry);
    if (list.size() > MaxOrders)
        list.resize(MaxOrders);
    write(list);
}

void MyOrdersStore::remove(const QString &orderId)
{
    QList<Entry> list = entries();
    if (list.removeIf([&orderId](const Entry &e) { return e.orderId == orderId; }) > 0)
        write(list);
}

void MyOrdersStore::write(const QList<Entry> &entries)
{
    m_settings->remove(u"myOrders"_s);
    m_settings->beginWriteArray(u"myOrders"_s, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(u"orderId"_s, entries[i].orderId);
        m_settings->setValue(u"token"_s, entries[i].token);
        m_settings->setValue(u"purchasedAt"_s, entries[i].purchasedAt.toUTC().toString(Qt::ISODate));
    }
    m_settings->endArray();
    m_settings->sync();  // a crash after a purchase still finds it
}

} // namespace BoxOffice
