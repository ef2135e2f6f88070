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
        model.setLayout(m_layout);
        model.setStatus(m_status);
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
};

QTEST_MAIN(TestSeatMapView)
#include "tst_seatmapview.moc"
