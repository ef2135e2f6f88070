#include "domain/money.h"

#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

QJsonObject Money::toJson() const
{
    return {{u"amount"_s, amount}, {u"currency"_s, currency}};
}

Result<Money> Money::fromJson(const QJsonValue &json, const QString &path)
{
    JsonReader r(json, path);
    Money m;
    m.amount = r.integer(u"amount");
    m.currency = r.string(u"currency");
    if (r.ok() && m.currency.size() != 3)
        r.fail(u"currency", u"expected an ISO 4217 code"_s);
    return r.finish(m);
}

} // namespace BoxOffice
