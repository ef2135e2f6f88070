#include "ui/seatmapview.h"

#include "models/seatmapmodel.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

constexpr double SeatRadius = 0.23;   // metres
constexpr double SeatModePixels = 2.5;  // below this seat radius in pixels, draw sections
constexpr double HitReach = SeatRadius * 1.4;  // metres: a click this near a seat picks it
constexpr int ButtonSize = 44;          // px: the zoom buttons, touch sized

// Okabe-Ito: told apart with the common colour-vision deficiencies.
const QColor TierColours[] = {QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x72, 0xB2), QColor(0x00, 0x9E, 0x73),
                              QColor(0xE6, 0x9F, 0x00), QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9)};

QColor tierColour(int tier)
{
    return TierColours[tier % int(std::size(TierColours))];
}

quint64 cellKey(int cx, int cy)
{
    return (quint64(quint32(cx)) << 32) | quint32(cy);
}

// Circle, square, diamond, triangle, hexagon, by tier.
QPainterPath shape(int tier, const QPointF &c, double r)
{
    QPainterPath p;
    switch (tier % 5) {
    case 0: p.addEllipse(c, r, r); break;
    case 1: p.addRect(QRectF(c.x() - r * 0.85, c.y() - r * 0.85, r * 1.7, r * 1.7)); break;
    case 2: p.moveTo(c.x(), c.y() - r); p.lineTo(c.x() + r, c.y()); p.lineTo(c.x(), c.y() + r); p.lineTo(c.x() - r, c.y()); p.closeSubpath(); break;
    case 3: p.moveTo(c.x(), c.y() - r); p.lineTo(c.x() + r, c.y() + r * 0.8); p.lineTo(c.x() - r, c.y() + r * 0.8); p.closeSubpath(); break;
    default:
        for (int k = 0; k < 6; ++k) {
            const double a = M_PI / 3 * k;
            const QPointF v(c.x() + r * std::cos(a), c.y() + r * std::sin(a));
            k == 0 ? p.moveTo(v) : p.lineTo(v);
        }
        p.closeSubpath();
    }
    return p;
}

} // namespace

QPixmap SeatMapView::tierIcon(int tier, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(tierColour(tier));
    p.drawPath(shape(tier, QPointF(size / 2.0, size / 2.0), size * 0.42));
    return pixmap;
}

SeatMapView::SeatMapView(SeatMapModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
    // Zoom in, zoom out, fit: on screen, for touch and for people who do not know the keys.
    const struct {
        const char *name;
        const char *text;
        const char *tip;
    } buttons[] = {{"zoomInButton", "+", QT_TR_NOOP("Zoom in")},
                   {"zoomOutButton", "\u2212", QT_TR_NOOP("Zoom out")},
                   {"fitButton", "\u2922", QT_TR_NOOP("Show the whole venue")}};
    for (const auto &b : buttons) {
        auto *button = new QToolButton(this);
        button->setObjectName(QString::fromLatin1(b.name));
        button->setText(QString::fromUtf8(b.text));
        button->setToolTip(tr(b.tip));
        button->setAccessibleName(tr(b.tip));
        button->setFixedSize(ButtonSize, ButtonSize);
        button->setFocusPolicy(Qt::NoFocus);
        QFont f = button->font();
        f.setPointSize(f.pointSize() + 6);
        button->setFont(f);
        m_buttons << button;
    }
    connect(static_cast<QToolButton *>(m_buttons[0]), &QToolButton::clicked, this, [this] {
        zoomBy(1.6, QPointF(width() / 2.0, height() / 2.0));
    });
    connect(static_cast<QToolButton *>(m_buttons[1]), &QToolButton::clicked, this, [this] {
        zoomBy(1 / 1.6, QPointF(width() / 2.0, height() / 2.0));
    });
    connect(static_cast<QToolButton *>(m_buttons[2]), &QToolButton::clicked, this, &SeatMapView::fitToView);
    placeButtons();
    connect(model, &SeatMapModel::layoutReset, this, [this] {
        m_selected.clear();
        m_held.clear();
        m_focus = m_hover = -1;
        rebuildGrid();
        fitToView();
        m_fitted = true;  // follow the widget's size until the user zooms or pans
        Q_EMIT selectionChanged();
    });
    rebuildGrid();  // a model that has its layout already
    connect(model, &SeatMapModel::statusReset, this, qOverload<>(&SeatMapView::update));
    connect(model, &SeatMapModel::seatsChanged, this, [this](const QList<int> &seats) {
        // Someone else took a seat we had picked: it is no longer ours to pick, and we say so.
        QList<int> lost;
        if (m_interactive)  // while our own hold is in progress, our seats turn H by us
            for (int s : std::as_const(m_selected))
                if (!selectable(s))
                    lost << s;
        if (!lost.isEmpty()) {
            m_selected.removeIf([&lost](int s) { return lost.contains(s); });
            Q_EMIT selectionChanged();
            Q_EMIT selectionLost(lost);
        }
        if (!showsSeats())
            return update();
        for (int s : seats) {
            const QPointF p = seatPosition(s);
            const double r = SeatRadius * m_scale + 3;
            update(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r).toAlignedRect());
        }
    });
}

