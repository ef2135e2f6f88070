#pragma once

#include "domain/ranking.h"

#include <QAbstractTableModel>

namespace BoxOffice {

// One ranking (a window's document) as a table: rank, concert, booking share, sold,
// time to sell out, velocity, change. Display text per column and the raw value under
// SortRole. A new document of the same window updates rows in place when the concerts
// are the same (dataChanged), and resets otherwise.
class RankingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RankColumn, ConcertColumn, ShareColumn, SoldColumn, SellOutColumn, VelocityColumn, ChangeColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, ConcertIdRole };

    explicit RankingModel(QObject *parent = nullptr);

    void setRanking(const Ranking &ranking);
    const Ranking &ranking() const { return m_ranking; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Ranking m_ranking;
};

} // namespace BoxOffice
