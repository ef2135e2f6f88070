#include "ui/cashreportdocument.h"

#include "domain/venuetime.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace BoxOffice {

using namespace Qt::StringLiterals;

CashReportDocument::CashReportDocument(CashSession session, QString timeZone)
    : m_session(std::move(session)), m_timeZone(std::move(timeZone))
{
}

QString CashReportDocument::moneyText(const Money &money)
{
    return QLocale().toString(money.amount) + u' ' + money.currency;
}

QString CashReportDocument::methodName(const QString &method)
{
    if (method == u"cash")
        return tr("Cash");
    if (method == u"card")
        return tr("Card");
    if (method == u"test")
        return tr("Test payment");
    return method;
}

QString CashReportDocument::time(const QDateTime &at) const
{
    return QLocale().toString(inVenueZone(at, m_timeZone), QLocale::ShortFormat);
}

QString CashReportDocument::html() const
{
    const CashSession &s = m_session;
    auto esc = [](const QString &text) -> QString { return text.toHtmlEscaped(); };
    auto row = [&esc](const QString &label, const QString &value, bool strong = false) -> QString {
        const QString cell = strong ? u"<b>"_s + esc(value) + u"</b>"_s : esc(value);
        return u"<tr><td>"_s + esc(label) + u"</td><td align=\"right\">"_s + cell + u"</td></tr>"_s;
    };
    const MethodTotals cash = s.byMethod.value(u"cash"_s, MethodTotals{Money{0, s.openingFloat.currency},
                                                                      Money{0, s.openingFloat.currency}, 0});
    QString h = u"<html><body style=\"font-family: sans-serif;\">"_s;
    h += u"<h1>"_s + esc(s.isClosed() ? tr("Z report") : tr("X report (the till is still open)")) + u"</h1>"_s;
    const QString who = s.staff.isStaffKey() ? tr("Staff key") : s.staff.name + u" ("_s + s.staff.login + u')';
    h += u"<p>"_s + esc(tr("Till %1 · %2").arg(s.id, who)) + u"<br/>"_s + esc(tr("Opened: %1").arg(time(s.openedAt)));
    if (s.closedAt)
        h += u"<br/>"_s + esc(tr("Closed: %1").arg(time(*s.closedAt)));
    h += u"</p>"_s;

    h += u"<h2>"_s + esc(tr("Cash")) + u"</h2><table cellpadding=\"4\" width=\"70%\">"_s;
    h += row(tr("Float"), moneyText(s.openingFloat));
    h += row(tr("Cash sales"), moneyText(cash.sales));
    h += row(tr("Cash refunds"), u"− "_s + moneyText(cash.refunds));
    h += row(tr("Paid in"), moneyText(s.paidIn()));
    h += row(tr("Paid out"), u"− "_s + moneyText(s.paidOut()));
    h += row(tr("Expected cash"), moneyText(s.expectedCash), true);
    if (s.countedCash)
        h += row(tr("Counted cash"), moneyText(*s.countedCash), true);
    if (s.difference) {
        const qint64 d = s.difference->amount;
        const QString text = d == 0 ? tr("%1 (exact)").arg(moneyText(*s.difference))
                             : d > 0 ? tr("%1 (over)").arg(u"+"_s + moneyText(*s.difference))
                                     : tr("%1 (short)").arg(moneyText(*s.difference));
        h += row(tr("Difference"), text, true);
    }
    h += u"</table>"_s;

    h += u"<h2>"_s + esc(tr("By payment method")) + u"</h2>"_s;
    if (s.byMethod.isEmpty()) {
        h += u"<p>"_s + esc(tr("No sales or refunds.")) + u"</p>"_s;
    } else {
        h += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"><tr><th>"_s + esc(tr("Method"))
             + u"</th><th>"_s + esc(tr("Sales")) + u"</th><th>"_s + esc(tr("Refunds")) + u"</th><th>"_s
             + esc(tr("Count")) + u"</th></tr>"_s;
        for (auto it = s.byMethod.cbegin(); it != s.byMethod.cend(); ++it)
            h += u"<tr><td>"_s + esc(methodName(it.key())) + u"</td><td align=\"right\">"_s + esc(moneyText(it->sales))
                 + u"</td><td align=\"right\">"_s + esc(moneyText(it->refunds)) + u"</td><td align=\"right\">"_s
                 + esc(QLocale().toString(it->count)) + u"</td></tr>"_s;
        h += u"</table>"_s;
    }

    h += u"<h2>"_s + esc(tr("Paid in and paid out")) + u"</h2>"_s;
    if (s.movements.isEmpty()) {
        h += u"<p>"_s + esc(tr("None.")) + u"</p>"_s;
    } else {
        h += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"><tr><th>"_s + esc(tr("Time"))
             + u"</th><th>"_s + esc(tr("Kind")) + u"</th><th>"_s + esc(tr("Amount")) + u"</th><th>"_s
             + esc(tr("Reason")) + u"</th><th>"_s + esc(tr("By")) + u"</th></tr>"_s;
        for (const CashMovement &m : s.movements)
            h += u"<tr><td>"_s + esc(time(m.at)) + u"</td><td>"_s
                 + esc(m.kind == CashMovement::Kind::PaidIn ? tr("Paid in") : tr("Paid out"))
                 + u"</td><td align=\"right\">"_s + esc(moneyText(m.amount)) + u"</td><td>"_s + esc(m.reason)
                 + u"</td><td>"_s + esc(m.login) + u"</td></tr>"_s;
        h += u"</table>"_s;
    }
    h += u"<p><small>"_s + esc(tr("Printed %1").arg(time(QDateTime::currentDateTimeUtc()))) + u"</small></p>"_s;
    h += u"</body></html>"_s;
    return h;
}

bool CashReportDocument::writePdf(const QString &html, const QString &fileName, QString *error)
{
    QFile probe(fileName);
    if (!probe.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(fileName, probe.errorString());
        return false;
    }
    probe.close();
    QPdfWriter writer(fileName);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 18, 18, 18),
                                     QPageLayout::Millimeter));
    writer.setResolution(300);
    writer.setTitle(tr("Z report"));
    writer.setCreator(u"BoxOffice"_s);
    QTextDocument document;  // made in this thread, used only here
    document.setHtml(html);
    document.print(&writer);
    return true;
}

QImage CashReportDocument::renderFirstPage(const QString &html, int width)
{
    const QSizeF a4(210, 297);
    const int height = int(width * a4.height() / a4.width());
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QTextDocument document;
    document.setHtml(html);
    const double margin = width * 18 / a4.width();
    document.setPageSize(QSizeF(width - 2 * margin, height - 2 * margin));
    QPainter painter(&image);
    painter.translate(margin, margin);
    document.drawContents(&painter, QRectF(0, 0, width - 2 * margin, height - 2 * margin));
    return image;
}

} // namespace BoxOffice
