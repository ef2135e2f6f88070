#include "app/ticketprinter.h"

#include <QFutureWatcher>
#include <QPrintDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

// Runs work on the thread pool and hands its error text to done() on this thread.
template <typename Work, typename Done> void runAsync(QObject *context, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<QString>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

// The work of writing a ticket's PDF, for the thread pool.
auto pdfWriter(const TicketDocument &ticket, const QString &fileName)
{
    return [ticket, fileName] {
        QString error;
        ticket.writePdf(fileName, &error);
        return error;
    };
}

} // namespace

TicketPrinter::TicketPrinter(QObject *parent) : QObject(parent) {}

void TicketPrinter::savePdf(const TicketDocument &ticket, const QString &fileName)
{
    runAsync(this, pdfWriter(ticket, fileName), [this, fileName](const QString &error) { Q_EMIT saved(fileName, error); });
}

void TicketPrinter::print(const TicketDocument &ticket, QWidget *dialogParent)
{
    if (m_direct.startsWith(u"file:"_s)) {
        const QString file = m_direct.mid(5);
        runAsync(this, pdfWriter(ticket, file), [this, file](const QString &error) { Q_EMIT printed(file, error); });
        return;
    }
    if (!m_direct.isEmpty()) {
        if (QPrinterInfo::printerInfo(m_direct).isNull()) {
            Q_EMIT printed(m_direct, tr("The printer \"%1\" is not available.").arg(m_direct));
            return;
        }
        const QString name = m_direct;
        runAsync(
            this,
            [ticket, name] {
                QPrinter printer(QPrinterInfo::printerInfo(name), QPrinter::HighResolution);
                return ticket.paint(&printer) ? QString() : tr("The ticket could not be printed on \"%1\".").arg(name);
            },
            [this, name](const QString &error) { Q_EMIT printed(name, error); });
        return;
    }
    // A desk: the person at it picks the printer.
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    QPrintDialog dialog(printer.get(), dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = printer->printerName();
    runAsync(
        this, [ticket, printer] { return ticket.paint(printer.get()) ? QString() : tr("The ticket could not be printed."); },
        [this, name](const QString &error) { Q_EMIT printed(name, error); });
}

} // namespace BoxOffice
