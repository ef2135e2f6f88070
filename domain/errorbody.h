#pragma once

#include "domain/result.h"

#include <QJsonObject>

namespace BoxOffice {

// The body of every error answer: {"error": {"code", "message", ...details}}.
struct ErrorBody
{
    QString code;        // snake_case, e.g. "not_found"
    QString message;     // for people
    QJsonObject details; // extra members, e.g. {"seats": [...]}

    QJsonObject toJson() const;
    static Result<ErrorBody> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const ErrorBody &, const ErrorBody &) = default;
};

} // namespace BoxOffice
