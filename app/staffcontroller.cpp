#include "app/staffcontroller.h"

#include "app/apiclient.h"
#include "models/concertmodel.h"
#include "ui/staffdashboard.h"

#include <QJsonObject>

namespace BoxOffice {

using namespace Qt::StringLiterals;

StaffController::StaffController(ApiClient *api, ConcertModel *concerts, QObject *parent)
    : QObject(parent), m_api(api), m_concerts(concerts), m_dashboard(std::make_unique<StaffDashboard>(&m_model))
{
    m_model.setConcerts(concerts->concerts());
    connect(concerts, &QAbstractItemModel::modelReset, this, [this] { m_model.setConcerts(m_concerts->concerts()); });
    m_poll.setInterval(std::chrono::seconds(2));
    connect(&m_poll, &QTimer::timeout, this, &StaffController::refresh);
    connect(m_dashboard.get(), &StaffDashboard::pauseRequested, this, &StaffController::setPaused);
    connect(m_dashboard.get(), &StaffDashboard::capacityRequested, this, &StaffController::setCapacity);
    connect(m_dashboard.get(), &StaffDashboard::sessionSecondsRequested, this, &StaffController::setSessionSeconds);
    connect(m_dashboard.get(), &StaffDashboard::holdsRequested, this, [this](const QString &p) { loadHolds(p); });
    connect(m_dashboard.get(), &StaffDashboard::forceReleaseRequested, this, &StaffController::forceRelease);
    connect(m_dashboard.get(), &StaffDashboard::counterSaleRequested, this, &StaffController::counterSaleRequested);
    connect(m_dashboard.get(), &StaffDashboard::notForSaleRequested, this, &StaffController::notForSaleRequested);
}

StaffController::~StaffController() = default;

void StaffController::start()
{
    m_dashboard->show();
    refresh();
    m_poll.start();
    // The hour before the dashboard opened, as the servers recorded it.
    for (const Concert &c : m_concerts->concerts())
        m_api->queueHistory(c.id, this, [this, id = c.id](const ApiResult<QList<QueueHistory::Sample>> &r) {
            if (!r)
                return;
            QList<QueueDashboardModel::Sample> samples;
            for (const auto &s : r.value())
                samples.append({s.at, int(s.waiting), int(s.active)});
            m_model.addHistory(id, samples);
        });
}

void StaffController::refresh()
{
    if (m_pending > 0)
        return;  // the last round is still out: a slow server gets no pile-up
    const auto &concerts = m_concerts->concerts();
    m_pending = int(concerts.size());
    for (const Concert &c : concerts) {
        m_api->queueStats(c.id, this, [this, id = c.id](const ApiResult<QueueStats> &r) {
            if (r)
                m_model.updateStats(r.value(), QDateTime::currentDateTimeUtc());
            else
                m_model.setUnavailable(id, r.error().message);
            if (!r && r.error().isRefused())
                m_dashboard->showMessage(tr("The server refused the staff sign-in: %1").arg(r.error().message));
            if (--m_pending == 0)
                Q_EMIT refreshed();
        });
    }
}

void StaffController::setPaused(const QString &concertId, bool paused)
{
    m_api->updateQueue(concertId, {{u"paused"_s, paused}}, this, [this, paused](const ApiResult<QueueStats> &r) {
        if (!r)
            return m_dashboard->showMessage(r.error().message);
        m_model.updateStats(r.value(), QDateTime::currentDateTimeUtc());
        m_dashboard->showMessage(paused ? tr("Admissions paused: nobody new is let in until you resume.")
                                        : tr("Admissions resumed."));
    });
}

void StaffController::setCapacity(const QString &concertId, int capacity)
{
    m_api->updateQueue(concertId, {{u"capacity"_s, capacity}}, this, [this](const ApiResult<QueueStats> &r) {
        if (!r)
            return m_dashboard->showMessage(r.error().message);
        m_model.updateStats(r.value(), QDateTime::currentDateTimeUtc());
        m_dashboard->showMessage(tr("Up to %n buyers at once.", nullptr, r.value().capacity));
    });
}

void StaffController::setSessionSeconds(const QString &concertId, int seconds)
{
    m_api->updateQueue(concertId, {{u"sessionSeconds"_s, seconds}}, this, [this](const ApiResult<QueueStats> &r) {
        if (!r)
            return m_dashboard->showMessage(r.error().message);
        m_model.updateStats(r.value(), QDateTime::currentDateTimeUtc());
        m_dashboard->showMessage(tr("Admitted buyers now have %n second(s) each; sessions already running keep theirs.",
                                    nullptr, r.value().sessionSeconds));
    });
}

void StaffController::loadHolds(const QString &performanceId, const QString &note)
{
    m_api->heldHolds(performanceId, this, [this, performanceId, note](const ApiResult<QList<HeldHold>> &r) {
        if (!r)
            return m_dashboard->showMessage(r.error().message);
        m_dashboard->showHolds(performanceId, r.value());
        if (!note.isEmpty())
            m_dashboard->showMessage(note);
    });
}

void StaffController::forceRelease(const QString &holdId, const QString &performanceId)
{
    m_api->release(holdId, {}, this, [this, performanceId](const ApiResult<bool> &r) {
        // The list as it is now, whoever won.
        loadHolds(performanceId, r ? tr("Hold released: its seats are on sale again.") : r.error().message);
    });
}

} // namespace BoxOffice
