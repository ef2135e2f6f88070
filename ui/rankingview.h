#pragma once

#include "domain/ranking.h"

#include <QWidget>

class QButtonGroup;
class QChartView;
class QLabel;
class QTableView;

namespace BoxOffice {

class RankingModel;

// The ranking of concerts: day / week / all, a sortable table and a bar chart of the
// booking shares (Qt Charts). Shows its model; emits the window the user picks.
class RankingView : public QWidget
{
    Q_OBJECT
public:
    explicit RankingView(RankingModel *model, QWidget *parent = nullptr);

    Ranking::Window window() const { return m_window; }
    int chartBars() const;  // for tests: bars in the chart

public Q_SLOTS:
    void setMessage(const QString &text);

Q_SIGNALS:
    void windowChanged(Ranking::Window window);

private:
    void rebuildChart();

    RankingModel *m_model;
    Ranking::Window m_window = Ranking::Window::All;
    QTableView *m_table;
    QChartView *m_chart;
    QLabel *m_message;
};

} // namespace BoxOffice
