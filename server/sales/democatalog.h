#pragma once

#include "domain/seatlayout.h"

#include <QDateTime>
#include <QList>

namespace BoxOffice::Server {

// The demo catalog the server seeds into an empty database with --demo: a 500-seat
// hall, a ~15,000-seat arena and a ~60,000-seat stadium with sections, rows and seat
// coordinates; a dozen concerts; performances on sale (with sales over the past days,
// one sold out within minutes) and others opening later. Deterministic for a given
// `now`, so tests know what to expect.
struct DemoCatalog
{
    struct Venue
    {
        QString id;
        QString name;
        QList<Section> sections;
        QList<Seat> seats;
        QString timeZone = QStringLiteral("Asia/Seoul");  // IANA
    };
    struct Performance
    {
        QString id;
        QDateTime startsAt;
        QDateTime salesOpenAt;
    };
    struct Concert
    {
        QString id;
        QString title;
        QString artist;
        QString genre;
        QString venueId;
        QList<Tier> tiers;
        QList<Performance> performances;
    };
    struct Order
    {
        QString id;
        QString performanceId;
        QString concertId;
        QList<int> seatIndexes;
        qint64 amount = 0;  // KRW
        QDateTime purchasedAt;
    };

    QList<Venue> venues;
    QList<Concert> concerts;
    QList<Order> orders;  // past sales

    static DemoCatalog build(const QDateTime &now);
    const Venue *venue(const QString &id) const;
};

} // namespace BoxOffice::Server
