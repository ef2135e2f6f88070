#include "server/sales/seatservice.h"

#include "server/queue/queueservice.h"
#include "server/sales/catalogservice.h"
#include "server/sales/sqlseatstore.h"
#include "server/staff/auditlog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>

#include <cmath>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSeatService, "boxoffice.server.seats")

namespace {

QString randomId(const QString &prefix)
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QString id = prefix;
    for (quint32 w : words)
        id += u"%1"_s.arg(w, 8, 16, QLatin1Char('0'));
    return id;
}

Failure badSeats(const QString &message, const QStringList &seats)
{
    return Failure{Failure::Code::BadRequest, message, {{u"seats"_s, QJsonArray::fromStringList(seats)}}};
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

SeatService::SeatService(SqlSeatStore *store, CatalogService *catalog, QueueService *queue, SeatOptions options,
                         Clock clock)
    : m_store(store), m_catalog(catalog), m_queue(queue), m_options(options),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
}

Outcome<SeatService::Access> SeatService::authorise(const QString &performanceId, const Buyer &buyer)
{
    auto map = m_catalog->seatMap(performanceId);
    if (!map)
        return map.error();
    if (buyer.staff)
        return Access{map.value(), 0};
    if (buyer.token.isEmpty())
        return Failure{Failure::Code::Unauthorized, u"an active queue token (X-Queue-Token) or staff credentials are required"_s, {}};
    auto ticket = m_queue->status(buyer.token);
    if (!ticket) {
        if (ticket.error().code == Failure::Code::NotFound)
            return Failure{Failure::Code::Forbidden, u"this queue token is not valid"_s, {}};
        return ticket.error();
    }
    if (ticket.value().concertId != map.value()->concertId)
        return Failure{Failure::Code::Forbidden, u"this queue token is for another concert"_s, {}};
    if (ticket.value().state != QueueTicket::State::Active || !ticket.value().expiresAt)
        return Failure{Failure::Code::Forbidden,
                       ticket.value().state == QueueTicket::State::Waiting ? u"still waiting in the queue"_s
                                                                            : u"the queue session has ended"_s,
                       {}};
    return Access{map.value(), ticket.value().expiresAt->toMSecsSinceEpoch()};
}

Outcome<SeatStatus> SeatService::status(const QString &performanceId, const Buyer &buyer)
{
    if (auto access = authorise(performanceId, buyer); !access)
        return access.error();
    return m_store->status(performanceId);
}

Outcome<Hold> SeatService::hold(const QString &performanceId, const QStringList &seatIds, const Buyer &buyer)
{
    auto access = authorise(performanceId, buyer);
    if (!access)
        return access.error();
    const SeatMap &map = *access.value().map;

    // The order API.md gives: empty, duplicates, unknown ids, over the limit; then availability.
    if (seatIds.isEmpty())
        return badSeats(u"no seats requested"_s, {});
    QSet<QString> seen;
    QStringList duplicates, unknown;
    QList<int> indexes;
    for (const QString &id : seatIds) {
        if (seen.contains(id)) {
            if (!duplicates.contains(id))
                duplicates << id;
            continue;
        }
        seen.insert(id);
        const auto it = map.indexOf.constFind(id);
        if (it == map.indexOf.cend())
            unknown << id;
        else
            indexes << *it;
    }
    if (!duplicates.isEmpty())
        return badSeats(u"seats requested more than once"_s, duplicates);
    if (!unknown.isEmpty())
        return badSeats(u"no such seats in this performance"_s, unknown);
    if (!buyer.staff) {
        auto owned = m_store->seatsOwnedBy(buyer.token);
        if (!owned)
            return owned.error();
        if (owned.value() + indexes.size() > m_options.seatLimit)
            return overLimit(owned.value(), QJsonArray::fromStringList(seatIds));
    }
    return holdIndexes(performanceId, access.value(), indexes, buyer);
}

Failure SeatService::overLimit(int owned, const QJsonArray &seats) const
{
    return Failure{Failure::Code::BadRequest,
                   u"at most %1 seats per buyer (%2 already held or bought)"_s.arg(m_options.seatLimit).arg(owned),
                   {{u"seats"_s, seats}, {u"limit"_s, m_options.seatLimit}}};
}

