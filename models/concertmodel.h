#pragma once

#include "domain/concert.h"

#include <QAbstractItemModel>
#include <QDateTime>

#include <functional>

namespace BoxOffice {

// Concerts as a two-level tree: each concert row has its performances as children.
// Display text per column for views, and raw values under SortRole for sorting.
class ConcertModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, ArtistColumn, GenreColumn, VenueColumn, SalesColumn, AvailableColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,  // raw value of the column (QDateTime, int, QString)
        IdRole,                       // concert or performance id
        KindRole,                     // Kind
        AvailableFractionRole,        // double 0-1 (performances; concerts: all performances)
    };
    enum class Kind { Concert, Performance };
    Q_ENUM(Kind)

    // Sales state of a performance at a given time.
    enum class SalesState { Upcoming, OnSale, SoldOut };

    explicit ConcertModel(QObject *parent = nullptr);

    // A full snapshot from the server: resets the model.
    void setConcerts(QList<Concert> concerts);
    const QList<Concert> &concerts() const { return m_concerts; }

    // The time "now" for sales states; tests inject a fixed clock.
    void setClock(std::function<QDateTime()> clock);
    static SalesState salesState(const PerformanceSummary &performance, const QDateTime &now);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // internalId: 0 for a concert row, concert row + 1 for its performances.
    QVariant concertData(const Concert &concert, int column, int role) const;
    QVariant performanceData(const PerformanceSummary &performance, const QString &timeZone, int column, int role) const;

    QList<Concert> m_concerts;
    std::function<QDateTime()> m_clock;
};

} // namespace BoxOffice
