#pragma once

#include "domain/auditentry.h"
#include "domain/staffaccount.h"
#include "models/auditlogmodel.h"

#include <QObject>

#include <memory>

namespace BoxOffice {

class ApiClient;
class AuditLogView;

// Staff → Audit log (managers) behind AuditLogView: reads GET /api/v1/admin/audit with
// the view's filters into AuditLogModel, offers the accounts as people to filter by
// when the viewer is an admin (else the logins seen), and writes the entries shown as
// CSV (QSaveFile: the whole file or nothing).
class AuditController : public QObject
{
    Q_OBJECT
public:
    // admin: the viewer may read the accounts. kiosk: no export (no file dialogs on a kiosk).
    AuditController(ApiClient *api, bool admin, bool kiosk, QObject *parent = nullptr);
    ~AuditController() override;

    AuditLogView *view() const { return m_view.get(); }
    AuditLogModel *model() { return &m_model; }
    void start();
    void refresh(const AuditQuery &query);
    // Writes the entries shown; false (and said in the view) when the file cannot be written.
    bool exportCsv(const QString &path);

Q_SIGNALS:
    void refreshed();

private:
    void updatePeople();

    ApiClient *m_api;
    bool m_admin;
    AuditLogModel m_model;
    std::unique_ptr<AuditLogView> m_view;
    QList<StaffAccount> m_accounts;
    int m_reads = 0;  // only the latest read is shown
};

} // namespace BoxOffice
