#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace BoxOffice {

class SeatMapModel;
class SeatMapView;

// Seats not for sale (a manager's): a performance's live seat map where seats on sale
// and seats off sale can be picked (click, or Shift+drag for a block); "Take off sale"
// moves the picked seats on sale to X, "Put back on sale" the picked X seats to A.
// Shows what it is given; emits intent.
class NotForSaleView : public QWidget
{
    Q_OBJECT
public:
    struct Performance
    {
        QString id;
        QString text;
    };

    explicit NotForSaleView(SeatMapModel *seats, QWidget *parent = nullptr);

    void setPerformances(const QList<Performance> &performances, const QString &current = {});
    QString performanceId() const;
    // Shows this performance as the chosen one (no performanceChanged).
    void selectPerformance(const QString &performanceId);
    SeatMapView *seatMap() const { return m_map; }
    // The picked seats by their letter now: on sale (A) and off sale (X).
    QStringList pickedOnSale() const;
    QStringList pickedOffSale() const;
    QString message() const;

public Q_SLOTS:
    void showMessage(const QString &text);
    void setBusy(bool busy);
    void clearSelection();

Q_SIGNALS:
    void performanceChanged(const QString &performanceId);
    void takeOffSaleRequested(const QStringList &seatIds);
    void putBackOnSaleRequested(const QStringList &seatIds);

private:
    void updateSelection();
    QStringList picked(char letter) const;

    SeatMapModel *m_seats;
    QComboBox *m_performance;
    SeatMapView *m_map;
    QLabel *m_selection, *m_message;
    QPushButton *m_takeOff, *m_putBack, *m_clear;
    bool m_busy = false;
};

} // namespace BoxOffice
