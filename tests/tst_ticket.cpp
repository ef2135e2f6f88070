// The ticket: each seat's QR code holds its ticket's secret (an order from before
// tickets: the order and the seat), checked module by module against the QR standard's
// fixed patterns and sizes; only valid tickets are printed; the PDF is written, or
// refused with a reason.
#include "ui/ticketdocument.h"

#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <QTest>

using namespace BoxOffice;
using namespace Qt::StringLiterals;

namespace {

Order order(int seats)
{
    Order o;
    o.orderId = u"o-0123456789abcdef0123456789abcdef"_s;
    o.performanceId = u"hangang-stadium-p1"_s;
    for (int i = 0; i < seats; ++i)
        o.seats << u"F%1-12-%2"_s.arg(i % 7).arg(i + 1);
    o.total = {99000LL * seats, u"KRW"_s};
    o.purchasedAt = QDateTime(QDate(2026, 11, 24), QTime(18, 0), Qt::UTC);
    return o;
}

// The 7×7 finder pattern at (x, y): a dark ring, a light ring, a 3×3 dark centre.
bool finderAt(const QrCode &code, int x0, int y0)
{
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (code.dark(x0 + x, y0 + y) != (ring || centre))
                return false;
        }
    return true;
}

} // namespace

class TestTicket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void payload_namesTheOrderAndItsSeats()
    {
        const TicketDocument ticket({order(2), u"Aurora"_s, u"Hangang Stadium"_s, {}});
        QCOMPARE(ticket.payload(),
                 QByteArray("BOXOFFICE1|o-0123456789abcdef0123456789abcdef|hangang-stadium-p1|F0-12-1,F1-12-2"));
    }

    void qrCode_isAValidSymbolThatGrowsWithTheOrder()
    {
        const QrCode small = TicketDocument::encode(TicketDocument({order(1), {}, {}, {}}).payload());
        const QrCode large = TicketDocument::encode(TicketDocument({order(40), {}, {}, {}}).payload());
        for (const QrCode &code : {small, large}) {
            QVERIFY(!code.isNull());
            QCOMPARE((code.size - 21) % 4, 0);  // versions are 21 + 4(v − 1) modules
            QVERIFY(finderAt(code, 0, 0));
            QVERIFY(finderAt(code, code.size - 7, 0));
            QVERIFY(finderAt(code, 0, code.size - 7));
            QVERIFY(!finderAt(code, code.size - 7, code.size - 7));  // no fourth corner
            // Timing pattern: alternating modules on row 6 between the finders.
            for (int x = 8; x < code.size - 8; ++x)
                QCOMPARE(code.dark(x, 6), x % 2 == 0);
        }
        QVERIFY(large.size > small.size);
        // Different orders, different symbols.
        Order other = order(1);
        other.orderId = u"o-ffffffffffffffffffffffffffffffff"_s;
        QVERIFY(TicketDocument::encode(TicketDocument({other, {}, {}, {}}).payload()).modules != small.modules);
    }

    void qrImage_hasAQuietZone()
    {
        const TicketDocument ticket({order(2), {}, {}, {}});
        const QImage image = ticket.qrImage(3);
        const int size = TicketDocument::encode(ticket.payload()).size;
        QCOMPARE(image.width(), (size + 8) * 3);
        for (int i = 0; i < image.width(); ++i)
            QCOMPARE(image.pixelColor(i, 0), QColor(Qt::white));
        QCOMPARE(image.pixelColor(4 * 3, 4 * 3), QColor(Qt::black));  // the finder's corner
    }

    void oneTicketPerSeat_eachWithItsOwnCode()
    {
        TicketDocument ticket({order(6),
                               u"AURORA World Tour: Neon Tides — the Encore Night with Special Guests and a Very Long "
                               "Title That Must Wrap"_s,
                               u"Hangang Stadium"_s, QDateTime(QDate(2027, 1, 9), QTime(10, 0), Qt::UTC)});
        ticket.setTimeZone(u"Asia/Seoul"_s);
        QStringList names;
        for (int i = 0; i < 6; ++i)
            names << u"Lower 10%1 · Row 12 · Seat %2"_s.arg(i % 7).arg(i + 1);
        ticket.setSeatNames(names);
        QCOMPARE(ticket.ticketCount(), 6);
        QCOMPARE(ticket.pageCount(), 3);
        QSet<QByteArray> payloads;
        for (int i = 0; i < 6; ++i) {
            QVERIFY(ticket.seatPayload(i).endsWith(order(6).seats[i].toUtf8()));
            payloads.insert(ticket.seatPayload(i));
        }
        QCOMPARE(payloads.size(), 6);

        // Three pages in the PDF, one ticket block per seat.
        QTemporaryDir dir;
        const QString file = dir.filePath(u"six.pdf"_s);
        QVERIFY(ticket.writePdf(file));
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page/")
                     + bytes.count("/Type /Page "),
                 3);

        // Each page as a picture: two tickets on a full page, ink in both halves; the
        // last page of an odd count has one.
        const QString shots = qEnvironmentVariable("BOXOFFICE_SCREENSHOTS");
        for (int page = 0; page < ticket.pageCount(); ++page) {
            const QImage image = ticket.renderPage(page, 840);
            auto inkIn = [&image](int top, int bottom) {
                int dark = 0;
                for (int y = top; y < bottom; y += 3)
                    for (int x = 0; x < image.width(); x += 3)
                        dark += qGray(image.pixel(x, y)) < 128;
                return dark;
            };
            QVERIFY(inkIn(0, image.height() / 2) > 1000);
            QVERIFY(inkIn(image.height() / 2, image.height()) > 1000);
            if (!shots.isEmpty())
                image.save(shots + u"/ticket-page%1.png"_s.arg(page + 1));
        }
    }

    void tickets_eachCodeIsItsTicketsSecret_onlyValidOnesPrinted()
    {
        Order o = order(4);
        o.code = u"7K3M9Q2X"_s;
        const QStringList states{u"valid"_s, u"refunded"_s, u"valid"_s, u"used"_s};
        for (int i = 0; i < 4; ++i)
            o.tickets << Ticket{o.seats[i], u"Section 10%1 · Row 12 · Seat %2"_s.arg(i).arg(i + 1), {99000, u"KRW"_s},
                                states[i], u"secret-%1-abcdefghijklmnopqrstuv"_s.arg(i)};
        // Listed in another order than the seats: matched by seat id.
        std::reverse(o.tickets.begin(), o.tickets.end());
        const TicketDocument ticket({o, u"Aurora"_s, u"Hangang Stadium"_s, {}});
        QCOMPARE(ticket.ticketCount(), 2);  // refunded and used tickets let nobody in
        QCOMPARE(ticket.pageCount(), 1);
        QCOMPARE(ticket.seatId(0), o.seats[0]);
        QCOMPARE(ticket.seatId(1), o.seats[2]);
        QCOMPARE(ticket.seatPayload(0), QByteArray("secret-0-abcdefghijklmnopqrstuv"));
        QCOMPARE(ticket.seatPayload(1), QByteArray("secret-2-abcdefghijklmnopqrstuv"));
        // The code on the ticket is exactly that secret's symbol.
        QCOMPARE(TicketDocument::encode(ticket.seatPayload(1)).modules,
                 TicketDocument::encode("secret-2-abcdefghijklmnopqrstuv").modules);
        // On screen: both codes side by side, each over its seat.
        const QImage codes = ticket.codesImage(4, 4);
        QVERIFY(!codes.isNull());
        QVERIFY(codes.width() > codes.height());
        // Nothing valid: nothing to print, said so.
        for (Ticket &t : o.tickets)
            t.state = u"refunded"_s;
        const TicketDocument none({o, {}, {}, {}});
        QCOMPARE(none.ticketCount(), 0);
        QTemporaryDir dir;
        QString error;
        QVERIFY(!none.writePdf(dir.filePath(u"none.pdf"_s), &error));
        QVERIFY(!error.isEmpty());
    }

    void pdf_isWrittenOrRefusedWithAReason()
    {
        QTemporaryDir dir;
        const TicketDocument ticket({order(4), u"Lumen: Seoul Live 2027"_s, u"Hangang Stadium"_s,
                                     QDateTime(QDate(2027, 1, 9), QTime(19, 0), Qt::UTC)});
        const QString file = dir.filePath(u"t.pdf"_s);
        QString error;
        QVERIFY2(ticket.writePdf(file, &error), qPrintable(error));
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("/Type /Page"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));

        QVERIFY(!ticket.writePdf(dir.filePath(u"no/such/dir/t.pdf"_s), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestTicket)
#include "tst_ticket.moc"
