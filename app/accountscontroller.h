#pragma once

#include "models/staffaccountmodel.h"

#include <QObject>

#include <memory>

namespace BoxOffice {

class ApiClient;
class StaffAccountsView;
struct ApiError;

// Staff → Accounts (admins) behind StaffAccountsView: reads GET /api/v1/admin/staff into
// StaffAccountModel, and carries the view's intents to the server: POST to add, PATCH
// to edit, deactivate or reactivate. The server's refusals (a taken login: 409; a PIN
// it will not take: 400) are said in the dialog that asked.
class AccountsController : public QObject
{
    Q_OBJECT
public:
    // self: the signed-in account (none for the staff key).
    AccountsController(ApiClient *api, const std::optional<QString> &self, QObject *parent = nullptr);
    ~AccountsController() override;

    StaffAccountsView *view() const { return m_view.get(); }
    StaffAccountModel *model() { return &m_model; }
    void start();
    void refresh();

Q_SIGNALS:
    void refreshed();
    void saved(const StaffAccount &account);

private:
    void add(const NewStaffAccount &account);
    void update(const QString &id, const StaffAccountChange &change);
    static QString describe(const ApiError &error);

    ApiClient *m_api;
    StaffAccountModel m_model;
    std::unique_ptr<StaffAccountsView> m_view;
};

} // namespace BoxOffice
