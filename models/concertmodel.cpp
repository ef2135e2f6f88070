#include "models/concertmodel.h"

#include "domain/venuetime.h"

#include <QFont>
#include <QLocale>

namespace BoxOffice {

ConcertModel::ConcertModel(QObject *parent)
    : QAbstractItemModel(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

void ConcertModel::setConcerts(QList<Concert> concerts)
{
    beginResetModel();
    m_concerts = std::move(concerts);
    endResetModel();
}

void ConcertModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    if (!m_concerts.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_concerts.size()) - 1, ColumnCount - 1));
}

ConcertModel::SalesState ConcertModel::salesState(const PerformanceSummary &performance, const QDateTime &now)
{
    if (performance.salesOpenAt > now)
        return SalesState::Upcoming;
    return performance.available > 0 ? SalesState::OnSale : SalesState::SoldOut;
}

QModelIndex ConcertModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ConcertModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ConcertModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_concerts.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_concerts.at(parent.row()).performances.size());
}

int ConcertModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ConcertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return concertData(m_concerts.at(index.row()), index.column(), role);
    const Concert &concert = m_concerts.at(int(index.internalId() - 1));
    return performanceData(concert.performances.at(index.row()), concert.venue.timeZone, index.column(), role);
}

QVariant ConcertModel::concertData(const Concert &concert, int column, int role) const
{
    int seats = 0, available = 0;
    for (const auto &p : concert.performances)
        seats += p.seatCount, available += p.available;

    switch (role) {
    case IdRole: return concert.id;
    case KindRole: return QVariant::fromValue(Kind::Concert);
    case AvailableFractionRole: return seats > 0 ? double(available) / seats : 0.0;
    case Qt::FontRole:
        if (column == TitleColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == TitleColumn)
            return tr("%1 by %2").arg(concert.title, concert.artist);
        return {};
    case Qt::DisplayRole:
    case SortRole:
        switch (column) {
        case TitleColumn: return concert.title;
        case ArtistColumn: return concert.artist;
        case GenreColumn: return concert.genre;
        case VenueColumn: return concert.venue.name;
        case SalesColumn:
            if (role == SortRole)
                return concert.performances.isEmpty() ? QDateTime() : concert.performances.first().startsAt;
            return tr("%n performance(s)", nullptr, int(concert.performances.size()));
        case AvailableColumn:
            if (role == SortRole)
                return available;
            return tr("%1 of %2").arg(QLocale().toString(available), QLocale().toString(seats));
        }
    }
    return {};
}

QVariant ConcertModel::performanceData(const PerformanceSummary &p, const QString &zone, int column, int role) const
{
    const QLocale locale;
    switch (role) {
    case IdRole: return p.id;
    case KindRole: return QVariant::fromValue(Kind::Performance);
    case AvailableFractionRole: return p.seatCount > 0 ? double(p.available) / p.seatCount : 0.0;
    case Qt::ToolTipRole:
        if (column == SalesColumn)
            return tr("Sales open %1").arg(locale.toString(inVenueZone(p.salesOpenAt, zone), QLocale::LongFormat));
        return {};
    case Qt::DisplayRole:
    case SortRole:
        switch (column) {
        case TitleColumn:
            if (role == SortRole)
                return p.startsAt;
            return locale.toString(inVenueZone(p.startsAt, zone), tr("ddd d MMM yyyy, HH:mm"));
        case SalesColumn:
            if (role == SortRole)
                return int(salesState(p, m_clock()));
            switch (salesState(p, m_clock())) {
            case SalesState::Upcoming:
                return tr("Opens %1").arg(locale.toString(inVenueZone(p.salesOpenAt, zone), tr("d MMM, HH:mm")));
            case SalesState::OnSale: return tr("On sale");
            case SalesState::SoldOut: return tr("Sold out");
            }
            return {};
        case AvailableColumn:
            if (role == SortRole)
                return p.available;
            return tr("%1 of %2").arg(locale.toString(p.available), locale.toString(p.seatCount));
        default: return {};
        }
    }
    return {};
}

QVariant ConcertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Concert / performance");
    case ArtistColumn: return tr("Artist");
    case GenreColumn: return tr("Genre");
    case VenueColumn: return tr("Venue");
    case SalesColumn: return tr("Sales");
    case AvailableColumn: return tr("Seats available");
    }
    return {};
}

} // namespace BoxOffice
