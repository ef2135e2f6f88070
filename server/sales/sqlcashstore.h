#pragma once

#include "server/failure.h"
#include "server/staff/staffactor.h"

#include <QHash>
#include <QList>

#include <optional>

namespace BoxOffice::Server {

class SqlDatabase;
struct AuditEntry;

struct CashMovement
{
    QString id;
    QString kind;  // paid_in | paid_out
    qint64 amount = 0;
    QString currency;
    QString reason;
    qint64 atMs = 0;
    QString login;
};

// A till: opened with a float by one person, counting that person's counter sales and
// refunds by payment method until it is closed with the cash counted.
struct CashSessionRow
{
    QString id;
    QString owner;  // a staff id, or "(staff key)"
    StaffActor staff;
    qint64 openedAtMs = 0;
    qint64 closedAtMs = 0;  // 0: open
    qint64 floatAmount = 0;
    QString currency;
    std::optional<qint64> countedAmount;
    struct ByMethod
    {
        qint64 sales = 0;
        qint64 refunds = 0;
        int count = 0;  // sales and refunds
    };
    QHash<QString, ByMethod> byMethod;
    QList<CashMovement> movements;

    // float + cash sales − cash refunds + paid in − paid out
    qint64 expectedCash() const;
};

// Cash sessions and their movements in SQL; the figures come from the orders and refunds
// that name the session (set in their own transactions while it is open).
class SqlCashStore
{
public:
    explicit SqlCashStore(SqlDatabase *database) : m_database(database) {}

    // Conflict when the owner already has one open (a partial unique index decides).
    Outcome<CashSessionRow> open(const QString &id, const QString &owner, const StaffActor &staff, qint64 floatAmount,
                                 const QString &currency, const AuditEntry &audit, qint64 nowMs);
    Outcome<CashSessionRow> find(const QString &id);
    // The id of the owner's open session; empty when none is open.
    Outcome<QString> openSessionOf(const QString &owner);
    // Conflict when the session is closed.
    Outcome<CashMovement> addMovement(const QString &sessionId, const CashMovement &movement, const AuditEntry &audit);
    // Conflict when it is closed already.
    Outcome<CashSessionRow> close(const QString &id, qint64 countedAmount, const AuditEntry &audit, qint64 nowMs);

private:
    SqlDatabase *m_database;
};

} // namespace BoxOffice::Server
