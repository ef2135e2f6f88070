#include "ui/mainwindow.h"

#include "models/concertmodel.h"
#include "models/staffaccountmodel.h"
#include "ui/availabilitydelegate.h"

#include <QAction>
#include <QMenu>
#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

QLabel *centredLabel(const QString &text, QWidget *parent, int pointSizeDelta = 0, bool bold = false)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSize(font.pointSize() + pointSizeDelta);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

} // namespace

MainWindow::MainWindow(ConcertModel *concerts, QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("BoxOffice"));
    setWindowIcon(QIcon(u":/icons/boxoffice.svg"_s));
    resize(1180, 720);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *reload = fileMenu->addAction(tr("&Reload"), this, &MainWindow::reloadRequested);
    reload->setShortcut(QKeySequence::Refresh);
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *rankings = viewMenu->addAction(tr("&Rankings"), this, &MainWindow::rankingsRequested);
    rankings->setObjectName(u"rankingsAction"_s);
    rankings->setShortcut(Qt::CTRL | Qt::Key_R);
    auto *staffMenu = menuBar()->addMenu(tr("&Staff"));
    staffMenu->setObjectName(u"staffMenu"_s);
    m_signIn = staffMenu->addAction(tr("&Sign in…"), this, &MainWindow::staffSignInRequested);
    m_signIn->setObjectName(u"signInAction"_s);
    m_signIn->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_L);
    m_signOut = staffMenu->addAction(tr("Sign &out"), this, &MainWindow::staffSignOutRequested);
    m_signOut->setObjectName(u"signOutAction"_s);
    staffMenu->addSeparator();
    m_dashboard = staffMenu->addAction(tr("&Dashboard"), this, &MainWindow::staffDashboardRequested);
    m_dashboard->setObjectName(u"dashboardAction"_s);
    m_dashboard->setShortcut(Qt::CTRL | Qt::Key_D);
    m_audit = staffMenu->addAction(tr("&Audit log"), this, &MainWindow::auditLogRequested);
    m_audit->setObjectName(u"auditAction"_s);
    m_accounts = staffMenu->addAction(tr("A&ccounts"), this, &MainWindow::staffAccountsRequested);
    m_accounts->setObjectName(u"accountsAction"_s);
    m_qa = staffMenu->addAction(tr("&QA tools"), this, &MainWindow::qaToolsRequested);
    m_qa->setObjectName(u"qaToolsAction"_s);
    m_qa->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    // Door, till, seats not for sale (issue 15).
    staffMenu->addSeparator();
    const struct {
        const char *name;
        QString text;
        void (MainWindow::*signal)();
        StaffRole least;
    } dayActions[] = {
        {"doorAction", tr("Door chec&k-in…"), &MainWindow::doorCheckInRequested, StaffRole::Clerk},
        {"tillAction", tr("&Till…"), &MainWindow::tillRequested, StaffRole::Clerk},
        {"seatsNotForSaleAction", tr("Seats &not for sale…"), &MainWindow::seatsNotForSaleRequested, StaffRole::Manager},
    };
    for (const auto &a : dayActions) {
        QAction *action = staffMenu->addAction(a.text, this, a.signal);
        action->setObjectName(QString::fromLatin1(a.name));
        m_dayActions.append({action, a.least});
    }
    // Orders, tickets, refunds (issue 15): a buyer's own orders; the staff's order desk.
    m_myOrders = viewMenu->addAction(tr("My &orders"), this, &MainWindow::myOrdersRequested);
    m_myOrders->setObjectName(u"myOrdersAction"_s);
    m_orders = new QAction(tr("O&rders…"), staffMenu);
    connect(m_orders, &QAction::triggered, this, &MainWindow::ordersRequested);
    staffMenu->insertAction(m_audit, m_orders);  // the desk's work, next to the dashboard
    m_orders->setObjectName(u"ordersAction"_s);
    m_orders->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About BoxOffice"), this, [this] {
        QMessageBox::about(this, tr("About BoxOffice"),
                           tr("<b>BoxOffice</b><p>A fair waiting room and box office for concert sales.</p>"));
    });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createHeader());
    m_offlineBanner = new QLabel(central);
    m_offlineBanner->setObjectName(u"offlineBanner"_s);
    m_offlineBanner->setWordWrap(true);
    m_offlineBanner->setContentsMargins(16, 8, 16, 8);
    m_offlineBanner->setAutoFillBackground(true);
    QPalette banner = m_offlineBanner->palette();
    banner.setColor(QPalette::Window, QColor(0xFF, 0xE8, 0xB0));
    banner.setColor(QPalette::WindowText, QColor(0x4A, 0x35, 0x00));
    m_offlineBanner->setPalette(banner);
    m_offlineBanner->hide();
    layout->addWidget(m_offlineBanner);
    m_pages = new QStackedWidget(central);
    m_loadingPage = createLoadingPage();
    m_errorPage = createErrorPage();
    m_concertsPage = createConcertsPage(concerts);
    m_pages->addWidget(m_loadingPage);
    m_pages->addWidget(m_errorPage);
    m_pages->addWidget(m_concertsPage);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_serverLabel = new QLabel(this);
    m_updatedLabel = new QLabel(this);
    m_staffLabel = new QLabel(this);
    m_staffLabel->setObjectName(u"staffLabel"_s);
    m_staffLabel->setWordWrap(false);
    statusBar()->addWidget(m_serverLabel, 1);
    statusBar()->addPermanentWidget(m_staffLabel);
    statusBar()->addPermanentWidget(m_updatedLabel);
    setStaff(std::nullopt);

    showLoading(tr("Loading concerts…"));
}

