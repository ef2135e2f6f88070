#include "ui/staffdashboard.h"

#include "models/queuedashboardmodel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

StaffDashboard::StaffDashboard(QueueDashboardModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setWindowTitle(tr("Staff dashboard — BoxOffice"));
    resize(1280, 820);
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(QueueDashboardModel::SortRole);
    m_table = new QTableView(splitter);
    m_table->setObjectName(u"queueTable"_s);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(QueueDashboardModel::WaitingColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QueueDashboardModel::ConcertColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QueueDashboardModel::ConcertColumn, QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onSelected(current.data(QueueDashboardModel::ConcertIdRole).toString()); });
    splitter->addWidget(m_table);

    auto *details = new QWidget(splitter);
    auto *d = new QHBoxLayout(details);
    d->setContentsMargins(0, 0, 0, 0);

    // The queue over the last hour.
    m_chart = new QChart;
    m_chart->setTitle(tr("Queue over the last hour"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_waiting = new QLineSeries(m_chart);
    m_waiting->setName(tr("Waiting"));
    m_waiting->setColor(QColor(0x00, 0x72, 0xB2));
    m_active = new QLineSeries(m_chart);
    m_active->setName(tr("Active"));
    m_active->setColor(QColor(0xE6, 0x9F, 0x00));
    m_chart->addSeries(m_waiting);
    m_chart->addSeries(m_active);
    m_timeAxis = new QDateTimeAxis(m_chart);
    m_timeAxis->setFormat(u"HH:mm"_s);
    m_timeAxis->setTickCount(6);
    m_countAxis = new QValueAxis(m_chart);
    m_countAxis->setLabelFormat(u"%d"_s);
    m_countAxis->setMin(0);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_countAxis, Qt::AlignLeft);
    for (QLineSeries *s : {m_waiting, m_active}) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_countAxis);
    }
    auto *chartView = new QChartView(m_chart, details);
    chartView->setObjectName(u"queueChart"_s);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(260);
    d->addWidget(chartView, 3);

    // Controls of the selected concert.
    auto *controls = new QVBoxLayout;
    m_title = new QLabel(details);
    QFont f = m_title->font();
    f.setPointSize(f.pointSize() + 3);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    controls->addWidget(m_title);

    auto *queueBox = m_queueBox = new QGroupBox(tr("Waiting room"), details);
    queueBox->setObjectName(u"waitingRoomBox"_s);
    auto *form = new QFormLayout(queueBox);
    m_pause = new QPushButton(queueBox);
    m_pause->setObjectName(u"pauseButton"_s);
    form->addRow(m_pause);
    auto *capacityRow = new QHBoxLayout;
    m_capacity = new QSpinBox(queueBox);
    m_capacity->setObjectName(u"capacitySpin"_s);
    m_capacity->setRange(0, 1000000);
    m_capacity->setGroupSeparatorShown(true);
    m_applyCapacity = new QPushButton(tr("Set"), queueBox);
    m_applyCapacity->setObjectName(u"applyCapacity"_s);
    capacityRow->addWidget(m_capacity, 1);
    capacityRow->addWidget(m_applyCapacity);
    form->addRow(tr("Concurrent buyers:"), capacityRow);
    auto *sessionRow = new QHBoxLayout;
    m_session = new QSpinBox(queueBox);
    m_session->setObjectName(u"sessionSpin"_s);
    m_session->setRange(10, 86400);  // API.md
    m_session->setSingleStep(30);
    m_session->setGroupSeparatorShown(true);
    m_session->setSuffix(tr(" s"));
    m_session->setToolTip(tr("How long an admitted buyer may shop before the next waiter takes the place."));
    m_applySession = new QPushButton(tr("Set"), queueBox);
    m_applySession->setObjectName(u"applySession"_s);
    sessionRow->addWidget(m_session, 1);
    sessionRow->addWidget(m_applySession);
    form->addRow(tr("Session length:"), sessionRow);
    controls->addWidget(queueBox);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        const auto s = m_model->stats(m_concertId);
        if (!s)
            return;
        if (s->paused)
            return Q_EMIT pauseRequested(m_concertId, false);  // resuming needs no second thought
        const Concert *c = m_model->concert(m_concertId);
        confirm(tr("Pause admissions"),
                tr("Pause admissions to \"%1\"? Nobody new is let in until you resume; %Ln buyer(s) waiting stay "
                   "in line.", nullptr, s->waiting)
                    .arg(c ? c->title : m_concertId),
                [this, concertId = m_concertId] { Q_EMIT pauseRequested(concertId, true); });
    });
    connect(m_applyCapacity, &QPushButton::clicked, this,
            [this] { Q_EMIT capacityRequested(m_concertId, m_capacity->value()); });
    connect(m_applySession, &QPushButton::clicked, this,
            [this] { Q_EMIT sessionSecondsRequested(m_concertId, m_session->value()); });

    auto *saleBox = new QGroupBox(tr("Counter"), details);
    auto *sale = new QVBoxLayout(saleBox);
    m_performance = new QComboBox(saleBox);
    m_performance->setObjectName(u"performanceCombo"_s);
    sale->addWidget(m_performance);
    auto *saleButtons = new QHBoxLayout;
    m_counter = new QPushButton(tr("Counter sale…"), saleBox);
    m_counter->setObjectName(u"counterSaleButton"_s);
    m_counter->setToolTip(tr("Sell seats of this performance at the counter, without the queue."));
    m_showHolds = new QPushButton(tr("Show holds"), saleBox);
    m_showHolds->setObjectName(u"showHoldsButton"_s);
    saleButtons->addWidget(m_counter);
    saleButtons->addWidget(m_showHolds);
    m_notForSale = new QPushButton(tr("Seats not for sale…"), saleBox);
    m_notForSale->setObjectName(u"notForSaleButton"_s);
    m_notForSale->setToolTip(tr("Take seats of this performance off sale, or put them back."));
    saleButtons->addWidget(m_notForSale);
    connect(m_notForSale, &QPushButton::clicked, this,
            [this] { Q_EMIT notForSaleRequested(m_performance->currentData().toString()); });
    sale->addLayout(saleButtons);
    m_holds = new QTableWidget(0, 4, saleBox);
    m_holds->setObjectName(u"holdsTable"_s);
    m_holds->setHorizontalHeaderLabels({tr("Seats"), tr("Total"), tr("Expires"), tr("Made by")});
    m_holds->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_holds->setSelectionMode(QAbstractItemView::SingleSelection);
    m_holds->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_holds->verticalHeader()->hide();
    m_holds->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    sale->addWidget(m_holds, 1);
    m_release = new QPushButton(tr("Release the selected hold"), saleBox);
    m_release->setObjectName(u"forceReleaseButton"_s);
    m_release->setEnabled(false);
    sale->addWidget(m_release);
    controls->addWidget(saleBox, 1);
    connect(m_counter, &QPushButton::clicked, this,
            [this] { Q_EMIT counterSaleRequested(m_concertId, m_performance->currentData().toString()); });
    connect(m_showHolds, &QPushButton::clicked, this,
            [this] { Q_EMIT holdsRequested(m_performance->currentData().toString()); });
    connect(m_holds, &QTableWidget::itemSelectionChanged, this,
            [this] { m_release->setEnabled(!m_holds->selectedItems().isEmpty()); });
    connect(m_release, &QPushButton::clicked, this, [this] {
        const int row = m_holds->currentRow();
        if (row < 0)
            return;
        const QString seats = m_holds->item(row, 0)->text();
        const QString by = m_holds->item(row, 3)->text();
        confirm(tr("Release the hold"),
                tr("Release the hold on %1 (%2)? The seats go back on sale at once and the buyer loses them.")
                    .arg(seats, by),
                [this, holdId = m_holds->item(row, 0)->data(Qt::UserRole).toString(), performance = m_holdsPerformance] {
                    Q_EMIT forceReleaseRequested(holdId, performance);
                });
    });

    m_message = new QLabel(details);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    controls->addWidget(m_message);
    auto *controlsWidget = new QWidget(details);
    controlsWidget->setLayout(controls);
    controlsWidget->setMinimumWidth(420);
    d->addWidget(controlsWidget, 2);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 440});

    connect(model, &QAbstractItemModel::dataChanged, this, &StaffDashboard::updateDetails);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowOf(m_concertId) < 0 && m_model->rowCount() > 0)
            m_table->selectRow(0);
        updateDetails();
    });
    connect(model, &QueueDashboardModel::historyChanged, this, [this](const QString &id) {
        if (id == m_concertId)
            updateChart();
    });
    if (model->rowCount() > 0)
        m_table->selectRow(0);
    updateDetails();
}

