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

// The ticket of an order: what the confirmation saves as a PDF or prints. Its QR code
// carries the order (libqrencode, error correction M), for the door scanner.
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

    explicit TicketDocument(Info info) : m_info(std::move(info)) {}

    // "BOXOFFICE1|<orderId>|<performanceId>|<seat>,<seat>…": what the QR code holds.
    QByteArray payload() const;
    static QrCode encode(const QByteArray &data);

    // Paints one page per order on the device (a QPdfWriter or a QPrinter).
    bool paint(QPagedPaintDevice *device) const;
    // Writes the PDF; safe off the GUI thread. False with a reason when it cannot.
    bool writePdf(const QString &fileName, QString *error = nullptr) const;
    QImage qrImage(int moduleSize) const;

private:
    void paintPage(QPainter &painter, const QRectF &page) const;
    Info m_info;
};

} // namespace BoxOffice
