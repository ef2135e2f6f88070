#include "ui/notforsaleview.h"

#include "models/seatmapmodel.h"
#include "ui/seatmapview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

NotForSaleView::NotForSaleView(SeatMapModel *seats, QWidget *parent) : QWidget(parent), m_seats(seats)
{
    setWindowTitle(tr("Seats not for sale — BoxOffice"));
    resize(1200, 860);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *label = new QLabel(tr("&Performance:"), this);
    m_performance = new QComboBox(this);
    m_performance->setObjectName(u"performanceCombo"_s);
    m_performance->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(m_performance);
    top->addWidget(label);
    top->addWidget(m_performance, 1);
    layout->addLayout(top);
    connect(m_performance, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT performanceChanged(performanceId()); });

    auto *help = new QLabel(tr("Click seats to pick them, or hold Shift and drag over a block. Seats on sale are "
                               "drawn in their tier's colour and shape, seats not for sale as a grey ×, sold seats "
                               "small and grey, held seats hollow."),
                            this);
    help->setWordWrap(true);
    layout->addWidget(help);

    m_map = new SeatMapView(seats, this);
    m_map->setObjectName(u"seatMap"_s);
    m_map->setSelectableLetters("AX");
    m_map->setBandSelection(true);
    m_map->setMaxSelection(1000);  // what the server takes at once
    layout->addWidget(m_map, 1);
    connect(m_map, &SeatMapView::selectionChanged, this, &NotForSaleView::updateSelection);
    connect(seats, &SeatMapModel::seatsChanged, this, &NotForSaleView::updateSelection);
    connect(seats, &SeatMapModel::statusReset, this, &NotForSaleView::updateSelection);

    auto *bottom = new QHBoxLayout;
    m_selection = new QLabel(this);
    m_selection->setObjectName(u"selectionLabel"_s);
    m_selection->setWordWrap(true);
    bottom->addWidget(m_selection, 1);
    m_clear = new QPushButton(tr("C&lear selection"), this);
    m_clear->setObjectName(u"clearSelectionButton"_s);
    m_takeOff = new QPushButton(this);
    m_takeOff->setObjectName(u"takeOffSaleButton"_s);
    m_putBack = new QPushButton(this);
    m_putBack->setObjectName(u"putBackOnSaleButton"_s);
    bottom->addWidget(m_clear);
    bottom->addWidget(m_takeOff);
    bottom->addWidget(m_putBack);
    layout->addLayout(bottom);
    connect(m_clear, &QPushButton::clicked, this, &NotForSaleView::clearSelection);
    connect(m_takeOff, &QPushButton::clicked, this, [this] {
        if (const QStringList ids = pickedOnSale(); !ids.isEmpty())
            Q_EMIT takeOffSaleRequested(ids);
    });
    connect(m_putBack, &QPushButton::clicked, this, [this] {
        if (const QStringList ids = pickedOffSale(); !ids.isEmpty())
            Q_EMIT putBackOnSaleRequested(ids);
    });

    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    updateSelection();
}

void NotForSaleView::setPerformances(const QList<Performance> &performances, const QString &current)
{
    const QSignalBlocker quiet(m_performance);
    m_performance->clear();
    int pick = 0;
    for (qsizetype i = 0; i < performances.size(); ++i) {
        m_performance->addItem(performances[i].text, performances[i].id);
        if (performances[i].id == current)
            pick = int(i);
    }
    m_performance->setCurrentIndex(performances.isEmpty() ? -1 : pick);
}

void NotForSaleView::selectPerformance(const QString &performanceId)
{
    const QSignalBlocker quiet(m_performance);
    if (const int index = m_performance->findData(performanceId); index >= 0)
        m_performance->setCurrentIndex(index);
}

QString NotForSaleView::performanceId() const
{
    return m_performance->currentData().toString();
}

QStringList NotForSaleView::picked(char letter) const
{
    QStringList ids;
    for (int s : m_map->selection())
        if (m_seats->letter(s) == letter)
            ids << m_seats->layout().seats[s].id;
    return ids;
}

QStringList NotForSaleView::pickedOnSale() const
{
    return picked('A');
}

QStringList NotForSaleView::pickedOffSale() const
{
    return picked('X');
}

QString NotForSaleView::message() const
{
    return m_message->text();
}

void NotForSaleView::updateSelection()
{
    const qsizetype onSale = pickedOnSale().size(), offSale = pickedOffSale().size();
    const QLocale locale;
    m_selection->setText(onSale + offSale == 0
                             ? tr("No seats picked.")
                             : tr("%n seat(s) picked", nullptr, int(onSale + offSale)) + u": "_s
                                   + tr("%1 on sale, %2 not for sale").arg(locale.toString(onSale), locale.toString(offSale)));
    m_takeOff->setText(tr("&Take off sale (%1)").arg(locale.toString(onSale)));
    m_putBack->setText(tr("Put &back on sale (%1)").arg(locale.toString(offSale)));
    m_takeOff->setEnabled(!m_busy && onSale > 0);
    m_putBack->setEnabled(!m_busy && offSale > 0);
    m_clear->setEnabled(onSale + offSale > 0);
}

void NotForSaleView::showMessage(const QString &text)
{
    m_message->setText(text);
}

void NotForSaleView::setBusy(bool busy)
{
    m_busy = busy;
    updateSelection();
}

void NotForSaleView::clearSelection()
{
    m_map->clearSelection();
    updateSelection();
}

} // namespace BoxOffice
