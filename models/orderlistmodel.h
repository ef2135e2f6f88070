#pragma once

#include "domain/concert.h"
#include "domain/order.h"

#include <QAbstractTableModel>
#include <QHash>

namespace BoxOffice {

// Orders as a table: code, time of purchase (the locale's format, in the venue's time
// zone), customer, seats, total (the locale's money format) and status. Display text
// per column and the raw value under SortRole. A search's answer is a full snapshot (one
// reset); one order read again (after a refund or a reissue) changes its row only.
// Also the words for people that order views share: statuses, ticket states, money,
// seat labels.
class OrderListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CodeColumn, TimeColumn, CustomerColumn, SeatsColumn, TotalColumn, StatusColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, OrderIdRole };

    explicit OrderListModel(QObject *parent = nullptr);

    // Where the orders' concerts play: their venues' zones, titles and start times.
    void setConcerts(const QList<Concert> &concerts);
    void setOrders(const QList<Order> &orders);
    // The order read again: its row changes (none when it is not listed).
    void updateOrder(const Order &order);
    const QList<Order> &orders() const { return m_orders; }
    std::optional<Order> order(const QString &orderId) const;
    int rowOf(const QString &orderId) const;

    // What is known of an order's performance (empty when its concert is not listed).
    struct Performance
    {
        QString concert;
        QString venue;
        QString timeZone;  // IANA; empty: the machine's
        QDateTime startsAt;
    };
    Performance performance(const Order &order) const;

    // The time of purchase in the venue's zone, in the locale's short format.
    QString timeText(const Order &order) const;
    static QString statusText(const QString &status);
    static QString ticketStateText(const QString &state);
    static QString customerText(const std::optional<Customer> &customer);
    // An amount in the locale's money format: "₩99,000" (English), "₩99,000" / "99,000원"
    // as the locale writes it; currencies with cents in their minor unit.
    static QString moneyText(const Money &money);
    // The server's seat label ("Section 109 · Row 1 · Seat 17") in the user's language.
    static QString seatLabelText(const QString &label);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Order> m_orders;
    QHash<QString, Performance> m_performances;  // by performance id
};

} // namespace BoxOffice
