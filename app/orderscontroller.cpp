#include "app/orderscontroller.h"

#include "app/apiclient.h"
#include "models/concertmodel.h"
#include "ui/orderdetailwidget.h"
#include "ui/ordersview.h"

#include <QDir>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

// What a search brings back: enough to pick from; the newest few when nothing is typed
// (the server reads every order it lists in full: a short list comes back quickly).
constexpr int SearchLimit = 50;
constexpr int LatestLimit = 20;

} // namespace

OrdersController::OrdersController(ApiClient *api, ConcertModel *concerts, bool canRefund, bool kiosk, QObject *parent)
    : QObject(parent), m_api(api), m_concerts(concerts),
      m_view(std::make_unique<OrdersView>(&m_model, OrdersView::Mode::Staff)), m_canRefund(canRefund), m_kiosk(kiosk)
{
    m_model.setConcerts(concerts->concerts());
    connect(concerts, &QAbstractItemModel::modelReset, this, [this] { m_model.setConcerts(m_concerts->concerts()); });
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(std::chrono::milliseconds(250));
    connect(&m_debounce, &QTimer::timeout, this, [this] { search(m_view->searchText()); });
    connect(m_view.get(), &OrdersView::searchEdited, this, [this] {
        m_view->setSearching(true);
        m_debounce.start();  // again: typing goes on
    });
    connect(m_view.get(), &OrdersView::orderChosen, this, &OrdersController::showOrder);
    OrderDetailWidget *detail = m_view->detail();
    setCanRefund(canRefund);
    connect(detail, &OrderDetailWidget::reissueRequested, this, &OrdersController::reissue);
    connect(detail, &OrderDetailWidget::refundRequested, this, &OrdersController::refund);
    connect(detail, &OrderDetailWidget::printRequested, this, &OrdersController::printTickets);
    connect(detail, &OrderDetailWidget::savePdfRequested, this, &OrdersController::saveTickets);
    connect(&m_printer, &TicketPrinter::saved, this, [this](const QString &fileName, const QString &error) {
        m_view->showMessage(error.isEmpty() ? tr("Tickets saved to %1.").arg(QDir::toNativeSeparators(fileName)) : error);
        Q_EMIT ticketSaved(fileName, error.isEmpty());
    });
    connect(&m_printer, &TicketPrinter::printed, this, [this](const QString &target, const QString &error) {
        m_view->showMessage(error.isEmpty() ? tr("The tickets went to %1.").arg(target) : error);
        Q_EMIT ticketPrinted(target, error.isEmpty());
    });
}

OrdersController::~OrdersController() = default;

void OrdersController::setCanRefund(bool canRefund)
{
    m_canRefund = canRefund;
    int actions = OrderDetailWidget::Reissue | OrderDetailWidget::Print;
    if (!m_kiosk)
        actions |= OrderDetailWidget::SavePdf;  // a kiosk never opens a file dialog
    if (canRefund)
        actions |= OrderDetailWidget::Refund;
    m_view->detail()->setActions(actions);
}

void OrdersController::start()
{
    m_view->show();
    search(m_view->searchText());  // the newest orders to begin with
}

void OrdersController::search(const QString &text)
{
    m_debounce.stop();
    const int read = ++m_searches;  // an older search still out is ignored when it answers
    const QString query = text.trimmed();
    m_view->setSearching(true);
    const int limit = query.isEmpty() ? LatestLimit : SearchLimit;
    m_api->searchOrders(query, limit, this, [this, read, query, limit](const ApiResult<QList<Order>> &r) {
        if (read != m_searches)
            return;
        m_view->setSearching(false);
        if (!r) {
            m_view->showMessage(r.error().message);
            Q_EMIT failed(r.error().message);
            return;
        }
        const QString shown = m_view->currentOrderId();
        m_model.setOrders(r.value());
        const int n = int(r.value().size());
        // Parts of names are found from three characters on (the server's trigram index):
        // a two-syllable given name alone ("서연") finds nothing, and that should not puzzle.
        m_view->showMessage(n == 0 ? (query.isEmpty()      ? tr("No orders yet.")
                                      : query.size() < 3 ? tr("No order matches. Parts of names, phones and e-mails "
                                                              "are found from 3 characters on.")
                                                         : tr("No order matches."))
                            : query.isEmpty()     ? tr("The newest %n order(s).", nullptr, n)
                            : n >= limit          ? tr("The newest %n orders that match; type more to narrow it.", nullptr, n)
                                                  : tr("%n order(s) match.", nullptr, n));
        // The order in the detail stays there if it is still listed.
        if (!shown.isEmpty() && m_model.rowOf(shown) >= 0)
            m_view->selectOrder(shown);
        else if (m_view->detail()->order() && m_model.rowOf(m_view->detail()->order()->orderId) < 0)
            m_view->detail()->clear(tr("Choose an order to see its tickets."));
        Q_EMIT searched(n);
    });
}