void StaffDashboard::selectConcert(const QString &concertId)
{
    auto *proxy = m_table->model();
    for (int row = 0; row < proxy->rowCount(); ++row)
        if (proxy->index(row, 0).data(QueueDashboardModel::ConcertIdRole).toString() == concertId)
            m_table->selectRow(row);
}

void StaffDashboard::setRole(StaffRole role)
{
    const bool manager = role >= StaffRole::Manager;
    m_queueBox->setVisible(manager);
    m_release->setVisible(manager);
    m_notForSale->setVisible(manager);
}

void StaffDashboard::onSelected(const QString &concertId)
{
    if (concertId == m_concertId)
        return;
    m_concertId = concertId;
    m_performance->clear();
    if (const Concert *c = m_model->concert(concertId)) {
        const QLocale locale;
        for (const PerformanceSummary &p : c->performances)
            m_performance->addItem(tr("%1 · %2 of %3 seats left")
                                       .arg(locale.toString(p.startsAt.toLocalTime(), QLocale::ShortFormat),
                                            locale.toString(p.available), locale.toString(p.seatCount)),
                                   p.id);
    }
    m_holds->setRowCount(0);
    m_holdsPerformance.clear();
    m_message->clear();
    updateDetails();
    updateChart();
}

void StaffDashboard::updateDetails()
{
    const Concert *c = m_model->concert(m_concertId);
    const auto s = m_model->stats(m_concertId);
    m_title->setText(c ? c->title : tr("No concert selected"));
    // The capacity and session length as read, once per concert: later reads do not
    // overwrite an edit.
    if (s && m_capacityShownFor != m_concertId) {
        m_capacity->setValue(s->capacity);
        m_session->setValue(s->sessionSeconds);
        m_capacityShownFor = m_concertId;
    }
    m_pause->setEnabled(s.has_value());
    m_pause->setText(s && s->paused ? tr("Resume admissions") : tr("Pause admissions"));
    m_applyCapacity->setEnabled(s.has_value());
    m_applySession->setEnabled(s.has_value());
    m_counter->setEnabled(c && m_performance->count() > 0);
    m_showHolds->setEnabled(m_counter->isEnabled());
    m_notForSale->setEnabled(m_counter->isEnabled());
}

