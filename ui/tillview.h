#pragma once

#include "domain/cashsession.h"

#include <QWidget>

#include <functional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace BoxOffice {

// A clerk's till: with none open, the float to open one with; while open, the X
// report (by payment method: sales, refunds, count; the float, paid in and out, the
// cash expected in the drawer), paid in / paid out with an amount and a reason, and
// closing with the cash counted; once closed, the Z report (counted, and the
// difference: over, short or exact) with Save as PDF and Print. Money in the locale,
// times in the venue's zone. Shows what it is given; emits intent.
class TillView : public QWidget
{
    Q_OBJECT
public:
    explicit TillView(QWidget *parent = nullptr);

    enum class Page { Loading, NoTill, Open, Closed };
    Page page() const { return m_page; }
    // The till's currency (the float is asked in it).
    void setCurrency(const QString &currency);
    void setTimeZone(const QString &timeZone) { m_timeZone = timeZone; }
    // Kiosk: no file or print dialog (the PDF goes to a folder of the box office's own).
    void setKioskMode(bool kiosk);
    QString message() const;

public Q_SLOTS:
    void showLoading();
    void showNoTill();
    void showSession(const BoxOffice::CashSession &session);
    void showMessage(const QString &text);
    void setBusy(bool busy);
    // A paid in or out went through: its amount and reason are cleared for the next.
    void clearMovement();

Q_SIGNALS:
    void openRequested(const BoxOffice::Money &openingFloat);
    void movementRequested(BoxOffice::CashMovement::Kind kind, const BoxOffice::Money &amount, const QString &reason);
    void closeRequested(const BoxOffice::Money &countedCash);
    void refreshRequested();
    // The Z report as a PDF: to this file (empty on a kiosk: the controller chooses).
    void savePdfRequested(const QString &fileName);
    void printRequested();

private:
    QWidget *createNoTillPage();
    QWidget *createReportPage();
    void setPage(Page page);
    void confirm(const QString &title, const QString &question, std::function<void()> onYes);
    void chooseFile();
    QString time(const QDateTime &at) const;

    Page m_page = Page::Loading;
    QString m_currency = QStringLiteral("KRW");
    QString m_timeZone;
    bool m_kiosk = false;
    bool m_busy = false;
    bool m_countedEdited = false;  // the cash counted was typed: refreshes leave it alone
    bool m_settingCounted = false;
    std::optional<CashSession> m_session;
    QStackedWidget *m_pages;
    QWidget *m_loadingPage, *m_noTillPage, *m_reportPage;
    QSpinBox *m_float, *m_movementAmount, *m_counted;
    QLineEdit *m_movementReason;
    QLabel *m_title, *m_floatLabel, *m_cashSales, *m_cashRefunds, *m_paidIn, *m_paidOut, *m_expected, *m_countedLabel,
        *m_difference, *m_message;
    QTableWidget *m_methods, *m_movements;
    QGroupBox *m_movementBox, *m_closeBox, *m_zBox;
    QPushButton *m_open, *m_paidInButton, *m_paidOutButton, *m_close, *m_refresh, *m_print;
};

} // namespace BoxOffice
