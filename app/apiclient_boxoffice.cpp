// ApiClient: the door, the till and seats not for sale (API.md "v1 additions": Reissue
// and check-in, Cash sessions, Seats not for sale). Each call goes through
// send<QJsonValue> and decodes what came back here.
#include "app/apiclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

QByteArray body(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString escaped(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

Result<QJsonValue> asServed(const QJsonValue &v)
{
    return v;
}

// The answer decoded as T, or the error that came instead.
template <typename T>
ApiClient::Callback<QJsonValue> decoding(Result<T> (*decode)(const QJsonValue &, const QString &), ApiClient::Callback<T> done)
{
    return [decode, done = std::move(done)](const ApiResult<QJsonValue> &r) {
        if (!r)
            return done(r.error());
        auto decoded = decode(r.value(), QString());
        if (!decoded)
            return done(ApiError::decodeError(decoded.error().toString()));
        done(std::move(decoded).value());
    };
}

} // namespace

ApiJob *ApiClient::checkIn(const QString &secret, const QString &performanceId, QObject *context, Callback<CheckIn> done)
{
    auto verdict = [done = std::move(done)](const ApiResult<QJsonValue> &r) {
        if (!r) {
            const ApiError &error = r.error();
            // A refusal with a reason is the door's answer, not a failure of the call.
            if (error.kind == ApiError::Kind::Http && error.httpStatus == 409 && error.details.contains(u"result"_s)) {
                auto decoded = CheckIn::fromJson(error.details);
                if (!decoded)
                    return done(ApiError::decodeError(decoded.error().toString()));
                return done(std::move(decoded).value());
            }
            if (error.kind == ApiError::Kind::Http && error.httpStatus == 404)
                return done(CheckIn{CheckIn::Verdict::Unknown, std::nullopt, {}, std::nullopt});
            return done(error);
        }
        auto decoded = CheckIn::fromJson(r.value());
        if (!decoded)
            return done(ApiError::decodeError(decoded.error().toString()));
        done(std::move(decoded).value());
    };
    return send<QJsonValue>("POST", u"/api/v1/admin/checkins"_s,
                            body({{u"secret"_s, secret}, {u"performanceId"_s, performanceId}}), {}, &asServed, context,
                            std::move(verdict));
}

ApiJob *ApiClient::openCashSession(const Money &openingFloat, QObject *context, Callback<CashSession> done)
{
    return send<QJsonValue>("POST", u"/api/v1/admin/cash-sessions"_s, body({{u"float"_s, openingFloat.toJson()}}), {},
                            &asServed, context, decoding(&CashSession::fromJson, std::move(done)));
}

ApiJob *ApiClient::currentCashSession(QObject *context, Callback<std::optional<CashSession>> done)
{
    auto current = [done = std::move(done)](const ApiResult<QJsonValue> &r) {
        if (!r) {
            if (r.error().kind == ApiError::Kind::Http && r.error().httpStatus == 404)
                return done(std::optional<CashSession>());  // no till open
            return done(r.error());
        }
        auto decoded = CashSession::fromJson(r.value());
        if (!decoded)
            return done(ApiError::decodeError(decoded.error().toString()));
        done(std::optional<CashSession>(std::move(decoded).value()));
    };
    return send<QJsonValue>("GET", u"/api/v1/admin/cash-sessions/current"_s, {}, {}, &asServed, context,
                            std::move(current));
}

ApiJob *ApiClient::cashSession(const QString &sessionId, QObject *context, Callback<CashSession> done)
{
    return send<QJsonValue>("GET", u"/api/v1/admin/cash-sessions/"_s + escaped(sessionId), {}, {}, &asServed, context,
                            decoding(&CashSession::fromJson, std::move(done)));
}

ApiJob *ApiClient::addCashMovement(const QString &sessionId, CashMovement::Kind kind, const Money &amount,
                                   const QString &reason, QObject *context, Callback<CashMovement> done)
{
    return send<QJsonValue>("POST", u"/api/v1/admin/cash-sessions/%1/movements"_s.arg(escaped(sessionId)),
                            body({{u"kind"_s, CashMovement::kindName(kind)},
                                  {u"amount"_s, amount.toJson()},
                                  {u"reason"_s, reason}}),
                            {}, &asServed, context, decoding(&CashMovement::fromJson, std::move(done)));
}

ApiJob *ApiClient::closeCashSession(const QString &sessionId, const Money &countedCash, QObject *context,
                                    Callback<CashSession> done)
{
    return send<QJsonValue>("POST", u"/api/v1/admin/cash-sessions/%1/close"_s.arg(escaped(sessionId)),
                            body({{u"countedCash"_s, countedCash.toJson()}}), {}, &asServed, context,
                            decoding(&CashSession::fromJson, std::move(done)));
}

ApiJob *ApiClient::setSeatsForSale(const QString &performanceId, const QStringList &seatIds, bool forSale,
                                   QObject *context, Callback<qint64> done)
{
    auto version = [done = std::move(done)](const ApiResult<QJsonValue> &r) {
        if (!r)
            return done(r.error());
        const QJsonValue v = r.value().toObject().value(u"version"_s);
        if (!v.isDouble())
            return done(ApiError::decodeError(u"version: expected a number"_s));
        done(v.toInteger());
    };
    return send<QJsonValue>("POST", u"/api/v1/admin/performances/%1/seats"_s.arg(escaped(performanceId)),
                            body({{u"seats"_s, QJsonArray::fromStringList(seatIds)},
                                  {u"status"_s, forSale ? u"A"_s : u"X"_s}}),
                            {}, &asServed, context, std::move(version));
}

} // namespace BoxOffice
