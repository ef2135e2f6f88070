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
    enum class Delta { Applied, Stale, Gap };

    explicit SeatMapModel(QObject *parent = nullptr);

    void setLayout(SeatLayout layout);
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

Q_SIGNALS:
    void layoutReset();
    void statusReset();
    void seatsChanged(const QList<int> &seats);

private:
    void recountSections();

    SeatLayout m_layout;
    QByteArray m_letters;
    qint64 m_version = -1;
    QRectF m_bounds;
    QList<SectionInfo> m_sections;
    QList<int> m_sectionOf;
    QList<int> m_tierOf;
    mutable QHash<QString, int> m_index;  // built on first use
};

} // namespace BoxOffice
