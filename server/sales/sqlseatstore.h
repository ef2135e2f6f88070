#pragma once

#include "domain/seatstatus.h"
#include "server/failure.h"

#include <QHash>
#include <QList>

namespace BoxOffice::Server {

class SqlDatabase;
struct AuditEntry;

struct HoldRecord
{
    QString id;
    QString performanceId;
    QString token;          // the queue token that made it; empty for staff
    bool staff = false;
    QList<int> seats;       // seat indexes in layout order
    qint64 amount = 0;
    QString currency;
    QString state;          // held | purchased | released | expired
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    QString orderId;
    QString staffId;        // the staff account that made it (empty: a buyer or the staff key)
};

struct OrderRecord
{
    QString id;
    QString performanceId;
    QList<int> seats;
    qint64 amount = 0;
    QString currency;
    qint64 purchasedAtMs = 0;
    QString code;
    QStringList secrets;  // the tickets', in the order of `seats`
};

// What a purchase records besides the seats: the customer (counter sales), and whose
// till takes the money (the seller's open cash session, if any).
struct OrderDetails
{
    QString name;
    QString phone;
    QString email;
    QString cashOwner;  // a staff id, or "(staff key)"; empty: no till
};

struct HoldRequest
{
    QString holdId;
    QString performanceId;
    QString concertId;
    QList<int> seats;  // distinct, valid indexes
    QString token;
    bool staff = false;
    QString staffId;
    qint64 amount = 0;
    QString currency;
    qint64 nowMs = 0;
    qint64 expiresAtMs = 0;
    int seatLimit = 0;  // seats the token may hold and own in all, 0: no limit (staff)
};

// What the customer search matches in part: lower case, the phone also as digits only.
QString orderSearchText(const QString &name, const QString &phone, const QString &email);

// Seat letters, holds, orders and sales in SQL (SQLite or PostgreSQL). Every change
// is one transaction that moves exactly the requested seats conditionally (A → H only
// WHERE status = 'A'; H → S or A only for this hold) and commits only if every row
// moved: no seat is ever held or sold twice, under any number of connections, threads
// or server instances. Last it bumps the performance's version (a row lock held to the
// commit, so versions follow commit order; seat rows are always locked before it, so
// no deadlock). Each change is recorded in
// seat_changes by version. Status reads are served from a per-connection cache that
// catches up from seat_changes, so a 60,000-seat status costs one small query.
class SqlSeatStore
{
public:
    explicit SqlSeatStore(SqlDatabase *database);

    Outcome<SeatStatus> status(const QString &performanceId);

    // SeatUnavailable with details {"indexes": [...]} naming the seats not available;
    // with a seatLimit, first (under the token's row lock, so concurrent holds of one
    // token are counted one after the other) BadRequest with details {"owned": n} when
    // the token's held and bought seats plus these would pass it.
    // audit: a staff write's entry, appended in the same transaction (for every change below).
    Outcome<HoldRecord> hold(const HoldRequest &request, const AuditEntry *audit = nullptr);
    Outcome<HoldRecord> findHold(const QString &holdId);
    // Held → released or expired, seats back to A. Conflict if the hold is not held.
    Outcome<HoldRecord> release(const QString &holdId, const QString &newState, const AuditEntry *audit = nullptr,
                                qint64 nowMs = 0);
    // Held (and not past its expiry) → purchased: seats S, an order and one sales row per seat.
    // With an audit entry, the order is the staff member's sale (orders.staff_id, sold_by).
    // The order gets a unique code and one ticket per seat (a fresh secret each).
    Outcome<OrderRecord> purchase(const QString &holdId, const QString &orderId, const QString &method,
                                  const QString &concertId, const QHash<int, qint64> &seatPrices, qint64 nowMs,
                                  const AuditEntry *audit = nullptr, const OrderDetails &details = {});
    Outcome<QStringList> expiredHolds(qint64 nowMs, int limit);
    // The holds of a performance still held, soonest expiry first (staff: force release).
    Outcome<QList<HoldRecord>> heldHolds(const QString &performanceId, int limit);
    struct Change
    {
        qint64 version;
        int index;
        char letter;
    };
    // The seat changes after `version`, in version order (the live channel's deltas).
    Outcome<QList<Change>> changesSince(const QString &performanceId, qint64 version, int limit);
    // Seats a token holds or bought, for the per-buyer limit.
    Outcome<int> seatsOwnedBy(const QString &token);
    // The ids of a token's holds still held (its session ended: they go).
    Outcome<QStringList> heldHoldsOf(const QString &token);

    // For stores that move letters in their own transactions (refunds, seats not for
    // sale): inside a transaction, after the seats moved.
    // Records the change at the new version.
    Outcome<bool> changeSeats(const QString &performanceId, qint64 version, const QList<int> &seats, char letter);
    // Locks the performance row, bumps its version and moves `available`; the new version.
    Outcome<qint64> bumpVersion(const QString &performanceId, int availableDelta);

private:
    struct Cached
    {
        qint64 version = -1;
        QByteArray letters;
    };
    SqlDatabase *m_database;
    QHash<QString, Cached> m_status;
};

} // namespace BoxOffice::Server