void SeatMapView::rebuildGrid()
{
    m_grid.clear();
    const auto &seats = m_model->layout().seats;
    for (qsizetype i = 0; i < seats.size(); ++i)
        m_grid[cellKey(int(std::floor(seats[i].x / Cell)), int(std::floor(seats[i].y / Cell)))].append(int(i));
}

template <typename F> void SeatMapView::forSeatsIn(const QRectF &r, F f) const
{
    const int x0 = int(std::floor(r.left() / Cell)), x1 = int(std::floor(r.right() / Cell));
    const int y0 = int(std::floor(r.top() / Cell)), y1 = int(std::floor(r.bottom() / Cell));
    if (qint64(x1 - x0 + 1) * (y1 - y0 + 1) > 4 * m_grid.size()) {
        for (const QList<int> &cell : m_grid)  // most of the venue: every cell
            for (int s : cell)
                f(s);
        return;
    }
    for (int cx = x0; cx <= x1; ++cx)
        for (int cy = y0; cy <= y1; ++cy)
            if (const auto it = m_grid.constFind(cellKey(cx, cy)); it != m_grid.cend())
                for (int s : *it)
                    f(s);
}

QStringList SeatMapView::selectedIds() const
{
    QStringList ids;
    for (int s : m_selected)
        ids << m_model->layout().seats[s].id;
    return ids;
}

void SeatMapView::clearSelection()
{
    if (m_selected.isEmpty())
        return;
    m_selected.clear();
    update();
    Q_EMIT selectionChanged();
}

void SeatMapView::select(const QList<int> &seats)
{
    m_selected.clear();
    for (int s : seats)
        if (selectable(s) && m_selected.size() < m_maxSelection && !m_selected.contains(s))
            m_selected.append(s);
    update();
    Q_EMIT selectionChanged();
}

bool SeatMapView::selectable(int seat) const
{
    return m_selectable.contains(m_model->letter(seat));
}

void SeatMapView::setSelectableLetters(const QByteArray &letters)
{
    m_selectable = letters;
    const qsizetype before = m_selected.size();
    m_selected.removeIf([this](int s) { return !selectable(s); });
    if (m_selected.size() != before)
        Q_EMIT selectionChanged();
    update();
}

void SeatMapView::setInteractive(bool interactive)
{
    m_interactive = interactive;
    update();
}

bool SeatMapView::showsSeats() const
{
    return SeatRadius * m_scale >= SeatModePixels;
}

QPointF SeatMapView::seatPosition(int seat) const
{
    const Seat &s = m_model->layout().seats.at(seat);
    return toWidget(s.x, s.y);
}

int SeatMapView::seatAt(const QPointF &widgetPos) const
{
    if (!showsSeats() || m_model->seatCount() == 0)
        return -1;
    const QPointF v = toVenue(widgetPos);
    const double reach = SeatRadius * 1.4;
    int best = -1;
    double bestDistance = reach * reach;
    forSeatsIn(QRectF(v.x() - reach, v.y() - reach, 2 * reach, 2 * reach), [&](int s) {
        const Seat &seat = m_model->layout().seats[s];
        const double d = (seat.x - v.x()) * (seat.x - v.x()) + (seat.y - v.y()) * (seat.y - v.y());
        if (d <= bestDistance)
            bestDistance = d, best = s;
    });
    return best;
}

