#include "ui/staffaccountsview.h"

#include "models/staffaccountmodel.h"
#include "ui/staffaccountdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

StaffAccountsView::StaffAccountsView(StaffAccountModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(u"staffAccountsView"_s);
    setWindowTitle(tr("Staff accounts — BoxOffice"));
    resize(760, 480);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("People who sign in at this box office. A clerk sells at the counter; a manager also "
                                "runs the waiting room and reads the audit log; an admin also manages these accounts."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(StaffAccountModel::SortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(this);
    m_table->setObjectName(u"accountsTable"_s);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StaffAccountModel::LoginColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(StaffAccountModel::NameColumn, QHeaderView::Stretch);
    // The other columns fit their text whenever it changes (a header set to
    // ResizeToContents measured them once, empty, and cut "Manager" short).
    auto fit = [this] {
        for (int column : {int(StaffAccountModel::LoginColumn), int(StaffAccountModel::RoleColumn),
                           int(StaffAccountModel::ActiveColumn)})
            m_table->resizeColumnToContents(column);
    };
    connect(model, &QAbstractItemModel::modelReset, this, fit);
    connect(model, &QAbstractItemModel::rowsInserted, this, fit);
    connect(model, &QAbstractItemModel::dataChanged, this, fit);
    fit();
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(u"addAccountButton"_s);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(u"editAccountButton"_s);
    m_active = new QPushButton(tr("&Deactivate"), this);
    m_active->setObjectName(u"activeButton"_s);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(u"refreshAccountsButton"_s);
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_active);
    buttons->addStretch(1);
    buttons->addWidget(refresh);
    layout->addLayout(buttons);
    m_message = new QLabel(this);
    m_message->setObjectName(u"accountsMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &StaffAccountsView::openAddDialog);
    connect(m_edit, &QPushButton::clicked, this, &StaffAccountsView::openEditDialog);
    connect(m_table, &QTableView::activated, this, &StaffAccountsView::openEditDialog);
    connect(m_active, &QPushButton::clicked, this, &StaffAccountsView::toggleActive);
    connect(refresh, &QPushButton::clicked, this, &StaffAccountsView::refreshRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &StaffAccountsView::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &StaffAccountsView::updateButtons);
    connect(model, &QAbstractItemModel::rowsInserted, this, &StaffAccountsView::updateButtons);
    connect(model, &QAbstractItemModel::dataChanged, this, &StaffAccountsView::updateButtons);
    updateButtons();
}

StaffAccountDialog *StaffAccountsView::editDialog() const
{
    return m_dialog;
}

std::optional<StaffAccount> StaffAccountsView::selected() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    const int row = m_model->rowOf(current.data(StaffAccountModel::IdRole).toString());
    if (row < 0)
        return std::nullopt;
    return m_model->accounts().at(row);
}

void StaffAccountsView::select(const QString &id)
{
    auto *proxy = m_table->model();
    for (int row = 0; row < proxy->rowCount(); ++row)
        if (proxy->index(row, 0).data(StaffAccountModel::IdRole).toString() == id) {
            m_table->setCurrentIndex(proxy->index(row, 0));
            m_table->selectRow(row);
        }
}

void StaffAccountsView::openAddDialog()
{
    if (m_dialog && m_dialog->isVisible())
        return m_dialog->raise();
    m_dialog = new StaffAccountDialog(std::nullopt, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    connect(m_dialog, &StaffAccountDialog::submitted, this, [this] { Q_EMIT addRequested(m_dialog->newAccount()); });
    m_dialog->open();
}

void StaffAccountsView::openEditDialog()
{
    const auto account = selected();
    if (!account || !account->id || (m_dialog && m_dialog->isVisible()))
        return;
    m_dialog = new StaffAccountDialog(account, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    connect(m_dialog, &StaffAccountDialog::submitted, this,
            [this, id = *account->id] { Q_EMIT updateRequested(id, m_dialog->change()); });
    m_dialog->open();
}

void StaffAccountsView::finishEdit(const StaffAccount &account)
{
    if (m_dialog)
        m_dialog->accept();
    if (account.id)
        select(*account.id);
}

void StaffAccountsView::showEditError(const QString &message)
{
    if (m_dialog)
        m_dialog->showError(message);
    else
        showMessage(message);
}

void StaffAccountsView::showMessage(const QString &text)
{
    m_message->setText(text);
}

void StaffAccountsView::toggleActive()
{
    const auto account = selected();
    if (!account || !account->id)
        return;
    StaffAccountChange change;
    change.active = !account->active;
    if (account->active == false)
        return Q_EMIT updateRequested(*account->id, change);  // reactivating needs no second thought
    auto *box = new QMessageBox(QMessageBox::Question, tr("Deactivate account"),
                                tr("Deactivate %1 (%2)? They are signed out at once and cannot sign in until the "
                                   "account is reactivated.")
                                    .arg(account->name, account->login),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setDefaultButton(QMessageBox::No);
    box->setEscapeButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, id = *account->id, change](int) {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
            Q_EMIT updateRequested(id, change);
    });
    box->open();
}

void StaffAccountsView::updateButtons()
{
    const auto account = selected();
    m_edit->setEnabled(account && account->id);
    const bool self = account && account->id && account->id == m_self;
    m_active->setEnabled(account && account->id && !self);
    m_active->setText(account && !account->active ? tr("Re&activate") : tr("&Deactivate"));
    m_active->setToolTip(self ? tr("You cannot deactivate the account you are signed in with.") : QString());
}

} // namespace BoxOffice
