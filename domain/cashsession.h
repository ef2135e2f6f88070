#pragma once

#include "domain/money.h"
#include "domain/staffaccount.h"

#include <QDateTime>
#include <QList>
#include <QMap>

#include <optional>

namespace BoxOffice {

// Money put into or taken out of a till by hand, with the reason:
// POST /api/v1/admin/cash-sessions/{id}/movements → 201, and each of a report's movements.
struct CashMovement
{
    enum class Kind { PaidIn, PaidOut };

    QString id;
    Kind kind = Kind::PaidIn;
    Money amount;
    QString reason;
    QDateTime at;
    QString login;  // who moved it

    static QString kindName(Kind kind);  // "paid_in", "paid_out"
    QJsonObject toJson() const;
    static Result<CashMovement> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const CashMovement &, const CashMovement &) = default;
};

// A payment method's share of a till: sales and refunds, and how many of them.
struct MethodTotals
{
    Money sales;
    Money refunds;
    qint64 count = 0;

    QJsonObject toJson() const;
    static Result<MethodTotals> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const MethodTotals &, const MethodTotals &) = default;
};

// A clerk's till (a cash session) as GET /api/v1/admin/cash-sessions/{id} reports it: the X
// report while open; once closed (POST …/close), the Z report with the cash counted and
// the difference (counted − expected).
struct CashSession
{
    QString id;
    StaffAccount staff;
    QDateTime openedAt;
    std::optional<QDateTime> closedAt;
    Money openingFloat;                    // "float"
    QMap<QString, MethodTotals> byMethod;  // "cash", "card", …
    QList<CashMovement> movements;
    Money expectedCash;  // float + cash sales − cash refunds + paid in − paid out
    std::optional<Money> countedCash;
    std::optional<Money> difference;

    bool isClosed() const { return closedAt.has_value(); }
    Money paidIn() const { return movementTotal(CashMovement::Kind::PaidIn); }
    Money paidOut() const { return movementTotal(CashMovement::Kind::PaidOut); }
    Money movementTotal(CashMovement::Kind kind) const;

    QJsonObject toJson() const;
    static Result<CashSession> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const CashSession &, const CashSession &) = default;
};

} // namespace BoxOffice
