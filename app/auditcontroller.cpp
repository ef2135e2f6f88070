#include "app/auditcontroller.h"

#include "app/apiclient.h"
#include "ui/auditlogview.h"

#include <QDir>
#include <QSaveFile>

namespace BoxOffice {

AuditController::AuditController(ApiClient *api, bool admin, bool kiosk, QObject *parent)
    : QObject(parent), m_api(api), m_admin(admin), m_view(std::make_unique<AuditLogView>(&m_model))
{
    m_view->setExportAllowed(!kiosk);
    connect(m_view.get(), &AuditLogView::refreshRequested, this, &AuditController::refresh);
    connect(m_view.get(), &AuditLogView::exportRequested, this, &AuditController::exportCsv);
}

AuditController::~AuditController() = default;

void AuditController::start()
{
    m_view->show();
    if (m_admin) {
        m_api->staffAccounts(this, [this](const ApiResult<QList<StaffAccount>> &r) {
            if (r)
                m_accounts = r.value();
            updatePeople();
        });
    }
    refresh(m_view->query());
}

void AuditController::refresh(const AuditQuery &query)
{
    const int read = ++m_reads;
    m_view->showMessage(tr("Reading the audit log…"));
    m_api->auditLog(query, this, [this, read](const ApiResult<QList<AuditEntry>> &r) {
        if (read != m_reads)
            return;
        if (!r) {
            m_view->showMessage(r.error().message);
        } else {
            m_model.setEntries(r.value());
            updatePeople();
            m_view->showMessage(r.value().isEmpty() ? tr("No entries match.")
                                                    : tr("%n entry(ies), newest first.", nullptr, int(r.value().size())));
        }
        Q_EMIT refreshed();
    });
}

void AuditController::updatePeople()
{
    QList<AuditLogView::Person> people;
    if (m_admin && !m_accounts.isEmpty()) {
        for (const StaffAccount &a : std::as_const(m_accounts))
            people.append({tr("%1 (%2)").arg(a.name, a.login), a.login, a.id.value_or(QString())});
    } else {
        for (const QString &login : m_model.logins())
            people.append({login == AuditEntry::StaffKeyLogin ? tr("Staff key") : login, login, QString()});
    }
    m_view->setPeople(people);
}

bool AuditController::exportCsv(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_model.toCsv()) < 0 || !file.commit()) {
        m_view->showMessage(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_view->showMessage(tr("Saved %n entry(ies) to %1.", nullptr, m_model.rowCount()).arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace BoxOffice
