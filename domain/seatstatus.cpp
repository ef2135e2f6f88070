#include "domain/seatstatus.h"

#include "domain/jsonreader.h"

#include <algorithm>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject SeatStatus::toJson() const
{
    return {{u"performanceId"_s, performanceId},
            {u"version"_s, version},
            {u"status"_s, QString::fromLatin1(status)}};
}

Result<SeatStatus> SeatStatus::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    SeatStatus s;
    s.performanceId = r.string(u"performanceId");
    s.version = r.integer(u"version");
    const QString letters = r.string(u"status");
    if (r.ok() && !std::all_of(letters.cbegin(), letters.cend(), [](QChar c) {
            return c.unicode() < 128 && isValidLetter(char(c.unicode()));
        }))
        r.fail(u"status", u"letters must be A, H, S or X"_s);
    s.status = letters.toLatin1();
    return r.finish(s);
}

} // namespace BoxOffice
