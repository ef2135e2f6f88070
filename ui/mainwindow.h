#pragma once

#include "domain/staffaccount.h"

#include <QDateTime>
#include <QMainWindow>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace BoxOffice {

class ConcertModel;

// The box office's main window: the concerts and their performances, with a
// visible loading state and a readable error state with a retry button. It shows
// what it is given and emits intent; it never touches the network.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ConcertModel *concerts, QWidget *parent = nullptr);

    enum class State { Loading, Error, Ready };
    State state() const { return m_state; }

public Q_SLOTS:
    void showLoading(const QString &message);
    void showError(const QString &title, const QString &message);
    void showConcerts(const QDateTime &updatedAt);
    void setServerDescription(const QString &text);
    // Offline: a banner over the (cached) list; an empty text hides it.
    void setOfflineBanner(const QString &text);
    // Kiosk: no menus and no way out but the staff PIN; the list as the home screen.
    void setKioskMode(bool kiosk);
    // Back to the top of the list with no search (a kiosk starting over).
    void resetView();
    // Who is signed in as staff (none: nobody; `note` says why when there is a reason):
    // the status bar names them, and the Staff menu offers what their role may do
    // (signed out: only Sign in; clerk: the dashboard and the orders; manager: also the
    // QA tools and the audit log; admin: also the accounts).
    void setStaff(const std::optional<StaffAccount> &staff, const QString &note = {});
    // A passing word in the status bar (a few seconds).
    void showStatusMessage(const QString &text);

Q_SIGNALS:
    void reloadRequested();
    void rankingsRequested();
    void staffDashboardRequested();
    void staffSignInRequested();
    void staffSignOutRequested();
    void qaToolsRequested();
    void auditLogRequested();
    void staffAccountsRequested();
    // Door, till, seats not for sale (issue 15).
    void doorCheckInRequested();
    void tillRequested();
    void seatsNotForSaleRequested();
    void ordersRequested();    // Staff → Orders… (clerks and above)
    void myOrdersRequested();  // View → My orders (not on a kiosk)
    // A performance was opened (double click or Enter): the buyer wants tickets.
    void performanceActivated(const QString &concertId, const QString &performanceId, const QString &title);

private:
    void activate(const QModelIndex &index);
    QWidget *createHeader();
    QWidget *createLoadingPage();
    QWidget *createErrorPage();
    QWidget *createConcertsPage(ConcertModel *concerts);

    State m_state = State::Loading;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_loadingPage = nullptr;
    QWidget *m_errorPage = nullptr;
    QWidget *m_concertsPage = nullptr;
    QLabel *m_loadingLabel = nullptr;
    QLabel *m_errorTitle = nullptr;
    QLabel *m_errorMessage = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_tree = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_updatedLabel = nullptr;
    QLabel *m_offlineBanner = nullptr;
    QLabel *m_staffLabel = nullptr;
    QAction *m_signIn = nullptr, *m_signOut = nullptr, *m_dashboard = nullptr, *m_qa = nullptr, *m_audit = nullptr,
            *m_accounts = nullptr, *m_orders = nullptr, *m_myOrders = nullptr;
    // Door, till, seats not for sale (issue 15): each action's least role.
    QList<QPair<QAction *, StaffRole>> m_dayActions;
    bool m_kiosk = false;
};

} // namespace BoxOffice
