#include "app/accountscontroller.h"

#include "app/apiclient.h"
#include "ui/staffaccountsview.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

AccountsController::AccountsController(ApiClient *api, const std::optional<QString> &self, QObject *parent)
    : QObject(parent), m_api(api), m_view(std::make_unique<StaffAccountsView>(&m_model))
{
    m_view->setSelf(self);
    connect(m_view.get(), &StaffAccountsView::refreshRequested, this, &AccountsController::refresh);
    connect(m_view.get(), &StaffAccountsView::addRequested, this, &AccountsController::add);
    connect(m_view.get(), &StaffAccountsView::updateRequested, this, &AccountsController::update);
}

AccountsController::~AccountsController() = default;

void AccountsController::start()
{
    m_view->show();
    refresh();
}

void AccountsController::refresh()
{
    m_api->staffAccounts(this, [this](const ApiResult<QList<StaffAccount>> &r) {
        if (!r) {
            m_view->showMessage(r.error().message);
        } else {
            m_model.setAccounts(r.value());
            m_view->showMessage(r.value().isEmpty()
                                    ? tr("No accounts yet: add the first one.")
                                    : tr("%n account(s).", nullptr, int(r.value().size())));
        }
        Q_EMIT refreshed();
    });
}

void AccountsController::add(const NewStaffAccount &account)
{
    m_api->addStaff(account, this, [this](const ApiResult<StaffAccount> &r) {
        if (!r)
            return m_view->showEditError(describe(r.error()));
        m_model.upsert(r.value());
        m_view->finishEdit(r.value());
        m_view->showMessage(tr("Account %1 added: %2 can sign in now.").arg(r.value().login, r.value().name));
        Q_EMIT saved(r.value());
    });
}

void AccountsController::update(const QString &id, const StaffAccountChange &change)
{
    m_api->updateStaff(id, change, this, [this, change](const ApiResult<StaffAccount> &r) {
        if (!r)
            return m_view->showEditError(describe(r.error()));
        m_model.upsert(r.value());
        m_view->finishEdit(r.value());
        const StaffAccount &a = r.value();
        if (change.active && !*change.active)
            m_view->showMessage(tr("%1 is deactivated and signed out everywhere.").arg(a.login));
        else if (change.active)
            m_view->showMessage(tr("%1 is active again.").arg(a.login));
        else
            m_view->showMessage(tr("Account %1 saved.").arg(a.login));
        Q_EMIT saved(a);
    });
}

QString AccountsController::describe(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Http)
        return error.message;
    switch (error.httpStatus) {
    case 409: return tr("This login is taken: choose another.");
    case 400:
        // The server names what it refused; a PIN is the usual reason.
        if (error.serverMessage.contains(u"pin"_s, Qt::CaseInsensitive) || error.details.contains(u"pin"_s))
            return tr("The server did not accept the PIN: it must be 4 to 12 digits.");
        return tr("The server did not accept this: %1").arg(error.serverMessage.isEmpty() ? error.message
                                                                                           : error.serverMessage);
    case 403: return tr("Only an admin may change accounts.");
    case 404: return tr("This account no longer exists.");
    }
    return error.message;
}

} // namespace BoxOffice
