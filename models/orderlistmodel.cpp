#include "models/orderlistmodel.h"

#include "domain/venuetime.h"

#include <QLocale>
#include <QRegularExpression>

namespace BoxOffice {

using namespace Qt::StringLiterals;

OrderListModel::OrderListModel(QObject *parent) : QAbstractTableModel(parent) {}

void OrderListModel::setConcerts(const QList<Concert> &concerts)
{
    m_performances.clear();
    for (const Concert &c : concerts)
        for (const PerformanceSummary &p : c.performances)
            m_performances.insert(p.id, {c.title, c.venue.name, c.venue.timeZone, p.startsAt});
    if (!m_orders.isEmpty())  // the times may move to their venues' zones
        Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn));
}

void OrderListModel::setOrders(const QList<Order> &orders)
{
    beginResetModel();
    m_orders = orders;
    endResetModel();
}

void OrderListModel::updateOrder(const Order &order)
{
    const int row = rowOf(order.orderId);
    if (row < 0)
        return;
    m_orders[row] = order;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

std::optional<Order> OrderListModel::order(const QString &orderId) const
{
    const int row = rowOf(orderId);
    return row < 0 ? std::nullopt : std::optional<Order>(m_orders.at(row));
}

int OrderListModel::rowOf(const QString &orderId) const
{
    for (qsizetype i = 0; i < m_orders.size(); ++i)
        if (m_orders.at(i).orderId == orderId)
            return int(i);
    return -1;
}

OrderListModel::Performance OrderListModel::performance(const Order &order) const
{
    return m_performances.value(order.performanceId);
}

QString OrderListModel::timeText(const Order &order) const
{
    const QDateTime at = inVenueZone(order.purchasedAt, performance(order).timeZone);
    return QLocale().toString(at, QLocale::ShortFormat);
}

QString OrderListModel::statusText(const QString &status)
{
    if (status == u"paid")
        return tr("Paid");
    if (status == u"partially_refunded")
        return tr("Partly refunded");
    if (status == u"refunded")
        return tr("Refunded");
    return status;
}

QString OrderListModel::ticketStateText(const QString &state)
{
    if (state == u"valid")
        return tr("Valid");
    if (state == u"used")
        return tr("Used");
    if (state == u"refunded")
        return tr("Refunded");
    if (state == u"revoked")
        return tr("Revoked");
    return state;
}

QString OrderListModel::customerText(const std::optional<Customer> &customer)
{
    if (!customer)
        return {};
    if (!customer->name.isEmpty())
        return customer->name;
    return !customer->phone.isEmpty() ? customer->phone : customer->email;
}

QString OrderListModel::moneyText(const Money &money)
{
    const QLocale locale;
    QString symbol;
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == money.currency)
        symbol = locale.currencySymbol(QLocale::CurrencySymbol);
    else if (money.currency == u"KRW")
        symbol = u"₩"_s;
    else if (money.currency == u"JPY")
        symbol = u"¥"_s;
    else if (money.currency == u"USD")
        symbol = u"$"_s;
    else if (money.currency == u"EUR")
        symbol = u"€"_s;
    else if (money.currency == u"GBP")
        symbol = u"£"_s;
    else
        symbol = money.currency + u' ';
    // The amount is in the smallest unit: won and yen have no cents.
    if (money.currency == u"KRW" || money.currency == u"JPY" || money.currency.isEmpty())
        return locale.toCurrencyString(money.amount, symbol);
    return locale.toCurrencyString(double(money.amount) / 100.0, symbol, 2);
}

QString OrderListModel::seatLabelText(const QString &label)
{
    // "Section 109 · Row 1 · Seat 17", "Upper 205 · Row 3 · Seat 4": the server's words,
    // said in the user's language; anything else as it is.
    static const QRegularExpression pattern(u"^(.*) · Row (.+) · Seat (.+)$"_s);
    const QRegularExpressionMatch m = pattern.match(label);
    if (!m.hasMatch())
        return label;
    QString section = m.captured(1);
    if (section.startsWith(u"Section "_s))
        section = tr("Section %1").arg(section.mid(8));
    return tr("%1 · Row %2 · Seat %3").arg(section, m.captured(2), m.captured(3));
}

int OrderListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_orders.size());
}

int OrderListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Order &o = m_orders.at(index.row());
    if (role == OrderIdRole)
        return o.orderId;
    if (role == Qt::TextAlignmentRole)
        return index.column() == SeatsColumn || index.column() == TotalColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case CodeColumn: return tr("Order id: %1").arg(o.orderId);
        case CustomerColumn:
            if (o.customer) {
                QStringList lines;
                for (const QString &s : {o.customer->name, o.customer->phone, o.customer->email})
                    if (!s.isEmpty())
                        lines << s;
                return lines.join(u'\n');
            }
            return o.soldBy.isEmpty() ? tr("Bought online") : QVariant();
        case TimeColumn: return performance(o).concert;
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool raw = role == SortRole;
    switch (index.column()) {
    case CodeColumn: return o.code.isEmpty() ? o.orderId : o.code;
    case TimeColumn: return raw ? QVariant(o.purchasedAt.toMSecsSinceEpoch()) : QVariant(timeText(o));
    case CustomerColumn: return customerText(o.customer);
    case SeatsColumn: return raw ? QVariant(int(o.seats.size())) : QVariant(QLocale().toString(o.seats.size()));
    case TotalColumn: return raw ? QVariant(o.total.amount) : QVariant(moneyText(o.total));
    case StatusColumn: return raw ? o.status : statusText(o.status);
    }
    return {};
}

QVariant OrderListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn: return tr("Code");
    case TimeColumn: return tr("Bought");
    case CustomerColumn: return tr("Customer");
    case SeatsColumn: return tr("Seats");
    case TotalColumn: return tr("Total");
    case StatusColumn: return tr("Status");
    }
    return {};
}

} // namespace BoxOffice
