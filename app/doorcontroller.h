#pragma once

#include <QHash>
#include <QObject>

#include <memory>

namespace BoxOffice {

class ApiClient;
class ConcertModel;
class DoorView;
struct CheckIn;

// The door check-in window's presenter: offers the performances (the one starting
// soonest first chosen), sends each scan to POST /api/v1/admin/checkins at once (no
// scan waits for another; nothing blocks), shows the answer of the latest scan, and
// counts admitted and refused per performance for as long as the window is open.
class DoorController : public QObject
{
    Q_OBJECT
public:
    DoorController(ApiClient *api, ConcertModel *concerts, QObject *parent = nullptr);
    ~DoorController() override;

    DoorView *view() const { return m_view.get(); }
    void start();
    void scan(const QString &secret, const QString &performanceId);
    int admitted(const QString &performanceId) const { return m_counts.value(performanceId).admitted; }
    int refused(const QString &performanceId) const { return m_counts.value(performanceId).refused; }

Q_SIGNALS:
    // Every answer the server gave (and scans it could not check: nullptr).
    void answered(const QString &secret, const BoxOffice::CheckIn *verdict);

private:
    void loadPerformances();
    void showCounts();

    struct Counts
    {
        int admitted = 0;
        int refused = 0;
    };
    ApiClient *m_api;
    ConcertModel *m_concerts;
    std::unique_ptr<DoorView> m_view;
    QHash<QString, Counts> m_counts;
    quint64 m_sent = 0;  // scans sent; the panel shows the latest one's answer
};

} // namespace BoxOffice
