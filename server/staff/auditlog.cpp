#include "server/staff/auditlog.h"

#include "server/sales/sqldatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

QString roleName(StaffRole role)
{
    switch (role) {
    case StaffRole::Clerk:
        return u"clerk"_s;
    case StaffRole::Manager:
        return u"manager"_s;
    case StaffRole::Admin:
        return u"admin"_s;
    }
    return u"clerk"_s;
}

std::optional<StaffRole> roleFromName(const QString &name)
{
    for (StaffRole role : {StaffRole::Clerk, StaffRole::Manager, StaffRole::Admin})
        if (roleName(role) == name)
            return role;
    return std::nullopt;
}

QJsonObject StaffActor::toJson() const
{
    return {{u"id"_s, isBootstrap() ? QJsonValue() : QJsonValue(staffId)},
            {u"login"_s, login},
            {u"name"_s, name},
            {u"role"_s, roleName(role)}};
}

StaffActor StaffActor::bootstrap()
{
    return StaffActor{{}, BootstrapLogin, u"Staff key"_s, StaffRole::Admin, 0};
}

Outcome<bool> AuditLog::append(const AuditEntry &entry, qint64 nowMs)
{
    QSqlQuery &q = m_database->prepared(
        u"INSERT INTO audit_log (at, staff_id, login, action, target, details) VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(nowMs);
    q.addBindValue(entry.actor.isBootstrap() ? QVariant() : QVariant(entry.actor.staffId));
    q.addBindValue(entry.actor.login);
    q.addBindValue(entry.action);
    q.addBindValue(entry.target);
    q.addBindValue(QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return databaseFailure(q);
    q.finish();
    return true;
}

Outcome<QJsonArray> AuditLog::read(const AuditFilter &filter)
{
    // Every filter is optional: one statement, each condition switched off by a NULL
    // (prepared once per connection, whatever the combination).
    QSqlQuery &q = m_database->prepared(
        u"SELECT id, at, staff_id, login, action, target, details FROM audit_log"
        " WHERE (CAST(? AS TEXT) IS NULL OR staff_id = ?) AND (CAST(? AS TEXT) IS NULL OR login = ?)"
        " AND (CAST(? AS TEXT) IS NULL OR action = ?) AND (CAST(? AS BIGINT) IS NULL OR at >= ?)"
        " AND (CAST(? AS BIGINT) IS NULL OR at <= ?) ORDER BY id DESC LIMIT ?"_s);
    const auto text = [](const QString &s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); };
    const auto time = [](std::optional<qint64> ms) { return ms ? QVariant(*ms) : QVariant(QMetaType(QMetaType::LongLong)); };
    for (const QVariant &v : {text(filter.staffId), text(filter.login), text(filter.action)}) {
        q.addBindValue(v);
        q.addBindValue(v);
    }
    for (const QVariant &v : {time(filter.fromMs), time(filter.toMs)}) {
        q.addBindValue(v);
        q.addBindValue(v);
    }
    q.addBindValue(filter.limit);
    if (!q.exec())
        return databaseFailure(q);
    QJsonArray entries;
    while (q.next()) {
        const QJsonObject details = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        entries.append(QJsonObject{
            {u"id"_s, q.value(0).toString()},
            {u"at"_s, QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC).toString(Qt::ISODate)},
            {u"staffId"_s, q.value(2).isNull() ? QJsonValue() : QJsonValue(q.value(2).toString())},
            {u"login"_s, q.value(3).toString()},
            {u"action"_s, q.value(4).toString()},
            {u"target"_s, q.value(5).toString()},
            {u"details"_s, details}});
    }
    q.finish();
    return entries;
}

} // namespace BoxOffice::Server