void StaffDashboard::updateChart()
{
    const auto history = m_model->history(m_concertId);
    QList<QPointF> waiting, active;
    int top = 10;
    for (const auto &sample : history) {
        const qreal t = qreal(sample.at.toMSecsSinceEpoch());
        waiting << QPointF(t, sample.waiting);
        active << QPointF(t, sample.active);
        top = std::max({top, sample.waiting, sample.active});
    }
    m_waiting->replace(waiting);
    m_active->replace(active);
    // Up to the last hour: the span of the readings (the servers keep an hour), at least
    // five minutes.
    const QDateTime now = history.isEmpty() ? QDateTime::currentDateTime() : history.last().at.toLocalTime();
    const QDateTime first = history.isEmpty() ? now : history.first().at.toLocalTime();
    m_timeAxis->setRange(std::min(first, now.addSecs(-300)), now);
    m_countAxis->setTickCount(5);
    m_countAxis->setRange(0, top * 1.1);
    m_countAxis->applyNiceNumbers();
}

void StaffDashboard::confirm(const QString &title, const QString &question, std::function<void()> onYes)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, question, QMessageBox::Yes | QMessageBox::No, this);
    box->setDefaultButton(QMessageBox::No);
    box->setEscapeButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [box, onYes = std::move(onYes)](int) {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
            onYes();
    });
    box->open();
}

void StaffDashboard::showHolds(const QString &performanceId, const QList<HeldHold> &holds)
{
    m_holdsPerformance = performanceId;
    m_holds->setRowCount(int(holds.size()));
    const QLocale locale;
    for (int row = 0; row < holds.size(); ++row) {
        const Hold &h = holds[row].hold;
        auto *seats = new QTableWidgetItem(h.seats.join(u", "_s));
        seats->setData(Qt::UserRole, h.holdId);
        seats->setToolTip(tr("Hold %1").arg(h.holdId));
        m_holds->setItem(row, 0, seats);
        m_holds->setItem(row, 1, new QTableWidgetItem(locale.toString(h.total.amount) + u' ' + h.total.currency));
        m_holds->setItem(row, 2, new QTableWidgetItem(locale.toString(h.expiresAt.toLocalTime().time(), QLocale::ShortFormat)));
        m_holds->setItem(row, 3, new QTableWidgetItem(holds[row].staff ? tr("Counter") : tr("Buyer")));
    }
    m_release->setEnabled(false);
    m_message->setText(holds.isEmpty() ? tr("No seats are held for this performance.")
                                       : tr("%n hold(s) on this performance.", nullptr, int(holds.size())));
}

void StaffDashboard::showMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace BoxOffice
