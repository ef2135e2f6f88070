#pragma once

#include "app/ticketprinter.h"
#include "domain/order.h"
#include "models/orderlistmodel.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace BoxOffice {

class ApiClient;
class ConcertModel;
class OrdersView;

// Staff → Orders… (clerks and above) behind an OrdersView: searches as the clerk types
// (GET /api/v1/admin/orders, once typing pauses for the search delay; only the latest
// search's answer is shown), reads the chosen order
// afresh for its detail, reissues its tickets, refunds seats (managers), and prints or
// saves its tickets (TicketDocument through a TicketPrinter, on the thread pool).
class OrdersController : public QObject
{
    Q_OBJECT
public:
    // canRefund: the viewer is a manager or above. kiosk: no file dialogs.
    OrdersController(ApiClient *api, ConcertModel *concerts, bool canRefund, bool kiosk, QObject *parent = nullptr);
    ~OrdersController() override;

    OrdersView *view() const { return m_view.get(); }
    OrderListModel *model() { return &m_model; }
    TicketPrinter *printer() { return &m_printer; }
    // How long typing must pause before a search goes out (default 250 ms).
    void setSearchDelay(std::chrono::milliseconds delay) { m_debounce.setInterval(delay); }
    // The viewer's role changed: Refund follows.
    void setCanRefund(bool canRefund);

    void start();
    // Searches now (the field's own searches wait for a pause in typing).
    void search(const QString &text);
    void showOrder(const QString &orderId);
    void reissue(const QString &orderId);
    void refund(const QString &orderId, const RefundRequest &request);
    void printTickets(const QString &orderId);
    void saveTickets(const QString &orderId, const QString &fileName);
    TicketDocument tickets(const Order &order) const;

Q_SIGNALS:
    void searched(int count);               // a search's answer is shown
    void orderShown(const BoxOffice::Order &order);
    void reissued(const BoxOffice::Order &order);
    void refunded(const BoxOffice::Refund &refund);
    void failed(const QString &message);
    void ticketSaved(const QString &fileName, bool ok);
    void ticketPrinted(const QString &target, bool ok);

private:
    void show(const Order &order);
    QString codeOf(const QString &orderId) const;

    ApiClient *m_api;
    ConcertModel *m_concerts;
    OrderListModel m_model;
    std::unique_ptr<OrdersView> m_view;
    TicketPrinter m_printer;
    QTimer m_debounce;
    int m_searches = 0;  // only the latest search is shown
    int m_reads = 0;     // only the latest order read is shown
    bool m_canRefund;
    bool m_kiosk;
};

} // namespace BoxOffice
