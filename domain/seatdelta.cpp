#include "domain/seatdelta.h"

#include "domain/jsonreader.h"
#include "domain/seatstatus.h"

#include <QJsonArray>

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject SeatDelta::toJson() const
{
    QJsonArray list;
    for (const auto &[index, letter] : changes)
        list.append(QJsonArray{index, QString(QChar::fromLatin1(letter))});
    return {{u"type"_s, u"seats"_s}, {u"performanceId"_s, performanceId}, {u"version"_s, version}, {u"changes"_s, list}};
}

Result<SeatDelta> SeatDelta::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    SeatDelta d;
    d.performanceId = r.string(u"performanceId");
    d.version = r.integer(u"version");
    const QJsonArray list = r.array(u"changes");
    d.changes.reserve(list.size());
    for (qsizetype i = 0; r.ok() && i < list.size(); ++i) {
        const QJsonArray pair = list.at(i).toArray();
        const QString letter = pair.at(1).toString();
        const double index = pair.at(0).toDouble(-1);
        if (pair.size() != 2 || !pair.at(0).isDouble() || index < 0 || index > 1e7 || index != double(int(index))
            || letter.size() != 1 || !SeatStatus::isValidLetter(char(letter.at(0).unicode()))) {
            r.fail(u"changes"_s, u"item %1 is not [seat index, status letter]"_s.arg(i));
            break;
        }
        d.changes.append({int(index), char(letter.at(0).unicode())});
    }
    if (r.ok() && d.version < 1)
        r.fail(u"version"_s, u"must be at least 1"_s);
    return r.finish(d);
}

} // namespace BoxOffice
