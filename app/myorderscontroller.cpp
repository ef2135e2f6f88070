#include "app/myorderscontroller.h"

#include "app/apiclient.h"
#include "models/concertmodel.h"
#include "ui/orderdetailwidget.h"
#include "ui/ordersview.h"

#include <QDir>

#include <algorithm>
#include <memory>

namespace BoxOffice {

using namespace Qt::StringLiterals;

MyOrdersController::MyOrdersController(ApiClient *api, MyOrdersStore *store, ConcertModel *concerts, QObject *parent)
    : QObject(parent), m_api(api), m_store(store), m_concerts(concerts),
      m_view(std::make_unique<OrdersView>(&m_model, OrdersView::Mode::Buyer))
{
    m_model.setConcerts(concerts->concerts());
    connect(concerts, &QAbstractItemModel::modelReset, this, [this] { m_model.setConcerts(m_concerts->concerts()); });
    OrderDetailWidget *detail = m_view->detail();
    detail->setActions(OrderDetailWidget::Print | OrderDetailWidget::SavePdf);
    detail->setShowCodes(true);
    connect(m_view.get(), &OrdersView::refreshRequested, this, &MyOrdersController::refresh);
    connect(m_view.get(), &OrdersView::orderChosen, this, [this](const QString &orderId) {
        if (const auto order = m_model.order(orderId))
            m_view->detail()->showOrder(*order, m_model.performance(*order));
    });
    connect(detail, &OrderDetailWidget::printRequested, this, &MyOrdersController::printTickets);
    connect(detail, &OrderDetailWidget::savePdfRequested, this, &MyOrdersController::saveTickets);
    connect(&m_printer, &TicketPrinter::saved, this, [this](const QString &fileName, const QString &error) {
        m_view->showMessage(error.isEmpty() ? tr("Tickets saved to %1.").arg(QDir::toNativeSeparators(fileName)) : error);
        Q_EMIT ticketSaved(fileName, error.isEmpty());
    });
    connect(&m_printer, &TicketPrinter::printed, this, [this](const QString &target, const QString &error) {
        m_view->showMessage(error.isEmpty() ? tr("The tickets went to %1.").arg(target) : error);
        Q_EMIT ticketPrinted(target, error.isEmpty());
    });
}

MyOrdersController::~MyOrdersController() = default;

void MyOrdersController::start()
{
    m_view->show();
    refresh();
}

void MyOrdersController::refresh()
{
    const QList<MyOrdersStore::Entry> entries = m_store->entries();
    const int read = ++m_reads;
    if (entries.isEmpty()) {
        m_model.setOrders({});
        m_view->detail()->clear(tr("No orders yet."));
        m_view->showMessage(tr("Tickets you buy on this computer are listed here."));
        Q_EMIT refreshed(0);
        return;
    }
    m_view->showMessage(tr("Reading your orders…"));
    // Every order at once; the list is shown when the last answer is in.
    struct Round
    {
        QList<Order> orders;
        int pending = 0;
        int failed = 0;
        QString error;
    };
    auto round = std::make_shared<Round>();
    round->pending = int(entries.size());
    for (const MyOrdersStore::Entry &e : entries) {
        m_api->fetchOrder(e.orderId, e.token, this, [this, read, round](const ApiResult<Order> &r) {
            if (r) {
                round->orders << r.value();
            } else {
                ++round->failed;
                round->error = r.error().message;
            }
            if (--round->pending > 0 || read != m_reads)
                return;
            std::sort(round->orders.begin(), round->orders.end(),
                      [](const Order &a, const Order &b) { return a.purchasedAt > b.purchasedAt; });
            const QString shown = m_view->currentOrderId();
            m_model.setOrders(round->orders);
            const int n = int(round->orders.size());
            m_view->showMessage(round->failed == 0 ? tr("%n order(s).", nullptr, n)
                                                   : tr("%n order(s) could not be read: %1", nullptr, round->failed)
                                                         .arg(round->error));
            if (!shown.isEmpty() && m_model.rowOf(shown) >= 0)
                m_view->selectOrder(shown);
            else if (n > 0)
                m_view->selectOrder(round->orders.first().orderId);
            Q_EMIT refreshed(n);
        });
    }
}

TicketDocument MyOrdersController::tickets(const Order &order) const
{
    const OrderListModel::Performance p = m_model.performance(order);
    TicketDocument document({order, p.concert, p.venue, p.startsAt});
    document.setTimeZone(p.timeZone);
    return document;
}

void MyOrdersController::printTickets(const QString &orderId)
{
    if (const auto order = m_model.order(orderId))
        m_printer.print(tickets(*order), m_view.get());
}

void MyOrdersController::saveTickets(const QString &orderId, const QString &fileName)
{
    if (const auto order = m_model.order(orderId))
        m_printer.savePdf(tickets(*order), fileName);
}

} // namespace BoxOffice
