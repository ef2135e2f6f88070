#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace BoxOffice {

struct VenueSummary
{
    QString id;
    QString name;
    int seatCount = 0;
    // Addition to API.md: the venue's IANA time zone ("Asia/Seoul"); every time of a
    // performance is shown in it. Empty from older servers: the client's own zone.
    QString timeZone;

    QJsonObject toJson() const;
    static Result<VenueSummary> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const VenueSummary &, const VenueSummary &) = default;
};

struct PerformanceSummary
{
    QString id;
    QDateTime startsAt;
    QDateTime salesOpenAt;
    int seatCount = 0;
    int available = 0;  // seats whose status is 'A'

    QJsonObject toJson() const;
    static Result<PerformanceSummary> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const PerformanceSummary &, const PerformanceSummary &) = default;
};

// GET /api/v1/concerts[/{id}]
struct Concert
{
    QString id;
    QString title;
    QString artist;
    QString genre;
    VenueSummary venue;
    QList<PerformanceSummary> performances;

    QJsonObject toJson() const;
    static Result<Concert> fromJson(const QJsonValue &json, const QString &path = {});
    static Result<QList<Concert>> listFromJson(const QJsonValue &json);
    friend bool operator==(const Concert &, const Concert &) = default;
};

} // namespace BoxOffice
