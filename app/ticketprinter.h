#pragma once

#include "ui/ticketdocument.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace BoxOffice {

// Where tickets go: a PDF file, a printer chosen in the print dialog (a desk), or
// straight to a configured printer without any dialog (a kiosk). All painting runs
// on the thread pool; the answers come back as signals on the caller's thread.
class TicketPrinter : public QObject
{
    Q_OBJECT
public:
    explicit TicketPrinter(QObject *parent = nullptr);

    // The printer that takes tickets without a dialog: a CUPS printer's name, or
    // "file:/path.pdf" (a spool file, for set-ups that print from a folder, and tests).
    // Empty: none.
    void setDirectPrinter(const QString &printer) { m_direct = printer; }
    QString directPrinter() const { return m_direct; }
    bool hasDirectPrinter() const { return !m_direct.isEmpty(); }

    void savePdf(const TicketDocument &ticket, const QString &fileName);
    // With a direct printer: prints there. Without: asks with the print dialog (never
    // call it so on a kiosk).
    void print(const TicketDocument &ticket, QWidget *dialogParent);

Q_SIGNALS:
    // error is empty on success; target is the file or the printer's name.
    void saved(const QString &fileName, const QString &error);
    void printed(const QString &target, const QString &error);

private:
    QString m_direct;
};

} // namespace BoxOffice
