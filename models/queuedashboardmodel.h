#pragma once

#include "domain/concert.h"
#include "domain/queuestats.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace BoxOffice {

// The staff dashboard's table: one row per concert with its waiting room as last read
// (waiting, active / capacity, admitted in the last minute, the wait of the last in
// line, open or paused), and for each concert the readings of the last hour, for the
// chart. Fed by whoever polls the server (StaffController); rows update in place.
class QueueDashboardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ConcertColumn, WaitingColumn, ActiveColumn, RateColumn, LastWaitColumn, StateColumn, ColumnCount };
    enum Role { ConcertIdRole = Qt::UserRole + 1, SortRole };

    struct Sample
    {
        QDateTime at;
        int waiting = 0;
        int active = 0;
    };
    static constexpr qint64 HistorySeconds = 3600;

    explicit QueueDashboardModel(QObject *parent = nullptr);

    void setConcerts(const QList<Concert> &concerts);
    void updateStats(const QueueStats &stats, const QDateTime &at);
    // Readings from before the dashboard opened (the server's history): merged in time
    // order with those already here.
    void addHistory(const QString &concertId, const QList<Sample> &samples);
    // The concert's row could not be read (e.g. 503): shown as such, history kept.
    void setUnavailable(const QString &concertId, const QString &why);

    std::optional<QueueStats> stats(const QString &concertId) const;
    QList<Sample> history(const QString &concertId) const;
    const Concert *concert(const QString &concertId) const;
    int rowOf(const QString &concertId) const;
    // Seconds the last in line will wait at the current admission rate; none while
    // nobody is being admitted.
    static std::optional<int> lastInLineWait(const QueueStats &stats);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void historyChanged(const QString &concertId);

private:
    struct Row
    {
        Concert concert;
        std::optional<QueueStats> stats;
        QString unavailable;
        QList<Sample> history;
    };
    QList<Row> m_rows;
};

} // namespace BoxOffice
