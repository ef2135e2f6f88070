#include "app/tillcontroller.h"

#include "app/apiclient.h"
#include "ui/cashreportdocument.h"
#include "ui/tillview.h"

#include <QDir>
#include <QFutureWatcher>
#include <QPrintDialog>
#include <QPrinter>
#include <QTextDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace BoxOffice {

using namespace Qt::StringLiterals;

TillController::TillController(ApiClient *api, const QString &timeZone, bool kiosk, const QString &reportsDirectory,
                               QObject *parent)
    : QObject(parent), m_api(api), m_timeZone(timeZone), m_kiosk(kiosk), m_reportsDirectory(reportsDirectory),
      m_view(std::make_unique<TillView>())
{
    m_view->setTimeZone(timeZone);
    m_view->setKioskMode(kiosk);
    m_poll.setInterval(std::chrono::seconds(5));
    connect(&m_poll, &QTimer::timeout, this, &TillController::refresh);
    connect(m_view.get(), &TillView::openRequested, this, &TillController::open);
    connect(m_view.get(), &TillView::movementRequested, this, &TillController::addMovement);
    connect(m_view.get(), &TillView::closeRequested, this, &TillController::close);
    connect(m_view.get(), &TillView::refreshRequested, this, &TillController::refresh);
    connect(m_view.get(), &TillView::savePdfRequested, this, &TillController::savePdf);
    connect(m_view.get(), &TillView::printRequested, this, &TillController::print);
    connect(this, &TillController::reportSaved, this, [this](const QString &file, const QString &error) {
        m_view->showMessage(error.isEmpty() ? tr("Z report saved: %1").arg(QDir::toNativeSeparators(file)) : error);
    });
}

TillController::~TillController() = default;

void TillController::start()
{
    m_view->show();
    m_view->raise();
    m_view->showLoading();
    m_api->currentCashSession(this, [this](const ApiResult<std::optional<CashSession>> &r) {
        if (!r) {
            m_view->showNoTill();
            return failed(r.error(), {});
        }
        if (!r.value()) {
            m_view->showNoTill();
            return;
        }
        show(*r.value());
        m_view->showMessage(tr("Your till is open: carried on from where you left it."));
    });
}

void TillController::show(const CashSession &session)
{
    m_session = session;
    m_view->showSession(session);
    if (session.isClosed())
        m_poll.stop();
    else if (!m_poll.isActive())
        m_poll.start();
    Q_EMIT sessionChanged();
}

void TillController::failed(const ApiError &error, const QString &conflict)
{
    m_view->showMessage(error.kind == ApiError::Kind::Http && error.httpStatus == 409 && !conflict.isEmpty()
                            ? conflict
                            : error.message);
}

void TillController::refresh()
{
    if (!m_session || m_session->isClosed() || m_reading)
        return;
    m_reading = true;
    m_api->cashSession(m_session->id, this, [this, id = m_session->id](const ApiResult<CashSession> &r) {
        m_reading = false;
        if (!m_session || m_session->id != id)
            return;
        if (!r)
            return failed(r.error(), {});
        show(r.value());
    });
}

void TillController::open(const Money &openingFloat)
{
    m_view->setBusy(true);
    m_api->openCashSession(openingFloat, this, [this](const ApiResult<CashSession> &r) {
        m_view->setBusy(false);
        if (!r) {
            failed(r.error(), tr("A till is open for you already: it is shown now. Close it before opening another."));
            if (r.error().httpStatus == 409)  // show the one that is open
                m_api->currentCashSession(this, [this](const ApiResult<std::optional<CashSession>> &current) {
                    if (current && current.value())
                        show(*current.value());
                });
            return;
        }
        show(r.value());
        m_view->showMessage(tr("Till opened with a float of %1.").arg(CashReportDocument::moneyText(r.value().openingFloat)));
    });
}

void TillController::addMovement(CashMovement::Kind kind, const Money &amount, const QString &reason)
{
    if (!m_session)
        return;
    m_view->setBusy(true);
    m_api->addCashMovement(m_session->id, kind, amount, reason, this, [this](const ApiResult<CashMovement> &r) {
        m_view->setBusy(false);
        if (!r)
            return failed(r.error(), tr("This till is closed: nothing more can go in or out."));
        m_view->showMessage(r.value().kind == CashMovement::Kind::PaidIn
                                ? tr("Paid in: %1 (%2).").arg(CashReportDocument::moneyText(r.value().amount), r.value().reason)
                                : tr("Paid out: %1 (%2).").arg(CashReportDocument::moneyText(r.value().amount), r.value().reason));
        m_view->clearMovement();
        m_reading = false;
        refresh();
    });
}

void TillController::close(const Money &countedCash)
{
    if (!m_session)
        return;
    m_view->setBusy(true);
    m_api->closeCashSession(m_session->id, countedCash, this, [this, id = m_session->id](const ApiResult<CashSession> &r) {
        m_view->setBusy(false);
        if (!r) {
            failed(r.error(), tr("This till was closed already."));
            if (r.error().httpStatus == 409)  // show it as it was closed
                m_api->cashSession(id, this, [this](const ApiResult<CashSession> &again) {
                    if (again)
                        show(again.value());
                });
            return;
        }
        show(r.value());
        m_view->showMessage(tr("Till closed. This is the Z report: save it as a PDF or print it."));
    });
}

void TillController::savePdf(const QString &fileName)
{
    if (!m_session)
        return;
    QString file = fileName;
    if (file.isEmpty()) {  // a kiosk: no dialog, the box office's own folder
        QDir().mkpath(m_reportsDirectory);
        file = QDir(m_reportsDirectory).filePath(u"z-report-"_s + m_session->id + u".pdf"_s);
    }
    const QString html = CashReportDocument(*m_session, m_timeZone).html();  // translated here, painted there
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, file] {
        watcher->deleteLater();
        Q_EMIT reportSaved(file, watcher->result());
    });
    m_view->showMessage(tr("Writing the PDF…"));
    watcher->setFuture(QtConcurrent::run([html, file] {
        QString error;
        CashReportDocument::writePdf(html, file, &error);
        return error;
    }));
}

void TillController::print()
{
    if (!m_session || m_kiosk)
        return;
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    auto *dialog = new QPrintDialog(printer.get(), m_view.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    const QString html = CashReportDocument(*m_session, m_timeZone).html();
    connect(static_cast<QDialog *>(dialog), &QDialog::accepted, this, [this, printer, html] {
        auto *watcher = new QFutureWatcher<void>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, printer] {
            watcher->deleteLater();
            m_view->showMessage(tr("Z report sent to %1.").arg(printer->printerName()));
        });
        watcher->setFuture(QtConcurrent::run([printer, html] {
            QTextDocument document;
            document.setHtml(html);
            document.print(printer.get());
        }));
    });
    dialog->open();
}

} // namespace BoxOffice
