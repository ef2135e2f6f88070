#pragma once

#include "domain/order.h"

#include <QDateTime>

#include <optional>

namespace BoxOffice {

// What the door is told about one scanned ticket: POST /api/v1/admin/checkins →
// 200 {"result":"valid","ticket","orderCode"} (the ticket is used from now on), or 409
// with the same members and "result" one of already_used (plus "usedAt"), revoked,
// refunded, wrong_performance in the error body; 404 (a secret nobody issued) is
// Unknown, which has no wire name.
struct CheckIn
{
    enum class Verdict { Valid, AlreadyUsed, Revoked, Refunded, WrongPerformance, Unknown };

    Verdict verdict = Verdict::Unknown;
    std::optional<Ticket> ticket;  // absent for Unknown
    QString orderCode;
    std::optional<QDateTime> usedAt;  // AlreadyUsed: when it went in

    bool admitted() const { return verdict == Verdict::Valid; }

    static QString verdictName(Verdict verdict);  // "valid", "already_used", …; "" for Unknown
    static std::optional<Verdict> verdictFromName(QStringView name);

    // The 200 body, or a 409 error's members (code and message are ignored).
    QJsonObject toJson() const;
    static Result<CheckIn> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const CheckIn &, const CheckIn &) = default;
};

} // namespace BoxOffice