void SeatMapView::fitToView()
{
    const QRectF b = m_model->bounds().adjusted(0, -8, 0, 0);  // the stage too
    if (b.isEmpty() || width() <= 0)
        return;
    m_scale = 0.94 * std::min(width() / b.width(), height() / b.height());
    m_offset = QPointF(width() / 2.0, height() / 2.0) - b.center() * m_scale;
    m_fitted = true;
    update();
}

void SeatMapView::userMoved()
{
    m_fitted = false;  // the user chose a view: a resize keeps it
}

double SeatMapView::tapSize() const
{
    return 2 * HitReach * m_scale;
}

int SeatMapView::sectionAt(const QPointF &widgetPos) const
{
    const QPointF v = toVenue(widgetPos);
    const auto &sections = m_model->sections();
    for (qsizetype i = 0; i < sections.size(); ++i)
        if (sections[i].bounds.contains(v) && sections[i].outline.containsPoint(v, Qt::OddEvenFill))
            return int(i);
    // Near an edge: the section whose box holds it.
    for (qsizetype i = 0; i < sections.size(); ++i)
        if (sections[i].bounds.adjusted(-1, -1, 1, 1).contains(v))
            return int(i);
    return -1;
}

void SeatMapView::zoomToSection(int section)
{
    if (section < 0 || section >= m_model->sections().size() || width() <= 0)
        return;
    const QRectF b = m_model->sections()[section].bounds.adjusted(-1, -1, 1, 1);
    double scale = 0.9 * std::min(width() / b.width(), height() / b.height());
    scale = std::max(scale, SeatModePixels / SeatRadius * 1.05);  // seats, not the section's shade
    if (m_minTap > 0)
        scale = std::max(scale, m_minTap / (2 * HitReach));
    m_scale = std::min(scale, 120.0);
    m_offset = QPointF(width() / 2.0, height() / 2.0) - b.center() * m_scale;
    userMoved();
    update();
}

void SeatMapView::setHeld(const QList<int> &seats)
{
    m_held = seats;
    update();
}

void SeatMapView::ensureVisible(const QList<int> &seats)
{
    if (seats.isEmpty() || width() <= 0)
        return;
    QRectF box;
    for (int s : seats) {
        const Seat &seat = m_model->layout().seats.value(s);
        box |= QRectF(seat.x - 1.5, seat.y - 1.5, 3, 3);
    }
    if (!showsSeats() || QRectF(toWidget(box.left(), box.top()), toWidget(box.right(), box.bottom())).width() > width()) {
        // Seat level, the whole group on screen.
        const double fit = 0.9 * std::min(width() / box.width(), height() / box.height());
        // Seat level at least (and touch size on a kiosk), the group on screen if it fits.
        const double least = std::max(SeatModePixels / SeatRadius * 1.05, m_minTap / (2 * HitReach));
        m_scale = std::min(std::max(least, std::min(fit, least * 4)), 120.0);
    }
    const QRectF onScreen(toWidget(box.left(), box.top()), toWidget(box.right(), box.bottom()));
    if (!rect().contains(onScreen.toAlignedRect()) || !showsSeats())
        m_offset = QPointF(width() / 2.0, height() / 2.0) - box.center() * m_scale;
    userMoved();
    update();
}

void SeatMapView::placeButtons()
{
    const int margin = 8;
    for (qsizetype i = 0; i < m_buttons.size(); ++i)
        m_buttons[i]->move(width() - margin - ButtonSize, margin + int(i) * (ButtonSize + 6));
}

void SeatMapView::zoomBy(double factor, const QPointF &around)
{
    const double fitted = 0.94 * std::min(width() / std::max(1.0, m_model->bounds().width()),
                                          height() / std::max(1.0, m_model->bounds().height()));
    const double next = std::clamp(m_scale * factor, fitted * 0.5, 120.0);
    const QPointF venue = toVenue(around);
    m_scale = next;
    m_offset = around - venue * m_scale;
    userMoved();
    update();
}

void SeatMapView::resizeEvent(QResizeEvent *)
{
    placeButtons();
    if (m_fitted)  // not moved by the user: keep the whole venue in view
        fitToView();
}

