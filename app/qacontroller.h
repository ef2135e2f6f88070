#pragma once

#include "app/livechannel.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace BoxOffice {

class ApiClient;
class ConcertModel;
class QaPanel;

// QA tools behind QaPanel: the crowd simulator and session expiry on the selected
// concert (staff API), its waiting room read every second, the raw frames of a live
// channel of its own (rankings and the selected concert's seats: the last concert's are
// unsubscribed) and of any channel given to watch() (the buyer's), each frame named by
// its channel, and switching servers (told to the owner).
class QaController : public QObject
{
    Q_OBJECT
public:
    QaController(ApiClient *api, ConcertModel *concerts, QObject *parent = nullptr);
    ~QaController() override;

    QaPanel *panel() const { return m_panel.get(); }
    LiveChannel *live() { return &m_live; }
    void start();
    // Logs another channel's frames too (the booking window's), each under `source`
    // (default: "booking"); the panel's own are under "QA".
    void watch(LiveChannel *channel, const QString &source = {});
    void setInterval(std::chrono::milliseconds interval) { m_poll.setInterval(interval); }
    // The server changed (after serverRequested): reconnect the live channel there.
    void serverChanged();

Q_SIGNALS:
    void serverRequested(const QUrl &url);
    void statsRead();

private:
    void select(const QString &concertId);
    void readStats();

    ApiClient *m_api;
    ConcertModel *m_concerts;
    std::unique_ptr<QaPanel> m_panel;
    LiveChannel m_live;
    QTimer m_poll;
    QString m_concertId;
    QStringList m_seatTopics;  // the selected concert's, on m_live
    QString m_reading;  // the concert whose read is out
};

} // namespace BoxOffice
