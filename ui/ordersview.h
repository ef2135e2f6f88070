#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace BoxOffice {

class OrderDetailWidget;
class OrderListModel;

// A list of orders beside one order in full (OrderDetailWidget). Two uses:
// - Staff → Orders… (clerks and above): a search field over the list (code, name,
//   phone, e-mail, seat); the search itself is the owner's (searchEdited as typed).
// - View → My orders (a buyer): the orders bought on this computer, no search.
// Shows what it is given; emits intent.
class OrdersView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Staff, Buyer };
    OrdersView(OrderListModel *model, Mode mode, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    OrderDetailWidget *detail() const { return m_detail; }
    QString searchText() const;
    // The order of the current row (empty: none).
    QString currentOrderId() const;
    void selectOrder(const QString &orderId);

public Q_SLOTS:
    void showMessage(const QString &text);
    // A search is on its way (or not): said next to the field.
    void setSearching(bool searching);

Q_SIGNALS:
    void searchEdited(const QString &text);
    void orderChosen(const QString &orderId);
    void refreshRequested();

private:
    OrderListModel *m_model;
    Mode m_mode;
    QLineEdit *m_search = nullptr;
    QLabel *m_searching = nullptr;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    OrderDetailWidget *m_detail;
    QLabel *m_message;
};

} // namespace BoxOffice