void SeatMapView::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.fillRect(event->rect(), palette().color(QPalette::Base));
    if (m_model->seatCount() == 0)
        return;
    p.setRenderHint(QPainter::Antialiasing);

    // The stage, in front of the first rows.
    const QRectF b = m_model->bounds();
    const QRectF stage(toWidget(b.center().x() - b.width() * 0.12, b.top() - 6), toWidget(b.center().x() + b.width() * 0.12, b.top() - 2));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x33, 0x33, 0x33));
    p.drawRoundedRect(stage, 4, 4);
    p.setPen(Qt::white);
    p.drawText(stage, Qt::AlignCenter, tr("STAGE"));

    const QRectF visible = QRectF(toVenue(event->rect().topLeft()), toVenue(event->rect().bottomRight())).normalized();
    if (!showsSeats()) {
        // Zoomed out: sections, shaded by the share still available (text says it too).
        for (const SeatMapModel::SectionInfo &s : m_model->sections()) {
            if (!s.bounds.intersects(visible) || s.seats == 0)
                continue;
            const QRectF r(toWidget(s.bounds.left(), s.bounds.top()), toWidget(s.bounds.right(), s.bounds.bottom()));
            QPolygonF outline;
            for (const QPointF &v : s.outline)
                outline << toWidget(v.x(), v.y());
            const double share = double(s.available) / s.seats;
            int tier = 0;
            for (qsizetype t = 0; t < m_model->layout().tiers.size(); ++t)
                if (m_model->layout().tiers[t].id == s.tier)
                    tier = int(t);
            QColor fill = tierColour(tier);
            fill.setAlphaF(0.15 + 0.75 * share);
            p.setPen(QPen(tierColour(tier).darker(130), 1));
            p.setBrush(fill);
            p.drawPolygon(outline);
            const QRectF label = outline.boundingRect();
            if (label.width() > 34 && label.height() > 14) {
                p.setPen(palette().color(QPalette::Text));
                p.drawText(QRectF(label.center() - QPointF(40, 16), QSizeF(80, 32)), Qt::AlignCenter,
                           label.height() > 30 ? s.id + u'\n' + QString::number(s.available) : s.id);
            }
        }
        return;
    }

    const double r = SeatRadius * m_scale;
    const QColor sold(0xB0, 0xB0, 0xB0);
    forSeatsIn(visible.adjusted(-1, -1, 1, 1), [&](int s) {
        const QPointF c = seatPosition(s);
        const int tier = m_model->tierIndex(s);
        const char letter = m_model->letter(s);
        const bool selected = m_selected.contains(s);
        if (letter == 'X') {
            // Not for sale: a cross, whatever the tier (ringed when picked).
            const double k = r * 0.5;
            p.setPen(QPen(selected ? palette().color(QPalette::Text) : sold.darker(125), std::max(1.5, r * 0.22),
                          Qt::SolidLine, Qt::RoundCap));
            p.drawLine(c + QPointF(-k, -k), c + QPointF(k, k));
            p.drawLine(c + QPointF(-k, k), c + QPointF(k, -k));
            if (selected) {
                p.setPen(QPen(palette().color(QPalette::Text), std::max(2.0, r * 0.3)));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(c, r, r);
            }
            return;
        }
        if (letter == 'S') {
            p.setPen(Qt::NoPen);
            p.setBrush(sold);
            p.drawPath(shape(tier, c, r * 0.55));
            return;
        }
        if (letter == 'H' && !selected) {
            p.setPen(QPen(tierColour(tier), std::max(1.0, r * 0.25)));
            p.setBrush(palette().color(QPalette::Base));
            p.drawPath(shape(tier, c, r * 0.8));
            return;
        }
        p.setPen(selected ? QPen(palette().color(QPalette::Text), std::max(2.0, r * 0.35)) : Qt::NoPen);
        p.setBrush(tierColour(tier));
        p.drawPath(shape(tier, c, r));
    });
    // Ours: held for this buyer, ringed so they stand out from everyone else's holds.
    for (int s : std::as_const(m_held)) {
        p.setPen(QPen(palette().color(QPalette::Highlight), std::max(2.5, r * 0.3)));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(seatPosition(s), r * 1.55, r * 1.55);
    }
    paintLabels(p, visible);
    if (m_banding) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1.5, Qt::DashLine));
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlphaF(0.12);
        p.setBrush(fill);
        p.drawRect(m_bandRect);
    }
    if (m_focus >= 0 && hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(seatPosition(m_focus), r * 1.6, r * 1.6);
    }
}

