#pragma once

#include "domain/staffaccount.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace BoxOffice {

// Adds an account (login, name, role, PIN twice) or edits one (name, role, a new PIN
// optional; the login stays). It checks what it can (a login and name given, the PIN 4
// to 12 digits and typed the same twice) and emits submitted(); it stays open, busy,
// until the owner closes it or shows the server's refusal with showError().
class StaffAccountDialog : public QDialog
{
    Q_OBJECT
public:
    // Add: no account given. Edit: the account as it is.
    explicit StaffAccountDialog(const std::optional<StaffAccount> &account, QWidget *parent = nullptr);

    bool isEdit() const { return m_account.has_value(); }
    const std::optional<StaffAccount> &account() const { return m_account; }
    NewStaffAccount newAccount() const;
    // What changed (only what differs from the account; the PIN only when one was typed).
    StaffAccountChange change() const;
    void showError(const QString &message);
    QString error() const;

Q_SIGNALS:
    void submitted();

protected:
    void done(int result) override;

private:
    void submit();
    QString problem() const;

    std::optional<StaffAccount> m_account;
    QLineEdit *m_login, *m_name, *m_pin, *m_pinAgain;
    QComboBox *m_role;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace BoxOffice
