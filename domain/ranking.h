#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace BoxOffice {

struct RankingEntry
{
    int rank = 0;
    QString concertId;
    QString title;
    double bookingShare = 0;  // share of all seats sold in the window, 0-1
    double soldRatio = 0;     // sold / total, all time
    int soldSeats = 0;        // in the window
    int totalSeats = 0;
    std::optional<qint64> soldOutSeconds;  // from sales open to the last seat; null while seats remain
    // Additions to API.md: seats sold per minute in the first 10 minutes of sales, and
    // the rank in the previous ranking minus this one (null for a concert new to it).
    double velocity = 0;
    std::optional<int> rankChange;

    QJsonObject toJson() const;
    static Result<RankingEntry> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const RankingEntry &, const RankingEntry &) = default;
};

// GET /api/v1/rankings?window=day|week|all
struct Ranking
{
    enum class Window { Day, Week, All };

    Window window = Window::All;
    QDateTime generatedAt;
    QList<RankingEntry> entries;

    static QString windowName(Window window);
    static std::optional<Window> windowFromName(QStringView name);

    QJsonObject toJson() const;
    static Result<Ranking> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Ranking &, const Ranking &) = default;
};

} // namespace BoxOffice
