#include "models/staffaccountmodel.h"

#include <QBrush>
#include <QPalette>

namespace BoxOffice {

StaffAccountModel::StaffAccountModel(QObject *parent) : QAbstractTableModel(parent) {}

QString StaffAccountModel::roleText(StaffRole role)
{
    switch (role) {
    case StaffRole::Clerk: return tr("Clerk");
    case StaffRole::Manager: return tr("Manager");
    case StaffRole::Admin: return tr("Admin");
    }
    return {};
}

void StaffAccountModel::setAccounts(const QList<StaffAccount> &accounts)
{
    beginResetModel();
    m_accounts = accounts;
    endResetModel();
}

void StaffAccountModel::upsert(const StaffAccount &account)
{
    const int row = account.id ? rowOf(*account.id) : -1;
    if (row >= 0) {
        m_accounts[row] = account;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = int(m_accounts.size());
    beginInsertRows({}, at, at);
    m_accounts.append(account);
    endInsertRows();
}

int StaffAccountModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_accounts.size(); ++i)
        if (m_accounts[i].id == id)
            return int(i);
    return -1;
}

int StaffAccountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int StaffAccountModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StaffAccountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StaffAccount &a = m_accounts.at(index.row());
    if (role == IdRole)
        return a.id.value_or(QString());
    if (role == Qt::ForegroundRole && !a.active)
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool raw = role == SortRole;
    switch (index.column()) {
    case LoginColumn: return a.login;
    case NameColumn: return a.name;
    case RoleColumn: return raw ? QVariant(int(a.role)) : QVariant(roleText(a.role));
    case ActiveColumn: return raw ? QVariant(a.active) : QVariant(a.active ? tr("Active") : tr("Deactivated"));
    }
    return {};
}

QVariant StaffAccountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LoginColumn: return tr("Login");
    case NameColumn: return tr("Name");
    case RoleColumn: return tr("Role");
    case ActiveColumn: return tr("Status");
    }
    return {};
}

} // namespace BoxOffice
