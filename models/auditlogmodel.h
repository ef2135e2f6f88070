#pragma once

#include "domain/auditentry.h"

#include <QAbstractTableModel>

namespace BoxOffice {

// Audit log entries (newest first, as the server gives them) as a table: time (the
// locale's format, in the local time zone), person, action, target, details. Display
// text per column and the raw value under SortRole (the time in ms, the action's code).
// Each read is a full snapshot: one reset.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, PersonColumn, ActionColumn, TargetColumn, DetailsColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, ActionCodeRole };

    explicit AuditLogModel(QObject *parent = nullptr);

    void setEntries(const QList<AuditEntry> &entries);
    const QList<AuditEntry> &entries() const { return m_entries; }
    // The logins seen in the entries, sorted.
    QStringList logins() const;

    // The action codes the server writes today, and a name for people for each (an
    // unknown code is shown as it is).
    static QStringList knownActions();
    static QString actionText(const QString &action);
    // Who did it, for people: the login, or "Staff key" for the configured key.
    static QString personText(const AuditEntry &entry);
    // The details object as one line: "key: value; key: value".
    static QString detailsText(const QJsonObject &details);

    // The entries as CSV (RFC 4180: every field that needs it quoted, quotes doubled,
    // CRLF line ends), UTF-8 with a byte order mark so spreadsheets read Korean right.
    // Columns: time (ISO 8601 in the local zone, with its offset), login, staffId, action
    // (the code), target, details (compact JSON). The header names are fixed, not
    // translated: they are the file format.
    QByteArray toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditEntry> m_entries;
};

} // namespace BoxOffice
