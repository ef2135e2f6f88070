#pragma once

// The sale simulator's invariants, as pure functions over what it observed, so that a
// test can feed them broken sales (tests/tst_saleinvariants.cpp). Each returns the
// violations found, in words.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <map>
#include <vector>

namespace BoxOffice::Sale {

using namespace Qt::StringLiterals;

// What one buyer was seen to do (times in ms on one clock; -1: never).
struct Observed
{
    int index = 0;
    qint64 joinSentMs = -1, joinDoneMs = -1;
    qint64 lastWaitingMs = -1;    // last time seen waiting
    qint64 admittedSeenMs = -1;   // first time seen active
    bool expiredWaiting = false;  // seen expired before it was ever admitted
    QStringList seats;            // bought
};

// No seat in two orders; every seat that became S is in an order, and no S went back.
// Returns the violations and the number of seats newly sold.
inline QStringList checkSeats(const QByteArray &before, const QByteArray &after, const QStringList &seatIds,
                              const std::vector<Observed> &buyers, int *newlySold = nullptr)
{
    QStringList failures;
    std::map<QString, int> owners;
    for (const Observed &b : buyers)
        for (const QString &s : b.seats)
            ++owners[s];
    for (const auto &[seat, n] : owners)
        if (n > 1)
            failures << u"seat %1 is in %2 orders"_s.arg(seat).arg(n);
    int sold = 0;
    for (qsizetype k = 0; k < after.size(); ++k) {
        const bool isSold = after[k] == 'S';
        const bool wasSold = k < before.size() && before[k] == 'S';
        if (wasSold && !isSold)
            failures << u"seat %1 was sold and is not any more"_s.arg(seatIds.value(k));
        if (isSold && !wasSold) {
            ++sold;
            if (!owners.count(seatIds.value(k)))
                failures << u"seat %1 is sold but in no order"_s.arg(seatIds.value(k));
        }
    }
    if (sold != int(owners.size()))
        failures << u"%1 seats newly sold, %2 in orders"_s.arg(sold).arg(owners.size());
    if (newlySold)
        *newlySold = sold;
    return failures;
}

// Admission in join order: nobody whose join finished before another's was sent is seen
// waiting after that other one was seen admitted (a prefix maximum, O(n log n)).
inline QStringList checkAdmissionOrder(const std::vector<Observed> &buyers)
{
    QStringList failures;
    std::vector<const Observed *> byDone, bySent;
    for (const Observed &b : buyers) {
        byDone.push_back(&b);
        bySent.push_back(&b);
    }
    std::sort(byDone.begin(), byDone.end(), [](auto *a, auto *b) { return a->joinDoneMs < b->joinDoneMs; });
    std::sort(bySent.begin(), bySent.end(), [](auto *a, auto *b) { return a->joinSentMs < b->joinSentMs; });
    qint64 maxWaiting = -1;
    int earlier = -1;
    size_t d = 0;
    int outOfOrder = 0;
    for (const Observed *b : bySent) {
        while (d < byDone.size() && byDone[d]->joinDoneMs < b->joinSentMs) {
            if (byDone[d]->lastWaitingMs > maxWaiting)
                maxWaiting = byDone[d]->lastWaitingMs, earlier = byDone[d]->index;
            ++d;
        }
        if (b->admittedSeenMs >= 0 && maxWaiting > b->admittedSeenMs && ++outOfOrder <= 5)
            failures << u"buyer %1 was seen admitted at %2 ms while buyer %3, who joined earlier, was still "
                        "waiting at %4 ms"_s.arg(b->index).arg(b->admittedSeenMs).arg(earlier).arg(maxWaiting);
    }
    return failures;
}

// No waiting buyer lost: none expired before it was admitted.
inline QStringList checkNoneLost(const std::vector<Observed> &buyers)
{
    const auto lost = std::count_if(buyers.begin(), buyers.end(), [](const Observed &b) { return b.expiredWaiting; });
    if (lost == 0)
        return {};
    return {u"%1 waiting buyers were lost (expired without being admitted)"_s.arg(lost)};
}

// Active never above capacity, per sample.
inline QStringList checkCapacity(int active, int capacity)
{
    if (active <= capacity)
        return {};
    return {u"active %1 above capacity %2"_s.arg(active).arg(capacity)};
}

} // namespace BoxOffice::Sale
