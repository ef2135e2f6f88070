#include "ui/auditlogview.h"

#include "models/auditlogmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

constexpr int LoginRole = Qt::UserRole;
constexpr int StaffIdRole = Qt::UserRole + 1;

// What an editable combo box holds: the chosen item's data, or the text typed.
QString chosen(const QComboBox *combo, int role)
{
    const QString text = combo->currentText().trimmed();
    const int index = combo->currentIndex();
    if (index >= 0 && combo->itemText(index) == combo->currentText())
        return combo->itemData(index, role).toString();
    return role == LoginRole || role == Qt::UserRole ? text : QString();
}

} // namespace

AuditLogView::AuditLogView(AuditLogModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(u"auditLogView"_s);
    setWindowTitle(tr("Audit log — BoxOffice"));
    resize(1180, 680);
    auto *layout = new QVBoxLayout(this);

    auto *filters = new QGridLayout;
    m_person = new QComboBox(this);
    m_person->setObjectName(u"personCombo"_s);
    m_person->setEditable(true);
    m_person->setInsertPolicy(QComboBox::NoInsert);
    m_person->setMinimumContentsLength(16);
    m_person->lineEdit()->setPlaceholderText(tr("Everyone"));
    m_person->setToolTip(tr("Choose a person, or type a login"));
    m_action = new QComboBox(this);
    m_action->setObjectName(u"actionCombo"_s);
    m_action->setEditable(true);
    m_action->setInsertPolicy(QComboBox::NoInsert);
    m_action->setMinimumContentsLength(22);
    m_action->lineEdit()->setPlaceholderText(tr("All actions"));
    m_action->setToolTip(tr("Choose an action, or type its code (e.g. order.sale)"));
    m_action->addItem(tr("All actions"), QString());
    for (const QString &code : AuditLogModel::knownActions())
        m_action->addItem(AuditLogModel::actionText(code), code);
    m_action->setCurrentIndex(0);
    setPeople({});

    const QDateTime now = QDateTime::currentDateTime();
    m_useFrom = new QCheckBox(tr("&From:"), this);
    m_useFrom->setObjectName(u"fromCheck"_s);
    m_from = new QDateTimeEdit(now.addDays(-1), this);
    m_from->setObjectName(u"fromEdit"_s);
    m_useTo = new QCheckBox(tr("&To:"), this);
    m_useTo->setObjectName(u"toCheck"_s);
    m_to = new QDateTimeEdit(now, this);
    m_to->setObjectName(u"toEdit"_s);
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
        e->setEnabled(false);
    }
    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    m_limit = new QSpinBox(this);
    m_limit->setObjectName(u"limitSpin"_s);
    m_limit->setRange(1, AuditQuery::MaxLimit);
    m_limit->setValue(AuditQuery::DefaultLimit);
    m_limit->setToolTip(tr("How many entries to read, newest first"));
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(u"refreshButton"_s);
    refresh->setDefault(true);
    m_export = new QPushButton(tr("&Export CSV…"), this);
    m_export->setObjectName(u"exportButton"_s);
    m_export->setToolTip(tr("Save the entries shown as a CSV file (UTF-8)"));

    filters->addWidget(new QLabel(tr("&Person:"), this), 0, 0);
    filters->addWidget(m_person, 0, 1);
    filters->addWidget(new QLabel(tr("A&ction:"), this), 0, 2);
    filters->addWidget(m_action, 0, 3);
    filters->addWidget(new QLabel(tr("&Entries:"), this), 0, 4);
    filters->addWidget(m_limit, 0, 5);
    filters->addWidget(m_useFrom, 1, 0);
    filters->addWidget(m_from, 1, 1);
    filters->addWidget(m_useTo, 1, 2);
    filters->addWidget(m_to, 1, 3);
    auto *actions = new QHBoxLayout;
    actions->addWidget(refresh);
    actions->addWidget(m_export);
    filters->addLayout(actions, 1, 4, 1, 2);
    filters->setColumnStretch(1, 1);
    filters->setColumnStretch(3, 1);
    for (int column : {0, 2, 4})
        if (auto *label = qobject_cast<QLabel *>(filters->itemAtPosition(0, column)->widget()))
            label->setBuddy(column == 0 ? static_cast<QWidget *>(m_person)
                                        : column == 2 ? static_cast<QWidget *>(m_action) : m_limit);
    layout->addLayout(filters);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(AuditLogModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(u"auditTable"_s);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditLogModel::TimeColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(AuditLogModel::DetailsColumn, QHeaderView::Stretch);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        for (int column = 0; column < AuditLogModel::DetailsColumn; ++column)
            m_table->resizeColumnToContents(column);
    });
    layout->addWidget(m_table, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(u"auditMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto emitRefresh = [this] { Q_EMIT refreshRequested(query()); };
    connect(refresh, &QPushButton::clicked, this, emitRefresh);
    connect(m_person->lineEdit(), &QLineEdit::returnPressed, this, emitRefresh);
    connect(m_action->lineEdit(), &QLineEdit::returnPressed, this, emitRefresh);
    connect(m_person, &QComboBox::activated, this, emitRefresh);
    connect(m_action, &QComboBox::activated, this, emitRefresh);
    connect(m_export, &QPushButton::clicked, this, &AuditLogView::chooseExportFile);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_export->setEnabled(m_model->rowCount() > 0); });
    m_export->setEnabled(false);
}

AuditQuery AuditLogView::query() const
{
    AuditQuery q;
    const QString staffId = chosen(m_person, StaffIdRole);
    const QString login = chosen(m_person, LoginRole);
    if (!staffId.isEmpty())
        q.staffId = staffId;
    else if (!login.isEmpty())
        q.login = login;
    if (const QString action = chosen(m_action, Qt::UserRole); !action.isEmpty())
        q.action = action;
    if (m_useFrom->isChecked())
        q.from = m_from->dateTime().toUTC();
    if (m_useTo->isChecked())
        q.to = m_to->dateTime().toUTC();
    q.limit = m_limit->value();
    return q;
}

void AuditLogView::setPeople(const QList<Person> &people)
{
    const QString typed = m_person->currentText();
    m_person->clear();
    m_person->addItem(tr("Everyone"));
    for (const Person &p : people) {
        m_person->addItem(p.label);
        m_person->setItemData(m_person->count() - 1, p.login, LoginRole);
        m_person->setItemData(m_person->count() - 1, p.staffId, StaffIdRole);
    }
    const int again = typed.isEmpty() ? 0 : m_person->findText(typed);
    if (again >= 0)
        m_person->setCurrentIndex(again);
    else
        m_person->setEditText(typed);
}

void AuditLogView::setExportAllowed(bool allowed)
{
    m_export->setVisible(allowed);
}

void AuditLogView::showMessage(const QString &text)
{
    m_message->setText(text);
}

void AuditLogView::chooseExportFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(this, tr("Export the audit log"),
                                   dir + u"/audit-"_s + QDate::currentDate().toString(Qt::ISODate) + u".csv"_s,
                                   tr("CSV files (*.csv)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QFileDialog::fileSelected, this, &AuditLogView::exportRequested);
    dialog->open();
}

} // namespace BoxOffice
