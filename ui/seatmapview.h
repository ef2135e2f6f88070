#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QWidget>

namespace BoxOffice {

class SeatMapModel;

// The seat map: custom painted from a SeatMapModel. Zoomed out it shades whole
// sections by what is left; zoomed in it draws every seat with its tier's colour
// *and* shape (never colour alone) and its state (available filled, held hollow,
// sold small and grey). Pans and zooms with the wheel, a drag and the keyboard
// (arrows move the focus seat, + and - zoom, Home fits, Space or Enter selects);
// paints only what is exposed and visible; finds seats by arithmetic on a grid.
// It owns view state only and emits intent.
class SeatMapView : public QWidget
{
    Q_OBJECT
public:
    explicit SeatMapView(SeatMapModel *model, QWidget *parent = nullptr);

    void setMaxSelection(int seats) { m_maxSelection = seats; }
    QList<int> selection() const { return m_selected; }
    QStringList selectedIds() const;
    void clearSelection();
    void select(const QList<int> &seats);  // replaces the selection (available seats, up to the limit)
    void setInteractive(bool interactive);  // false: read-only (offline, or a hold in progress)
    // Which seat letters may be picked: "A" (the default; buyers and the counter), "AX"
    // (a manager taking seats off sale or putting them back).
    void setSelectableLetters(const QByteArray &letters);
    // Shift+drag picks every pickable seat in the rectangle (staff; off by default).
    void setBandSelection(bool band) { m_band = band; }
    bool isInteractive() const { return m_interactive; }
    // Seats held for this buyer: marked on the map (a ring), and brought into view.
    void setHeld(const QList<int> &seats);
    QList<int> held() const { return m_held; }
    // Pans (and zooms in to seat level if needed) so that all these seats are on screen.
    void ensureVisible(const QList<int> &seats);
    // Touch: a tapped section opens at a zoom where every seat is at least this many
    // pixels across (0: just the section, fitted).
    void setMinimumTapSize(int pixels) { m_minTap = pixels; }
    // The on-screen seat size (the hit area's diameter) at the current zoom.
    double tapSize() const;

    // View state, for tests and the parent's controls.
    double scale() const { return m_scale; }  // pixels per metre
    bool showsSeats() const;                  // false: sections (zoomed out)
    int focusSeat() const { return m_focus; }
    int seatAt(const QPointF &widgetPos) const;
    QPointF seatPosition(int seat) const;     // widget coordinates
    void zoomBy(double factor, const QPointF &around);
    void fitToView();
    // Zooms to a section, centred (at least to the minimum tap size).
    void zoomToSection(int section);
    int sectionAt(const QPointF &widgetPos) const;
    // Whether the view follows the widget's size (true until the user zooms or pans).
    bool isFitted() const { return m_fitted; }

    QSize sizeHint() const override { return {900, 620}; }

    // The tier's mark as drawn on the map (colour and shape), for a legend.
    static QPixmap tierIcon(int tier, int size);

Q_SIGNALS:
    void selectionChanged();
    void seatActivated(int seat);
    // Picked seats that someone else took meanwhile (they left the selection).
    void selectionLost(const QList<int> &seats);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void rebuildGrid();
    QPointF toWidget(double x, double y) const { return {x * m_scale + m_offset.x(), y * m_scale + m_offset.y()}; }
    QPointF toVenue(const QPointF &p) const { return (p - m_offset) / m_scale; }
    void toggle(int seat);
    bool selectable(int seat) const;
    void moveFocus(double dx, double dy);
    void userMoved();
    void placeButtons();
    void paintLabels(QPainter &p, const QRectF &visible);
    template <typename F> void forSeatsIn(const QRectF &venueRect, F f) const;

    SeatMapModel *m_model;
    double m_scale = 1;
    QPointF m_offset;
    bool m_fitted = true;  // follows the widget's size until the user moves the view
    QList<int> m_held;
    int m_minTap = 0;
    QList<QWidget *> m_buttons;
    QList<int> m_selected;
    int m_maxSelection = 4;
    int m_focus = -1;
    int m_hover = -1;
    bool m_interactive = true;
    QPointF m_dragFrom;
    bool m_dragging = false;
    bool m_dragged = false;
    QByteArray m_selectable = QByteArrayLiteral("A");
    bool m_band = false;
    bool m_banding = false;
    QRectF m_bandRect;  // widget coordinates, while Shift+dragging
    // Seats by 4 m grid cell, for culling and hit tests.
    static constexpr double Cell = 4.0;
    QHash<quint64, QList<int>> m_grid;
};

} // namespace BoxOffice
