// Orders, tickets and refunds in the client, offscreen, against a real server (its staff
// key is the bootstrap admin that makes a manager and a clerk): a counter sale with a
// customer (sent with the purchase, on the confirmation); Staff → Orders… finding it as
// one types (part of the name, the code; one search per pause in typing), the detail
// with its tickets; reissue (asked first) giving new secrets that the printed tickets
// carry; a manager's refund of one seat (the amount confirmed before it goes; the seat
// back on sale); a clerk without Refund; "My orders" after the app starts again; the
// tickets' PDF (one ticket per valid seat, each QR code its ticket's secret).
// BOXOFFICE_SCREENSHOTS=DIR saves the windows.
#include "testsupport.h"
#include "uitestsupport.h"

#include "app/apiclient.h"
#include "app/bookingcontroller.h"
#include "app/boxofficeapp.h"
#include "app/myorderscontroller.h"
#include "app/myordersstore.h"
#include "app/orderscontroller.h"
#include "app/signincontroller.h"
#include "domain/venuetime.h"
#include "models/orderlistmodel.h"
#include "models/seatmapmodel.h"
#include "ui/bookingwindow.h"
#include "ui/mainwindow.h"
#include "ui/orderdetailwidget.h"
#include "ui/ordersview.h"
#include "ui/refunddialog.h"
#include "ui/seatmapview.h"
#include "ui/signindialog.h"
#include "ui/ticketdocument.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace BoxOffice;
using namespace BoxOffice::Test;
using namespace Qt::StringLiterals;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers Key{{"Authorization", "Bearer test-staff-key"}, {"Content-Type", "application/json"}};
const QString ConcertId = u"indie-bloom"_s;
const QString PerformanceId = u"indie-bloom-p1"_s;

QString translated(const char *context, const char *text, int n = -1)
{
    return QCoreApplication::translate(context, text, nullptr, n);
}

} // namespace

class TestOrdersWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QNetworkAccessManager m_network;
    QTemporaryDir m_data;
    int m_names = 0;

    void addAccount(const QString &login, const QString &name, const QString &role, const QString &pin)
    {
        QCOMPARE(addStaffAccount(m_network, *m_server, Key, login, name, role, pin).status, 201);
    }

    // The order as the server has it now (staff read).
    QJsonObject serverOrder(const QString &idOrCode)
    {
        return http(m_network, "GET", m_server->at(u"/api/v1/orders/"_s + idOrCode), {}, Key).json().toObject();
    }

    // A client of its own (its own client.ini in `data`), signed in with `key` if given.
    std::unique_ptr<BoxOfficeApp> startApp(const QString &key, QTemporaryDir &data)
    {
        auto app = std::make_unique<BoxOfficeApp>(ClientOptions{m_server->url, data.path(), key});
        QSignalSpy loaded(app.get(), &BoxOfficeApp::concertsLoaded);
        app->start();
        [&] { QVERIFY(loaded.wait(10000)); }();
        if (!key.isEmpty())
            [&] { QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000); }();
        return app;
    }

    static void signIn(BoxOfficeApp *app, const QString &login, const QString &pin)
    {
        app->signIn();
        SignInDialog *dialog = app->staffSignIn()->dialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 5000);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"loginEdit"_s), login);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"pinEdit"_s), pin);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(app->staffSignIn()->isSignedIn(), 10000);
    }

    // A name no other test used: searches find this test's order only.
    QString uniqueName(const QString &given) { return given + u" Zelkova"_s + QString::number(++m_names); }

    // A counter sale of `count` free seats through the booking window, with the customer
    // typed into its fields; the order as the window got it.
    std::optional<Order> counterSale(BoxOfficeApp *app, int count, const Customer &customer,
                                     QList<int> *seatIndexes = nullptr)
    {
        app->book(ConcertId, PerformanceId, u"Indie Bloom"_s, true);
        BookingController *sale = app->booking();
        [&] {
            QVERIFY(sale);
            QTRY_COMPARE_WITH_TIMEOUT(sale->window()->page(), BookingWindow::Page::Seats, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(sale->seats()->hasStatus(), 10000);
        }();
        if (QTest::currentTestFailed())
            return std::nullopt;
        BookingWindow *window = sale->window();
        QList<int> picked;
        for (int i = 0; i < sale->seats()->seatCount() && picked.size() < count; ++i)
            if (sale->seats()->letter(i) == 'A')
                picked << i;
        window->seatMap()->select(picked);
        QTest::mouseClick(window->findChild<QPushButton *>(u"holdButton"_s), Qt::LeftButton);
        auto *buy = window->findChild<QPushButton *>(u"buyButton"_s);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(buy->isEnabled(), 10000);
            QVERIFY(window->findChild<QWidget *>(u"customerBox"_s)->isVisibleTo(window));
        }();
        QTest::keyClicks(window->findChild<QLineEdit *>(u"customerName"_s), customer.name);
        QTest::keyClicks(window->findChild<QLineEdit *>(u"customerPhone"_s), customer.phone);
        QTest::keyClicks(window->findChild<QLineEdit *>(u"customerEmail"_s), customer.email);
        QTest::mouseClick(buy, Qt::LeftButton);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(window->page(), BookingWindow::Page::Done, 10000); }();
        if (seatIndexes)
            *seatIndexes = picked;
        return sale->order();
    }

    // Staff → Orders…, searching for `text` as typed; the controller once the answer is in.
    static OrdersController *openOrders(BoxOfficeApp *app, const QString &text)
    {
        app->window()->findChild<QAction *>(u"ordersAction"_s)->trigger();
        OrdersController *orders = app->orders();
        [&] {
            QVERIFY(orders);
            QTRY_VERIFY_WITH_TIMEOUT(orders->view()->isVisible(), 5000);
        }();
        if (!orders)
            return nullptr;
        QSignalSpy searched(orders, &OrdersController::searched);
        auto *field = orders->view()->findChild<QLineEdit *>(u"orderSearch"_s);
        field->clear();
        QTest::keyClicks(field, text);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!searched.isEmpty(), 10000); }();
        // Typing that comes faster than the pause: one search for it all (and maybe the
        // first read of the window, if it came back after the typing began).
        [&] { QVERIFY2(searched.size() <= 1, qPrintable(QString::number(searched.size()))); }();
        return orders;
    }

    static void choose(OrdersController *orders, const QString &orderId)
    {
        QSignalSpy shown(orders, &OrdersController::orderShown);
        orders->view()->selectOrder(orderId);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 10000);
        QCOMPARE(orders->view()->detail()->order()->orderId, orderId);
    }

    // The question a window asks (No by default), answered Yes; its text.
    static QString answerYes(QWidget *parent, const QString &objectName)
    {
        QPointer<QMessageBox> box;
        QString text;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT((box = parent->findChild<QMessageBox *>(objectName)) && box->isVisible(), 5000);
            QCOMPARE(box->standardButton(box->defaultButton()), QMessageBox::No);
            text = box->text();
            QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!box || !box->isVisible(), 5000);
        }();
        return text;
    }

    static QStringList ticketStates(OrderDetailWidget *detail)
    {
        QStringList states;
        auto *list = detail->findChild<QTreeWidget *>(u"ticketList"_s);
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            states << list->topLevelItem(i)->data(2, Qt::UserRole).toString();
        return states;
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTestLanguage();
        QStandardPaths::setTestModeEnabled(true);
        m_server = TestServer::start(u"sqlite"_s);
        QVERIFY2(m_server->error.isEmpty(), qPrintable(m_server->error));
        addAccount(u"mgr"_s, u"Park Manager"_s, u"manager"_s, u"24680"_s);
        addAccount(u"clerk"_s, u"Jung Clerk"_s, u"clerk"_s, u"13579"_s);
    }

    void counterSale_customer_goesWithTheOrderAndOnTheConfirmation()
    {
        QTemporaryDir data;
        auto app = startApp(u"test-staff-key"_s, data);
        const Customer customer{uniqueName(u"Hong Gildong"_s), u"010-2345-6789"_s, u"gildong@example.com"_s};
        const auto order = counterSale(app.get(), 2, customer);
        QVERIFY(order);
        QCOMPARE(order->code.size(), 8);
        QCOMPARE(order->tickets.size(), 2);
        // The server keeps the customer with the order.
        const QJsonObject saved = serverOrder(order->orderId);
        QCOMPARE(saved[u"customer"_s][u"name"_s].toString(), customer.name);
        QCOMPARE(saved[u"customer"_s][u"phone"_s].toString(), customer.phone);
        QCOMPARE(saved[u"customer"_s][u"email"_s].toString(), customer.email);
        // The confirmation names the order by its code, and the customer.
        BookingWindow *window = app->booking()->window();
        const QString text = window->findChild<QLabel *>(u"orderText"_s)->text();
        QVERIFY2(text.contains(order->code), qPrintable(text));
        QVERIFY2(text.contains(customer.name) && text.contains(customer.phone), qPrintable(text));
        QVERIFY(!window->findChild<QLabel *>(u"orderQr"_s)->pixmap().isNull());
        screenshot(window, u"counter-sale-customer"_s);
        // The next sale starts with empty fields.
        QTest::mouseClick(window->findChild<QPushButton *>(u"newSaleButton"_s), Qt::LeftButton);
        QVERIFY(window->findChild<QLineEdit *>(u"customerName"_s)->text().isEmpty());
        QVERIFY(window->customer().isEmpty());
    }

    void ordersWindow_findsTheOrderByPartOfTheNameAndByItsCode()
    {
        QTemporaryDir data;
        auto app = startApp(u"test-staff-key"_s, data);
        const QString name = uniqueName(u"Seo Yuna"_s);
        const auto order = counterSale(app.get(), 2, {name, u"010-5555-0101"_s, {}});
        QVERIFY(order);
        app->booking()->window()->close();

        // Part of the name, as typed.
        OrdersController *orders = openOrders(app.get(), name.mid(4));  // "Yuna Zelkova…"
        QVERIFY(orders);
        QAbstractItemModelTester tester(orders->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        OrderListModel *model = orders->model();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->orders().first().orderId, order->orderId);
        const QModelIndex row = model->index(0, 0);
        QCOMPARE(row.siblingAtColumn(OrderListModel::CodeColumn).data().toString(), order->code);
        QCOMPARE(row.siblingAtColumn(OrderListModel::CustomerColumn).data().toString(), name);
        QCOMPARE(row.siblingAtColumn(OrderListModel::SeatsColumn).data(OrderListModel::SortRole).toInt(), 2);
        QCOMPARE(row.siblingAtColumn(OrderListModel::TotalColumn).data().toString(), OrderListModel::moneyText(order->total));
        QCOMPARE(row.siblingAtColumn(OrderListModel::StatusColumn).data().toString(), OrderListModel::statusText(u"paid"_s));
        // The time in the venue's zone, in the locale's format.
        QString zone;
        for (const auto &c : app->concerts()->concerts())
            if (c.id == ConcertId)
                zone = c.venue.timeZone;
        QVERIFY(!zone.isEmpty());
        QCOMPARE(row.siblingAtColumn(OrderListModel::TimeColumn).data().toString(),
                 QLocale().toString(inVenueZone(order->purchasedAt, zone), QLocale::ShortFormat));

        // The detail: every ticket, valid.
        choose(orders, order->orderId);
        OrderDetailWidget *detail = orders->view()->detail();
        QCOMPARE(ticketStates(detail), (QStringList{u"valid"_s, u"valid"_s}));
        auto *list = detail->findChild<QTreeWidget *>(u"ticketList"_s);
        QCOMPARE(list->topLevelItem(0)->text(2), OrderListModel::ticketStateText(u"valid"_s));
        QVERIFY(list->topLevelItem(0)->text(0).contains(u" · "_s));  // the seat as people read it
        QVERIFY(detail->findChild<QLabel *>(u"orderSummary"_s)->text().contains(name));
        QVERIFY(detail->findChild<QPushButton *>(u"refundButton"_s)->isVisibleTo(detail));  // the staff key is an admin
        screenshot(orders->view(), u"orders-window"_s);

        // By its code: typed in small letters, found all the same.
        QSignalSpy searched(orders, &OrdersController::searched);
        auto *field = orders->view()->findChild<QLineEdit *>(u"orderSearch"_s);
        field->clear();
        QTest::keyClicks(field, order->code.toLower());
        QTRY_VERIFY_WITH_TIMEOUT(!searched.isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        QCOMPARE(model->orders().first().orderId, order->orderId);
        // Two characters of a name find nothing (the server's trigrams): said so.
        field->clear();
        QTest::keyClicks(field, u"Zq"_s);
        QTRY_COMPARE_WITH_TIMEOUT(orders->view()->findChild<QLabel *>(u"ordersMessage"_s)->text(),
                                  translated("BoxOffice::OrdersController",
                                             "No order matches. Parts of names, phones and e-mails are found from 3 "
                                             "characters on."),
                                  10000);
        // A search for nothing that exists says so.
        field->clear();
        QTest::keyClicks(field, u"no such customer anywhere"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(orders->view()->findChild<QLabel *>(u"ordersMessage"_s)->text(),
                                  translated("BoxOffice::OrdersController", "No order matches."), 10000);
    }

    void reissue_asksFirst_thenEveryValidTicketHasANewSecret()
    {
        QTemporaryDir data;
        auto app = startApp(u"test-staff-key"_s, data);
        const QString name = uniqueName(u"Kang Reissue"_s);
        const auto order = counterSale(app.get(), 3, {name, {}, {}});
        QVERIFY(order);
        app->booking()->window()->close();
        OrdersController *orders = openOrders(app.get(), order->code);
        QVERIFY(orders);
        QTRY_COMPARE_WITH_TIMEOUT(orders->model()->rowCount(), 1, 10000);
        choose(orders, order->orderId);
        OrderDetailWidget *detail = orders->view()->detail();
        QStringList before;
        const Order shown = *detail->order();
        for (const Ticket &t : shown.tickets)
            before << t.secret;
        QCOMPARE(before.size(), 3);

        // Asked first; No does nothing.
        QSignalSpy reissued(orders, &OrdersController::reissued);
        QTest::mouseClick(detail->findChild<QPushButton *>(u"reissueButton"_s), Qt::LeftButton);
        QPointer<QMessageBox> box;
        QTRY_VERIFY_WITH_TIMEOUT((box = detail->findChild<QMessageBox *>(u"reissueConfirmation"_s)) && box->isVisible(), 5000);
        QVERIFY(box->text().contains(order->code));
        QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!box, 5000);
        QCOMPARE(reissued.size(), 0);
        QCOMPARE(serverOrder(order->orderId)[u"tickets"_s][0][u"secret"_s].toString(), before[0]);

        QTest::mouseClick(detail->findChild<QPushButton *>(u"reissueButton"_s), Qt::LeftButton);
        answerYes(detail, u"reissueConfirmation"_s);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_COMPARE_WITH_TIMEOUT(reissued.size(), 1, 10000);
        const Order fresh = *detail->order();
        QCOMPARE(fresh.tickets.size(), 3);
        for (const Ticket &t : fresh.tickets) {
            QCOMPARE(t.state, u"valid"_s);
            QVERIFY(!before.contains(t.secret));
            QVERIFY(t.secret.size() >= 22);  // ≥ 128 bits
        }
        // As the server has it.
        const QJsonArray served = serverOrder(order->orderId)[u"tickets"_s].toArray();
        QCOMPARE(served.size(), 3);
        for (const QJsonValue &t : served)
            QCOMPARE(fresh.ticketFor(t[u"seatId"_s].toString())->secret, t[u"secret"_s].toString());
        // An old code no longer opens the door.
        const HttpResult old = http(m_network, "POST", m_server->at(u"/api/v1/admin/checkins"_s),
                                    QJsonDocument(QJsonObject{{u"secret"_s, before[0]}, {u"performanceId"_s, PerformanceId}})
                                        .toJson(QJsonDocument::Compact),
                                    Key);
        QCOMPARE(old.status, 409);

        // The new tickets print: each QR code is its ticket's new secret, one ticket a seat.
        const TicketDocument tickets = orders->tickets(fresh);
        QCOMPARE(tickets.ticketCount(), 3);
        for (int i = 0; i < tickets.ticketCount(); ++i)
            QCOMPARE(tickets.seatPayload(i), fresh.ticketFor(tickets.seatId(i))->secret.toUtf8());
        const QString pdf = data.filePath(u"reissued.pdf"_s);
        QSignalSpy saved(orders, &OrdersController::ticketSaved);
        orders->saveTickets(order->orderId, pdf);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().at(1).toBool(), true);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page/")
                     + bytes.count("/Type /Page "),
                 2);  // three tickets, two to a page
    }

    void refund_asManager_confirmsTheAmount_andTheSeatIsOnSaleAgain()
    {
        QTemporaryDir data;
        auto app = startApp({}, data);
        signIn(app.get(), u"mgr"_s, u"24680"_s);
        QVERIFY(!QTest::currentTestFailed());
        const QString name = uniqueName(u"Lim Refund"_s);
        QList<int> seats;
        const auto order = counterSale(app.get(), 2, {name, {}, u"refund@example.com"_s}, &seats);
        QVERIFY(order);
        QCOMPARE(order->seats.size(), 2);
        app->booking()->window()->close();
        QByteArray letters = StaffView{m_network, *m_server}.seatLetters(PerformanceId);
        QCOMPARE(letters.at(seats[0]), 'S');
        QCOMPARE(letters.at(seats[1]), 'S');

        OrdersController *orders = openOrders(app.get(), u"refund@exam"_s);
        QVERIFY(orders);
        QTRY_COMPARE_WITH_TIMEOUT(orders->model()->rowCount(), 1, 10000);
        choose(orders, order->orderId);
        OrderDetailWidget *detail = orders->view()->detail();
        auto *refundButton = detail->findChild<QPushButton *>(u"refundButton"_s);
        QVERIFY(refundButton->isVisibleTo(detail));
        QVERIFY(refundButton->isEnabled());
        QTest::mouseClick(refundButton, Qt::LeftButton);
        QPointer<RefundDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = detail->findChild<RefundDialog *>()) && dialog->isVisible(), 5000);

        // Every seat at first; then only the first one.
        auto *list = dialog->findChild<QListWidget *>(u"refundSeats"_s);
        QCOMPARE(list->count(), 2);
        QCOMPARE(dialog->chosenSeats(), order->seats);
        const Money both = dialog->amount();
        QCOMPARE(both.amount, order->total.amount);
        const QString firstSeat = list->item(0)->data(Qt::UserRole).toString();
        list->item(1)->setCheckState(Qt::Unchecked);
        const Money price = order->ticketFor(firstSeat)->price;
        QCOMPARE(dialog->amount(), price);
        const QString amountLabel = dialog->findChild<QLabel *>(u"refundAmount"_s)->text();
        QVERIFY2(amountLabel.contains(OrderListModel::moneyText(price)), qPrintable(amountLabel));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"refundReason"_s), u"Cannot come: ill"_s);
        QVERIFY(dialog->findChild<QRadioButton *>(u"releaseAvailable"_s)->isChecked());
        QCOMPARE(dialog->request(), (RefundRequest{{firstSeat}, u"Cannot come: ill"_s, u"available"_s}));
        screenshot(dialog, u"refund-dialog"_s);

        // Refund… asks, naming the amount; only Yes sends it.
        QSignalSpy refunded(orders, &OrdersController::refunded);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"confirmRefundButton"_s), Qt::LeftButton);
        const QString question = answerYes(dialog, u"refundConfirmation"_s);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY2(question.contains(OrderListModel::moneyText(price)), qPrintable(question));
        QVERIFY2(question.contains(order->code), qPrintable(question));
        QTRY_COMPARE_WITH_TIMEOUT(refunded.size(), 1, 10000);
        const Refund refund = refunded.first().first().value<Refund>();
        QCOMPARE(refund.seats, QStringList{firstSeat});
        QCOMPARE(refund.amount, price);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 5000);

        // The seat is on sale again; the other is still sold.
        letters = StaffView{m_network, *m_server}.seatLetters(PerformanceId);
        const int refundedIndex = seats[order->seats.indexOf(firstSeat)];
        const int keptIndex = seats[1 - order->seats.indexOf(firstSeat)];
        QCOMPARE(letters.at(refundedIndex), 'A');
        QCOMPARE(letters.at(keptIndex), 'S');
        // The detail follows: one ticket refunded, the order partly refunded.
        QTRY_VERIFY_WITH_TIMEOUT(detail->order() && detail->order()->status == u"partially_refunded", 10000);
        QCOMPARE(detail->order()->ticketFor(firstSeat)->state, u"refunded"_s);
        QVERIFY(ticketStates(detail).contains(u"refunded"_s));
        QVERIFY(ticketStates(detail).contains(u"valid"_s));
        QVERIFY(detail->findChild<QLabel *>(u"orderRefunds"_s)->text().contains(u"Cannot come: ill"_s));
        const int row = orders->model()->rowOf(order->orderId);
        QCOMPARE(orders->model()->index(row, OrderListModel::StatusColumn).data().toString(),
                 OrderListModel::statusText(u"partially_refunded"_s));
        screenshot(orders->view(), u"orders-refunded"_s);
        // Printed again: only the valid ticket.
        QCOMPARE(orders->tickets(*detail->order()).ticketCount(), 1);
        // The refund dialog offers only what is left.
        QTest::mouseClick(refundButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT((dialog = detail->findChild<RefundDialog *>()) && dialog->isVisible(), 5000);
        QCOMPARE(dialog->chosenSeats(), QStringList{order->seats[1 - order->seats.indexOf(firstSeat)]});
        dialog->reject();
    }

    void clerk_seesNoRefund()
    {
        QTemporaryDir data;
        auto app = startApp({}, data);
        signIn(app.get(), u"clerk"_s, u"13579"_s);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(app->window()->findChild<QAction *>(u"ordersAction"_s)->isVisible());
        const QString name = uniqueName(u"Clerk Sale"_s);
        const auto order = counterSale(app.get(), 1, {name, {}, {}});
        QVERIFY(order);
        app->booking()->window()->close();
        OrdersController *orders = openOrders(app.get(), name);
        QVERIFY(orders);
        QTRY_COMPARE_WITH_TIMEOUT(orders->model()->rowCount(), 1, 10000);
        choose(orders, order->orderId);
        OrderDetailWidget *detail = orders->view()->detail();
        QVERIFY(!detail->findChild<QPushButton *>(u"refundButton"_s)->isVisibleTo(detail));
        QVERIFY(detail->findChild<QPushButton *>(u"reissueButton"_s)->isVisibleTo(detail));  // a clerk's
        QVERIFY(detail->findChild<QPushButton *>(u"printTicketsButton"_s)->isVisibleTo(detail));
        // Even if asked: nothing is sent.
        QSignalSpy refunded(orders, &OrdersController::refunded);
        QSignalSpy failed(orders, &OrdersController::failed);
        Q_EMIT detail->refundRequested(order->orderId, RefundRequest{{}, u"sneaky"_s, u"available"_s});
        QTest::qWait(0);
        QCOMPARE(refunded.size() + failed.size(), 0);
        QCOMPARE(serverOrder(order->orderId)[u"status"_s].toString(), u"paid"_s);
        // Signed out: the window closes.
        QPointer<OrdersView> view = orders->view();
        app->signOut();
        QVERIFY(!app->orders());
        QTRY_VERIFY_WITH_TIMEOUT(!view, 5000);
    }

    void myOrders_listsABuyersPurchase_afterTheAppStartsAgain()
    {
        QTemporaryDir data;
        QString orderId;
        {
            auto app = startApp({}, data);
            QVERIFY(app->window()->findChild<QAction *>(u"myOrdersAction"_s)->isVisible());
            app->book(ConcertId, PerformanceId, u"Indie Bloom"_s);
            BookingController *booking = app->booking();
            QVERIFY(booking);
            booking->setIntervals(std::chrono::milliseconds(50), std::chrono::milliseconds(100));
            QTRY_COMPARE_WITH_TIMEOUT(booking->window()->page(), BookingWindow::Page::Seats, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(booking->seats()->hasStatus(), 10000);
            QVERIFY(!booking->window()->findChild<QWidget *>(u"customerBox"_s)->isVisibleTo(booking->window()));
            QStringList two;
            for (int i = booking->seats()->seatCount() - 1; i >= 0 && two.size() < 2; --i)
                if (booking->seats()->letter(i) == 'A')
                    two << booking->seats()->layout().seats[i].id;
            Q_EMIT booking->window()->holdRequested(two);
            auto *buy = booking->window()->findChild<QPushButton *>(u"buyButton"_s);
            QTRY_VERIFY_WITH_TIMEOUT(buy->isEnabled(), 10000);
            QTest::mouseClick(buy, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(booking->window()->page(), BookingWindow::Page::Done, 10000);
            orderId = booking->order()->orderId;
            QCOMPARE(app->myOrdersStore()->entries().size(), 1);
            QCOMPARE(app->myOrdersStore()->entries().first().orderId, orderId);
            QCOMPARE(app->myOrdersStore()->entries().first().token, booking->token());
        }
        // Started again (the client.ini is the same): the order is there, read with its token.
        auto app = startApp({}, data);
        app->window()->findChild<QAction *>(u"myOrdersAction"_s)->trigger();
        MyOrdersController *mine = app->myOrders();
        QVERIFY(mine);
        QSignalSpy refreshed(mine, &MyOrdersController::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(mine->model()->rowCount() == 1, 10000);
        QCOMPARE(mine->model()->orders().first().orderId, orderId);
        const Order order = mine->model()->orders().first();
        QCOMPARE(order.tickets.size(), 2);
        QVERIFY(order.soldBy.isEmpty());  // bought online
        OrderDetailWidget *detail = mine->view()->detail();
        QTRY_VERIFY_WITH_TIMEOUT(detail->order() && detail->order()->orderId == orderId, 5000);
        QCOMPARE(ticketStates(detail), (QStringList{u"valid"_s, u"valid"_s}));
        // A buyer prints or saves; no refunds or reissues here.
        QVERIFY(!detail->findChild<QPushButton *>(u"refundButton"_s)->isVisibleTo(detail));
        QVERIFY(!detail->findChild<QPushButton *>(u"reissueButton"_s)->isVisibleTo(detail));
        QVERIFY(detail->findChild<QPushButton *>(u"saveTicketsButton"_s)->isVisibleTo(detail));
        QVERIFY(mine->view()->findChild<QTableView *>(u"orderTable"_s)->isColumnHidden(OrderListModel::CustomerColumn));
        // The tickets' codes on screen, to show at the door.
        QVERIFY(!detail->findChild<QLabel *>(u"ticketCodes"_s)->pixmap().isNull());
        QVERIFY(detail->findChild<QLabel *>(u"ticketCodes"_s)->isVisibleTo(detail));
        screenshot(mine->view(), u"my-orders"_s);
        const QString pdf = data.filePath(u"mine.pdf"_s);
        QSignalSpy saved(mine, &MyOrdersController::ticketSaved);
        mine->saveTickets(orderId, pdf);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().at(1).toBool(), true);
        QVERIFY(QFile(pdf).size() > 2000);
        const TicketDocument tickets = mine->tickets(order);
        QCOMPARE(tickets.ticketCount(), 2);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(tickets.seatPayload(i), order.ticketFor(tickets.seatId(i))->secret.toUtf8());

        // Another buyer's token cannot read it: the store keeps what is ours only.
        const QString stranger = http(m_network, "POST", m_server->at(u"/api/v1/concerts/indie-bloom/queue"_s),
                                      R"({"userId":"stranger"})").json()[u"token"_s].toString();
        QCOMPARE(http(m_network, "GET", m_server->at(u"/api/v1/orders/"_s + orderId), {},
                      {{"X-Queue-Token", stranger.toUtf8()}}).status,
                 403);
    }

    void kiosk_keepsNoOrders()
    {
        QTemporaryDir data;
        auto app = startApp({}, data);
        app->setKioskMode(true);
        app->window()->setKioskMode(true);
        QVERIFY(!app->window()->findChild<QAction *>(u"myOrdersAction"_s)->isVisible());
        app->showMyOrders();
        QVERIFY(!app->myOrders());
    }
};

QTEST_MAIN(TestOrdersWindow)
#include "tst_orderswindow.moc"
