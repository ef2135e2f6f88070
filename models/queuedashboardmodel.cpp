#include "models/queuedashboardmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QueueDashboardModel::QueueDashboardModel(QObject *parent) : QAbstractTableModel(parent) {}

void QueueDashboardModel::setConcerts(const QList<Concert> &concerts)
{
    // Same concerts in the same order: keep the readings.
    bool same = concerts.size() == m_rows.size();
    for (qsizetype i = 0; same && i < concerts.size(); ++i)
        same = concerts[i].id == m_rows[i].concert.id;
    if (same) {
        for (qsizetype i = 0; i < concerts.size(); ++i)
            m_rows[i].concert = concerts[i];
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, ConcertColumn), index(rowCount() - 1, ConcertColumn));
        return;
    }
    beginResetModel();
    QList<Row> rows;
    for (const Concert &c : concerts) {
        const int old = rowOf(c.id);
        rows.append(old >= 0 ? m_rows[old] : Row{});
        rows.last().concert = c;
    }
    m_rows = std::move(rows);
    endResetModel();
}

void QueueDashboardModel::updateStats(const QueueStats &stats, const QDateTime &at)
{
    const int row = rowOf(stats.concertId);
    if (row < 0)
        return;
    Row &r = m_rows[row];
    r.stats = stats;
    r.unavailable.clear();
    r.history.append({at, stats.waiting, stats.active});
    while (!r.history.isEmpty() && r.history.first().at.secsTo(at) > HistorySeconds)
        r.history.removeFirst();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT historyChanged(stats.concertId);
}

void QueueDashboardModel::addHistory(const QString &concertId, const QList<Sample> &samples)
{
    const int row = rowOf(concertId);
    if (row < 0 || samples.isEmpty())
        return;
    QList<Sample> &h = m_rows[row].history;
    h += samples;
    std::stable_sort(h.begin(), h.end(), [](const Sample &a, const Sample &b) { return a.at < b.at; });
    const QDateTime newest = h.last().at;
    while (!h.isEmpty() && h.first().at.secsTo(newest) > HistorySeconds)
        h.removeFirst();
    Q_EMIT historyChanged(concertId);
}

void QueueDashboardModel::setUnavailable(const QString &concertId, const QString &why)
{
    const int row = rowOf(concertId);
    if (row < 0)
        return;
    m_rows[row].unavailable = why;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

std::optional<QueueStats> QueueDashboardModel::stats(const QString &concertId) const
{
    const int row = rowOf(concertId);
    return row < 0 ? std::nullopt : m_rows[row].stats;
}

QList<QueueDashboardModel::Sample> QueueDashboardModel::history(const QString &concertId) const
{
    const int row = rowOf(concertId);
    return row < 0 ? QList<Sample>{} : m_rows[row].history;
}

const Concert *QueueDashboardModel::concert(const QString &concertId) const
{
    const int row = rowOf(concertId);
    return row < 0 ? nullptr : &m_rows[row].concert;
}

int QueueDashboardModel::rowOf(const QString &concertId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].concert.id == concertId)
            return int(i);
    return -1;
}

std::optional<int> QueueDashboardModel::lastInLineWait(const QueueStats &stats)
{
    if (stats.waiting == 0)
        return 0;
    if (stats.paused || stats.admittedLastMinute <= 0)
        return std::nullopt;
    return int(std::ceil(stats.waiting * 60.0 / stats.admittedLastMinute));
}

int QueueDashboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueDashboardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString duration(int seconds)
{
    if (seconds < 60)
        return QueueDashboardModel::tr("under a minute");
    if (seconds < 3600)
        return QueueDashboardModel::tr("%n min", nullptr, (seconds + 59) / 60);
    return QueueDashboardModel::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace

QVariant QueueDashboardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &r = m_rows[index.row()];
    if (role == ConcertIdRole)
        return r.concert.id;
    const QLocale locale;
    const auto &s = r.stats;
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case ConcertColumn:
            return r.concert.title;
        case WaitingColumn:
            return !s ? QVariant(sort ? QVariant(-1) : QVariant(u"—"_s))
                      : sort ? QVariant(s->waiting) : QVariant(locale.toString(s->waiting));
        case ActiveColumn:
            if (!s)
                return sort ? QVariant(-1) : QVariant(u"—"_s);
            return sort ? QVariant(s->active) : QVariant(tr("%1 / %2").arg(locale.toString(s->active), locale.toString(s->capacity)));
        case RateColumn:
            return !s ? QVariant(sort ? QVariant(-1) : QVariant(u"—"_s))
                      : sort ? QVariant(s->admittedLastMinute) : QVariant(locale.toString(s->admittedLastMinute));
        case LastWaitColumn: {
            if (!s)
                return sort ? QVariant(-1) : QVariant(u"—"_s);
            const auto wait = lastInLineWait(*s);
            if (sort)
                return wait ? *wait : std::numeric_limits<int>::max();
            if (s->waiting == 0)
                return tr("nobody waiting");
            return wait ? duration(*wait) : tr("not moving");
        }
        case StateColumn:
            if (!r.unavailable.isEmpty())
                return tr("Unavailable");
            if (!s)
                return tr("Reading…");
            return s->paused ? tr("Paused") : tr("Admitting");
        }
    }
    if (role == Qt::ToolTipRole && !r.unavailable.isEmpty())
        return r.unavailable;
    if (role == Qt::TextAlignmentRole && index.column() != ConcertColumn && index.column() != StateColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == StateColumn
        && (!r.unavailable.isEmpty() || (s && s->paused)))
        return QBrush(QColor(0xD5, 0x5E, 0x00));  // Okabe–Ito vermilion: needs a look
    return {};
}

QVariant QueueDashboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ConcertColumn:
        return tr("Concert");
    case WaitingColumn:
        return tr("Waiting");
    case ActiveColumn:
        return tr("Active / capacity");
    case RateColumn:
        return tr("Admitted / min");
    case LastWaitColumn:
        return tr("Wait of the last in line");
    case StateColumn:
        return tr("Queue");
    }
    return {};
}

} // namespace BoxOffice
