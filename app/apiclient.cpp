#include "app/apiclient.h"

#include <QNetworkAccessManager>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

#include "domain/jsonreader.h"

namespace BoxOffice {

using namespace Qt::StringLiterals;

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network) {}

template <typename T>
ApiJob *ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body, const QString &token,
                        std::function<Result<T>(const QJsonValue &)> decode, QObject *context, Callback<T> done,
                        bool inBackground, const std::optional<QString> &bearer)
{
    QUrl url = m_baseUrl;
    const qsizetype query = path.indexOf(u'?');
    url.setPath(path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setRawHeader("Content-Type", "application/json");
    // The staff credential this call carries, if it is the one in use (a 401 to it
    // means nobody is signed in any more).
    QString staff;
    if (!token.isEmpty()) {
        request.setRawHeader("X-Queue-Token", token.toUtf8());
    } else if (bearer) {
        if (!bearer->isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer->toUtf8());
    } else if (!m_staffCredential.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_staffCredential.toUtf8());
        staff = m_staffCredential;
    }
    auto *job = new ApiJob(m_network->sendCustomRequest(request, method, body), m_timeout, this);
    job->setKeepRawBody(inBackground);
    connect(job, &ApiJob::finished, this, [this, job, staff] {
        if (const auto server = job->serverTime())  // whole seconds: aim at the middle
            m_clockOffsetMs = QDateTime::currentDateTimeUtc().msecsTo(*server) + 500;
        // Only while it is still the credential in use: an answer to one already
        // replaced (signed out, someone else signed in) says nothing about the new one.
        const auto &result = job->result();
        if (!staff.isEmpty() && staff == m_staffCredential && !result && result.error().isUnauthenticated())
            Q_EMIT staffCredentialRejected();
    });
    connect(job, &ApiJob::finished, context, [job, context, inBackground, decode = std::move(decode), done = std::move(done)] {
        const auto &result = job->result();
        if (!result)
            return done(result.error());
        auto deliver = [done](Result<T> decoded) {
            if (!decoded)
                return done(ApiError::decodeError(decoded.error().toString()));
            done(std::move(decoded).value());
        };
        if (!inBackground)
            return deliver(decode(result.value()));
        // Off the GUI thread; the answer comes back in the context's thread (or not at all).
        auto *watcher = new QFutureWatcher<Result<T>>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, deliver] {
            watcher->deleteLater();
            deliver(watcher->result());
        });
        watcher->setFuture(QtConcurrent::run([decode, raw = job->rawBody()]() -> Result<T> {
            auto json = parseJson(raw);  // the parse too, not only the decode
            if (!json)
                return json.error();
            return decode(json.value());
        }));
    });
    return job;
}

// The JSON as served, for the calls defined in other files (apiclient_boxoffice.cpp,
// apiclient_orders.cpp), which decode it themselves.
template ApiJob *ApiClient::send<QJsonValue>(const QByteArray &, const QString &, const QByteArray &, const QString &,
                                             std::function<Result<QJsonValue>(const QJsonValue &)>, QObject *,
                                             Callback<QJsonValue>, bool, const std::optional<QString> &);

