#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace BoxOffice::Server {

// Per-client-address token bucket for joins: `ratePerSecond` sustained, `burst` at
// once. allow() answers nothing (allowed) or the seconds to wait (for Retry-After).
// One per process, shared by its server threads (thread-safe), so an address gets
// the same limit however many threads serve it. Per instance: behind N instances a
// client gets at most N times the rate (docs/scaling.md).
class JoinRateLimiter
{
public:
    JoinRateLimiter(double ratePerSecond, double burst) : m_rate(ratePerSecond), m_burst(burst) {}

    bool enabled() const { return m_rate > 0; }
    std::optional<int> allow(const QString &client, qint64 nowMs);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    const double m_rate;
    const double m_burst;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace BoxOffice::Server
