// The sale simulator's invariant checks (bench/sale/invariants.h) on made-up sales: a
// correct one passes, and each kind of broken one is caught and named.
#include "../bench/sale/invariants.h"

#include <QTest>

using namespace BoxOffice::Sale;
using namespace Qt::StringLiterals;

namespace {

Observed buyer(int index, qint64 sent, qint64 done, qint64 lastWaiting, qint64 admitted, QStringList seats = {})
{
    Observed b;
    b.index = index;
    b.joinSentMs = sent;
    b.joinDoneMs = done;
    b.lastWaitingMs = lastWaiting;
    b.admittedSeenMs = admitted;
    b.seats = std::move(seats);
    return b;
}

const QStringList Ids{u"A-1"_s, u"A-2"_s, u"A-3"_s, u"A-4"_s};

} // namespace

class TestSaleInvariants : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCorrectSale_passes()
    {
        const std::vector<Observed> buyers{buyer(0, 0, 5, 100, 150, {u"A-2"_s}), buyer(1, 10, 15, 160, 200, {u"A-3"_s}),
                                           buyer(2, 20, 25, 210, 260)};
        int sold = 0;
        QCOMPARE(checkSeats("SAAA", "SSSA", Ids, buyers, &sold), QStringList());
        QCOMPARE(sold, 2);
        QCOMPARE(checkAdmissionOrder(buyers), QStringList());
        QCOMPARE(checkNoneLost(buyers), QStringList());
        QCOMPARE(checkCapacity(50, 50), QStringList());
    }

    void aSeatInTwoOrders_isCaught()
    {
        const std::vector<Observed> buyers{buyer(0, 0, 5, -1, 10, {u"A-2"_s}), buyer(1, 10, 15, -1, 20, {u"A-2"_s})};
        const QStringList f = checkSeats("AAAA", "ASAA", Ids, buyers);
        QVERIFY(!f.filter(u"A-2 is in 2 orders"_s).isEmpty());
    }

    void aSoldSeatWithoutAnOrder_isCaught()
    {
        const std::vector<Observed> buyers{buyer(0, 0, 5, -1, 10, {u"A-1"_s})};
        const QStringList f = checkSeats("AAAA", "SSAA", Ids, buyers);
        QVERIFY(!f.filter(u"A-2 is sold but in no order"_s).isEmpty());
        QVERIFY(!f.filter(u"2 seats newly sold, 1 in orders"_s).isEmpty());
    }

    void anOrderWhoseSeatIsNotSold_isCaught()
    {
        const std::vector<Observed> buyers{buyer(0, 0, 5, -1, 10, {u"A-4"_s})};
        QVERIFY(!checkSeats("AAAA", "AAAA", Ids, buyers).filter(u"0 seats newly sold, 1 in orders"_s).isEmpty());
    }

    void aSaleUndone_isCaught()
    {
        QVERIFY(!checkSeats("SAAA", "AAAA", Ids, {}).filter(u"A-1 was sold and is not any more"_s).isEmpty());
    }

    void admissionOutOfTurn_isCaught()
    {
        // Buyer 0's join finished before buyer 1's was sent, yet buyer 1 was admitted at
        // 100 ms while buyer 0 was still seen waiting at 150 ms.
        const std::vector<Observed> buyers{buyer(0, 0, 5, 150, 200), buyer(1, 10, 15, 50, 100)};
        const QStringList f = checkAdmissionOrder(buyers);
        QCOMPARE(f.size(), 1);
        QVERIFY(f.first().contains(u"buyer 1 was seen admitted at 100 ms while buyer 0"_s));
    }

    void overlappingJoins_mayBeAdmittedEitherWay()
    {
        // Sent before the other's answer came: the server may order them either way.
        const std::vector<Observed> buyers{buyer(0, 0, 20, 150, 200), buyer(1, 10, 30, 50, 100)};
        QCOMPARE(checkAdmissionOrder(buyers), QStringList());
    }

    void lostWaitersAndOverCapacity_areCaught()
    {
        std::vector<Observed> buyers{buyer(0, 0, 5, 100, -1)};
        buyers[0].expiredWaiting = true;
        QCOMPARE(checkNoneLost(buyers), QStringList{u"1 waiting buyers were lost (expired without being admitted)"_s});
        QCOMPARE(checkCapacity(51, 50), QStringList{u"active 51 above capacity 50"_s});
    }
};

QTEST_MAIN(TestSaleInvariants)
#include "tst_saleinvariants.moc"
