#pragma once

#include "domain/auditentry.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace BoxOffice {

class AuditLogModel;

// Staff → Audit log (managers): the entries in a table (time in the locale's format and
// the local time zone, person, action, target, details), filtered by person (a list, or
// any login typed), action (the known ones, or any code typed), from / to and how many;
// Refresh reads again; Export CSV… saves what is shown (a save dialog, window-modal; not
// offered on a kiosk). Shows what it is given; emits intent.
class AuditLogView : public QWidget
{
    Q_OBJECT
public:
    explicit AuditLogView(AuditLogModel *model, QWidget *parent = nullptr);

    // The filters as set.
    AuditQuery query() const;
    // The people offered: a label and a login each, and an account id when known (an
    // admin's list of accounts; otherwise the logins seen in the entries). The person
    // typed or chosen stays.
    struct Person
    {
        QString label;
        QString login;
        QString staffId;  // empty: filter by login
    };
    void setPeople(const QList<Person> &people);
    void setExportAllowed(bool allowed);

public Q_SLOTS:
    void showMessage(const QString &text);

Q_SIGNALS:
    void refreshRequested(const AuditQuery &query);
    void exportRequested(const QString &path);

private:
    void chooseExportFile();

    AuditLogModel *m_model;
    QComboBox *m_person, *m_action;
    QCheckBox *m_useFrom, *m_useTo;
    QDateTimeEdit *m_from, *m_to;
    QSpinBox *m_limit;
    QPushButton *m_export;
    QTableView *m_table;
    QLabel *m_message;
};

} // namespace BoxOffice
