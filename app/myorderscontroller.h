#pragma once

#include "app/myordersstore.h"
#include "app/ticketprinter.h"
#include "models/orderlistmodel.h"

#include <QObject>

#include <memory>

namespace BoxOffice {

class ApiClient;
class ConcertModel;
class OrdersView;

// View → My orders (not on a kiosk) behind an OrdersView in buyer mode: reads every
// order this client bought (MyOrdersStore: the order's id and the queue token that
// bought it) with GET /api/v1/orders/{id} and X-Queue-Token, lists them newest first
// with their tickets, and prints or saves the tickets again.
class MyOrdersController : public QObject
{
    Q_OBJECT
public:
    MyOrdersController(ApiClient *api, MyOrdersStore *store, ConcertModel *concerts, QObject *parent = nullptr);
    ~MyOrdersController() override;

    OrdersView *view() const { return m_view.get(); }
    OrderListModel *model() { return &m_model; }
    void start();
    // Reads every stored order again.
    void refresh();
    void printTickets(const QString &orderId);
    void saveTickets(const QString &orderId, const QString &fileName);
    TicketDocument tickets(const Order &order) const;

Q_SIGNALS:
    void refreshed(int count);
    void ticketSaved(const QString &fileName, bool ok);
    void ticketPrinted(const QString &target, bool ok);

private:
    ApiClient *m_api;
    MyOrdersStore *m_store;
    ConcertModel *m_concerts;
    OrderListModel m_model;
    std::unique_ptr<OrdersView> m_view;
    TicketPrinter m_printer;
    int m_reads = 0;
};

} // namespace BoxOffice
