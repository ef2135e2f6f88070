#pragma once

#include "domain/seatlayout.h"
#include "domain/seatstatus.h"

#include <QObject>
#include <QPolygonF>
#include <QRectF>

namespace BoxOffice {

// A performance's seats for the seat map: the static layout, one status letter per
// seat with its version, and per-section availability. A full status resets; a delta
// (from the live channel) applies in O(changes) and reports a gap when a version was
// missed, so the caller re-reads the status.
class SeatMapModel : public QObject
{
    Q_OBJECT
public:
    struct SectionInfo
    {
        QString id;
        QString name;
        QString tier;
        QRectF bounds;     // venue coordinates
        QPolygonF outline; // the convex hull of its seats, venue coordinates
        int seats = 0;
        int available = 0;
    };
    // A row of a section: its seats in number order.
    struct RowInfo
    {
        int section = -1;
        QString row;
        QList<int> seats;
    };
    enum class Delta { Applied, Stale, Gap };

    // Everything derived from a layout (sections with their outlines, rows, indexes):
    // built by prepare(), which is safe on any thread, and taken over by adopt() on
    // the model's thread in O(1), so a 60,000-seat stadium costs the GUI thread
    // nothing but the swap.
    struct PreparedLayout
    {
        SeatLayout layout;
        QRectF bounds;
        QList<SectionInfo> sections;
        QList<int> sectionOf;
        QList<int> tierOf;
        QList<RowInfo> rows;
        QList<int> rowOf;
    };
    static PreparedLayout prepare(SeatLayout layout);

    explicit SeatMapModel(QObject *parent = nullptr);

    void setLayout(SeatLayout layout);  // prepare() and adopt() in one, on this thread
    void adopt(PreparedLayout prepared);
    void setStatus(const SeatStatus &status);
    Delta applyDelta(qint64 version, const QList<QPair<int, char>> &changes);

    const SeatLayout &layout() const { return m_layout; }
    int seatCount() const { return int(m_layout.seats.size()); }
    char letter(int seat) const { return seat >= 0 && seat < m_letters.size() ? m_letters.at(seat) : 'X'; }
    qint64 version() const { return m_version; }
    bool hasStatus() const { return m_version >= 0; }
    QRectF bounds() const { return m_bounds; }
    const QList<SectionInfo> &sections() const { return m_sections; }
    int sectionOf(int seat) const { return m_sectionOf.value(seat, -1); }
    int tierIndex(int seat) const { return m_tierOf.value(seat, 0); }  // position in layout().tiers
    Money price(int seat) const;
    int indexOf(const QString &seatId) const;

    const QList<RowInfo> &rows() const { return m_rows; }
    int rowOf(int seat) const { return m_rowOf.value(seat, -1); }
    // Seats still available per tier (indexed like layout().tiers).
    const QList<int> &availableByTier() const { return m_tierAvailable; }
    // The free block of `count` adjacent seats (one row, consecutive numbers) of the
    // group's tier whose centre is nearest the group's centre; the group's own seats
    // count as free while they are available. Empty when there is none.
    QList<int> nearestBlock(const QList<int> &group, int count) const;
    // For people: "Lower 109 · Row 1 · Seats 16–17", rows joined by "; ".
    QString describe(const QList<int> &seats) const;
    QString describe(const QStringList &seatIds) const;

Q_SIGNALS:
    void layoutReset();
    void statusReset();
    void seatsChanged(const QList<int> &seats);

private:
    void recountSections();
    static void buildRows(PreparedLayout &p);

    SeatLayout m_layout;
    QByteArray m_letters;
    qint64 m_version = -1;
    QRectF m_bounds;
    QList<SectionInfo> m_sections;
    QList<int> m_sectionOf;
    QList<int> m_tierOf;
    QList<RowInfo> m_rows;
    QList<int> m_rowOf;
    QList<int> m_tierAvailable;
    mutable QHash<QString, int> m_index;  // built on first use
};

} // namespace BoxOffice
