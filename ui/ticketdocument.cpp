#include "ui/ticketdocument.h"

#include "domain/venuetime.h"
#include "models/orderlistmodel.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

#include <qrencode.h>

#include <memory>

namespace BoxOffice {

using namespace Qt::StringLiterals;

TicketDocument::TicketDocument(Info info) : m_info(std::move(info))
{
    const Order &o = m_info.order;
    for (qsizetype i = 0; i < o.seats.size(); ++i) {
        const std::optional<Ticket> ticket = o.ticketFor(o.seats.at(i));
        if (o.tickets.isEmpty() || (ticket && ticket->state == u"valid"))
            m_printed << int(i);
    }
}

QByteArray TicketDocument::payload() const
{
    return "BOXOFFICE1|" + m_info.order.orderId.toUtf8() + '|' + m_info.order.performanceId.toUtf8() + '|'
           + m_info.order.seats.join(u',').toUtf8();
}

QrCode TicketDocument::encode(const QByteArray &data)
{
    // 8-bit mode: the payload is bytes, whatever they are; the version grows to fit.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(data.size()), reinterpret_cast<const unsigned char *>(data.constData()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    QrCode out;
    if (!code)
        return out;
    out.size = code->width;
    out.modules.resize(qsizetype(out.size) * out.size);
    for (int i = 0; i < out.size * out.size; ++i)
        out.modules[i] = code->data[i] & 1;
    return out;
}

QImage TicketDocument::qrImage(int moduleSize) const
{
    const QrCode code = encode(payload());
    const int quiet = 4;  // the standard's quiet zone, in modules
    QImage image((code.size + 2 * quiet) * moduleSize, (code.size + 2 * quiet) * moduleSize, QImage::Format_Mono);
    image.fill(1);
    image.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size; ++x)
            if (code.dark(x, y))
                for (int dy = 0; dy < moduleSize; ++dy)
                    for (int dx = 0; dx < moduleSize; ++dx)
                        image.setPixel((x + quiet) * moduleSize + dx, (y + quiet) * moduleSize + dy, 0);
    return image;
}

QString TicketDocument::seatId(int ticket) const
{
    return m_info.order.seats.value(m_printed.value(ticket, -1));
}

QByteArray TicketDocument::seatPayload(int ticket) const
{
    const QString seat = seatId(ticket);
    if (const std::optional<Ticket> t = m_info.order.ticketFor(seat); t && !t->secret.isEmpty())
        return t->secret.toUtf8();
    return "BOXOFFICE1|" + m_info.order.orderId.toUtf8() + '|' + m_info.order.performanceId.toUtf8() + '|'
           + seat.toUtf8();
}

QString TicketDocument::seatName(int ticket) const
{
    const int seat = m_printed.value(ticket, -1);
    if (const QString name = m_seatNames.value(seat); !name.isEmpty())
        return name;
    const QString id = m_info.order.seats.value(seat);
    if (const std::optional<Ticket> t = m_info.order.ticketFor(id); t && !t->label.isEmpty())
        return OrderListModel::seatLabelText(t->label);
    return id;
}

