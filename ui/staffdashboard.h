#pragma once

#include "domain/hold.h"
#include "domain/staffaccount.h"

#include <QWidget>

#include <functional>

class QChart;
class QChartView;
class QComboBox;
class QGroupBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QValueAxis;

namespace BoxOffice {

class QueueDashboardModel;

// The staff dashboard: every concert's waiting room in a table; for the selected one,
// a chart of the queue over the last hour, pause / resume, capacity, session length, a
// counter sale of a performance (the seat map without the queue) and its holds, any of
// which can be released by force. Pausing and a forced release ask first (No by
// default; the question is window-modal, not a nested event loop). Shows what it is
// given; emits intent.
class StaffDashboard : public QWidget
{
    Q_OBJECT
public:
    explicit StaffDashboard(QueueDashboardModel *model, QWidget *parent = nullptr);

    QString selectedConcert() const { return m_concertId; }
    void selectConcert(const QString &concertId);
    // What the signed-in role may do: a clerk sees the rooms, sells at the counter and
    // lists holds; the waiting room's controls (pause, capacity, session length) and the
    // forced release are a manager's, and hidden from a clerk.
    void setRole(StaffRole role);

public Q_SLOTS:
    void showHolds(const QString &performanceId, const QList<HeldHold> &holds);
    void showMessage(const QString &text);

Q_SIGNALS:
    void pauseRequested(const QString &concertId, bool paused);
    void capacityRequested(const QString &concertId, int capacity);
    void sessionSecondsRequested(const QString &concertId, int seconds);
    void counterSaleRequested(const QString &concertId, const QString &performanceId);
    void holdsRequested(const QString &performanceId);
    void forceReleaseRequested(const QString &holdId, const QString &performanceId);
    // A manager's: the performance's seat map to take seats off sale (issue 15).
    void notForSaleRequested(const QString &performanceId);

private:
    void onSelected(const QString &concertId);
    void updateDetails();
    void updateChart();
    // Asks `question` (Yes / No, No the default); `onYes` runs only if the answer is Yes.
    void confirm(const QString &title, const QString &question, std::function<void()> onYes);

    QueueDashboardModel *m_model;
    QString m_concertId;
    QTableView *m_table;
    QLabel *m_title, *m_message;
    QChart *m_chart;
    QLineSeries *m_waiting, *m_active;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_countAxis;
    QGroupBox *m_queueBox;
    QPushButton *m_pause, *m_applyCapacity, *m_applySession, *m_counter, *m_showHolds, *m_release;
    QPushButton *m_notForSale;
    QSpinBox *m_capacity, *m_session;
    QComboBox *m_performance;
    QTableWidget *m_holds;
    QString m_holdsPerformance;
    QString m_capacityShownFor;
};

} // namespace BoxOffice
