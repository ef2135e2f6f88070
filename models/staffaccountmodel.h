#pragma once

#include "domain/staffaccount.h"

#include <QAbstractTableModel>

namespace BoxOffice {

// The staff accounts as a table: login, name, role, active. Display text per column and
// the raw value under SortRole (the role by rank, so clerk < manager < admin). A full
// list resets; one account added or changed (what the server answered) is inserted or
// updated in place.
class StaffAccountModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LoginColumn, NameColumn, RoleColumn, ActiveColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, IdRole };

    explicit StaffAccountModel(QObject *parent = nullptr);

    void setAccounts(const QList<StaffAccount> &accounts);
    // Replaces the account with the same id, or appends it.
    void upsert(const StaffAccount &account);
    const QList<StaffAccount> &accounts() const { return m_accounts; }
    // The row of an account id, or -1.
    int rowOf(const QString &id) const;

    // A role for people: "Clerk", "Manager", "Admin" (translated).
    static QString roleText(StaffRole role);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StaffAccount> m_accounts;
};

} // namespace BoxOffice
