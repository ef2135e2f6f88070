#include "ui/staffaccountdialog.h"

#include "models/staffaccountmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

StaffAccountDialog::StaffAccountDialog(const std::optional<StaffAccount> &account, QWidget *parent)
    : QDialog(parent), m_account(account)
{
    setObjectName(u"staffAccountDialog"_s);
    setWindowTitle(account ? tr("Edit account %1").arg(account->login) : tr("Add a staff account"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_login = new QLineEdit(this);
    m_login->setObjectName(u"loginEdit"_s);
    m_login->setMaxLength(64);
    // The server's logins: lower-case letters, digits, dot, dash and underscore.
    m_login->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z0-9._-]{0,64}"_s), m_login));
    m_login->setPlaceholderText(tr("e.g. minji.kim"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setMaxLength(120);
    m_role = new QComboBox(this);
    m_role->setObjectName(u"roleCombo"_s);
    for (StaffRole r : {StaffRole::Clerk, StaffRole::Manager, StaffRole::Admin})
        m_role->addItem(StaffAccountModel::roleText(r), staffRoleName(r));
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(u"pinEdit"_s);
    m_pinAgain = new QLineEdit(this);
    m_pinAgain->setObjectName(u"pinAgainEdit"_s);
    for (QLineEdit *e : {m_pin, m_pinAgain}) {
        e->setEchoMode(QLineEdit::Password);
        e->setMaxLength(12);
        e->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,12}"_s), e));
        e->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    }
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    if (account) {
        m_login->setText(account->login);
        m_login->setReadOnly(true);
        m_login->setToolTip(tr("A login cannot be changed."));
        m_name->setText(account->name);
        m_role->setCurrentIndex(m_role->findData(staffRoleName(account->role)));
        m_pin->setPlaceholderText(tr("unchanged"));
        form->addRow(tr("New &PIN:"), m_pin);
        form->addRow(tr("New PIN &again:"), m_pinAgain);
    } else {
        m_pin->setPlaceholderText(tr("4 to 12 digits"));
        form->addRow(tr("&PIN:"), m_pin);
        form->addRow(tr("PIN &again:"), m_pinAgain);
    }
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(u"accountError"_s);
    m_error->setWordWrap(true);
    QPalette warn = m_error->palette();
    warn.setColor(QPalette::WindowText, QColor(0xA0, 0x20, 0x00));
    m_error->setPalette(warn);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(account ? tr("Save") : tr("Add"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(u"saveAccountButton"_s);
    m_ok->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &StaffAccountDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    (account ? m_name : m_login)->setFocus();
    resize(420, sizeHint().height());
}

NewStaffAccount StaffAccountDialog::newAccount() const
{
    return NewStaffAccount{m_login->text().trimmed().toLower(), m_name->text().trimmed(),
                           staffRoleFromName(m_role->currentData().toString()).value_or(StaffRole::Clerk), m_pin->text()};
}

StaffAccountChange StaffAccountDialog::change() const
{
    StaffAccountChange c;
    if (!m_account)
        return c;
    const QString name = m_name->text().trimmed();
    if (name != m_account->name)
        c.name = name;
    const StaffRole role = staffRoleFromName(m_role->currentData().toString()).value_or(m_account->role);
    if (role != m_account->role)
        c.role = role;
    if (!m_pin->text().isEmpty())
        c.pin = m_pin->text();
    return c;
}

QString StaffAccountDialog::problem() const
{
    if (!isEdit() && m_login->text().trimmed().isEmpty())
        return tr("Enter a login.");
    if (m_name->text().trimmed().isEmpty())
        return tr("Enter the person's name.");
    const bool pinNeeded = !isEdit() || !m_pin->text().isEmpty() || !m_pinAgain->text().isEmpty();
    if (pinNeeded && !isValidStaffPin(m_pin->text()))
        return tr("The PIN must be 4 to 12 digits.");
    if (pinNeeded && m_pin->text() != m_pinAgain->text())
        return tr("The two PINs are not the same.");
    if (isEdit() && change().isEmpty())
        return tr("Nothing has changed.");
    return {};
}

void StaffAccountDialog::submit()
{
    if (!m_ok->isEnabled())
        return;  // already sent
    if (const QString p = problem(); !p.isEmpty())
        return showError(p);
    m_error->hide();
    m_ok->setEnabled(false);
    Q_EMIT submitted();
}

void StaffAccountDialog::showError(const QString &message)
{
    m_ok->setEnabled(true);
    m_error->setText(message);
    m_error->show();
}

QString StaffAccountDialog::error() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void StaffAccountDialog::done(int result)
{
    m_pin->clear();
    m_pinAgain->clear();
    QDialog::done(result);
}

} // namespace BoxOffice
