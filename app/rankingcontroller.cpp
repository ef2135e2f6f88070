#include "app/rankingcontroller.h"

#include "ui/rankingview.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

RankingController::RankingController(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api), m_view(std::make_unique<RankingView>(&m_model))
{
    connect(m_view.get(), &RankingView::windowChanged, this, &RankingController::load);
    connect(&m_live, &LiveChannel::rankingsUpdated, this, [this](const Ranking &ranking) {
        if (ranking.window == m_view->window())
            m_model.setRanking(ranking);
    });
    connect(&m_live, &LiveChannel::connectedChanged, this, [this](bool connected) {
        if (connected) {
            load();  // a snapshot after every reconnect
            loadSalesOpen();
        }
    });
}

RankingController::~RankingController() = default;

void RankingController::start()
{
    m_view->show();
    load();
    loadSalesOpen();
    m_live.setServer(m_api->baseUrl());
    m_live.subscribe({u"rankings"_s});
    m_live.start();
}

void RankingController::load()
{
    m_api->fetchRankings(m_view->window(), this, [this](const ApiResult<Ranking> &r) {
        if (!r) {
            m_view->setMessage(r.error().message);
            return;
        }
        m_view->setMessage({});
        m_model.setRanking(r.value());
    });
}

void RankingController::loadSalesOpen()
{
    // The ranking does not say when a concert's sales open; the catalogue does.
    m_api->fetchConcerts(this, [this](const ApiResult<QList<Concert>> &r) {
        if (!r)
            return;  // kept as it was: "selling" until known
        QHash<QString, QDateTime> opensAt;
        for (const Concert &c : r.value())
            for (const PerformanceSummary &p : c.performances)
                if (p.salesOpenAt.isValid() && (!opensAt.value(c.id).isValid() || p.salesOpenAt < opensAt.value(c.id)))
                    opensAt.insert(c.id, p.salesOpenAt);
        m_model.setSalesOpen(opensAt);
    });
}

} // namespace BoxOffice
