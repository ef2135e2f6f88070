#pragma once

#include "models/queuedashboardmodel.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace BoxOffice {

class ApiClient;
class ConcertModel;
class StaffDashboard;

// Staff mode's dashboard: reads every concert's waiting room every two seconds (the
// staff API, with the ApiClient's staff key), keeps the last hour for the chart, and
// carries the dashboard's controls to the server: pause and resume, capacity, session
// length, the holds
// of a performance and their forced release. Counter sales are opened by the owner
// (BoxOfficeApp), which is told through counterSaleRequested.
class StaffController : public QObject
{
    Q_OBJECT
public:
    StaffController(ApiClient *api, ConcertModel *concerts, QObject *parent = nullptr);
    ~StaffController() override;

    StaffDashboard *dashboard() const { return m_dashboard.get(); }
    QueueDashboardModel *model() { return &m_model; }
    void setInterval(std::chrono::milliseconds interval) { m_poll.setInterval(interval); }
    void start();
    void refresh();

Q_SIGNALS:
    void counterSaleRequested(const QString &concertId, const QString &performanceId);
    void notForSaleRequested(const QString &performanceId);
    void refreshed();  // a round of reads has come back

private:
    void setPaused(const QString &concertId, bool paused);
    void setCapacity(const QString &concertId, int capacity);
    void setSessionSeconds(const QString &concertId, int seconds);
    void loadHolds(const QString &performanceId, const QString &note = {});
    void forceRelease(const QString &holdId, const QString &performanceId);

    ApiClient *m_api;
    ConcertModel *m_concerts;
    QueueDashboardModel m_model;
    std::unique_ptr<StaffDashboard> m_dashboard;
    QTimer m_poll;
    int m_pending = 0;
};

} // namespace BoxOffice
