#pragma once

#include "domain/order.h"
#include "server/failure.h"
#include "server/sales/seatservice.h"
#include "server/staff/staffactor.h"

#include <QJsonObject>

#include <functional>

namespace BoxOffice::Server {

class CatalogService;
class SqlCashStore;
class SqlOrderStore;
struct CashSessionRow;
struct OrderRow;

// The box office's day after the sale (API.md "v1 additions"): orders and their tickets
// as people read them, search, refunds, reissue, the door's check-in, seats not for sale
// and the clerks' tills. Every staff write is audited in its own transaction (the stores).
class OrderService
{
public:
    using Clock = std::function<qint64()>;

    OrderService(SqlOrderStore *orders, SqlCashStore *cash, CatalogService *catalog, Clock clock = {});

    // The buyer's queue token that bought it (even after its session), or staff.
    Outcome<Order> order(const QString &idOrCode, const Buyer &buyer);
    Outcome<QList<Order>> search(const QString &q, const QString &performanceId, int limit);
    // body: {"seats":[…] (absent: all not yet refunded), "reason", "release": "available"|"not_for_sale"}
    Outcome<Refund> refund(const QString &orderId, const QJsonObject &body, const StaffActor &by);
    Outcome<Order> reissue(const QString &orderId, const StaffActor &by);
    // 200's body, or a 409 whose details carry "result" (and "usedAt"), or 404.
    Outcome<QJsonObject> checkIn(const QString &secret, const QString &performanceId, const StaffActor &by);
    // body: {"seats":[…],"status":"X"|"A"}
    Outcome<QJsonObject> setSeatStatus(const QString &performanceId, const QJsonObject &body, const StaffActor &by);

    Outcome<QJsonObject> openCashSession(const QJsonObject &body, const StaffActor &by);
    Outcome<QJsonObject> addCashMovement(const QString &sessionId, const QJsonObject &body, const StaffActor &by);
    // The caller's open till (NotFound when none is open).
    Outcome<QJsonObject> currentCashSession(const StaffActor &by);
    Outcome<QJsonObject> cashReport(const QString &sessionId, const StaffActor &by);
    Outcome<QJsonObject> closeCashSession(const QString &sessionId, const QJsonObject &body, const StaffActor &by);

    // Whose till a staff member's counter sales and refunds go to.
    static QString cashOwner(const StaffActor &actor);

private:
    Outcome<Order> toOrder(const OrderRow &row);
    Outcome<CashSessionRow> ownSession(const QString &sessionId, const StaffActor &by, bool managerMay);
    static QJsonObject reportJson(const CashSessionRow &session);

    SqlOrderStore *m_orders;
    SqlCashStore *m_cash;
    CatalogService *m_catalog;
    Clock m_clock;
};

} // namespace BoxOffice::Server
