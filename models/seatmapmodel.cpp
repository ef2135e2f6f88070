#include "models/seatmapmodel.h"

#include <QHash>

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

void SeatMapModel::setLayout(SeatLayout layout)
{
    m_layout = std::move(layout);
    m_letters = QByteArray(m_layout.seats.size(), 'X');  // nothing for sale until a status says so
    m_version = -1;
    m_sections.clear();
    m_sectionOf.fill(-1, m_layout.seats.size());
    m_tierOf.fill(0, m_layout.seats.size());
    m_index.clear();

    QHash<QString, int> sectionIndex, tierIndex;
    for (qsizetype i = 0; i < m_layout.tiers.size(); ++i)
        tierIndex.insert(m_layout.tiers[i].id, int(i));
    for (const Section &s : std::as_const(m_layout.sections)) {
        sectionIndex.insert(s.id, int(m_sections.size()));
        m_sections.append(SectionInfo{s.id, s.name, s.tier, {}, {}, 0, 0});
    }
    // Seats come section by section: look a section or tier up only when it changes.
    double left = 0, top = 0, right = 0, bottom = 0;
    QString lastTier, lastSection;
    int tier = 0, section = -1;
    for (qsizetype i = 0; i < m_layout.seats.size(); ++i) {
        const Seat &seat = m_layout.seats[i];
        if (i == 0 || seat.tier != lastTier)
            lastTier = seat.tier, tier = tierIndex.value(seat.tier, 0);
        if (i == 0 || seat.section != lastSection)
            lastSection = seat.section, section = sectionIndex.value(seat.section, -1);
        m_tierOf[i] = tier;
        m_sectionOf[i] = section;
        if (i == 0)
            left = right = seat.x, top = bottom = seat.y;
        left = std::min(left, seat.x), right = std::max(right, seat.x);
        top = std::min(top, seat.y), bottom = std::max(bottom, seat.y);
        if (section >= 0)
            ++m_sections[section].seats;
    }
    m_bounds = m_layout.seats.isEmpty() ? QRectF() : QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(-0.25, -0.25, 0.25, 0.25);
    QList<QList<QPointF>> points(m_sections.size());
    for (qsizetype s = 0; s < m_sections.size(); ++s)
        points[s].reserve(m_sections[s].seats);
    for (qsizetype i = 0; i < m_layout.seats.size(); ++i)
        if (m_sectionOf[i] >= 0)
            points[m_sectionOf[i]].append(QPointF(m_layout.seats[i].x, m_layout.seats[i].y));
    for (qsizetype s = 0; s < m_sections.size(); ++s) {
        m_sections[s].outline = convexHull(points[s]);
        m_sections[s].bounds = m_sections[s].outline.boundingRect().adjusted(-0.25, -0.25, 0.25, 0.25);
    }
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
        if (const int section = m_sectionOf.value(seat, -1); section >= 0)
            m_sections[section].available += (letter == 'A') - (before == 'A');
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
    for (qsizetype i = 0; i < m_letters.size(); ++i)
        if (m_letters.at(i) == 'A' && m_sectionOf[i] >= 0)
            ++m_sections[m_sectionOf[i]].available;
}

} // namespace BoxOffice
