#pragma once

#include "domain/cashsession.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace BoxOffice {

// A till's report on paper: the Z report once the till is closed (the X report while
// it is open), as HTML laid out by QTextDocument. html() is built where the
// translations and the locale are (the GUI thread, cheap); writePdf() and renderPage()
// lay it out and paint it, and are safe on the thread pool.
class CashReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(CashReportDocument)

public:
    // timeZone: the venue's (an IANA name); times are printed in it.
    CashReportDocument(CashSession session, QString timeZone);

    QString html() const;
    const CashSession &session() const { return m_session; }

    static QString moneyText(const Money &money);
    static QString methodName(const QString &method);

    // Writes an A4 PDF of `html`; false with a reason when it cannot.
    static bool writePdf(const QString &html, const QString &fileName, QString *error = nullptr);
    // The first page as a picture, `width` pixels wide (A4 proportioned).
    static QImage renderFirstPage(const QString &html, int width);

private:
    QString time(const QDateTime &at) const;

    CashSession m_session;
    QString m_timeZone;
};

} // namespace BoxOffice
