#pragma once

#include "domain/money.h"

#include <QList>

namespace BoxOffice {

struct Section
{
    QString id;
    QString name;
    QString tier;

    QJsonObject toJson() const;
    static Result<Section> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Section &, const Section &) = default;
};

struct Tier
{
    QString id;
    QString name;
    Money price;

    QJsonObject toJson() const;
    static Result<Tier> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Tier &, const Tier &) = default;
};

struct Seat
{
    QString id;       // stable, e.g. "F3-12-7"
    QString section;  // Section::id
    QString row;
    int number = 0;
    double x = 0;     // venue coordinates (metres), y grows away from the stage
    double y = 0;
    QString tier;     // Tier::id

    QJsonObject toJson() const;
    static Result<Seat> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Seat &, const Seat &) = default;
};

// GET /api/v1/performances/{id}/layout: static, cacheable; status travels apart.
struct SeatLayout
{
    QString performanceId;
    QString venueId;
    QString venueName;
    QList<Section> sections;
    QList<Tier> tiers;
    QList<Seat> seats;  // layout order: index i is letter i of the status string

    QJsonObject toJson() const;
    static Result<SeatLayout> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const SeatLayout &, const SeatLayout &) = default;
};

} // namespace BoxOffice