void OrdersController::showOrder(const QString &orderId)
{
    // What the list knows at once; the order read afresh (its tickets may have changed).
    if (const auto known = m_model.order(orderId))
        m_view->detail()->showOrder(*known, m_model.performance(*known));
    const int read = ++m_reads;
    m_api->fetchOrder(orderId, {}, this, [this, read](const ApiResult<Order> &r) {
        if (read != m_reads)
            return;
        if (!r) {
            m_view->showMessage(r.error().message);
            Q_EMIT failed(r.error().message);
            return;
        }
        show(r.value());
    });
}

void OrdersController::show(const Order &order)
{
    m_model.updateOrder(order);
    m_view->detail()->showOrder(order, m_model.performance(order));
    Q_EMIT orderShown(order);
}

QString OrdersController::codeOf(const QString &orderId) const
{
    const auto order = m_model.order(orderId);
    return order && !order->code.isEmpty() ? order->code : orderId;
}

void OrdersController::reissue(const QString &orderId)
{
    m_view->detail()->setBusy(true);
    m_view->showMessage(tr("Issuing new tickets…"));
    ++m_reads;  // an older read must not bring the old codes back
    m_api->reissueTickets(orderId, this, [this, orderId](const ApiResult<Order> &r) {
        m_view->detail()->setBusy(false);
        if (!r) {
            m_view->showMessage(r.error().message);
            Q_EMIT failed(r.error().message);
            return;
        }
        show(r.value());
        m_view->showMessage(tr("New tickets issued for order %1: the old codes no longer open the door. Print the new "
                               "tickets.")
                                .arg(codeOf(orderId)));
        Q_EMIT reissued(r.value());
    });
}

void OrdersController::refund(const QString &orderId, const RefundRequest &request)
{
    if (!m_canRefund)
        return;  // the button is not there; nor is the route (403)
    m_view->detail()->setBusy(true);
    m_view->showMessage(tr("Refunding…"));
    m_api->refundOrder(orderId, request, this, [this, orderId](const ApiResult<Refund> &r) {
        m_view->detail()->setBusy(false);
        if (!r) {
            m_view->showMessage(r.error().message);
            Q_EMIT failed(r.error().message);
            return;
        }
        m_view->showMessage(tr("Refunded %1 for %n seat(s) of order %2.", nullptr, int(r.value().seats.size()))
                                .arg(OrderListModel::moneyText(r.value().amount), codeOf(orderId)));
        Q_EMIT refunded(r.value());
        showOrder(orderId);  // the tickets and the status as they are now
    });
}

TicketDocument OrdersController::tickets(const Order &order) const
{
    const OrderListModel::Performance p = m_model.performance(order);
    TicketDocument document({order, p.concert, p.venue, p.startsAt});
    document.setTimeZone(p.timeZone);
    return document;
}

void OrdersController::printTickets(const QString &orderId)
{
    const auto order = m_view->detail()->order();
    if (!order || order->orderId != orderId)
        return;
    m_printer.print(tickets(*order), m_view.get());
}

void OrdersController::saveTickets(const QString &orderId, const QString &fileName)
{
    const auto order = m_view->detail()->order();
    if (!order || order->orderId != orderId || m_kiosk)
        return;
    m_printer.savePdf(tickets(*order), fileName);
}

} // namespace BoxOffice