QImage TicketDocument::codesImage(int moduleSize, int columns) const
{
    const int count = ticketCount();
    if (count == 0)
        return {};
    columns = std::clamp(columns, 1, count);
    const int rows = (count + columns - 1) / columns;
    // Each cell: the code with its quiet zone, and two lines of text under it.
    int side = 0;
    QList<QImage> codes;
    for (int i = 0; i < count; ++i) {
        const QrCode code = encode(seatPayload(i));
        const int quiet = 4;
        QImage image((code.size + 2 * quiet) * moduleSize, (code.size + 2 * quiet) * moduleSize, QImage::Format_RGB32);
        image.fill(Qt::white);
        for (int y = 0; y < code.size; ++y)
            for (int x = 0; x < code.size; ++x)
                if (code.dark(x, y))
                    for (int dy = 0; dy < moduleSize; ++dy)
                        for (int dx = 0; dx < moduleSize; ++dx)
                            image.setPixel((x + quiet) * moduleSize + dx, (y + quiet) * moduleSize + dy, qRgb(0, 0, 0));
        side = std::max(side, image.width());
        codes << image;
    }
    const int cellWidth = std::max(side, 220), textHeight = 40, gap = 12;
    QImage out(columns * cellWidth + (columns - 1) * gap, rows * (side + textHeight) + (rows - 1) * gap,
               QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QFont font = painter.font();
    font.setPixelSize(13);
    painter.setFont(font);
    painter.setPen(Qt::black);
    for (int i = 0; i < count; ++i) {
        const int x = (i % columns) * (cellWidth + gap), y = (i / columns) * (side + textHeight + gap);
        painter.drawImage(x + (cellWidth - codes[i].width()) / 2, y, codes[i]);
        painter.drawText(QRect(x, y + side, cellWidth, textHeight), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                         seatName(i));
    }
    return out;
}

namespace {

// Draws text word-wrapped in a box of the given width from `top`, shrinking the font
// (down to `minPixels`) until it fits in `maxHeight`; returns the height used.
qreal drawFitted(QPainter &painter, const QString &text, QFont font, const QRectF &box, int minPixels)
{
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    QRectF needed;
    for (;;) {
        painter.setFont(font);
        needed = painter.boundingRect(QRectF(box.topLeft(), QSizeF(box.width(), 1e6)), flags, text);
        if (needed.height() <= box.height() || font.pixelSize() <= minPixels)
            break;
        font.setPixelSize(std::max(minPixels, int(font.pixelSize() * 0.85)));
    }
    painter.save();
    painter.setClipRect(box);
    painter.drawText(QRectF(box.topLeft(), QSizeF(box.width(), box.height())), flags, text);
    painter.restore();
    return std::min(needed.height(), box.height());
}

} // namespace

void TicketDocument::paintTicket(QPainter &painter, const QRectF &card, int ticket) const
{
    const Order &o = m_info.order;
    const QLocale locale;
    const qreal unit = card.width() / 100.0;  // layout in hundredths of the ticket's width
    QFont title = painter.font();
    title.setPixelSize(int(5.5 * unit));
    title.setBold(true);
    QFont body = painter.font();
    body.setPixelSize(int(3.0 * unit));
    QFont seatFont = body;
    seatFont.setPixelSize(int(4.2 * unit));
    seatFont.setBold(true);
    QFont small = body;
    small.setPixelSize(int(2.3 * unit));

    painter.setPen(QPen(Qt::black, unit * 0.3));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(card, unit * 2, unit * 2);
    const QRectF inner = card.adjusted(unit * 4, unit * 4, -unit * 4, -unit * 4);

    // The QR code on the right, crisp: drawn module by module as rectangles.
    const qreal side = 32 * unit;
    const QRectF qrBox(inner.right() - side, inner.top() + 4 * unit, side, side);
    const QrCode code = encode(seatPayload(ticket));
    if (!code.isNull()) {
        const qreal module = side / (code.size + 8);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawRect(qrBox);
        painter.setBrush(Qt::black);
        for (int y = 0; y < code.size; ++y)
            for (int x = 0; x < code.size; ++x)
                if (code.dark(x, y))
                    painter.drawRect(QRectF(qrBox.x() + (x + 4) * module, qrBox.y() + (y + 4) * module, module, module));
        painter.setPen(Qt::black);
        painter.setFont(small);
        painter.drawText(QRectF(qrBox.left() - 4 * unit, qrBox.bottom() + unit, side + 8 * unit, 8 * unit),
                         Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, tr("Show this code at the door"));
    }

    // Text on the left: header, title (wrapped, shrunk to at most a third of the
    // ticket), then venue, time, the seat in large type, and the order.
    painter.setPen(Qt::black);
    const qreal left = inner.left(), width = inner.width() - side - 5 * unit;
    qreal y = inner.top();
    painter.setFont(small);
    painter.drawText(QRectF(left, y, width, 4 * unit), Qt::AlignLeft | Qt::AlignTop,
                     tr("BoxOffice · e-ticket %1 of %2").arg(ticket + 1).arg(ticketCount()));
    y += 4.5 * unit;
    y += drawFitted(painter, m_info.concert, title, QRectF(left, y, width, inner.height() * 0.3), int(3 * unit));
    y += 2 * unit;
    QStringList lines;
    if (!m_info.venue.isEmpty())
        lines << m_info.venue;
    if (m_info.startsAt.isValid()) {
        const QDateTime at = inVenueZone(m_info.startsAt, m_timeZone);
        lines << locale.toString(at.date(), QLocale::LongFormat) + u", "_s + locale.toString(at.time(), QLocale::ShortFormat)
                     + u' ' + at.timeZoneAbbreviation();
    }
    // From the bottom up, boxes that never overlap: the footer, the order, the seat.
    const qreal footerTop = inner.bottom() - 3 * unit;
    const qreal orderTop = footerTop - 6.5 * unit;
    const qreal seatTop = std::max(y + 5 * unit, orderTop - 11 * unit);
    y += drawFitted(painter, lines.join(u'\n'), body, QRectF(left, y, width, std::max(2 * unit, seatTop - unit - y)),
                    int(1.8 * unit));
    drawFitted(painter, seatName(ticket), seatFont, QRectF(left, std::max(y + unit, seatTop), width, orderTop - unit - seatTop),
               int(2.2 * unit));
    // The order's code as people read it out at the desk, this ticket's price, the buyer.
    const std::optional<Ticket> mine = o.ticketFor(seatId(ticket));
    const QString purchased = locale.toString(inVenueZone(o.purchasedAt, m_timeZone), QLocale::ShortFormat);
    const QString order =
        tr("Order %1 · %2").arg(o.code.isEmpty() ? o.orderId : o.code, OrderListModel::moneyText(mine ? mine->price : o.total))
        + u'\n'
        + (o.customer && !o.customer->name.isEmpty() ? tr("Purchased %1 for %2").arg(purchased, o.customer->name)
                                                     : tr("Purchased %1").arg(purchased));
    drawFitted(painter, order, small, QRectF(left, orderTop, width, footerTop - orderTop), int(1.5 * unit));
    painter.setFont(small);
    painter.drawText(QRectF(inner.left(), footerTop, inner.width(), inner.bottom() - footerTop),
                     Qt::AlignLeft | Qt::AlignBottom,
                     tr("One entry for this seat. The code is checked once at the door; keep it to yourself."));
}

bool TicketDocument::paint(QPagedPaintDevice *device) const
{
    if (ticketCount() == 0)
        return false;  // no blank page
    QPainter painter;
    if (!painter.begin(device))
        return false;
    painter.setRenderHint(QPainter::Antialiasing, false);  // QR modules stay sharp
    const QRectF page(0, 0, device->width(), device->height());
    for (int index = 0; index < pageCount(); ++index) {
        if (index > 0 && !device->newPage())
            return false;
        paintPage(painter, page, index);
    }
    return painter.end();
}

void TicketDocument::paintPage(QPainter &painter, const QRectF &page, int index) const
{
    const qreal gap = page.height() * 0.04;
    const qreal height = std::min((page.height() - gap) / TicketsPerPage, page.width() * 0.6);
    for (int slot = 0; slot < TicketsPerPage; ++slot) {
        const int ticket = index * TicketsPerPage + slot;
        if (ticket < ticketCount())
            paintTicket(painter, QRectF(page.left(), page.top() + slot * (height + gap), page.width(), height), ticket);
    }
}

QImage TicketDocument::renderPage(int page, int width) const
{
    QImage image(width, int(width * 297.0 / 210.0), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const qreal margin = width * 15.0 / 210.0;  // as the PDF's 15 mm
    paintPage(painter, QRectF(image.rect()).adjusted(margin, margin, -margin, -margin), page);
    return image;
}

bool TicketDocument::writePdf(const QString &fileName, QString *error) const
{
    if (ticketCount() == 0) {
        if (error)
            *error = tr("This order has no valid ticket to print.");
        return false;
    }
    QPdfWriter writer(fileName);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(tr("Ticket %1").arg(m_info.order.code.isEmpty() ? m_info.order.orderId : m_info.order.code));
    writer.setCreator(u"BoxOffice"_s);
    if (!paint(&writer)) {
        if (error)
            *error = tr("Cannot write %1.").arg(fileName);
        return false;
    }
    return true;
}

} // namespace BoxOffice
