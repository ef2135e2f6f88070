#include "server/queue/scoredset.h"

namespace BoxOffice::Server {

std::optional<qint64> ScoredSet::score(const QString &member) const
{
    const auto it = m_scores.constFind(member);
    if (it == m_scores.cend())
        return std::nullopt;
    return *it;
}

std::optional<qint64> ScoredSet::rank(const QString &member) const
{
    const auto s = score(member);
    if (!s)
        return std::nullopt;
    return qint64(m_tree.order_of_key({*s, member}));
}

void ScoredSet::add(const QString &member, qint64 score)
{
    if (const auto old = this->score(member)) {
        if (*old == score)
            return;
        m_tree.erase({*old, member});
    }
    m_tree.insert({score, member});
    m_scores.insert(member, score);
}

bool ScoredSet::remove(const QString &member)
{
    const auto s = score(member);
    if (!s)
        return false;
    m_tree.erase({*s, member});
    m_scores.remove(member);
    return true;
}

QList<std::pair<QString, qint64>> ScoredSet::popMin(qint64 count)
{
    QList<std::pair<QString, qint64>> out;
    while (count-- > 0 && !m_tree.empty()) {
        auto first = m_tree.begin();
        out.append({first->second, first->first});
        m_scores.remove(first->second);
        m_tree.erase(first);
    }
    return out;
}

QList<QString> ScoredSet::upToScore(qint64 maxScore, qsizetype limit) const
{
    QList<QString> out;
    for (auto it = m_tree.begin(); it != m_tree.end() && it->first <= maxScore && out.size() < limit; ++it)
        out.append(it->second);
    return out;
}

QList<QString> ScoredSet::members() const
{
    QList<QString> out;
    out.reserve(size());
    for (const auto &key : m_tree)
        out.append(key.second);
    return out;
}

} // namespace BoxOffice::Server