Outcome<Hold> SeatService::holdIndexes(const QString &performanceId, const Access &access, const QList<int> &seats,
                                       const Buyer &buyer)
{
    const SeatMap &map = *access.map;
    HoldRequest r;
    r.holdId = randomId(u"h-"_s);
    r.performanceId = performanceId;
    r.concertId = map.concertId;
    r.seats = seats;
    r.token = buyer.staff ? QString() : buyer.token;
    r.staff = buyer.staff;
    r.staffId = buyer.staff ? buyer.actor.staffId : QString();
    r.seatLimit = buyer.staff ? 0 : m_options.seatLimit;  // checked again under the token's lock
    r.nowMs = m_clock();
    r.expiresAtMs = r.nowMs + qint64(m_options.holdSeconds) * 1000;
    if (!buyer.staff)
        r.expiresAtMs = qMin(r.expiresAtMs, access.sessionEndsMs);  // never past the session
    r.expiresAtMs -= r.expiresAtMs % 1000;  // whole seconds, as the API shows it
    QStringList ids;
    for (int idx : seats) {
        const Money price = map.priceOfTier.value(map.seats[idx].tier);
        r.amount += price.amount;
        r.currency = price.currency;
        ids << map.seats[idx].id;
    }
    std::optional<AuditEntry> audit;
    if (buyer.staff)
        audit = AuditEntry{buyer.actor, u"seats.hold"_s, r.holdId,
                           {{u"performanceId"_s, performanceId}, {u"seats"_s, QJsonArray::fromStringList(ids)},
                            {u"total"_s, Money{r.amount, r.currency}.toJson()}}};
    auto held = m_store->hold(r, audit ? &*audit : nullptr);
    if (!held) {
        Failure failure = held.error();
        if (failure.code == Failure::Code::BadRequest && failure.details.contains(u"owned"_s))
            return overLimit(failure.details.value(u"owned"_s).toInt(), QJsonArray::fromStringList(ids));
        if (failure.code == Failure::Code::SeatUnavailable) {
            QStringList taken;
            for (const QJsonValue &v : failure.details.value(u"indexes"_s).toArray())
                taken << map.seats.value(v.toInt()).id;
            failure.details = {{u"seats"_s, QJsonArray::fromStringList(taken)}};
        }
        return failure;
    }
    if (!buyer.staff && sessionOver(buyer.token)) {
        // The session ended while the hold was being made (a leave racing it): the
        // leave may not have seen this hold, so it goes back here.
        m_store->release(r.holdId, u"expired"_s);
        return Failure{Failure::Code::Forbidden, u"the queue session has ended"_s, {}};
    }
    return Hold{r.holdId, performanceId, ids, fromMs(r.expiresAtMs), Money{r.amount, r.currency}};
}

Outcome<QList<HeldHold>> SeatService::heldHolds(const QString &performanceId)
{
    auto map = m_catalog->seatMap(performanceId);
    if (!map)
        return map.error();
    auto records = m_store->heldHolds(performanceId, 1000);
    if (!records)
        return records.error();
    QList<HeldHold> holds;
    for (const HoldRecord &r : records.value()) {
        QStringList ids;
        for (int idx : r.seats)
            ids << map.value()->seats.value(idx).id;
        holds.append({Hold{r.id, performanceId, ids, fromMs(r.expiresAtMs), Money{r.amount, r.currency}}, r.staff});
    }
    return holds;
}

QList<int> SeatService::bestBlock(const SeatMap &given, const QByteArray &letters, int count, const QString &tier)
{
    // The rows of the tier come from the map's index (built once per performance); a
    // map made by hand (tests) is indexed here.
    SeatMap local;
    const SeatMap *indexed = &given;
    if (given.rowsOfTier.isEmpty() && !given.seats.isEmpty()) {
        local = given;
        local.index();
        indexed = &local;
    }
    const SeatMap &map = *indexed;
    const double stageY = map.stageY;

    QList<int> best;
    double bestScore = 0;
    bool bestStrands = true;
    for (const QList<int> &row : map.rowsOfTier.value(tier)) {
        // Runs of adjacent available seats.
        for (qsizetype start = 0; start < row.size();) {
            qsizetype end = start;
            while (end < row.size() && row[end] < letters.size() && letters.at(row[end]) == 'A'
                   && (end == start || map.seats[row[end]].number == map.seats[row[end - 1]].number + 1))
                ++end;
            const qsizetype length = end - start;
            for (qsizetype offset = 0; offset + count <= length; ++offset) {
                const qsizetype left = offset, right = length - count - offset;
                const bool strands = left == 1 || right == 1;
                double cx = 0, cy = 0;
                for (int k = 0; k < count; ++k) {
                    cx += map.seats[row[start + offset + k]].x;
                    cy += map.seats[row[start + offset + k]].y;
                }
                cx /= count;
                cy /= count;
                const double score = std::hypot(cx, cy - stageY);
                if (best.isEmpty() || (bestStrands && !strands) || (strands == bestStrands && score < bestScore)) {
                    best = row.mid(start + offset, count);
                    bestScore = score;
                    bestStrands = strands;
                }
            }
            start = end > start ? end : start + 1;
        }
    }
    return best;
}

