#pragma once

#include "server/failure.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace BoxOffice::Server {

class SqlDatabase;
class SqlSeatStore;
struct AuditEntry;

struct TicketRecord
{
    QString secret;
    QString orderId;
    QString performanceId;
    int index = 0;
    qint64 price = 0;
    QString state;  // valid | used | refunded | revoked
    qint64 usedAtMs = 0;
};

struct RefundRecord
{
    QString id;
    QString orderId;
    QList<int> seats;
    qint64 amount = 0;
    QString currency;
    QString method;
    QString reason;
    char releaseTo = 'A';
    qint64 atMs = 0;
    QString login;
};

struct OrderRow
{
    QString id;
    QString code;
    QString performanceId;
    QString concertId;
    QString token;
    QString method;
    qint64 amount = 0;
    QString currency;
    qint64 purchasedAtMs = 0;
    QString status;
    QString soldBy;
    QString customerName, customerPhone, customerEmail;
    QList<int> seats;               // every seat the order bought, layout order
    QList<TicketRecord> tickets;    // each seat's current ticket
    QList<RefundRecord> refunds;
};

struct RefundRequest
{
    QString refundId;
    QString orderId;
    QList<int> seats;  // empty: every seat not refunded yet
    QString reason;
    char releaseTo = 'A';  // 'A' back on sale, 'X' not for sale
    QHash<int, qint64> prices;
    QString cashOwner;     // the refunding staff's till, if open
    qint64 nowMs = 0;
};

// Orders, tickets, refunds, check-ins and seats not for sale in SQL. Every change is one
// transaction that moves only rows in the expected state (a ticket from valid to used, a
// seat from S to A or X…) and fails unless all moved: concurrent refunds or scans of the
// same seat or ticket serialise on its row and exactly one succeeds.
class SqlOrderStore
{
public:
    SqlOrderStore(SqlDatabase *database, SqlSeatStore *seats);

    // By id, or by code (upper case).
    Outcome<OrderRow> find(const QString &idOrCode);
    // Newest first. q: an exact code or id, a seat id, or part (≥ 3 characters) of a
    // customer's name, phone or e-mail; empty: the latest orders.
    Outcome<QList<OrderRow>> search(const QString &q, const QString &code, const QString &performanceId, int limit);

    // Conflict (details "seats": indexes) when a seat is already refunded; BadRequest
    // (details "seats") when a seat is not in the order.
    Outcome<RefundRecord> refund(const RefundRequest &request, const AuditEntry &audit);
    // New secrets for every valid ticket; the old ones revoked. The new secrets by seat.
    Outcome<QHash<int, QString>> reissue(const QString &orderId, const QList<int> &validSeats, const AuditEntry &audit,
                                         qint64 nowMs);
    struct CheckIn
    {
        QString result;  // valid | already_used | revoked | refunded | wrong_performance
        TicketRecord ticket;
    };
    // NotFound for an unknown secret. `audit` is written only for a valid scan.
    Outcome<CheckIn> checkIn(const QString &secret, const QString &performanceId, AuditEntry audit, qint64 nowMs);
    // A→X or X→A for all the seats or none: SeatUnavailable (details "indexes") naming
    // those in another state. The new version.
    Outcome<qint64> setNotForSale(const QString &performanceId, const QList<int> &seats, char to,
                                  const AuditEntry &audit, qint64 nowMs);

private:
    Outcome<QList<OrderRow>> load(const QStringList &ids);
    Outcome<bool> fill(OrderRow &order);

    SqlDatabase *m_database;
    SqlSeatStore *m_seats;
};

} // namespace BoxOffice::Server
