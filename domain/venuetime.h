#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace BoxOffice {

// A performance's times belong to its venue: shown in the venue's zone (an IANA
// name, "Asia/Seoul"), whatever the zone of the machine that shows them. An empty or
// unknown zone falls back to the machine's.
inline QDateTime inVenueZone(const QDateTime &time, const QString &timeZone)
{
    if (!time.isValid())
        return time;
    const QTimeZone zone(timeZone.toUtf8());
    return !timeZone.isEmpty() && zone.isValid() ? time.toTimeZone(zone) : time.toLocalTime();
}

} // namespace BoxOffice
