// Best available on a hand-made map: the nearest block, adjacent, in one row, and
// never a single stranded seat when another block avoids it.
#include "server/sales/catalogservice.h"
#include "server/sales/seatservice.h"

#include <QTest>

using namespace BoxOffice;
using namespace BoxOffice::Server;
using namespace Qt::StringLiterals;

class TestBestAvailable : public QObject
{
    Q_OBJECT

    // Rows of seats along x; row r at y = r (row 1 nearest the stage).
    static SeatMap map(const QList<int> &seatsPerRow, const QString &tier = u"R"_s)
    {
        SeatMap m;
        for (int r = 0; r < seatsPerRow.size(); ++r)
            for (int n = 1; n <= seatsPerRow[r]; ++n)
                m.seats.append(Seat{u"A-%1-%2"_s.arg(r + 1).arg(n), u"A"_s, QString::number(r + 1), n, n - 5.0,
                                    double(r + 1), tier});
        m.priceOfTier.insert(tier, Money{1000, u"KRW"_s});
        return m;
    }
    static QList<QString> ids(const SeatMap &m, const QList<int> &indexes)
    {
        QList<QString> out;
        for (int i : indexes)
            out << m.seats[i].id;
        return out;
    }

private Q_SLOTS:
    void nearestRowFirst()
    {
        const SeatMap m = map({6, 6});
        QCOMPARE(ids(m, SeatService::bestBlock(m, "AAAAAAAAAAAA", 2, u"R"_s)).first().section(u'-', 1, 1), u"1"_s);
    }

    void neverStrandsOneSeatWhenAvoidable()
    {
        // Row 1: 4 free seats; taking 3 leaves 1 alone. Row 2 (farther): exactly 3 free.
        const SeatMap m = map({4, 5});
        const QList<int> best = SeatService::bestBlock(m, "AAAA" "SSAAA", 3, u"R"_s);
        QCOMPARE(ids(m, best), (QList<QString>{u"A-2-3"_s, u"A-2-4"_s, u"A-2-5"_s}));
        // Five free in one row, three wanted: start at either end, never in the middle.
        const SeatMap five = map({5});
        const QList<QString> chosen = ids(five, SeatService::bestBlock(five, "AAAAA", 3, u"R"_s));
        QVERIFY(chosen.first() == u"A-1-1"_s || chosen.first() == u"A-1-3"_s);
    }

    void strandsOnlyWhenNothingElseFits()
    {
        const SeatMap m = map({4});
        QCOMPARE(SeatService::bestBlock(m, "AAAA", 3, u"R"_s).size(), 3);
    }

    void needsAdjacentFreeSeatsOfTheTier()
    {
        const SeatMap m = map({6});
        QVERIFY(SeatService::bestBlock(m, "ASASAS", 2, u"R"_s).isEmpty());
        QVERIFY(SeatService::bestBlock(m, "AAAAAA", 2, u"VIP"_s).isEmpty());
        QCOMPARE(ids(m, SeatService::bestBlock(m, "SHAASA", 2, u"R"_s)), (QList<QString>{u"A-1-3"_s, u"A-1-4"_s}));
    }
};

QTEST_GUILESS_MAIN(TestBestAvailable)
#include "tst_bestavailable.moc"
