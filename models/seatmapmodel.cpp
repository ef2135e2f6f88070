#include "models/seatmapmodel.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>

#include <algorithm>

namespace BoxOffice {

namespace {

// Andrew's monotone chain: the convex hull of points, counter-clockwise.
QPolygonF convexHull(QList<QPointF> points)
{
    std::sort(points.begin(), points.end(), [](const QPointF &a, const QPointF &b) {
        return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
    });
    if (points.size() < 3)
        return QPolygonF(points);
    auto cross = [](const QPointF &o, const QPointF &a, const QPointF &b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    };
    QList<QPointF> hull(2 * points.size());
    qsizetype k = 0;
    for (const QPointF &p : std::as_const(points)) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0)
            --k;
        hull[k++] = p;
    }
    for (qsizetype i = points.size() - 2, lower = k + 1; i >= 0; --i) {
        while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0)
            --k;
        hull[k++] = points[i];
    }
    hull.resize(k - 1);
    return QPolygonF(hull);
}

} // namespace

SeatMapModel::SeatMapModel(QObject *parent) : QObject(parent) {}

SeatMapModel::PreparedLayout SeatMapModel::prepare(SeatLayout layout)
{
    PreparedLayout p;
    p.layout = std::move(layout);
    const auto &seats = p.layout.seats;
    p.sectionOf.fill(-1, seats.size());
    p.tierOf.fill(0, seats.size());

    QHash<QString, int> sectionIndex, tierIndex;
    for (qsizetype i = 0; i < p.layout.tiers.size(); ++i)
        tierIndex.insert(p.layout.tiers[i].id, int(i));
    for (const Section &s : std::as_const(p.layout.sections)) {
        sectionIndex.insert(s.id, int(p.sections.size()));
        p.sections.append(SectionInfo{s.id, s.name, s.tier, {}, {}, 0, 0});
    }
    // Seats come section by section: look a section or tier up only when it changes.
    double left = 0, top = 0, right = 0, bottom = 0;
    QString lastTier, lastSection;
    int tier = 0, section = -1;
    for (qsizetype i = 0; i < seats.size(); ++i) {
        const Seat &seat = seats[i];
        if (i == 0 || seat.tier != lastTier)
            lastTier = seat.tier, tier = tierIndex.value(seat.tier, 0);
        if (i == 0 || seat.section != lastSection)
            lastSection = seat.section, section = sectionIndex.value(seat.section, -1);
        p.tierOf[i] = tier;
        p.sectionOf[i] = section;
        if (i == 0)
            left = right = seat.x, top = bottom = seat.y;
        left = std::min(left, seat.x), right = std::max(right, seat.x);
        top = std::min(top, seat.y), bottom = std::max(bottom, seat.y);
        if (section >= 0)
            ++p.sections[section].seats;
    }
    p.bounds = seats.isEmpty() ? QRectF() : QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(-0.25, -0.25, 0.25, 0.25);
    QList<QList<QPointF>> points(p.sections.size());
    for (qsizetype s = 0; s < p.sections.size(); ++s)
        points[s].reserve(p.sections[s].seats);
    for (qsizetype i = 0; i < seats.size(); ++i)
        if (p.sectionOf[i] >= 0)
            points[p.sectionOf[i]].append(QPointF(seats[i].x, seats[i].y));
    for (qsizetype s = 0; s < p.sections.size(); ++s) {
        p.sections[s].outline = convexHull(points[s]);
        p.sections[s].bounds = p.sections[s].outline.boundingRect().adjusted(-0.25, -0.25, 0.25, 0.25);
    }
    buildRows(p);
    return p;
}

void SeatMapModel::setLayout(SeatLayout layout)
{
    adopt(prepare(std::move(layout)));
}

void SeatMapModel::adopt(PreparedLayout prepared)
{
    m_layout = std::move(prepared.layout);
    m_bounds = prepared.bounds;
    m_sections = std::move(prepared.sections);
    m_sectionOf = std::move(prepared.sectionOf);
    m_tierOf = std::move(prepared.tierOf);
    m_rows = std::move(prepared.rows);
    m_rowOf = std::move(prepared.rowOf);
    m_letters = QByteArray(m_layout.seats.size(), 'X');  // nothing for sale until a status says so
    m_version = -1;
    m_index.clear();
    m_tierAvailable.fill(0, m_layout.tiers.size());
    Q_EMIT layoutReset();
}

void SeatMapModel::setStatus(const SeatStatus &status)
{
    if (status.status.size() != m_layout.seats.size())
        return;  // not this layout's status
    m_letters = status.status;
    m_version = status.version;
    recountSections();
    Q_EMIT statusReset();
}

SeatMapModel::Delta SeatMapModel::applyDelta(qint64 version, const QList<QPair<int, char>> &changes)
{
    if (m_version < 0 || version <= m_version)
        return Delta::Stale;
    if (version != m_version + 1)
        return Delta::Gap;
    QList<int> changed;
    changed.reserve(changes.size());
    for (const auto &[seat, letter] : changes) {
        if (seat < 0 || seat >= m_letters.size() || !SeatStatus::isValidLetter(letter))
            return Delta::Gap;  // not ours: read the status again
        const char before = m_letters.at(seat);
        if (before == letter)
            continue;
        m_letters[seat] = letter;
        const int gained = (letter == 'A') - (before == 'A');
        if (const int section = m_sectionOf.value(seat, -1); section >= 0)
            m_sections[section].available += gained;
        if (const int tier = m_tierOf.value(seat, -1); tier >= 0 && tier < m_tierAvailable.size())
            m_tierAvailable[tier] += gained;
        changed.append(seat);
    }
    m_version = version;
    if (!changed.isEmpty())
        Q_EMIT seatsChanged(changed);
    return Delta::Applied;
}