namespace {

template <typename T> Result<T> decodeAs(const QJsonValue &v)
{
    return T::fromJson(v);
}

Result<bool> noBody(const QJsonValue &)
{
    return true;
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// {"<field>": N} → N
std::function<Result<qint64>(const QJsonValue &)> countIn(const QString &field)
{
    return [field](const QJsonValue &v) -> Result<qint64> {
        JsonReader r(v);
        const qint64 n = r.integer(field);
        if (!r.ok())
            return r.error();
        return n;
    };
}

QString escaped(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

} // namespace

ApiJob *ApiClient::fetchConcerts(QObject *context, Callback<QList<Concert>> done)
{
    return get<QList<Concert>>(u"/api/v1/concerts"_s, &Concert::listFromJson, context, std::move(done));
}

ApiJob *ApiClient::fetchHealth(QObject *context, Callback<Health> done)
{
    return get<Health>(u"/healthz"_s, &decodeAs<Health>, context, std::move(done));
}

ApiJob *ApiClient::fetchLayout(const QString &performanceId, QObject *context, Callback<SeatLayout> done)
{
    return send<SeatLayout>("GET", u"/api/v1/performances/%1/layout"_s.arg(escaped(performanceId)), {}, {},
                            &decodeAs<SeatLayout>, context, std::move(done), true);
}

ApiJob *ApiClient::fetchPreparedLayout(const QString &performanceId, QObject *context, Callback<LayoutDownload> done)
{
    // The bytes as served go along for the offline cache: picked up from the job on
    // this thread when it finishes, handed over with the prepared layout.
    auto raw = std::make_shared<QByteArray>();
    ApiJob *job = send<LayoutDownload>(
        "GET", u"/api/v1/performances/%1/layout"_s.arg(escaped(performanceId)), {}, {},
        [](const QJsonValue &json) -> Result<LayoutDownload> {
            auto layout = SeatLayout::fromJson(json);
            if (!layout)
                return layout.error();
            return LayoutDownload{SeatMapModel::prepare(std::move(layout).value()), {}};
        },
        context,
        [raw, done = std::move(done)](const ApiResult<LayoutDownload> &r) {
            if (!r)
                return done(r);
            LayoutDownload download = r.value();  // implicitly shared: no deep copy
            download.json = *raw;
            done(download);
        },
        true);
    connect(job, &ApiJob::finished, this, [job, raw] { *raw = job->rawBody(); });
    return job;
}

ApiJob *ApiClient::fetchRankings(Ranking::Window window, QObject *context, Callback<Ranking> done)
{
    return get<Ranking>(u"/api/v1/rankings?window="_s + Ranking::windowName(window), &decodeAs<Ranking>, context,
                        std::move(done));
}

ApiJob *ApiClient::joinQueue(const QString &concertId, const QString &userId, QObject *context,
                             Callback<QueueTicket> done)
{
    return send<QueueTicket>("POST", u"/api/v1/concerts/%1/queue"_s.arg(escaped(concertId)),
                             json({{u"userId"_s, userId}}), {}, &decodeAs<QueueTicket>, context, std::move(done));
}

ApiJob *ApiClient::queueStatus(const QString &token, QObject *context, Callback<QueueTicket> done)
{
    return get<QueueTicket>(u"/api/v1/queue/"_s + escaped(token), &decodeAs<QueueTicket>, context, std::move(done));
}

ApiJob *ApiClient::leaveQueue(const QString &token, QObject *context, Callback<bool> done)
{
    return send<bool>("DELETE", u"/api/v1/queue/"_s + escaped(token), {}, {}, &noBody, context, std::move(done));
}

ApiJob *ApiClient::seatStatus(const QString &performanceId, const QString &token, QObject *context,
                              Callback<SeatStatus> done)
{
    return send<SeatStatus>("GET", u"/api/v1/performances/%1/status"_s.arg(escaped(performanceId)), {}, token,
                            &decodeAs<SeatStatus>, context, std::move(done));
}

ApiJob *ApiClient::hold(const QString &performanceId, const QStringList &seatIds, const QString &token,
                        QObject *context, Callback<Hold> done)
{
    return send<Hold>("POST", u"/api/v1/performances/%1/holds"_s.arg(escaped(performanceId)),
                      json({{u"seats"_s, QJsonArray::fromStringList(seatIds)}}), token, &decodeAs<Hold>, context,
                      std::move(done));
}

ApiJob *ApiClient::holdBest(const QString &performanceId, int count, const QString &tier, const QString &token,
                            QObject *context, Callback<Hold> done)
{
    return send<Hold>("POST", u"/api/v1/performances/%1/holds"_s.arg(escaped(performanceId)),
                      json({{u"best"_s, QJsonObject{{u"count"_s, count}, {u"tier"_s, tier}}}}), token, &decodeAs<Hold>,
                      context, std::move(done));
}

ApiJob *ApiClient::release(const QString &holdId, const QString &token, QObject *context, Callback<bool> done)
{
    return send<bool>("DELETE", u"/api/v1/holds/"_s + escaped(holdId), {}, token, &noBody, context, std::move(done));
}

ApiJob *ApiClient::purchase(const QString &holdId, const QString &method, const QString &token, QObject *context,
                            Callback<Order> done)
{
    return send<Order>("POST", u"/api/v1/holds/%1/purchase"_s.arg(escaped(holdId)),
                       json({{u"payment"_s, QJsonObject{{u"method"_s, method}}}}), token, &decodeAs<Order>, context,
                       std::move(done));
}

ApiJob *ApiClient::queueStats(const QString &concertId, QObject *context, Callback<QueueStats> done)
{
    return get<QueueStats>(u"/api/v1/admin/concerts/%1/queue"_s.arg(escaped(concertId)), &decodeAs<QueueStats>,
                           context, std::move(done));
}

ApiJob *ApiClient::updateQueue(const QString &concertId, const QJsonObject &change, QObject *context,
                               Callback<QueueStats> done)
{
    return send<QueueStats>("PUT", u"/api/v1/admin/concerts/%1/queue"_s.arg(escaped(concertId)), json(change), {},
                            &decodeAs<QueueStats>, context, std::move(done));
}

ApiJob *ApiClient::addCrowd(const QString &concertId, int count, QObject *context, Callback<qint64> done)
{
    return send<qint64>("POST", u"/api/v1/admin/concerts/%1/crowd"_s.arg(escaped(concertId)),
                        json({{u"count"_s, count}}), {}, countIn(u"added"_s), context, std::move(done));
}

ApiJob *ApiClient::expireSessions(const QString &concertId, int count, QObject *context, Callback<qint64> done)
{
    return send<qint64>("POST", u"/api/v1/admin/concerts/%1/expire"_s.arg(escaped(concertId)),
                        json({{u"count"_s, count}}), {}, countIn(u"expired"_s), context, std::move(done));
}

ApiJob *ApiClient::queueHistory(const QString &concertId, QObject *context, Callback<QList<QueueHistory::Sample>> done)
{
    auto decode = [](const QJsonValue &v) -> Result<QList<QueueHistory::Sample>> {
        auto history = QueueHistory::fromJson(v);
        if (!history)
            return history.error();
        return std::move(history).value().samples;
    };
    return get<QList<QueueHistory::Sample>>(u"/api/v1/admin/concerts/%1/queue/history"_s.arg(escaped(concertId)),
                                            decode, context, std::move(done));
}

ApiJob *ApiClient::heldHolds(const QString &performanceId, QObject *context, Callback<QList<HeldHold>> done)
{
    auto decode = [](const QJsonValue &v) -> Result<QList<HeldHold>> {
        auto held = HeldHolds::fromJson(v);
        if (!held)
            return held.error();
        return std::move(held).value().holds;
    };
    return get<QList<HeldHold>>(u"/api/v1/admin/performances/%1/holds"_s.arg(escaped(performanceId)), decode,
                                 context, std::move(done));
}

ApiJob *ApiClient::signIn(const QString &login, const QString &pin, QObject *context, Callback<StaffSession> done)
{
    return send<StaffSession>("POST", u"/api/v1/staff/sessions"_s,
                              json({{u"login"_s, login}, {u"pin"_s, pin}}), {}, &decodeAs<StaffSession>, context,
                              std::move(done), false, QString());
}

ApiJob *ApiClient::currentStaff(QObject *context, Callback<StaffSession> done)
{
    return get<StaffSession>(u"/api/v1/staff/sessions/current"_s, &decodeAs<StaffSession>, context, std::move(done));
}

ApiJob *ApiClient::currentStaff(const QString &credential, QObject *context, Callback<StaffSession> done)
{
    return send<StaffSession>("GET", u"/api/v1/staff/sessions/current"_s, {}, {}, &decodeAs<StaffSession>, context,
                              std::move(done), false, credential);
}

ApiJob *ApiClient::signOut(QObject *context, Callback<bool> done)
{
    return send<bool>("DELETE", u"/api/v1/staff/sessions/current"_s, {}, {}, &noBody, context, std::move(done));
}

ApiJob *ApiClient::signOut(const QString &credential, QObject *context, Callback<bool> done)
{
    return send<bool>("DELETE", u"/api/v1/staff/sessions/current"_s, {}, {}, &noBody, context, std::move(done), false,
                      credential);
}

ApiJob *ApiClient::staffAccounts(QObject *context, Callback<QList<StaffAccount>> done)
{
    return get<QList<StaffAccount>>(u"/api/v1/admin/staff"_s, &StaffAccount::listFromJson, context, std::move(done));
}

ApiJob *ApiClient::addStaff(const NewStaffAccount &account, QObject *context, Callback<StaffAccount> done)
{
    return send<StaffAccount>("POST", u"/api/v1/admin/staff"_s, json(account.toJson()), {}, &decodeAs<StaffAccount>,
                              context, std::move(done));
}

ApiJob *ApiClient::updateStaff(const QString &staffId, const StaffAccountChange &change, QObject *context,
                               Callback<StaffAccount> done)
{
    return send<StaffAccount>("PATCH", u"/api/v1/admin/staff/"_s + escaped(staffId), json(change.toJson()), {},
                              &decodeAs<StaffAccount>, context, std::move(done));
}

ApiJob *ApiClient::auditLog(const AuditQuery &query, QObject *context, Callback<QList<AuditEntry>> done)
{
    return get<QList<AuditEntry>>(u"/api/v1/admin/audit?"_s + query.toQueryString(), &AuditEntry::listFromJson,
                                  context, std::move(done));
}

} // namespace BoxOffice
