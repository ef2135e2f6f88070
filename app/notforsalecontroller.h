#pragma once

#include "app/livechannel.h"
#include "models/seatmapmodel.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace BoxOffice {

class ApiClient;
class ConcertModel;
class NotForSaleView;

// Seats not for sale (managers): the chosen performance's seat map, live (the seats
// topic's deltas, a gap or a reconnect reads the whole status; polling while the
// channel is down), and the manager's "take off sale" / "put back on sale" to
// POST /api/v1/admin/performances/{id}/seats. A 409 names the seats in another state.
class NotForSaleController : public QObject
{
    Q_OBJECT
public:
    NotForSaleController(ApiClient *api, ConcertModel *concerts, QObject *parent = nullptr);
    ~NotForSaleController() override;

    NotForSaleView *view() const { return m_view.get(); }
    SeatMapModel *seats() { return &m_seats; }
    LiveChannel *live() { return &m_live; }
    void setPollInterval(std::chrono::milliseconds interval);
    // Opens the window on a performance (empty: the first).
    void start(const QString &performanceId = {});
    void showPerformance(const QString &performanceId);
    void setForSale(const QStringList &seatIds, bool forSale);

Q_SIGNALS:
    void seatsReady();  // the map of the chosen performance is there
    void changed(bool ok);

private:
    void loadPerformances(const QString &current);
    void pollSeats();

    ApiClient *m_api;
    ConcertModel *m_concerts;
    SeatMapModel m_seats;
    LiveChannel m_live;
    std::unique_ptr<NotForSaleView> m_view;
    QTimer m_poll;
    std::chrono::milliseconds m_interval{2000};
    QString m_performanceId;
    int m_loading = 0;  // answers to an older choice of performance are dropped
};

} // namespace BoxOffice
