#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace BoxOffice {

// A user's place in one concert's waiting room (POST .../queue, GET /queue/{token}).
struct QueueTicket
{
    enum class State { Waiting, Active, Expired };

    QString token;
    QString concertId;
    State state = State::Waiting;
    std::optional<int> position;       // 1-based among waiters; only while waiting
    std::optional<int> ahead;          // position - 1; only while waiting
    int waiting = 0;                   // total waiters
    std::optional<int> etaSeconds;     // only while waiting
    std::optional<QDateTime> expiresAt;  // only while active
    // Additions to API.md: a waiter who joined before sales open is in the pre-queue,
    // shuffled once at opening; position and waiting then count the pre-queue.
    bool preQueue = false;
    std::optional<QDateTime> opensAt;
    // Addition: staff paused admissions; the place is kept, no wait can be estimated.
    bool paused = false;

    static QString stateName(State state);
    static std::optional<State> stateFromName(QStringView name);

    QJsonObject toJson() const;
    // The same document as compact JSON text, written directly (the hot paths: status
    // reads and live pushes, where QJsonObject costs more than the rest of the answer).
    // With `type`, a "type" member is added (the live channel's "queue" message).
    QByteArray toJsonBytes(QStringView type = {}) const;
    static Result<QueueTicket> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const QueueTicket &, const QueueTicket &) = default;
};

} // namespace BoxOffice
