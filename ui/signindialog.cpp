#include "ui/signindialog.h"

#include "ui/pinkeypad.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

SignInDialog::SignInDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"signInDialog"_s);
    setWindowTitle(tr("Staff sign-in"));
    setMinimumWidth(440);
    auto *layout = new QVBoxLayout(this);
    auto *title = m_title = new QLabel(tr("Sign in with your staff login and PIN."), this);
    QFont f = title->font();
    f.setPointSize(f.pointSize() + 2);
    f.setBold(true);
    title->setFont(f);
    title->setWordWrap(true);
    layout->addWidget(title);
    m_server = new QLabel(this);
    m_server->setObjectName(u"serverLabel"_s);
    m_server->setWordWrap(true);
    layout->addWidget(m_server);

    m_pages = new QStackedWidget(this);
    auto *account = new QWidget(m_pages);
    auto *accountLayout = new QVBoxLayout(account);
    accountLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_login = new QLineEdit(account);
    m_login->setObjectName(u"loginEdit"_s);
    m_login->setMaxLength(64);
    m_login->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    form->addRow(tr("&Login:"), m_login);
    m_pin = new QLineEdit(account);
    m_pin->setObjectName(u"pinEdit"_s);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(12);
    m_pin->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,12}"_s), m_pin));
    m_pin->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_pin->setPlaceholderText(tr("4 to 12 digits"));
    QFont pinFont = m_pin->font();
    pinFont.setPointSize(pinFont.pointSize() + 4);
    m_pin->setFont(pinFont);
    form->addRow(tr("&PIN:"), m_pin);
    accountLayout->addLayout(form);
    m_keypad = new PinKeypad(account);
    m_keypad->setTarget(m_pin);
    m_keypad->hide();
    accountLayout->addWidget(m_keypad, 0, Qt::AlignHCenter);
    m_pages->addWidget(account);

    auto *keyPage = new QWidget(m_pages);
    auto *keyLayout = new QVBoxLayout(keyPage);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    auto *keyNote = new QLabel(tr("The server's configured staff key signs you in as its administrator: use it to "
                                  "create the first accounts on a new server."),
                               keyPage);
    keyNote->setWordWrap(true);
    keyLayout->addWidget(keyNote);
    auto *keyForm = new QFormLayout;
    m_key = new QLineEdit(keyPage);
    m_key->setObjectName(u"staffKeyEdit"_s);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    keyForm->addRow(tr("Staff &key:"), m_key);
    keyLayout->addLayout(keyForm);
    m_localKey = new QPushButton(tr("Use this computer's local server key"), keyPage);
    m_localKey->setObjectName(u"localKeyButton"_s);
    m_localKey->setToolTip(tr("The local box office started by this program is yours: sign in as its administrator."));
    m_localKey->hide();
    keyLayout->addWidget(m_localKey, 0, Qt::AlignLeft);
    keyLayout->addStretch(1);
    m_pages->addWidget(keyPage);
    layout->addWidget(m_pages);

    m_useKey = new QCheckBox(tr("Use a staff &key instead"), this);
    m_useKey->setObjectName(u"useStaffKey"_s);
    layout->addWidget(m_useKey);

    m_message = new QLabel(this);
    m_message->setObjectName(u"signInMessage"_s);
    m_message->setWordWrap(true);
    QPalette warn = m_message->palette();
    warn.setColor(QPalette::WindowText, QColor(0xA0, 0x20, 0x00));
    m_message->setPalette(warn);
    m_message->hide();
    layout->addWidget(m_message);

    m_buttons = new QDialogButtonBox(this);
    m_signIn = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The stack takes the size of the page shown, not of the larger one.
    auto showPage = [this](int index) {
        for (int i = 0; i < m_pages->count(); ++i)
            m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                              i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_pages->setCurrentIndex(index);
        m_pages->adjustSize();
        adjustSize();
    };
    showPage(0);
    connect(m_useKey, &QCheckBox::toggled, this, [this, showPage](bool useKey) {
        m_title->setText(useKey ? tr("Sign in with the server's staff key.") : tr("Sign in with your staff login and PIN."));
        showPage(useKey ? 1 : 0);
        m_message->hide();
        (useKey ? m_key : (m_login->text().isEmpty() ? m_login : m_pin))->setFocus();
        updateButtons();
    });
    connect(m_localKey, &QPushButton::clicked, this, [this] {
        if (m_busy)
            return;
        m_message->hide();
        setBusy(true);
        Q_EMIT localKeyRequested();
    });
    for (QLineEdit *e : {m_login, m_pin, m_key})
        connect(e, &QLineEdit::textChanged, this, &SignInDialog::updateButtons);
    m_login->setFocus();
    updateButtons();
}

void SignInDialog::setServer(const QString &description)
{
    m_server->setText(description);
}

void SignInDialog::setKeypadVisible(bool visible)
{
    m_keypad->setVisible(visible);
    adjustSize();
}

bool SignInDialog::isKeypadVisible() const
{
    return !m_keypad->isHidden();
}

void SignInDialog::setLocalKeyAvailable(bool available)
{
    m_localKey->setVisible(available);
}

bool SignInDialog::usesStaffKey() const
{
    return m_useKey->isChecked();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_pages), static_cast<QWidget *>(m_useKey)})
        w->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("Sign in"));
    updateButtons();
}

void SignInDialog::showError(const QString &message)
{
    setBusy(false);
    m_pin->clear();
    m_key->clear();
    m_message->setText(message);
    m_message->show();
    (usesStaffKey() ? m_key : (m_login->text().isEmpty() ? m_login : m_pin))->setFocus();
}

QString SignInDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SignInDialog::submit()
{
    if (m_busy || !m_signIn->isEnabled())
        return;
    m_message->hide();
    setBusy(true);
    if (usesStaffKey())
        Q_EMIT staffKeyRequested(m_key->text());
    else
        Q_EMIT signInRequested(m_login->text().trimmed(), m_pin->text());
}

void SignInDialog::updateButtons()
{
    const bool complete = usesStaffKey()
                              ? !m_key->text().isEmpty()
                              : !m_login->text().trimmed().isEmpty() && m_pin->text().size() >= 4;
    m_signIn->setEnabled(!m_busy && complete);
}

void SignInDialog::done(int result)
{
    // Nothing secret outlives the dialog's answer.
    m_pin->clear();
    m_key->clear();
    QDialog::done(result);
}

} // namespace BoxOffice
