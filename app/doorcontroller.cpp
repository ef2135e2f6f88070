#include "app/doorcontroller.h"

#include "app/apiclient.h"
#include "domain/venuetime.h"
#include "models/concertmodel.h"
#include "ui/doorview.h"

#include <QLocale>

#include <algorithm>

namespace BoxOffice {

using namespace Qt::StringLiterals;

DoorController::DoorController(ApiClient *api, ConcertModel *concerts, QObject *parent)
    : QObject(parent), m_api(api), m_concerts(concerts), m_view(std::make_unique<DoorView>())
{
    connect(m_view.get(), &DoorView::scanned, this, &DoorController::scan);
    connect(m_view.get(), &DoorView::performanceChanged, this, &DoorController::showCounts);
    connect(concerts, &QAbstractItemModel::modelReset, this, &DoorController::loadPerformances);
}

DoorController::~DoorController() = default;

void DoorController::start()
{
    loadPerformances();
    m_view->show();
    m_view->raise();
    m_view->activateWindow();
}

void DoorController::loadPerformances()
{
    struct Entry
    {
        DoorView::Performance performance;
        QDateTime startsAt;
    };
    QList<Entry> entries;
    const QLocale locale;
    for (const Concert &c : m_concerts->concerts())
        for (const PerformanceSummary &p : c.performances) {
            const QDateTime local = inVenueZone(p.startsAt, c.venue.timeZone);
            entries.append({DoorView::Performance{p.id,
                                                  tr("%1 · %2 · %3")
                                                      .arg(c.title, locale.toString(local, QLocale::ShortFormat),
                                                           c.venue.name),
                                                  c.venue.timeZone},
                            p.startsAt});
        }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.startsAt < b.startsAt; });
    // The doors open for the next performance (or one that started in the last hours).
    QString current = m_view->performanceId();
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-6 * 3600);
    QList<DoorView::Performance> list;
    for (const Entry &e : std::as_const(entries)) {
        list.append(e.performance);
        if (current.isEmpty() && e.startsAt >= since)
            current = e.performance.id;
    }
    m_view->setPerformances(list, current);
    showCounts();
}

void DoorController::scan(const QString &secret, const QString &performanceId)
{
    const quint64 number = ++m_sent;
    m_view->showChecking(secret);
    m_api->checkIn(secret, performanceId, this, [this, secret, performanceId, number](const ApiResult<CheckIn> &r) {
        const bool latest = number == m_sent;
        if (!r) {
            m_view->showNotChecked(secret, r.error().message, latest);
            Q_EMIT answered(secret, nullptr);
            return;
        }
        Counts &counts = m_counts[performanceId];
        (r.value().admitted() ? counts.admitted : counts.refused) += 1;
        showCounts();
        m_view->showVerdict(secret, r.value(), latest);
        Q_EMIT answered(secret, &r.value());
    });
}

void DoorController::showCounts()
{
    const QString performance = m_view->performanceId();
    m_view->setCounts(admitted(performance), refused(performance));
}

} // namespace BoxOffice
