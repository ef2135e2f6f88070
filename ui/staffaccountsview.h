#pragma once

#include "domain/staffaccount.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace BoxOffice {

class StaffAccountDialog;
class StaffAccountModel;

// Staff → Accounts (admins): the accounts in a table, and Add, Edit, Deactivate /
// Reactivate. Add and Edit open StaffAccountDialog (window-modal, not a nested event
// loop); what the server answers comes back through finishEdit() or, inline in the
// dialog, showEditError(). Deactivating asks first (No by default). Shows what it is
// given; emits intent.
class StaffAccountsView : public QWidget
{
    Q_OBJECT
public:
    explicit StaffAccountsView(StaffAccountModel *model, QWidget *parent = nullptr);

    // The signed-in account: it cannot deactivate itself here.
    void setSelf(const std::optional<QString> &id) { m_self = id; updateButtons(); }
    // The selected account, if any.
    std::optional<StaffAccount> selected() const;
    void select(const QString &id);
    StaffAccountDialog *editDialog() const;
    void openAddDialog();
    void openEditDialog();

public Q_SLOTS:
    void showMessage(const QString &text);
    // The open dialog's request went through: it closes.
    void finishEdit(const StaffAccount &account);
    // The server refused it: said in the dialog, which stays open.
    void showEditError(const QString &message);

Q_SIGNALS:
    void refreshRequested();
    void addRequested(const NewStaffAccount &account);
    void updateRequested(const QString &id, const StaffAccountChange &change);

private:
    void toggleActive();
    void updateButtons();

    StaffAccountModel *m_model;
    QTableView *m_table;
    QPushButton *m_add, *m_edit, *m_active;
    QLabel *m_message;
    QPointer<StaffAccountDialog> m_dialog;
    std::optional<QString> m_self;
};

} // namespace BoxOffice
