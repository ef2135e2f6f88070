#include "ui/ordersview.h"

#include "models/orderlistmodel.h"
#include "ui/orderdetailwidget.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

OrdersView::OrdersView(OrderListModel *model, Mode mode, QWidget *parent)
    : QWidget(parent), m_model(model), m_mode(mode)
{
    const bool staff = mode == Mode::Staff;
    setObjectName(staff ? u"ordersView"_s : u"myOrdersView"_s);
    setWindowTitle(staff ? tr("Orders — BoxOffice") : tr("My orders — BoxOffice"));
    resize(1240, 700);
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    if (staff) {
        auto *label = new QLabel(tr("&Find:"), this);
        m_search = new QLineEdit(this);
        m_search->setObjectName(u"orderSearch"_s);
        m_search->setPlaceholderText(tr("Order code, customer name, phone, e-mail or seat"));
        m_search->setClearButtonEnabled(true);
        m_search->setMaxLength(200);
        label->setBuddy(m_search);
        m_searching = new QLabel(this);
        m_searching->setObjectName(u"searchingLabel"_s);
        top->addWidget(label);
        top->addWidget(m_search, 1);
        top->addWidget(m_searching);
        connect(m_search, &QLineEdit::textChanged, this, &OrdersView::searchEdited);
    } else {
        auto *note = new QLabel(tr("The orders bought on this computer. Choose one to see or print its tickets."), this);
        note->setWordWrap(true);
        top->addWidget(note, 1);
        auto *refresh = new QPushButton(tr("&Refresh"), this);
        refresh->setObjectName(u"refreshButton"_s);
        connect(refresh, &QPushButton::clicked, this, &OrdersView::refreshRequested);
        top->addWidget(refresh);
    }
    layout->addLayout(top);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(OrderListModel::SortRole);
    m_table = new QTableView(split);
    m_table->setObjectName(u"orderTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);  // newest first, as the server gives them
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Every column as wide as its text (a status that changes to "Partly refunded"
    // too); the customer takes the rest (a buyer's list has none: the status does).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(staff ? OrderListModel::CustomerColumn
                                                            : OrderListModel::StatusColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnHidden(OrderListModel::CustomerColumn, !staff);
    m_detail = new OrderDetailWidget(split);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 640});
    layout->addWidget(split, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(u"ordersMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const QString id = current.data(OrderListModel::OrderIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT orderChosen(id);
    });
}

QString OrdersView::searchText() const
{
    return m_search ? m_search->text() : QString();
}

QString OrdersView::currentOrderId() const
{
    return m_table->currentIndex().data(OrderListModel::OrderIdRole).toString();
}

void OrdersView::selectOrder(const QString &orderId)
{
    const int row = m_model->rowOf(orderId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, OrderListModel::CodeColumn));
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void OrdersView::showMessage(const QString &text)
{
    m_message->setText(text);
}

void OrdersView::setSearching(bool searching)
{
    if (m_searching)
        m_searching->setText(searching ? tr("Searching…") : QString());
}

} // namespace BoxOffice
