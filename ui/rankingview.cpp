#include "ui/rankingview.h"

#include "models/rankingmodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace BoxOffice {

using namespace Qt::StringLiterals;

RankingView::RankingView(RankingModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setWindowTitle(tr("Rankings — BoxOffice"));
    resize(1280, 660);
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    // Ranked by booking share (API.md), so named for it: not by speed.
    auto *title = new QLabel(tr("Concerts by share of seats sold"), this);
    title->setObjectName(u"rankingTitle"_s);
    QFont f = title->font();
    f.setPointSize(f.pointSize() + 5);
    f.setBold(true);
    title->setFont(f);
    bar->addWidget(title);
    bar->addStretch(1);
    auto *group = new QButtonGroup(this);
    const std::pair<Ranking::Window, QString> windows[] = {
        {Ranking::Window::Day, tr("Today")}, {Ranking::Window::Week, tr("This week")}, {Ranking::Window::All, tr("All time")}};
    for (const auto &[w, label] : windows) {
        auto *button = new QPushButton(label, this);
        button->setCheckable(true);
        button->setChecked(w == m_window);
        button->setObjectName(u"window-"_s + Ranking::windowName(w));
        group->addButton(button);
        bar->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, window = w] {
            m_window = window;
            Q_EMIT windowChanged(window);
        });
    }
    layout->addLayout(bar);
    m_message = new QLabel(this);
    m_message->setObjectName(u"rankingMessage"_s);
    m_message->hide();
    layout->addWidget(m_message);

    auto *body = new QHBoxLayout;
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(RankingModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(u"rankingTable"_s);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RankingModel::RankColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Every column as wide as its header and contents; the concert's title takes what
    // is left (elided), so the last columns are never cut off.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RankingModel::ConcertColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    body->addWidget(m_table, 3);

    m_chart = new QChartView(this);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumWidth(300);
    body->addWidget(m_chart, 1);
    layout->addLayout(body, 1);

    connect(model, &QAbstractItemModel::modelReset, this, &RankingView::rebuildChart);
    connect(model, &QAbstractItemModel::dataChanged, this, &RankingView::rebuildChart);
    rebuildChart();
}

void RankingView::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

int RankingView::chartBars() const
{
    const auto series = m_chart->chart()->series();
    if (series.isEmpty())
        return 0;
    const auto sets = static_cast<QHorizontalBarSeries *>(series.first())->barSets();
    return sets.isEmpty() ? 0 : int(sets.first()->count());
}

void RankingView::rebuildChart()
{
    // The top ten by booking share, the first at the top.
    const auto &entries = m_model->ranking().entries;
    auto *set = new QBarSet(tr("Booking share (%)"));
    set->setColor(QColor(0x00, 0x72, 0xB2));
    QStringList names;
    const qsizetype n = std::min<qsizetype>(10, entries.size());
    for (qsizetype i = n - 1; i >= 0; --i) {
        *set << std::round(entries[i].bookingShare * 1000) / 10;  // one decimal in the labels
        names << (entries[i].title.size() > 28 ? entries[i].title.left(27) + u'…' : entries[i].title);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(u"@value%"_s);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    set->setLabelColor(palette().color(QPalette::Text));
    auto *chart = new QChart;
    chart->addSeries(series);
    auto *names_ = new QBarCategoryAxis;
    names_->append(names);
    chart->addAxis(names_, Qt::AlignLeft);
    series->attachAxis(names_);
    auto *share = new QValueAxis;
    share->setRange(0, 100);
    share->setLabelFormat(u"%d%"_s);
    chart->addAxis(share, Qt::AlignBottom);
    series->attachAxis(share);
    chart->legend()->hide();
    chart->setTitle(tr("Share of all seats sold"));
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

} // namespace BoxOffice