Outcome<Hold> SeatService::holdBest(const QString &performanceId, int count, const QString &tier, const Buyer &buyer)
{
    auto access = authorise(performanceId, buyer);
    if (!access)
        return access.error();
    const SeatMap &map = *access.value().map;
    if (count < 1 || (!buyer.staff && count > m_options.seatLimit) || count > 50)
        return Failure{Failure::Code::BadRequest, u"count must be between 1 and %1"_s.arg(buyer.staff ? 50 : m_options.seatLimit),
                       {{u"seats"_s, QJsonArray()}}};
    if (!map.priceOfTier.contains(tier))
        return Failure{Failure::Code::BadRequest, u"no tier \"%1\" in this performance"_s.arg(tier.left(50)),
                       {{u"seats"_s, QJsonArray()}}};
    if (!buyer.staff) {
        auto owned = m_store->seatsOwnedBy(buyer.token);
        if (!owned)
            return owned.error();
        if (owned.value() + count > m_options.seatLimit)
            return overLimit(owned.value(), QJsonArray());
    }
    // Someone may take the chosen block first: look again, a few times.
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto status = m_store->status(performanceId);
        if (!status)
            return status.error();
        const QList<int> block = bestBlock(map, status.value().status, count, tier);
        if (block.isEmpty())
            break;
        auto held = holdIndexes(performanceId, access.value(), block, buyer);
        if (held || held.error().code != Failure::Code::SeatUnavailable)
            return held;
        // (A best-available refusal names no seats, as before.)
    }
    return Failure{Failure::Code::SeatUnavailable, u"no %1 adjacent seats left in tier %2"_s.arg(count).arg(tier),
                   {{u"seats"_s, QJsonArray()}}};
}

Outcome<bool> SeatService::mayChange(const QString &holdToken, const Buyer &buyer) const
{
    if (buyer.staff)
        return true;
    if (buyer.token.isEmpty())
        return Failure{Failure::Code::Unauthorized, u"the queue token that made the hold (X-Queue-Token) or staff credentials are required"_s, {}};
    if (holdToken.isEmpty() || buyer.token != holdToken)
        return Failure{Failure::Code::Forbidden, u"this hold belongs to someone else"_s, {}};
    return true;
}

Outcome<HoldRecord> SeatService::heldHold(const QString &holdId, const Buyer &buyer)
{
    auto hold = m_store->findHold(holdId);
    if (!hold)
        return hold.error();
    if (auto allowed = mayChange(hold.value().token, buyer); !allowed)
        return allowed.error();
    if (hold.value().state != u"held")
        return Failure{Failure::Code::Conflict, u"the hold is already "_s + hold.value().state, {}};
    return hold;
}

Outcome<bool> SeatService::release(const QString &holdId, const Buyer &buyer)
{
    auto hold = heldHold(holdId, buyer);
    if (!hold)
        return hold.error();
    std::optional<AuditEntry> audit;
    if (buyer.staff) {
        // Staff's own holds (the same account, or the staff key's own) are theirs to let go;
        // anybody else's (a buyer's, a colleague's) is a forced release: a manager's call.
        const HoldRecord &h = hold.value();
        const bool own = h.staff && h.staffId == buyer.actor.staffId;
        if (!own && !buyer.actor.atLeast(StaffRole::Manager))
            return Failure{Failure::Code::Forbidden,
                           u"releasing someone else's hold needs the role manager or above"_s,
                           {{u"role"_s, u"manager"_s}}};
        QStringList seats;
        if (auto map = m_catalog->seatMap(h.performanceId))
            for (int idx : h.seats)
                seats << map.value()->seats.value(idx).id;
        audit = AuditEntry{buyer.actor, own ? u"seats.release"_s : u"seats.force_release"_s, holdId,
                           {{u"performanceId"_s, h.performanceId}, {u"seats"_s, QJsonArray::fromStringList(seats)},
                            {u"madeBy"_s, h.staff ? u"staff"_s : u"buyer"_s}}};
    }
    auto released = m_store->release(holdId, u"released"_s, audit ? &*audit : nullptr, m_clock());
    if (!released)
        return released.error();
    return true;
}

