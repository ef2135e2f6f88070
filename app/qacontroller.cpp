#include "app/qacontroller.h"

#include "app/apiclient.h"
#include "models/concertmodel.h"
#include "ui/qapanel.h"

#include <QLocale>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QaController::QaController(ApiClient *api, ConcertModel *concerts, QObject *parent)
    : QObject(parent), m_api(api), m_concerts(concerts), m_panel(std::make_unique<QaPanel>(concerts))
{
    m_poll.setInterval(std::chrono::seconds(1));
    connect(&m_poll, &QTimer::timeout, this, &QaController::readStats);
    watch(&m_live, tr("QA"));
    connect(m_panel.get(), &QaPanel::concertSelected, this, &QaController::select);
    connect(m_panel.get(), &QaPanel::crowdRequested, this, [this](const QString &concertId, int count) {
        m_panel->showMessage(tr("Adding %1 simulated buyers…").arg(QLocale().toString(count)));
        m_api->addCrowd(concertId, count, this, [this](const ApiResult<qint64> &r) {
            m_panel->showMessage(r ? tr("%Ln simulated buyer(s) joined the queue. They never leave by themselves.", nullptr,
                                      int(r.value()))
                                   : r.error().message);
            readStats();
        });
    });
    connect(m_panel.get(), &QaPanel::expireRequested, this, [this](const QString &concertId, int count) {
        m_api->expireSessions(concertId, count, this, [this](const ApiResult<qint64> &r) {
            m_panel->showMessage(r ? tr("%n session(s) ended; the next waiters come in at the next tick.", nullptr,
                                        int(r.value()))
                                   : r.error().message);
            readStats();
        });
    });
    connect(m_panel.get(), &QaPanel::serverRequested, this, [this](const QString &text) {
        const QUrl url = QUrl::fromUserInput(text);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
            return m_panel->showMessage(tr("Not a server address: \"%1\". Give an http(s) URL.").arg(text));
        Q_EMIT serverRequested(url);
    });
}

QaController::~QaController() = default;

void QaController::start()
{
    m_panel->setServer(m_api->baseUrl().toString());
    m_panel->show();
    m_live.setServer(m_api->baseUrl());
    m_live.setStaffCredential(m_api->staffCredential());
    m_live.subscribe({u"rankings"_s});
    m_live.start();
    select(m_panel->selectedConcert());
    m_poll.start();
}

void QaController::watch(LiveChannel *channel, const QString &source)
{
    const QString name = source.isEmpty() ? tr("booking") : source;
    connect(channel, &LiveChannel::frameSent, m_panel.get(),
            [this, name](const QString &t) { m_panel->appendFrame(name, u'>', t); });
    connect(channel, &LiveChannel::frameReceived, m_panel.get(),
            [this, name](const QString &t) { m_panel->appendFrame(name, u'<', t); });
}

void QaController::serverChanged()
{
    m_live.stop();
    m_panel->setServer(m_api->baseUrl().toString());
    m_live.setServer(m_api->baseUrl());
    m_live.setStaffCredential(m_api->staffCredential());
    m_live.start();
    m_panel->showMessage(tr("Now on %1.").arg(m_api->baseUrl().toDisplayString()));
}

void QaController::select(const QString &concertId)
{
    m_concertId = concertId;
    // The concert's seats, live (staff may read any performance); the last one's go.
    QStringList topics;
    for (const Concert &c : m_concerts->concerts())
        if (c.id == concertId)
            for (const PerformanceSummary &p : c.performances)
                topics << u"seats:"_s + p.id;
    QStringList old;
    for (const QString &t : std::as_const(m_seatTopics))
        if (!topics.contains(t))
            old << t;
    m_live.unsubscribe(old);
    m_seatTopics = topics;
    m_live.subscribe(topics);
    readStats();
}

void QaController::readStats()
{
    if (m_concertId.isEmpty() || m_reading == m_concertId)
        return;  // one read at a time per concert: a slow server gets no pile-up
    m_reading = m_concertId;
    m_api->queueStats(m_concertId, this, [this, concertId = m_concertId](const ApiResult<QueueStats> &r) {
        if (m_reading == concertId)
            m_reading.clear();
        if (concertId != m_concertId)
            return;
        if (r)
            m_panel->showStats(r.value());
        else
            m_panel->showMessage(r.error().message);
        Q_EMIT statsRead();
    });
}

} // namespace BoxOffice
