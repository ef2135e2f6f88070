#include "models/rankingmodel.h"

#include <QLocale>

#include <limits>

namespace BoxOffice {

RankingModel::RankingModel(QObject *parent) : QAbstractTableModel(parent) {}

void RankingModel::setRanking(const Ranking &ranking)
{
    bool sameRows = ranking.window == m_ranking.window && ranking.entries.size() == m_ranking.entries.size();
    for (qsizetype i = 0; sameRows && i < ranking.entries.size(); ++i)
        sameRows = ranking.entries[i].concertId == m_ranking.entries[i].concertId;
    if (!sameRows) {
        beginResetModel();
        m_ranking = ranking;
        endResetModel();
        return;
    }
    m_ranking = ranking;
    if (!m_ranking.entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RankingModel::setSalesOpen(const QHash<QString, QDateTime> &opensAt)
{
    if (opensAt == m_opensAt)
        return;
    m_opensAt = opensAt;
    if (!m_ranking.entries.isEmpty())
        Q_EMIT dataChanged(index(0, SellOutColumn), index(rowCount() - 1, SellOutColumn));
}

int RankingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ranking.entries.size());
}

int RankingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RankingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RankingEntry &e = m_ranking.entries.at(index.row());
    const QLocale locale;
    if (role == ConcertIdRole)
        return e.concertId;
    if (role == Qt::TextAlignmentRole)
        return index.column() == ConcertColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case SoldColumn:
            return tr("Seats sold in this period: %1").arg(locale.toString(e.soldSeats));
        case SellThroughColumn:
            return tr("%1 of %2 seats sold since sales opened")
                .arg(locale.toString(qRound64(e.soldRatio * e.totalSeats)), locale.toString(e.totalSeats));
        case ShareColumn:
            return tr("This concert's share of all seats sold in this period");
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool raw = role == SortRole;
    switch (index.column()) {
    case RankColumn: return e.rank;
    case ConcertColumn: return e.title;
    case ShareColumn: return raw ? QVariant(e.bookingShare) : QVariant(locale.toString(e.bookingShare * 100, 'f', 1) + u'%');
    case SoldColumn: return raw ? QVariant(e.soldSeats) : QVariant(locale.toString(e.soldSeats));
    case SellThroughColumn:
        return raw ? QVariant(e.soldRatio) : QVariant(locale.toString(e.soldRatio * 100, 'f', 0) + u'%');
    case SellOutColumn:
        if (!e.soldOutSeconds) {
            // After every sold-out time: those selling, then those not open yet.
            const QDateTime opens = m_opensAt.value(e.concertId);
            if (opens.isValid() && opens > m_now())
                return raw ? QVariant(std::numeric_limits<qint64>::max())
                           : QVariant(tr("opens %1").arg(locale.toString(opens.toLocalTime(), tr("d MMM, HH:mm"))));
            return raw ? QVariant(std::numeric_limits<qint64>::max() - 1) : QVariant(tr("selling"));
        }
        if (raw)
            return *e.soldOutSeconds;
        if (*e.soldOutSeconds < 3600)
            return tr("%1 min %2 s").arg(*e.soldOutSeconds / 60).arg(*e.soldOutSeconds % 60);
        if (*e.soldOutSeconds < 86400)
            return tr("%1 h %2 min").arg(*e.soldOutSeconds / 3600).arg(*e.soldOutSeconds % 3600 / 60);
        return tr("%1 days").arg(locale.toString(double(*e.soldOutSeconds) / 86400, 'f', 1));
    case VelocityColumn: return raw ? QVariant(e.velocity) : QVariant(tr("%1 /min").arg(locale.toString(e.velocity, 'f', 1)));
    case ChangeColumn:
        if (!e.rankChange)
            return raw ? QVariant(0) : QVariant(tr("new"));
        if (raw)
            return *e.rankChange;
        return *e.rankChange > 0 ? tr("▲ %1").arg(*e.rankChange) : *e.rankChange < 0 ? tr("▼ %1").arg(-*e.rankChange) : tr("–");
    }
    return {};
}

QVariant RankingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RankColumn: return tr("Rank");
    case ConcertColumn: return tr("Concert");
    case ShareColumn: return tr("Booking share");
    case SoldColumn:
        switch (m_ranking.window) {
        case Ranking::Window::Day: return tr("Sold today");
        case Ranking::Window::Week: return tr("Sold this week");
        case Ranking::Window::All: return tr("Sold, all time");
        }
        return {};
    case SellThroughColumn: return tr("Sell-through");
    case SellOutColumn: return tr("Sold out in");
    case VelocityColumn: return tr("First 10 min");
    case ChangeColumn: return tr("Change");
    }
    return {};
}

} // namespace BoxOffice
