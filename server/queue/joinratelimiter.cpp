#include "server/queue/joinratelimiter.h"

#include <cmath>

namespace BoxOffice::Server {

std::optional<int> JoinRateLimiter::allow(const QString &client, qint64 nowMs)
{
    if (!enabled())
        return std::nullopt;
    const QMutexLocker lock(&m_mutex);
    if (m_buckets.size() > 100'000) {
        // Forget the clients whose buckets have refilled: they are as good as new.
        for (auto it = m_buckets.begin(); it != m_buckets.end();)
            it = (it->tokens + double(nowMs - it->updatedMs) / 1000.0 * m_rate >= m_burst) ? m_buckets.erase(it) : ++it;
    }
    auto it = m_buckets.find(client);
    if (it == m_buckets.end())
        it = m_buckets.insert(client, Bucket{m_burst, nowMs});
    it->tokens = std::min(m_burst, it->tokens + double(nowMs - it->updatedMs) / 1000.0 * m_rate);
    it->updatedMs = nowMs;
    if (it->tokens >= 1) {
        it->tokens -= 1;
        return std::nullopt;
    }
    return std::max(1, int(std::ceil((1 - it->tokens) / m_rate)));
}

} // namespace BoxOffice::Server
