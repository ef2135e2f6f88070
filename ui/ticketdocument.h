#pragma once

#include "domain/order.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QString>

class QPainter;
class QPagedPaintDevice;

namespace BoxOffice {

// A QR code: a square of modules, dark or light, row by row.
struct QrCode
{
    int size = 0;             // modules per side (21 for version 1, +4 per version)
    QList<bool> modules;      // size × size, true = dark
    bool dark(int x, int y) const { return modules.value(y * size + x); }
    bool isNull() const { return size == 0; }
};

// The tickets of an order: what the confirmation saves as a PDF or prints. One ticket
// per seat, two to an A4 page, each with its own QR code (libqrencode, error
// correction M) for the door scanner: the ticket's secret from the server (an order
// from before tickets: the order and the seat). Only valid tickets are printed. Any title length and any number of seats stay readable (the title wraps
// and shrinks to its box, the rest flows below it).
class TicketDocument
{
    Q_DECLARE_TR_FUNCTIONS(TicketDocument)

public:
    struct Info
    {
        Order order;
        QString concert;
        QString venue;
        QDateTime startsAt;
    };

    explicit TicketDocument(Info info);

    // The venue's IANA zone: the start time is printed in it (empty: the machine's).
    void setTimeZone(const QString &zone) { m_timeZone = zone; }
    // What people read for each seat of the order ("Lower 109 · Row 1 · Seat 16"),
    // in the order's seat order; when absent, the ticket's label, else the seat id.
    void setSeatNames(const QStringList &names) { m_seatNames = names; }

    // "BOXOFFICE1|<orderId>|<performanceId>|<seat>,<seat>…": the whole order (not a
    // ticket: the door does not take it).
    QByteArray payload() const;
    // What the QR code of the ticket-th ticket printed holds: its ticket's secret, or for
    // an order without tickets "BOXOFFICE1|<orderId>|<performanceId>|<seat>".
    QByteArray seatPayload(int ticket) const;
    // The seat id of the ticket-th ticket printed.
    QString seatId(int ticket) const;
    // The tickets printed: one per seat whose ticket is valid (every seat of an order
    // without tickets). Used, refunded and revoked tickets let nobody in: not printed.
    int ticketCount() const { return int(m_printed.size()); }
    int pageCount() const { return (ticketCount() + TicketsPerPage - 1) / TicketsPerPage; }
    static constexpr int TicketsPerPage = 2;
    static QrCode encode(const QByteArray &data);

    // Paints the tickets on the device (a QPdfWriter or a QPrinter), page after page.
    bool paint(QPagedPaintDevice *device) const;
    // Writes the PDF; safe off the GUI thread. False with a reason when it cannot.
    bool writePdf(const QString &fileName, QString *error = nullptr) const;
    QImage qrImage(int moduleSize) const;
    // Every printed ticket's code with its seat below it, `columns` to a row: the
    // tickets on a screen (a kiosk without a printer, the confirmation).
    QImage codesImage(int moduleSize, int columns) const;
    // One page as a picture (an A4 proportioned preview, `width` pixels wide).
    QImage renderPage(int page, int width) const;

private:
    void paintTicket(QPainter &painter, const QRectF &card, int ticket) const;
    void paintPage(QPainter &painter, const QRectF &page, int index) const;
    QString seatName(int ticket) const;
    Info m_info;
    QList<int> m_printed;  // indexes into the order's seats
    QString m_timeZone;
    QStringList m_seatNames;
};

} // namespace BoxOffice