QWidget *MainWindow::createHeader()
{
    auto *header = new QWidget(this);
    header->setObjectName(u"header"_s);
    header->setAutoFillBackground(true);
    QPalette pal = header->palette();
    pal.setColor(QPalette::Window, QColor(0x1d, 0x2b, 0x3a));
    pal.setColor(QPalette::WindowText, Qt::white);
    header->setPalette(pal);

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(18, 12, 18, 12);
    auto *titles = new QVBoxLayout;
    auto *title = new QLabel(tr("BoxOffice"), header);
    QFont titleFont = title->font();
    titleFont.setPointSize(titleFont.pointSize() + 7);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *subtitle = new QLabel(tr("Concerts and performances"), header);
    titles->addWidget(title);
    titles->addWidget(subtitle);
    layout->addLayout(titles);
    layout->addStretch(1);

    m_search = new QLineEdit(header);
    m_search->setObjectName(u"searchField"_s);
    m_search->setPlaceholderText(tr("Search concerts, artists, genres, venues…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    layout->addWidget(m_search);

    auto *reload = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Reload"), header);
    reload->setObjectName(u"reloadButton"_s);
    reload->setToolTip(tr("Load the concerts again (F5)"));
    connect(reload, &QPushButton::clicked, this, &MainWindow::reloadRequested);
    layout->addWidget(reload);
    return header;
}

QWidget *MainWindow::createLoadingPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"loadingPage"_s);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    m_loadingLabel = centredLabel(QString(), page, 3);
    layout->addWidget(m_loadingLabel);
    auto *busy = new QProgressBar(page);
    busy->setRange(0, 0);  // indeterminate
    busy->setTextVisible(false);
    busy->setFixedWidth(280);
    layout->addWidget(busy, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    return page;
}

QWidget *MainWindow::createErrorPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"errorPage"_s);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    auto *icon = new QLabel(page);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    m_errorTitle = centredLabel(QString(), page, 5, true);
    m_errorTitle->setObjectName(u"errorTitle"_s);
    layout->addWidget(m_errorTitle);
    m_errorMessage = centredLabel(QString(), page, 1);
    m_errorMessage->setObjectName(u"errorMessage"_s);
    m_errorMessage->setMaximumWidth(640);
    m_errorMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorMessage->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    // In a row of its own, not aligned: an aligned word-wrapped label keeps the height of
    // its size hint and cuts a long message (a refused certificate's) after two lines.
    auto *messageRow = new QHBoxLayout;
    messageRow->addStretch(1);
    messageRow->addWidget(m_errorMessage, 6);
    messageRow->addStretch(1);
    layout->addLayout(messageRow);
    auto *retry = new QPushButton(tr("Try again"), page);
    retry->setObjectName(u"retryButton"_s);
    retry->setDefault(true);
    retry->setMinimumWidth(160);
    connect(retry, &QPushButton::clicked, this, &MainWindow::reloadRequested);
    layout->addSpacing(12);
    layout->addWidget(retry, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    return page;
}

QWidget *MainWindow::createConcertsPage(ConcertModel *concerts)
{
    auto *page = new QWidget(this);
    page->setObjectName(u"concertsPage"_s);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 12, 6);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(concerts);
    m_proxy->setSortRole(ConcertModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);           // any column
    m_proxy->setRecursiveFilteringEnabled(true);  // a match in a concert keeps it and shows why
    m_proxy->setAutoAcceptChildRows(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_tree = new QTreeView(page);
    m_tree->setObjectName(u"concertTree"_s);
    m_tree->setModel(m_proxy);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(-1, Qt::AscendingOrder);  // server order until the user sorts
    m_tree->setItemDelegateForColumn(ConcertModel::AvailableColumn, new AvailabilityDelegate(m_tree));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ConcertModel::TitleColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(ConcertModel::ArtistColumn, 190);
    m_tree->setColumnWidth(ConcertModel::GenreColumn, 90);
    m_tree->setColumnWidth(ConcertModel::VenueColumn, 170);
    m_tree->setColumnWidth(ConcertModel::SalesColumn, 150);
    m_tree->setColumnWidth(ConcertModel::AvailableColumn, 170);
    connect(m_tree, &QTreeView::activated, this, &MainWindow::activate);
    // On a touch screen one tap opens a performance.
    connect(m_tree, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (m_kiosk)
            activate(index);
    });
    m_tree->setToolTip(tr("Double-click a performance to buy tickets"));
    connect(m_proxy, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, m_tree, &QTreeView::expandAll);
    layout->addWidget(m_tree);
    return page;
}

