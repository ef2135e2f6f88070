#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace BoxOffice {

class PinKeypad;

// Staff → Sign in…: a login and a PIN (masked, digits only, 4 to 12), with a numeric
// on-screen keypad on touch screens; or, behind "Use a staff key", a configured staff
// key (the bootstrap admin of a fresh server), and on the embedded server a button for
// this computer's own key. It emits what was asked and stays open, busy, until the
// owner answers: done() on success, or showError() (which clears the PIN or key).
// It never shows a PIN or key it was given back.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void setServer(const QString &description);
    void setKeypadVisible(bool visible);
    bool isKeypadVisible() const;
    // The embedded server: offers "Use this computer's local server key".
    void setLocalKeyAvailable(bool available);
    void setBusy(bool busy);
    void showError(const QString &message);
    QString message() const;
    bool usesStaffKey() const;

Q_SIGNALS:
    void signInRequested(const QString &login, const QString &pin);
    void staffKeyRequested(const QString &key);
    void localKeyRequested();

protected:
    void done(int result) override;

private:
    void submit();
    void updateButtons();

    QLabel *m_title, *m_server, *m_message;
    QStackedWidget *m_pages;
    QLineEdit *m_login, *m_pin, *m_key;
    PinKeypad *m_keypad;
    QCheckBox *m_useKey;
    QPushButton *m_localKey, *m_signIn;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace BoxOffice
