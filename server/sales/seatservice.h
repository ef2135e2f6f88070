#pragma once

#include "domain/hold.h"
#include "domain/order.h"
#include "domain/seatstatus.h"
#include "server/failure.h"
#include "server/staff/staffactor.h"

#include <QJsonArray>

#include <functional>
#include <memory>

namespace BoxOffice::Server {

class CatalogService;
class QueueService;
class SqlSeatStore;
struct SeatMap;

// Who is asking: a queue token (X-Queue-Token) or staff (an account's session or the
// staff key: `actor`). The route decides which; the service decides what each may do.
struct Buyer
{
    QString token;
    bool staff = false;
    StaffActor actor;  // when staff
};

struct SeatOptions
{
    int holdSeconds = 300;
    int seatLimit = 4;  // per queue token, held and bought; staff exempt
};

// The rules of seats, holds and purchases over SqlSeatStore: who may read and hold
// (an active queue token of the performance's concert, or staff), the order of the
// checks of a hold, best available, hold expiry, purchases ending the buyer's session.
class SeatService
{
public:
    using Clock = std::function<qint64()>;

    SeatService(SqlSeatStore *store, CatalogService *catalog, QueueService *queue, SeatOptions options,
                Clock clock = {});

    Outcome<SeatStatus> status(const QString &performanceId, const Buyer &buyer);
    Outcome<Hold> hold(const QString &performanceId, const QStringList &seatIds, const Buyer &buyer);
    Outcome<Hold> holdBest(const QString &performanceId, int count, const QString &tier, const Buyer &buyer);
    Outcome<bool> release(const QString &holdId, const Buyer &buyer);
    // customer: counter sales may name who bought (all optional).
    Outcome<Order> purchase(const QString &holdId, const QString &method, const Buyer &buyer,
                            const Customer &customer = {});

    // Staff: the holds of a performance still held, each with whether staff made it.
    Outcome<QList<HeldHold>> heldHolds(const QString &performanceId);

    // Returns the seats of holds past their expiry; safe on every instance at once.
    int sweepExpiredHolds();
    // The queue sessions of these tokens ended (left, expired by staff, bought): their
    // holds still held go back (state "expired"). Returns how many holds went.
    int endSessions(const QStringList &tokens);

    // The best block of `count` adjacent available seats of `tier` in one row, or
    // none: nearest the stage first, never leaving one stranded seat when a block
    // that does not exists. Public for tests.
    static QList<int> bestBlock(const SeatMap &map, const QByteArray &letters, int count, const QString &tier);

private:
    struct Access
    {
        std::shared_ptr<const SeatMap> map;
        qint64 sessionEndsMs = 0;  // for tokens: the active session's end
    };
    Outcome<Access> authorise(const QString &performanceId, const Buyer &buyer);
    Failure overLimit(int owned, const QJsonArray &seats) const;
    bool sessionOver(const QString &token);
    Outcome<Hold> holdIndexes(const QString &performanceId, const Access &access, const QList<int> &seats,
                              const Buyer &buyer);
    Outcome<bool> mayChange(const QString &holdToken, const Buyer &buyer) const;
    // The hold, if the buyer may change it and it is still held.
    Outcome<struct HoldRecord> heldHold(const QString &holdId, const Buyer &buyer);

    SqlSeatStore *m_store;
    CatalogService *m_catalog;
    QueueService *m_queue;
    SeatOptions m_options;
    Clock m_clock;
};

} // namespace BoxOffice::Server
