#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <ext/pb_ds/assoc_container.hpp>
#include <ext/pb_ds/tree_policy.hpp>

#include <optional>
#include <utility>

namespace BoxOffice::Server {

// A Redis sorted set in memory: members ordered by (score, member) with their rank
// in O(log n) (an order-statistics red-black tree from libstdc++'s policy-based data
// structures), so the in-memory queue has the same costs as the Redis one.
class ScoredSet
{
public:
    qsizetype size() const { return m_scores.size(); }
    bool contains(const QString &member) const { return m_scores.contains(member); }
    std::optional<qint64> score(const QString &member) const;
    std::optional<qint64> rank(const QString &member) const;  // 0-based

    void add(const QString &member, qint64 score);  // adds or moves
    bool remove(const QString &member);
    QList<std::pair<QString, qint64>> popMin(qint64 count);
    QList<QString> upToScore(qint64 maxScore, qsizetype limit) const;  // ascending
    QList<QString> members() const;  // ascending

private:
    using Key = std::pair<qint64, QString>;
    using Tree = __gnu_pbds::tree<Key, __gnu_pbds::null_type, std::less<Key>, __gnu_pbds::rb_tree_tag,
                                  __gnu_pbds::tree_order_statistics_node_update>;
    Tree m_tree;
    QHash<QString, qint64> m_scores;
};

} // namespace BoxOffice::Server