Outcome<Order> SeatService::purchase(const QString &holdId, const QString &method, const Buyer &buyer,
                                     const Customer &customer)
{
    auto hold = heldHold(holdId, buyer);
    if (!hold)
        return hold.error();
    if (method != u"card" && method != u"cash" && method != u"test")
        return Failure{Failure::Code::BadRequest, u"payment.method must be card, cash or test"_s, {}};
    if (!hold.value().token.isEmpty()) {
        // A hold never outlives its session: one whose session is over (left, expired,
        // ended by staff, on whichever instance) goes back now instead of being sold.
        // With the queue store down the hold's own expiry (never past the session) rules.
        if (sessionOver(hold.value().token)) {
            m_store->release(holdId, u"expired"_s);
            return Failure{Failure::Code::Conflict, u"the queue session that made this hold has ended"_s, {}};
        }
    }
    auto map = m_catalog->seatMap(hold.value().performanceId);
    if (!map)
        return map.error();
    QHash<int, qint64> prices;
    QStringList ids;
    for (int idx : hold.value().seats) {
        prices.insert(idx, map.value()->priceOfTier.value(map.value()->seats[idx].tier).amount);
        ids << map.value()->seats[idx].id;
    }
    const QString orderId = randomId(u"o-"_s);
    std::optional<AuditEntry> audit;
    if (buyer.staff)
        audit = AuditEntry{buyer.actor, u"order.sale"_s, orderId,
                           {{u"performanceId"_s, hold.value().performanceId}, {u"holdId"_s, holdId},
                            {u"seats"_s, QJsonArray::fromStringList(ids)}, {u"method"_s, method},
                            {u"total"_s, Money{hold.value().amount, hold.value().currency}.toJson()}}};
    if (audit && !customer.name.isEmpty())
        audit->details.insert(u"customer"_s, customer.name);
    const OrderDetails details{customer.name, customer.phone, customer.email,
                               buyer.staff ? (buyer.actor.isBootstrap() ? BootstrapLogin : buyer.actor.staffId) : QString()};
    auto order = m_store->purchase(holdId, orderId, method, map.value()->concertId, prices, m_clock(),
                                   audit ? &*audit : nullptr, details);
    if (!order)
        return order.error();
    // The buyer is done: the slot goes to the next waiter.
    if (!hold.value().token.isEmpty())
        if (auto left = m_queue->leave(hold.value().token); !left)
            qCWarning(lcSeatService) << "purchase done, but the queue session could not be ended:" << left.error().message;
    const OrderRecord &o = order.value();
    Order out;
    out.orderId = o.id;
    out.performanceId = o.performanceId;
    out.seats = ids;
    out.total = Money{o.amount, o.currency};
    out.purchasedAt = fromMs(o.purchasedAtMs);
    out.code = o.code;
    out.status = u"paid"_s;
    for (qsizetype i = 0; i < o.seats.size(); ++i) {
        const int idx = o.seats[i];
        out.tickets.append(Ticket{map.value()->seats[idx].id, map.value()->label(idx), Money{prices.value(idx), o.currency},
                                  u"valid"_s, o.secrets.value(i)});
    }
    return out;
}

bool SeatService::sessionOver(const QString &token)
{
    // With the queue store down, nothing is known: the hold's expiry (never past the
    // session's end) still bounds it.
    auto session = m_queue->status(token);
    return session ? session.value().state != QueueTicket::State::Active
                   : session.error().code == Failure::Code::NotFound;
}

int SeatService::endSessions(const QStringList &tokens)
{
    int released = 0;
    for (const QString &token : tokens) {
        auto holds = m_store->heldHoldsOf(token);
        if (!holds) {
            qCWarning(lcSeatService) << "a session ended, but its holds could not be read:" << holds.error().message;
            continue;
        }
        for (const QString &id : holds.value())
            released += m_store->release(id, u"expired"_s).ok();  // a purchase may have been first
    }
    if (released)
        qCInfo(lcSeatService) << "released" << released << "holds of ended sessions";
    return released;
}

int SeatService::sweepExpiredHolds()
{
    auto expired = m_store->expiredHolds(m_clock(), 200);
    if (!expired)
        return 0;
    int released = 0;
    for (const QString &id : expired.value())
        released += m_store->release(id, u"expired"_s).ok();  // another instance may have been first
    if (released)
        qCInfo(lcSeatService) << "released" << released << "expired holds";
    return released;
}

} // namespace BoxOffice::Server