int SeatMapModel::indexOf(const QString &seatId) const
{
    if (m_index.isEmpty() && !m_layout.seats.isEmpty()) {
        m_index.reserve(m_layout.seats.size());
        for (qsizetype i = 0; i < m_layout.seats.size(); ++i)
            m_index.insert(m_layout.seats[i].id, int(i));
    }
    return m_index.value(seatId, -1);
}

Money SeatMapModel::price(int seat) const
{
    const int tier = tierIndex(seat);
    return tier < m_layout.tiers.size() ? m_layout.tiers[tier].price : Money{};
}

void SeatMapModel::recountSections()
{
    for (SectionInfo &s : m_sections)
        s.available = 0;
    m_tierAvailable.fill(0, m_layout.tiers.size());
    for (qsizetype i = 0; i < m_letters.size(); ++i) {
        if (m_letters.at(i) != 'A')
            continue;
        if (m_sectionOf[i] >= 0)
            ++m_sections[m_sectionOf[i]].available;
        if (m_tierOf[i] < m_tierAvailable.size())
            ++m_tierAvailable[m_tierOf[i]];
    }
}

void SeatMapModel::buildRows(PreparedLayout &p)
{
    const auto &seats = p.layout.seats;
    p.rowOf.fill(-1, seats.size());
    QHash<QPair<int, QString>, int> rowIndex;
    for (qsizetype i = 0; i < seats.size(); ++i) {
        const auto key = qMakePair(p.sectionOf[i], seats[i].row);
        auto it = rowIndex.constFind(key);
        if (it == rowIndex.cend()) {
            it = rowIndex.insert(key, int(p.rows.size()));
            p.rows.append(RowInfo{key.first, key.second, {}});
        }
        p.rows[*it].seats.append(int(i));
        p.rowOf[i] = *it;
    }
    for (RowInfo &row : p.rows)
        std::sort(row.seats.begin(), row.seats.end(),
                  [&seats](int a, int b) { return seats[a].number < seats[b].number; });
}

QList<int> SeatMapModel::nearestBlock(const QList<int> &group, int count) const
{
    if (group.isEmpty() || count <= 0)
        return {};
    const int tier = tierIndex(group.first());
    double cx = 0, cy = 0;
    for (int s : group)
        cx += m_layout.seats[s].x, cy += m_layout.seats[s].y;
    cx /= group.size(), cy /= group.size();
    QList<int> best;
    double bestDistance = 0;
    for (const RowInfo &row : m_rows) {
        const QList<int> &seats = row.seats;
        int run = 0;  // free seats of the tier in a row ending at i, with consecutive numbers
        for (qsizetype i = 0; i < seats.size(); ++i) {
            const int s = seats[i];
            const bool free = letter(s) == 'A' && m_tierOf[s] == tier;
            const bool next = i > 0 && m_layout.seats[s].number == m_layout.seats[seats[i - 1]].number + 1;
            run = free ? (next ? run + 1 : 1) : 0;
            if (run < count)
                continue;
            double bx = 0, by = 0;
            for (qsizetype k = i - count + 1; k <= i; ++k)
                bx += m_layout.seats[seats[k]].x, by += m_layout.seats[seats[k]].y;
            bx /= count, by /= count;
            const double d = (bx - cx) * (bx - cx) + (by - cy) * (by - cy);
            if (best.isEmpty() || d < bestDistance) {
                bestDistance = d;
                best = seats.mid(i - count + 1, count);
            }
        }
    }
    return best;
}

QString SeatMapModel::describe(const QList<int> &seats) const
{
    // Section and row in the order first met; numbers within a row as ranges.
    QList<int> rowOrder;
    QHash<int, QList<int>> numbers;
    for (int s : seats) {
        const int row = rowOf(s);
        if (row < 0)
            continue;
        if (!numbers.contains(row))
            rowOrder << row;
        numbers[row] << m_layout.seats[s].number;
    }
    QStringList parts;
    for (int row : std::as_const(rowOrder)) {
        QList<int> n = numbers.value(row);
        std::sort(n.begin(), n.end());
        QStringList ranges;
        for (qsizetype i = 0; i < n.size();) {
            qsizetype j = i;
            while (j + 1 < n.size() && n[j + 1] == n[j] + 1)
                ++j;
            ranges << (i == j ? QString::number(n[i]) : QString::number(n[i]) + u'\u2013' + QString::number(n[j]));
            i = j + 1;
        }
        const RowInfo &info = m_rows[row];
        const QString section = info.section >= 0 ? m_sections[info.section].name : QString();
        parts << (n.size() == 1 ? tr("%1 · Row %2 · Seat %3")
                                : tr("%1 · Row %2 · Seats %3"))
                     .arg(section, info.row, ranges.join(u", "));
    }
    return parts.join(u"; ");
}

QString SeatMapModel::describe(const QStringList &seatIds) const
{
    QList<int> seats;
    QStringList unknown;
    for (const QString &id : seatIds) {
        const int s = indexOf(id);
        s >= 0 ? void(seats << s) : void(unknown << id);
    }
    QString text = describe(seats);
    if (!unknown.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("; ")) + unknown.join(u", ");
    return text;
}

} // namespace BoxOffice
