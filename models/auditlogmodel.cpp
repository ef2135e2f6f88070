#include "models/auditlogmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

QString valueText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Bool: return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items << valueText(item);
        return items.join(u", ");
    }
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Undefined: break;
    }
    return {};
}

// RFC 4180: a field with a comma, quote, CR or LF goes in quotes, its quotes doubled.
QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditLogModel::setEntries(const QList<AuditEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

QStringList AuditLogModel::logins() const
{
    QSet<QString> seen;
    for (const AuditEntry &e : m_entries)
        if (!e.login.isEmpty())
            seen.insert(e.login);
    QStringList out(seen.begin(), seen.end());
    std::sort(out.begin(), out.end());
    return out;
}

QStringList AuditLogModel::knownActions()
{
    return {u"staff.sign_in"_s,      u"staff.sign_in_failed"_s, u"staff.locked_out"_s, u"staff.sign_out"_s,
            u"staff.create"_s,       u"staff.update"_s,         u"seats.hold"_s,       u"seats.release"_s,
            u"seats.force_release"_s, u"seats.not_for_sale"_s,  u"order.sale"_s,       u"order.refund"_s,
            u"order.reissue"_s,      u"ticket.check_in"_s,      u"queue.settings"_s,   u"queue.crowd"_s,
            u"queue.expire"_s};
}

QString AuditLogModel::actionText(const QString &action)
{
    if (action == u"staff.sign_in") return tr("Signed in");
    if (action == u"staff.sign_in_failed") return tr("Sign-in failed");
    if (action == u"staff.locked_out") return tr("Locked out after failed sign-ins");
    if (action == u"staff.sign_out") return tr("Signed out");
    if (action == u"staff.create") return tr("Account created");
    if (action == u"staff.update") return tr("Account changed");
    if (action == u"seats.hold") return tr("Seats held");
    if (action == u"seats.release") return tr("Hold released");
    if (action == u"seats.force_release") return tr("Hold released by force");
    if (action == u"seats.not_for_sale") return tr("Seats taken off sale or put back");
    if (action == u"order.sale") return tr("Sale");
    if (action == u"order.refund") return tr("Refund");
    if (action == u"order.reissue") return tr("Tickets reissued");
    if (action == u"ticket.check_in") return tr("Ticket checked in");
    if (action == u"queue.settings") return tr("Waiting room settings changed");
    if (action == u"queue.crowd") return tr("Test crowd added (QA)");
    if (action == u"queue.expire") return tr("Sessions ended (QA)");
    if (action.startsWith(u"cash.")) return tr("Cash: %1").arg(action.mid(5));
    return action;
}

QString AuditLogModel::personText(const AuditEntry &entry)
{
    if (entry.byStaffKey())
        return tr("Staff key");
    return entry.login;
}

QString AuditLogModel::detailsText(const QJsonObject &details)
{
    QStringList parts;
    for (auto it = details.begin(); it != details.end(); ++it)
        parts << it.key() + u": " + valueText(it.value());
    return parts.join(u"; ");
}

QByteArray AuditLogModel::toCsv() const
{
    QString csv = u"time,login,staffId,action,target,details\r\n"_s;
    for (const AuditEntry &e : m_entries) {
        // Local time with its offset: "2026-11-24T18:30:05+09:00" (unambiguous, and as on the screen).
        const QDateTime local = e.at.toLocalTime();
        const QStringList fields{local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate),
                                 e.login,
                                 e.staffId.value_or(QString()),
                                 e.action,
                                 e.target,
                                 e.details.isEmpty() ? QString()
                                                     : QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact))};
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        csv += quoted.join(u',') + u"\r\n";
    }
    return QByteArray("\xEF\xBB\xBF") + csv.toUtf8();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    if (role == ActionCodeRole)
        return e.action;
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case PersonColumn:
            if (e.byStaffKey())
                return tr("The server's configured staff key");
            return e.staffId ? tr("Account %1").arg(*e.staffId) : tr("No account by this login");
        case ActionColumn: return e.action;
        case DetailsColumn: return detailsText(e.details);
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool raw = role == SortRole;
    switch (index.column()) {
    case TimeColumn: {
        if (raw)
            return e.at.toMSecsSinceEpoch();
        const QLocale locale;
        return locale.toString(e.at.toLocalTime(),
                               locale.dateFormat(QLocale::ShortFormat) + u' ' + locale.timeFormat(QLocale::LongFormat));
    }
    case PersonColumn: return personText(e);
    case ActionColumn: return raw ? e.action : actionText(e.action);
    case TargetColumn: return e.target;
    case DetailsColumn: return detailsText(e.details);
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case PersonColumn: return tr("Person");
    case ActionColumn: return tr("Action");
    case TargetColumn: return tr("Target");
    case DetailsColumn: return tr("Details");
    }
    return {};
}

} // namespace BoxOffice
