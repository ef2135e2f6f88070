#include "ui/ticketdocument.h"

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

void TicketDocument::paintPage(QPainter &painter, const QRectF &page) const
{
    const Order &o = m_info.order;
    const QLocale locale;
    const qreal unit = page.width() / 100.0;  // layout in hundredths of the page width
    QFont title = painter.font();
    title.setPixelSize(int(6 * unit));
    title.setBold(true);
    QFont body = painter.font();
    body.setPixelSize(int(3.2 * unit));
    QFont small = body;
    small.setPixelSize(int(2.4 * unit));

    // A ticket-sized card at the top of the page.
    const QRectF card(page.left(), page.top(), page.width(), page.width() * 0.62);
    painter.setPen(QPen(Qt::black, unit * 0.3));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(card, unit * 2, unit * 2);
    const QRectF inner = card.adjusted(unit * 5, unit * 5, -unit * 5, -unit * 5);

    painter.setFont(small);
    painter.drawText(inner, Qt::AlignLeft | Qt::AlignTop, tr("BoxOffice · e-ticket"));
    painter.setFont(title);
    QRectF text = inner.adjusted(0, 5 * unit, -40 * unit, 0);
    painter.drawText(text, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_info.concert);
    painter.setFont(body);
    QStringList lines;
    if (!m_info.venue.isEmpty())
        lines << m_info.venue;
    if (m_info.startsAt.isValid())
        lines << locale.toString(m_info.startsAt.toLocalTime(), QLocale::LongFormat);
    lines << QString() << tr("Seats: %1").arg(o.seats.join(u", "_s))
          << tr("Total: %1 %2").arg(locale.toString(o.total.amount), o.total.currency)
          << tr("Order: %1").arg(o.orderId)
          << tr("Purchased: %1").arg(locale.toString(o.purchasedAt.toLocalTime(), QLocale::ShortFormat));
    painter.drawText(text.adjusted(0, 16 * unit, 0, 0), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     lines.join(u'\n'));

    // The QR code, crisp: drawn module by module as rectangles.
    const QrCode code = encode(payload());
    if (!code.isNull()) {
        const qreal side = 34 * unit, module = side / (code.size + 8);
        const QPointF origin(inner.right() - side, inner.top() + 6 * unit);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawRect(QRectF(origin, QSizeF(side, side)));
        painter.setBrush(Qt::black);
        for (int y = 0; y < code.size; ++y)
            for (int x = 0; x < code.size; ++x)
                if (code.dark(x, y))
                    painter.drawRect(QRectF(origin.x() + (x + 4) * module, origin.y() + (y + 4) * module, module, module));
        painter.setPen(Qt::black);
        painter.setFont(small);
        painter.drawText(QRectF(origin.x(), origin.y() + side, side, 5 * unit), Qt::AlignHCenter | Qt::AlignTop,
                         tr("Show this code at the door"));
    }
    painter.setFont(small);
    painter.drawText(QRectF(page.left(), card.bottom() + 3 * unit, page.width(), 10 * unit),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     tr("One entry per seat. The code is checked once at the door; keep this ticket to yourself."));
}

bool TicketDocument::paint(QPagedPaintDevice *device) const
{
    QPainter painter;
    if (!painter.begin(device))
        return false;
    painter.setRenderHint(QPainter::Antialiasing, false);  // QR modules stay sharp
    const QRectF page(0, 0, device->width(), device->height());
    paintPage(painter, page);
    return painter.end();
}

bool TicketDocument::writePdf(const QString &fileName, QString *error) const
{
    QPdfWriter writer(fileName);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(tr("Ticket %1").arg(m_info.order.orderId));
    writer.setCreator(u"BoxOffice"_s);
    if (!paint(&writer)) {
        if (error)
            *error = tr("Cannot write %1.").arg(fileName);
        return false;
    }
    return true;
}

} // namespace BoxOffice
