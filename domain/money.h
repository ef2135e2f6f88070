#pragma once

#include "domain/result.h"

#include <QJsonObject>
#include <QString>

namespace BoxOffice {

// An amount in the currency's smallest unit (KRW has no minor unit).
struct Money
{
    qint64 amount = 0;
    QString currency;

    QJsonObject toJson() const;
    static Result<Money> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Money &, const Money &) = default;
};

} // namespace BoxOffice
