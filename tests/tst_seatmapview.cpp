// The seat model and the seat map view on the real 60,252-seat stadium layout (from
// a server on a free port): deltas, hit tests, zoom and level of detail, keyboard
// navigation and selection, offscreen. With BOXOFFICE_SCREENSHOTS=DIR it also saves
// pictures of the map zoomed out and in.
#include "testsupport.h"

#include "app/apiclient.h"
#include "models/seatmapmodel.h"
#include "ui/seatmapview.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <numeric>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

class TestSeatMapView : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;
    SeatLayout m_layout;
    SeatStatus m_status;

    void screenshot(QWidget &w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("BOXOFFICE_SCREENSHOTS");
        if (!dir.isEmpty())
            w.grab().save(dir + u'/' + name);
    }

    void loadStadium(SeatMapModel &model) const
    {
        model.setLayout(m_layout);
        model.setStatus(m_status);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = TestServer::start();
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
        const QString perf = u"aurora-world-tour-p1"_s;
        m_layout = SeatLayout::fromJson(http(m_network, "GET", m_server->at(u"/api/v1/performances/"_s + perf + u"/layout"_s)).json()).value();
        m_status = SeatStatus::fromJson(http(m_network, "GET", m_server->at(u"/api/v1/performances/"_s + perf + u"/status"_s),
                                             {}, {{"Authorization", "Bearer test-staff-key"}}).json()).value();
        QVERIFY(m_layout.seats.size() > 58000);
    }

    void model_appliesDeltasAndReportsGaps()
    {
        SeatMapModel model;
        model.setLayout(m_layout);
        QCOMPARE(model.letter(0), 'X');  // nothing for sale before a status
        QSignalSpy reset(&model, &SeatMapModel::statusReset);
        QSignalSpy changed(&model, &SeatMapModel::seatsChanged);
        model.setStatus(m_status);
        QCOMPARE(reset.size(), 1);
        const int free = int(m_status.status.indexOf('A'));
        const int section = model.sectionOf(free);
        const int availableBefore = model.sections()[section].available;
        QCOMPARE(model.applyDelta(m_status.version + 1, {{free, 'H'}}), SeatMapModel::Delta::Applied);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<QList<int>>(), QList<int>{free});
        QCOMPARE(model.letter(free), 'H');
        QCOMPARE(model.sections()[section].available, availableBefore - 1);
        QCOMPARE(model.applyDelta(m_status.version + 1, {{free, 'A'}}), SeatMapModel::Delta::Stale);
        QCOMPARE(model.applyDelta(m_status.version + 3, {{free, 'A'}}), SeatMapModel::Delta::Gap);
        QCOMPARE(model.letter(free), 'H');
        QCOMPARE(model.applyDelta(m_status.version + 2, {{free, 'A'}}), SeatMapModel::Delta::Applied);
        QCOMPARE(model.sections()[section].available, availableBefore);
        QCOMPARE(changed.size(), 2);
        // A status of another size is not this layout's: ignored.
        model.setStatus(SeatStatus{u"x"_s, 99, "AAA"});
        QCOMPARE(model.version(), m_status.version + 2);
    }

    void view_levelOfDetailHitTestAndSelection()
    {
        SeatMapModel model;
        loadStadium(model);
        SeatMapView view(&model);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToView();
        QVERIFY(!view.showsSeats());  // 60,000 seats fit: sections
        QCOMPARE(view.seatAt(QPointF(500, 350)), -1);
        screenshot(view, u"seatmap-stadium-sections.png"_s);

        // Zoom into an available seat: seats, and the seat under the cursor is found.
        const int free = int(m_status.status.indexOf('A'));
        for (int i = 0; i < 12 && !view.showsSeats(); ++i)
            view.zoomBy(1.6, view.seatPosition(free));
        QVERIFY(view.showsSeats());
        const QPointF at = view.seatPosition(free);
        QCOMPARE(view.seatAt(at), free);
        QCOMPARE(view.seatAt(at + QPointF(0.05 * view.scale(), 0.05 * view.scale())), free);

        QSignalSpy selection(&view, &SeatMapView::selectionChanged);
        QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(selection.size(), 1);
        QCOMPARE(view.selectedIds(), QStringList{m_layout.seats[free].id});
        QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
        QVERIFY(view.selection().isEmpty());

        // A sold seat cannot be picked; the limit holds.
        const int sold = int(m_status.status.indexOf('S'));
        for (int i = 0; i < 14 && view.seatPosition(sold).x() > -1e6; ++i)
            if (!QRectF(view.rect()).contains(view.seatPosition(sold)))
                view.zoomBy(1.0, view.seatPosition(sold));
        view.setMaxSelection(2);
        QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
        screenshot(view, u"seatmap-stadium-seats.png"_s);

        // Keyboard: arrows move the focus to a neighbour, Space picks it.
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_Right);
        const int first = view.focusSeat();
        QVERIFY(first >= 0);
        QTest::keyClick(&view, Qt::Key_Right);
        const int second = view.focusSeat();
        QVERIFY(second != first);
        QVERIFY(m_layout.seats[second].x > m_layout.seats[first].x);
        const double before = view.scale();
        QTest::keyClick(&view, Qt::Key_Plus);
        QVERIFY(view.scale() > before);
        QTest::keyClick(&view, Qt::Key_Home);
        QVERIFY(!view.showsSeats());

        // A seat someone else takes leaves the selection.
        QVERIFY(view.selection().contains(free));
        QCOMPARE(model.applyDelta(m_status.version + 1, {{free, 'S'}}), SeatMapModel::Delta::Applied);
        QVERIFY(!view.selection().contains(free));
    }

    void view_fitsOnFirstShowAndFollowsResizesUntilTheUserMoves()
    {
        // The layout arrives before the window has its size (as in the booking window).
        SeatMapModel model;
        SeatMapView view(&model);
        model.setLayout(m_layout);
        model.setStatus(m_status);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto venueOnScreen = [&] {
            const QRectF b = model.bounds();
            return QRectF(QPointF(b.left() * view.scale(), b.top() * view.scale()),
                          QSizeF(b.width() * view.scale(), b.height() * view.scale()));
        };
        auto fillsTheView = [&] {
            const QRectF v = venueOnScreen();
            return v.width() >= 0.85 * view.width() || v.height() >= 0.8 * view.height();
        };
        QVERIFY(view.isFitted());
        QVERIFY2(fillsTheView(), qPrintable(QString::number(view.scale())));
        view.resize(700, 500);
        QTRY_VERIFY(fillsTheView() && venueOnScreen().width() <= view.width());
        // Once the user zooms, a resize keeps the user's view.
        view.zoomBy(2.0, QPointF(350, 250));
        const double zoomed = view.scale();
        QVERIFY(!view.isFitted());
        view.resize(900, 600);
        QTRY_COMPARE(view.width(), 900);
        QCOMPARE(view.scale(), zoomed);
        // Home (or the fit button) fits again and follows again.
        QTest::mouseClick(view.findChild<QToolButton *>(u"fitButton"_s), Qt::LeftButton);
        QVERIFY(view.isFitted());
        QVERIFY(fillsTheView());
    }

    void view_onScreenZoomButtons_touchSized()
    {
        SeatMapModel model;
        loadStadium(model);
        SeatMapView view(&model);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (const char *name : {"zoomInButton", "zoomOutButton", "fitButton"}) {
            auto *b = view.findChild<QToolButton *>(QLatin1String(name));
            QVERIFY2(b && b->isVisible(), name);
            QVERIFY(b->width() >= 44 && b->height() >= 44);
            QVERIFY(view.rect().contains(b->geometry()));
        }
        const double fitted = view.scale();
        QTest::mouseClick(view.findChild<QToolButton *>(u"zoomInButton"_s), Qt::LeftButton);
        QVERIFY(view.scale() > fitted);
        QTest::mouseClick(view.findChild<QToolButton *>(u"zoomOutButton"_s), Qt::LeftButton);
        QCOMPARE(qRound(view.scale() * 1000), qRound(fitted * 1000));
    }

    void view_tapOnASection_opensItCentredAtTouchSize()
    {
        SeatMapModel model;
        loadStadium(model);
        SeatMapView view(&model);
        view.setMinimumTapSize(32);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.showsSeats());
        // A section's centre, tapped (found through one of its seats).
        const int tapped = 5;
        int anySeat = -1;
        for (int i = 0; i < model.seatCount() && anySeat < 0; ++i)
            if (model.sectionOf(i) == tapped)
                anySeat = i;
        QVERIFY(anySeat >= 0);
        const QRectF b = model.sections().at(tapped).bounds;
        const Seat &seat = m_layout.seats[anySeat];
        auto sectionCentre = [&] { return view.seatPosition(anySeat) + (b.center() - QPointF(seat.x, seat.y)) * view.scale(); };
        QCOMPARE(view.sectionAt(sectionCentre()), tapped);
        QTest::mouseClick(&view, Qt::LeftButton, {}, sectionCentre().toPoint());
        QVERIFY(view.showsSeats());
        QVERIFY2(view.tapSize() >= 32, qPrintable(QString::number(view.tapSize())));
        // The section is centred.
        QVERIFY(qAbs(sectionCentre().x() - view.width() / 2.0) < 2);
        QVERIFY(qAbs(sectionCentre().y() - view.height() / 2.0) < 2);
        screenshot(view, u"seatmap-section-touch.png"_s);
    }

    void view_heldSeatsOffScreen_areBroughtIntoView()
    {
        SeatMapModel model;
        loadStadium(model);
        SeatMapView view(&model);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Zoomed into one corner; the held seats are far away.
        view.zoomBy(20, QPointF(10, 10));
        const int far = m_layout.seats.size() - 5;
        const QList<int> held{far, far + 1};
        QVERIFY(!QRectF(view.rect()).contains(view.seatPosition(far)));
        view.setHeld(held);
        view.ensureVisible(held);
        QCOMPARE(view.held(), held);
        QVERIFY(view.showsSeats());
        for (int s : held)
            QVERIFY(QRectF(view.rect()).contains(view.seatPosition(s)));
    }

    void view_aPickedSeatTakenByOthers_isReported()
    {
        SeatMapModel model;
        loadStadium(model);
        SeatMapView view(&model);
        const int free = int(m_status.status.indexOf('A'));
        view.select({free});
        QSignalSpy lost(&view, &SeatMapView::selectionLost);
        QCOMPARE(model.applyDelta(m_status.version + 1, {{free, 'H'}}), SeatMapModel::Delta::Applied);
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost.first().first().value<QList<int>>(), QList<int>{free});
    }

    void model_tiersRowsBlocksAndNames()
    {
        SeatMapModel model;
        model.setLayout(m_layout);
        model.setStatus(m_status);
        // What is left per tier, kept by deltas.
        const QList<int> left = model.availableByTier();
        QCOMPARE(left.size(), m_layout.tiers.size());
        QCOMPARE(std::accumulate(left.begin(), left.end(), 0), int(m_status.status.count('A')));
        const int free = int(m_status.status.indexOf('A'));
        const int tier = model.tierIndex(free);
        QCOMPARE(model.applyDelta(m_status.version + 1, {{free, 'S'}}), SeatMapModel::Delta::Applied);
        QCOMPARE(model.availableByTier().at(tier), left.at(tier) - 1);

        // A row's seats in number order; a name people read.
        const int row = model.rowOf(free);
        QVERIFY(row >= 0);
        const QList<int> seats = model.rows().at(row).seats;
        for (qsizetype i = 1; i < seats.size(); ++i)
            QVERIFY(m_layout.seats[seats[i]].number > m_layout.seats[seats[i - 1]].number);
        const Seat &a = m_layout.seats[seats[3]];
        const QString section = model.sections().at(model.sectionOf(seats[3])).name;
        QCOMPARE(model.describe(QList<int>{seats[3]}), section + u" · Row "_s + a.row + u" · Seat "_s + QString::number(a.number));
        QCOMPARE(model.describe(QList<int>{seats[5], seats[3], seats[4]}),
                 section + u" · Row "_s + a.row + u" · Seats "_s + QString::number(a.number) + u'\u2013'
                     + QString::number(a.number + 2));
        QCOMPARE(model.describe(QStringList{a.id}), model.describe(QList<int>{seats[3]}));

        // The nearest block of three free adjacent seats of the tier, in one row.
        const QList<int> group{seats[3], seats[4], seats[5]};
        const QList<int> block = model.nearestBlock(group, 3);
        QCOMPARE(block.size(), 3);
        for (qsizetype i = 0; i < block.size(); ++i) {
            QCOMPARE(model.letter(block[i]), 'A');
            QCOMPARE(model.tierIndex(block[i]), model.tierIndex(group.first()));
            QCOMPARE(model.rowOf(block[i]), model.rowOf(block[0]));
            if (i > 0)
                QCOMPARE(m_layout.seats[block[i]].number, m_layout.seats[block[i - 1]].number + 1);
        }
        // No block that large anywhere: empty, never fewer seats.
        QVERIFY(model.nearestBlock(group, 100000).isEmpty());
    }
};

QTEST_MAIN(TestSeatMapView)
#include "tst_seatmapview.moc"
