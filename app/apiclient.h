#pragma once

#include "app/apierror.h"
#include "app/apijob.h"
#include "models/seatmapmodel.h"
#include "domain/concert.h"
#include "domain/health.h"
#include "domain/hold.h"
#include "domain/order.h"
#include "domain/queuehistory.h"
#include "domain/queuestats.h"
#include "domain/queueticket.h"
#include "domain/ranking.h"
#include "domain/seatlayout.h"
#include "domain/seatstatus.h"
#include "domain/auditentry.h"
#include "domain/cashsession.h"
#include "domain/checkin.h"
#include "domain/staffaccount.h"
#include "domain/staffsession.h"
#include "domain/result.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace BoxOffice {

template <typename T> using ApiResult = Result<T, ApiError>;

// The client's side of ../shared/API.md. Every call is asynchronous and answers
// once, through a callback run in `context`'s thread (and not at all if `context`
// is gone), with a typed value or an ApiError. The network manager is injected.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // The staff credential: a session token from signIn(), or a configured staff key
    // (--staff-key, or the embedded server's own). It rides as `Authorization: Bearer` on
    // every call made without a queue token (counter sales, the dashboard, QA tools, the
    // admin routes). Empty: no staff credential. Never logged.
    void setStaffCredential(const QString &credential) { m_staffCredential = credential; }
    QString staffCredential() const { return m_staffCredential; }
    bool hasStaffCredential() const { return !m_staffCredential.isEmpty(); }

    // "Now" on the server's clock, from the Date header of the latest answer (to the
    // second): hold countdowns use it, so a wrong local clock does not shorten them.
    QDateTime serverNow() const { return QDateTime::currentDateTimeUtc().addMSecs(m_clockOffsetMs); }

    template <typename T> using Callback = std::function<void(const ApiResult<T> &)>;

    ApiJob *fetchConcerts(QObject *context, Callback<QList<Concert>> done);
    ApiJob *fetchHealth(QObject *context, Callback<Health> done);
    ApiJob *fetchLayout(const QString &performanceId, QObject *context, Callback<SeatLayout> done);
    // The layout for the seat map: parsed, decoded and prepared on the thread pool
    // (nothing of the 4 MB touches the GUI thread), with the bytes as served for the
    // offline cache.
    struct LayoutDownload
    {
        SeatMapModel::PreparedLayout prepared;
        QByteArray json;
    };
    ApiJob *fetchPreparedLayout(const QString &performanceId, QObject *context, Callback<LayoutDownload> done);
    ApiJob *fetchRankings(Ranking::Window window, QObject *context, Callback<Ranking> done);

    // The buyer's side: the queue token rides as X-Queue-Token where it is needed.
    ApiJob *joinQueue(const QString &concertId, const QString &userId, QObject *context, Callback<QueueTicket> done);
    ApiJob *queueStatus(const QString &token, QObject *context, Callback<QueueTicket> done);
    ApiJob *leaveQueue(const QString &token, QObject *context, Callback<bool> done);
    ApiJob *seatStatus(const QString &performanceId, const QString &token, QObject *context,
                       Callback<SeatStatus> done);
    ApiJob *hold(const QString &performanceId, const QStringList &seatIds, const QString &token, QObject *context,
                 Callback<Hold> done);
    ApiJob *holdBest(const QString &performanceId, int count, const QString &tier, const QString &token,
                     QObject *context, Callback<Hold> done);
    ApiJob *release(const QString &holdId, const QString &token, QObject *context, Callback<bool> done);
    ApiJob *purchase(const QString &holdId, const QString &method, const QString &token, QObject *context,
                     Callback<Order> done);

    // Staff (see docs/api.md).
    ApiJob *queueStats(const QString &concertId, QObject *context, Callback<QueueStats> done);
    // change: any of capacity, sessionSeconds, paused.
    ApiJob *updateQueue(const QString &concertId, const QJsonObject &change, QObject *context,
                        Callback<QueueStats> done);
    ApiJob *addCrowd(const QString &concertId, int count, QObject *context, Callback<qint64> done);
    ApiJob *expireSessions(const QString &concertId, int count, QObject *context, Callback<qint64> done);
    // The room's readings of the last hour, oldest first.
    ApiJob *queueHistory(const QString &concertId, QObject *context, Callback<QList<QueueHistory::Sample>> done);
    ApiJob *heldHolds(const QString &performanceId, QObject *context, Callback<QList<HeldHold>> done);

    // Staff accounts and sessions. signIn sends no credential; its token is the caller's
    // to keep (setStaffCredential). currentStaff reads who the staff credential is (or, with
    // `credential`, who that one is, without adopting it); signOut ends the session.
    ApiJob *signIn(const QString &login, const QString &pin, QObject *context, Callback<StaffSession> done);
    ApiJob *currentStaff(QObject *context, Callback<StaffSession> done);
    ApiJob *currentStaff(const QString &credential, QObject *context, Callback<StaffSession> done);
    ApiJob *signOut(QObject *context, Callback<bool> done);
    ApiJob *signOut(const QString &credential, QObject *context, Callback<bool> done);
    ApiJob *staffAccounts(QObject *context, Callback<QList<StaffAccount>> done);
    ApiJob *addStaff(const NewStaffAccount &account, QObject *context, Callback<StaffAccount> done);
    ApiJob *updateStaff(const QString &staffId, const StaffAccountChange &change, QObject *context,
                        Callback<StaffAccount> done);
    // Newest first.
    ApiJob *auditLog(const AuditQuery &query, QObject *context, Callback<QList<AuditEntry>> done);

    // Door, till, seats not for sale (issue 15). Defined in apiclient_boxoffice.cpp.
    // A scan at the door: a verdict whenever the server gave one (valid; the 409's
    // already used, revoked, refunded, wrong performance; a 404 is Unknown); an ApiError
    // only when there is none (unreachable, refused, …).
    ApiJob *checkIn(const QString &secret, const QString &performanceId, QObject *context, Callback<CheckIn> done);
    // The caller's till: opened with a float (409 when one is open already); the one
    // open now (nullopt: none, a 404); any one's report (the X report, or the Z report
    // once closed); a paid in or paid out; closed with the cash counted (409 when closed).
    ApiJob *openCashSession(const Money &openingFloat, QObject *context, Callback<CashSession> done);
    ApiJob *currentCashSession(QObject *context, Callback<std::optional<CashSession>> done);
    ApiJob *cashSession(const QString &sessionId, QObject *context, Callback<CashSession> done);
    ApiJob *addCashMovement(const QString &sessionId, CashMovement::Kind kind, const Money &amount,
                            const QString &reason, QObject *context, Callback<CashMovement> done);
    ApiJob *closeCashSession(const QString &sessionId, const Money &countedCash, QObject *context,
                             Callback<CashSession> done);
    // Takes seats off sale (A → X) or puts them back (X → A), all or none (409
    // seat_unavailable names the seats in another state); the new status version.
    ApiJob *setSeatsForSale(const QString &performanceId, const QStringList &seatIds, bool forSale, QObject *context,
                            Callback<qint64> done);
    // Orders, tickets, refunds (issue 15)
    // A purchase with the buyer's particulars (a counter sale); an empty customer sends none.
    ApiJob *purchase(const QString &holdId, const QString &method, const Customer &customer, const QString &token,
                     QObject *context, Callback<Order> done);
    // One order by id or code: with `token`, as the queue token that bought it (a buyer);
    // without, as staff (clerk).
    ApiJob *fetchOrder(const QString &idOrCode, const QString &token, QObject *context, Callback<Order> done);
    // Staff (clerk): the orders `query` finds (a code or id, a seat id, part of a customer's
    // name, phone or e-mail), newest first, at most `limit` (1–500).
    ApiJob *searchOrders(const QString &query, int limit, QObject *context, Callback<QList<Order>> done);
    // Staff (manager): refunds seats of an order.
    ApiJob *refundOrder(const QString &orderId, const RefundRequest &request, QObject *context, Callback<Refund> done);
    // Staff (clerk): new secrets for every valid ticket of the order; the old ones are revoked.
    ApiJob *reissueTickets(const QString &orderId, QObject *context, Callback<Order> done);

Q_SIGNALS:
    // The server answered 401 to the staff credential in use (a session signed out,
    // expired or of a deactivated account): whoever was signed in is not any more.
    void staffCredentialRejected();

private:
    // inBackground: decode on the thread pool (a 60,000-seat layout takes ~115 ms).
    // The credential of a call: a queue token (X-Queue-Token), else `bearer` when given
    // (empty: none at all), else the staff credential.
    template <typename T>
    ApiJob *send(const QByteArray &method, const QString &path, const QByteArray &body, const QString &token,
                 std::function<Result<T>(const QJsonValue &)> decode, QObject *context, Callback<T> done,
                 bool inBackground = false, const std::optional<QString> &bearer = std::nullopt);
    template <typename T>
    ApiJob *get(const QString &path, std::function<Result<T>(const QJsonValue &)> decode, QObject *context,
                Callback<T> done)
    {
        return send<T>("GET", path, {}, {}, std::move(decode), context, std::move(done));
    }

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    std::chrono::milliseconds m_timeout{10000};
    qint64 m_clockOffsetMs = 0;
    QString m_staffCredential;
};

} // namespace BoxOffice