void MainWindow::activate(const QModelIndex &index)
{
    const QModelIndex row = index.siblingAtColumn(ConcertModel::TitleColumn);
    if (row.data(ConcertModel::KindRole).value<ConcertModel::Kind>() != ConcertModel::Kind::Performance)
        return;
    const QModelIndex concert = row.parent();
    Q_EMIT performanceActivated(concert.data(ConcertModel::IdRole).toString(), row.data(ConcertModel::IdRole).toString(),
                                concert.data().toString() + u" · "_s + row.data().toString());
}

void MainWindow::setKioskMode(bool kiosk)
{
    m_kiosk = kiosk;
    menuBar()->setVisible(!kiosk);
    // A buyer at a kiosk needs what, where, when and what is left.
    m_tree->setColumnHidden(ConcertModel::ArtistColumn, kiosk);
    m_tree->setColumnHidden(ConcertModel::GenreColumn, kiosk);
    m_tree->setToolTip(kiosk ? tr("Tap a performance to buy tickets") : tr("Double-click a performance to buy tickets"));
    // Hidden menus still answer their shortcuts: switch the actions off too.
    for (QMenu *menu : menuBar()->findChildren<QMenu *>())
        for (QAction *action : menu->actions())
            action->setEnabled(!kiosk || action->objectName() == u"rankingsAction");
    m_serverLabel->setVisible(!kiosk);
    m_staffLabel->setVisible(!kiosk);
    m_myOrders->setVisible(!kiosk);  // a kiosk serves many people: nobody's orders are kept there
}

void MainWindow::resetView()
{
    m_search->clear();
    m_tree->clearSelection();
    m_tree->expandAll();
    m_tree->scrollToTop();
}

void MainWindow::setStaff(const std::optional<StaffAccount> &staff, const QString &note)
{
    m_signIn->setVisible(!staff);
    m_signOut->setVisible(staff.has_value());
    m_dashboard->setVisible(staff && staff->hasRole(StaffRole::Clerk));
    m_orders->setVisible(staff && staff->hasRole(StaffRole::Clerk));
    m_qa->setVisible(staff && staff->hasRole(StaffRole::Manager));
    m_audit->setVisible(staff && staff->hasRole(StaffRole::Manager));
    m_accounts->setVisible(staff && staff->hasRole(StaffRole::Admin));
    for (const auto &[action, least] : std::as_const(m_dayActions))
        action->setVisible(staff && staff->hasRole(least));
    if (staff) {
        const QString who = staff->isStaffKey() ? tr("Staff key") : staff->name;
        m_staffLabel->setText(tr("Signed in: %1 (%2)").arg(who, QLocale().toLower(StaffAccountModel::roleText(staff->role))));
        m_staffLabel->setToolTip(staff->isStaffKey() ? tr("Signed in with the server's staff key")
                                                     : tr("Login: %1").arg(staff->login));
    } else {
        m_staffLabel->setText(note.isEmpty() ? tr("Staff: not signed in") : note);
        m_staffLabel->setToolTip(note);
    }
}

void MainWindow::showStatusMessage(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

void MainWindow::showLoading(const QString &message)
{
    m_state = State::Loading;
    m_loadingLabel->setText(message);
    m_pages->setCurrentWidget(m_loadingPage);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_state = State::Error;
    m_errorTitle->setText(title);
    m_errorMessage->setText(message);
    m_pages->setCurrentWidget(m_errorPage);
}

void MainWindow::showConcerts(const QDateTime &updatedAt)
{
    m_state = State::Ready;
    m_tree->expandAll();
    m_updatedLabel->setText(tr("Updated %1").arg(QLocale().toString(updatedAt.toLocalTime().time(), QLocale::ShortFormat)));
    m_pages->setCurrentWidget(m_concertsPage);
}

void MainWindow::setOfflineBanner(const QString &text)
{
    m_offlineBanner->setText(text);
    m_offlineBanner->setVisible(!text.isEmpty());
}

void MainWindow::setServerDescription(const QString &text)
{
    m_serverLabel->setText(text);
}

} // namespace BoxOffice
