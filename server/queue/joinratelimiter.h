#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace BoxOffice::Server {

// Per-client-address token bucket for joins: `ratePerSecond` sustained, `burst` at
// once. allow() answers nothing (allowed) or the seconds to wait (for Retry-After).
// Per server instance: behind N instances a client gets at most N times the rate.
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
    double m_rate;
    double m_burst;
    QHash<QString, Bucket> m_buckets;
};

} // namespace BoxOffice::Server
