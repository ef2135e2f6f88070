#pragma once

#include "domain/result.h"

#include <QJsonObject>

namespace BoxOffice {

// GET /healthz
struct Health
{
    QString status;      // "ok" or "unavailable"
    QString queueStore;  // "memory" | "redis"
    QString database;    // "sqlite" | "postgresql"

    QJsonObject toJson() const;
    static Result<Health> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Health &, const Health &) = default;
};

} // namespace BoxOffice
