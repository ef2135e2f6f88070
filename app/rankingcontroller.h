#pragma once

#include "app/apiclient.h"
#include "app/livechannel.h"
#include "models/rankingmodel.h"

#include <QObject>

#include <memory>

namespace BoxOffice {

class RankingView;

// The rankings window: reads the chosen window's ranking over REST and follows the
// live channel's "rankings" pushes (a fresh read after every reconnect), and when each
// concert's sales open from the catalogue.
class RankingController : public QObject
{
    Q_OBJECT
public:
    RankingController(ApiClient *api, QObject *parent = nullptr);
    ~RankingController() override;

    void start();
    RankingView *view() const { return m_view.get(); }
    RankingModel *model() { return &m_model; }
    LiveChannel *live() { return &m_live; }

private:
    void load();
    void loadSalesOpen();

    ApiClient *m_api;
    RankingModel m_model;
    std::unique_ptr<RankingView> m_view;
    LiveChannel m_live;
};

} // namespace BoxOffice
