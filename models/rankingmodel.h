#pragma once

#include "domain/ranking.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

#include <functional>

namespace BoxOffice {

// One ranking (a window's document) as a table: rank, concert, booking share, seats
// sold in the window, sell-through (all time), time to sell out (or when sales open, for
// a concert not on sale yet), velocity, change. Display text per column and the raw
// value under SortRole. A new document of the same window updates rows in place when
// the concerts are the same (dataChanged), and resets otherwise.
class RankingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RankColumn,
        ConcertColumn,
        ShareColumn,
        SoldColumn,         // seats sold in the ranking's window
        SellThroughColumn,  // sold / total, all time
        SellOutColumn,
        VelocityColumn,
        ChangeColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, ConcertIdRole };

    explicit RankingModel(QObject *parent = nullptr);

    void setRanking(const Ranking &ranking);
    const Ranking &ranking() const { return m_ranking; }
    // When each concert's sales open (the earliest of its performances, from the
    // catalogue; the ranking does not carry it): one not open yet says when it opens.
    void setSalesOpen(const QHash<QString, QDateTime> &opensAt);
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Ranking m_ranking;
    QHash<QString, QDateTime> m_opensAt;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace BoxOffice