void SeatMapView::paintLabels(QPainter &p, const QRectF &visible)
{
    // Where am I: each section's name above it, each row's name at its start.
    const double r = SeatRadius * m_scale;
    QFont sectionFont = font();
    sectionFont.setBold(true);
    p.setFont(sectionFont);
    p.setPen(palette().color(QPalette::Text));
    const QFontMetricsF sectionMetrics(sectionFont);
    for (const SeatMapModel::SectionInfo &s : m_model->sections()) {
        if (!s.bounds.adjusted(-2, -3, 2, 2).intersects(visible))
            continue;
        QPointF top = toWidget(s.bounds.center().x(), s.bounds.top());
        const double w = sectionMetrics.horizontalAdvance(s.name) + 8;
        // Zoomed in past the section's front: its name stays at the top of the view.
        const QRectF onScreen(toWidget(s.bounds.left(), s.bounds.top()), toWidget(s.bounds.right(), s.bounds.bottom()));
        if (top.y() - sectionMetrics.height() - 4 < 0 && onScreen.bottom() > 40) {
            top.setY(sectionMetrics.height() + 6);
            const double lo = std::max(onScreen.left(), 0.0) + w / 2;
            const double hi = std::min(onScreen.right(), double(width()) - 60) - w / 2;
            top.setX(lo <= hi ? std::clamp(top.x(), lo, hi) : lo);
        }
        const QRectF box(top.x() - w / 2, top.y() - sectionMetrics.height() - 4, w, sectionMetrics.height());
        p.fillRect(box, palette().color(QPalette::Base));
        p.drawText(box, Qt::AlignCenter, s.name);
    }
    if (r < 4)
        return;  // rows too close together to name
    QFont rowFont = font();
    rowFont.setPixelSize(std::clamp(int(r * 1.3), 9, 16));
    p.setFont(rowFont);
    p.setPen(palette().color(QPalette::PlaceholderText));
    const auto &seats = m_model->layout().seats;
    for (const SeatMapModel::RowInfo &row : m_model->rows()) {
        if (row.seats.isEmpty())
            continue;
        const Seat &first = seats[row.seats.first()];
        if (!visible.adjusted(-2, -2, 2, 2).contains(QPointF(first.x, first.y)))
            continue;
        // Outside the row's first seat, along the row.
        const Seat &last = seats[row.seats.last()];
        QPointF along(first.x - last.x, first.y - last.y);
        const double length = std::hypot(along.x(), along.y());
        along = length > 0 ? along / length : QPointF(-1, 0);
        const QPointF at = toWidget(first.x + along.x() * SeatRadius * 3.2, first.y + along.y() * SeatRadius * 3.2);
        p.drawText(QRectF(at.x() - 20, at.y() - 10, 40, 20), Qt::AlignCenter, row.row);
    }
}

void SeatMapView::toggle(int seat)
{
    if (seat < 0 || !m_interactive)
        return;
    if (m_selected.removeOne(seat)) {
        Q_EMIT selectionChanged();
    } else if (selectable(seat) && m_selected.size() < m_maxSelection) {
        m_selected.append(seat);
        Q_EMIT selectionChanged();
    }
    Q_EMIT seatActivated(seat);
    update();
}

void SeatMapView::wheelEvent(QWheelEvent *event)
{
    zoomBy(std::pow(1.0015, event->angleDelta().y()), event->position());
    event->accept();
}

void SeatMapView::mousePressEvent(QMouseEvent *event)
{
    if (m_band && m_interactive && event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)) {
        m_banding = true;
        m_bandRect = QRectF(event->position(), QSizeF(0, 0));
        m_dragging = false;
        return;
    }
    m_dragFrom = event->position();
    m_dragging = event->button() == Qt::LeftButton;
    m_dragged = false;
}

void SeatMapView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_banding) {
        const QRect before = m_bandRect.normalized().toAlignedRect().adjusted(-2, -2, 2, 2);
        m_bandRect.setBottomRight(event->position());
        update(before | m_bandRect.normalized().toAlignedRect().adjusted(-2, -2, 2, 2));
        return;
    }
    if (m_dragging) {
        const QPointF delta = event->position() - m_dragFrom;
        if (m_dragged || delta.manhattanLength() > 4) {
            m_dragged = true;
            userMoved();
            m_offset += delta;
            m_dragFrom = event->position();
            update();
        }
        return;
    }
    const int hover = seatAt(event->position());
    if (hover != m_hover) {
        m_hover = hover;
        setCursor(hover >= 0 && selectable(hover) ? Qt::PointingHandCursor : Qt::ArrowCursor);
    }
}

void SeatMapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_banding) {
        // Every pickable seat in the rectangle joins the selection (up to the limit).
        m_banding = false;
        const QRectF band = m_bandRect.normalized();
        const QRectF venue(toVenue(band.topLeft()), toVenue(band.bottomRight()));
        QList<int> inside;
        forSeatsIn(venue, [&](int s) {
            const Seat &seat = m_model->layout().seats[s];
            if (venue.contains(QPointF(seat.x, seat.y)) && selectable(s))
                inside << s;
        });
        std::sort(inside.begin(), inside.end());
        bool changed = false;
        for (int s : std::as_const(inside))
            if (m_selected.size() < m_maxSelection && !m_selected.contains(s))
                m_selected.append(s), changed = true;
        update();
        if (changed)
            Q_EMIT selectionChanged();
        return;
    }
    if (m_dragging && !m_dragged) {
        const int seat = seatAt(event->position());
        if (seat >= 0) {
            m_focus = seat;
            toggle(seat);
        } else if (!showsSeats()) {
            // A click (a tap) on a section opens that section, centred.
            const int section = sectionAt(event->position());
            if (section >= 0)
                zoomToSection(section);
            else
                zoomBy(3.0, event->position());
        }
    }
    m_dragging = false;
}

void SeatMapView::moveFocus(double dx, double dy)
{
    const auto &seats = m_model->layout().seats;
    if (seats.isEmpty())
        return;
    if (m_focus < 0) {
        m_focus = seatAt(QPointF(width() / 2.0, height() / 2.0));
        if (m_focus < 0)
            m_focus = 0;
    } else {
        // The nearest seat in that direction (within 45°), looking farther each round.
        const Seat &from = seats[m_focus];
        int best = -1;
        for (double reach = 1.5; best < 0 && reach < 200; reach *= 2) {
            double bestDistance = 1e18;
            forSeatsIn(QRectF(from.x - reach, from.y - reach, 2 * reach, 2 * reach), [&](int s) {
                const double vx = seats[s].x - from.x, vy = seats[s].y - from.y;
                const double along = vx * dx + vy * dy;
                const double d = vx * vx + vy * vy;
                if (s == m_focus || along <= 0 || along * along < 0.5 * d)
                    return;
                if (d < bestDistance)
                    bestDistance = d, best = s;
            });
        }
        if (best >= 0)
            m_focus = best;
    }
    // Keep the focus in view.
    const QPointF p = seatPosition(m_focus);
    if (!rect().adjusted(20, 20, -20, -20).contains(p.toPoint())) {
        m_offset += QPointF(width() / 2.0, height() / 2.0) - p;
        userMoved();
    }
    update();
}

void SeatMapView::keyPressEvent(QKeyEvent *event)
{
    const QPointF centre(width() / 2.0, height() / 2.0);
    switch (event->key()) {
    case Qt::Key_Left: moveFocus(-1, 0); break;
    case Qt::Key_Right: moveFocus(1, 0); break;
    case Qt::Key_Up: moveFocus(0, -1); break;
    case Qt::Key_Down: moveFocus(0, 1); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.5, m_focus >= 0 ? seatPosition(m_focus) : centre); break;
    case Qt::Key_Minus: zoomBy(1 / 1.5, centre); break;
    case Qt::Key_Home: fitToView(); break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter: toggle(m_focus); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

bool SeatMapView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int seat = seatAt(help->pos());
        if (seat < 0) {
            QToolTip::hideText();
            return true;
        }
        const Seat &s = m_model->layout().seats[seat];
        const int section = m_model->sectionOf(seat);
        const QString sectionName = section >= 0 ? m_model->sections()[section].name : s.section;
        const Money price = m_model->price(seat);
        const char letter = m_model->letter(seat);
        const QString state = letter == 'A'   ? tr("available")
                              : letter == 'H' ? tr("held")
                              : letter == 'X' ? tr("not for sale")
                                              : tr("sold");
        QToolTip::showText(help->globalPos(),
                           tr("%1, row %2, seat %3\n%4 · %5 %6 · %7")
                               .arg(sectionName, s.row)
                               .arg(s.number)
                               .arg(m_model->layout().tiers.value(m_model->tierIndex(seat)).name,
                                    QLocale().toString(price.amount), price.currency, state),
                           this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace BoxOffice
