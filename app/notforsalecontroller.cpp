#include "app/notforsalecontroller.h"

#include "app/apiclient.h"
#include "domain/venuetime.h"
#include "models/concertmodel.h"
#include "ui/notforsaleview.h"

#include <QJsonArray>
#include <QLocale>

namespace BoxOffice {

using namespace Qt::StringLiterals;

NotForSaleController::NotForSaleController(ApiClient *api, ConcertModel *concerts, QObject *parent)
    : QObject(parent), m_api(api), m_concerts(concerts), m_view(std::make_unique<NotForSaleView>(&m_seats))
{
    m_poll.setInterval(m_interval);
    connect(&m_poll, &QTimer::timeout, this, &NotForSaleController::pollSeats);
    connect(m_view.get(), &NotForSaleView::performanceChanged, this, &NotForSaleController::showPerformance);
    connect(m_view.get(), &NotForSaleView::takeOffSaleRequested, this,
            [this](const QStringList &ids) { setForSale(ids, false); });
    connect(m_view.get(), &NotForSaleView::putBackOnSaleRequested, this,
            [this](const QStringList &ids) { setForSale(ids, true); });
    connect(&m_live, &LiveChannel::seatsChanged, this,
            [this](const QString &performance, qint64 version, const QList<QPair<int, char>> &changes) {
                if (performance == m_performanceId && m_seats.hasStatus()
                    && m_seats.applyDelta(version, changes) == SeatMapModel::Delta::Gap)
                    pollSeats();  // a version was missed: read the whole status
            });
    connect(&m_live, &LiveChannel::seatsUnreadable, this, [this](const QString &performance) {
        if (performance == m_performanceId || performance.isEmpty())
            pollSeats();
    });
    connect(&m_live, &LiveChannel::connectedChanged, this, [this](bool connected) {
        m_poll.setInterval(connected ? m_interval * 5 : m_interval);  // a slow safety net while pushed to
        if (connected && m_seats.hasStatus())
            pollSeats();  // a snapshot first, then the pushes newer than it
    });
}

NotForSaleController::~NotForSaleController()
{
    m_live.stop();
}

void NotForSaleController::setPollInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    m_poll.setInterval(m_live.isConnected() ? interval * 5 : interval);
}

void NotForSaleController::start(const QString &performanceId)
{
    m_live.setServer(m_api->baseUrl());
    m_live.setStaffCredential(m_api->staffCredential());
    m_live.start();
    loadPerformances(performanceId);
    m_view->show();
    m_view->raise();
    showPerformance(m_view->performanceId());
}

void NotForSaleController::loadPerformances(const QString &current)
{
    QList<NotForSaleView::Performance> list;
    const QLocale locale;
    for (const Concert &c : m_concerts->concerts())
        for (const PerformanceSummary &p : c.performances)
            list.append({p.id, tr("%1 · %2 · %3")
                                   .arg(c.title,
                                        locale.toString(inVenueZone(p.startsAt, c.venue.timeZone), QLocale::ShortFormat),
                                        c.venue.name)});
    m_view->setPerformances(list, current);
}

void NotForSaleController::showPerformance(const QString &performanceId)
{
    if (performanceId.isEmpty() || performanceId == m_performanceId)
        return;
    m_view->selectPerformance(performanceId);  // when asked from elsewhere (the dashboard)
    if (!m_performanceId.isEmpty())
        m_live.unsubscribe({u"seats:"_s + m_performanceId});
    m_performanceId = performanceId;
    const int loading = ++m_loading;
    m_poll.stop();
    m_view->showMessage(tr("Loading the seat map…"));
    m_api->fetchPreparedLayout(performanceId, this, [this, loading](const ApiResult<ApiClient::LayoutDownload> &r) {
        if (loading != m_loading)
            return;  // another performance was chosen meanwhile
        if (!r)
            return m_view->showMessage(r.error().message);
        m_seats.adopt(r.value().prepared);  // parsed and prepared on the thread pool
        m_view->showMessage({});
        m_live.subscribe({u"seats:"_s + m_performanceId});
        pollSeats();
        m_poll.start();
    });
}

void NotForSaleController::pollSeats()
{
    if (m_performanceId.isEmpty() || m_seats.seatCount() == 0)
        return;
    m_api->seatStatus(m_performanceId, {}, this, [this, performance = m_performanceId](const ApiResult<SeatStatus> &r) {
        if (performance != m_performanceId)
            return;
        if (!r)
            return m_view->showMessage(r.error().message);
        const bool first = !m_seats.hasStatus();
        if (r.value().version != m_seats.version())
            m_seats.setStatus(r.value());
        if (first)
            Q_EMIT seatsReady();
    });
}

void NotForSaleController::setForSale(const QStringList &seatIds, bool forSale)
{
    if (seatIds.isEmpty() || m_performanceId.isEmpty())
        return;
    m_view->setBusy(true);
    m_api->setSeatsForSale(
        m_performanceId, seatIds, forSale, this,
        [this, seatIds, forSale, performance = m_performanceId](const ApiResult<qint64> &r) {
            m_view->setBusy(false);
            if (performance != m_performanceId)
                return;
            if (!r) {
                const ApiError &e = r.error();
                QStringList named;
                for (const QJsonValue &v : e.details.value(u"seats"_s).toArray())
                    named << v.toString();
                if (e.kind == ApiError::Kind::Http && e.httpStatus == 409)
                    m_view->showMessage(
                        (forSale ? tr("Nothing was put back on sale: %1 no longer off sale (someone changed them).")
                                 : tr("Nothing was taken off sale: %1 no longer on sale (held or sold meanwhile)."))
                            .arg(named.isEmpty() ? tr("some seats") : m_seats.describe(named)));
                else
                    m_view->showMessage(e.message);
                pollSeats();
                Q_EMIT changed(false);
                return;
            }
            m_view->showMessage(forSale ? tr("Back on sale: %1.").arg(m_seats.describe(seatIds))
                                        : tr("Taken off sale: %1.").arg(m_seats.describe(seatIds)));
            m_view->clearSelection();
            // The live delta brings the letters; the status read makes sure of them.
            pollSeats();
            Q_EMIT changed(true);
        });
}

} // namespace BoxOffice
