#include "server/queue/sqlqueuesnapshotstore.h"

#include "server/sales/sqldatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

using SavedToken = MemoryQueueStore::SavedToken;

std::optional<SavedToken::State> stateFrom(const QString &letter)
{
    if (letter.size() != 1)
        return std::nullopt;
    switch (letter.at(0).toLatin1()) {
    case 'W': return SavedToken::State::Waiting;
    case 'P': return SavedToken::State::PreQueue;
    case 'A': return SavedToken::State::Active;
    case 'E': return SavedToken::State::Ended;
    case 'I': return SavedToken::State::Issued;
    default: return std::nullopt;
    }
}

} // namespace

SqlQueueSnapshotStore::SqlQueueSnapshotStore(SqlDatabase *database) : m_database(database) {}

Result<qint64, QString> SqlQueueSnapshotStore::save(const QList<MemoryQueueStore::SavedRoom> &rooms, qint64 nowMs)
{
    QSqlDatabase &db = m_database->db();
    if (!db.transaction())
        return QString(u"cannot start a transaction: "_s + describeError(db.lastError()));
    auto fail = [&db](const QString &why) {
        db.rollback();
        return why;
    };
    QSqlQuery q(db);
    for (const QString &statement : {u"DELETE FROM queue_snapshot_tokens"_s, u"DELETE FROM queue_snapshot_rooms"_s})
        if (!q.exec(statement))
            return fail(describeError(q.lastError()));
    QList<QVariantList> roomRows;
    QList<QVariantList> tokenRows;
    for (const MemoryQueueStore::SavedRoom &room : rooms) {
        roomRows.append({room.concertId, room.sequence, room.open ? 1 : 0, nowMs});
        for (const SavedToken &t : room.tokens) {
            const bool waits = t.state == SavedToken::State::Waiting || t.state == SavedToken::State::PreQueue;
            tokenRows.append({room.concertId, t.token, t.userId, t.ownsUser ? 1 : 0, QString(QLatin1Char(char(t.state))),
                              t.score, waits ? QVariant(t.seen) : QVariant(QMetaType::fromType<qint64>())});
        }
    }
    if (auto ok = m_database->insertRows(u"queue_snapshot_rooms"_s, {u"concert_id"_s, u"sequence"_s, u"is_open"_s,
                                                                       u"saved_at"_s},
                                         roomRows);
        !ok)
        return fail(ok.error());
    if (auto ok = m_database->insertRows(u"queue_snapshot_tokens"_s,
                                         {u"concert_id"_s, u"token"_s, u"user_id"_s, u"owns_user"_s, u"state"_s,
                                          u"score"_s, u"seen"_s},
                                         tokenRows);
        !ok)
        return fail(ok.error());
    if (!db.commit())
        return fail(u"cannot commit: "_s + describeError(db.lastError()));
    return qint64(tokenRows.size());
}

Result<QList<MemoryQueueStore::SavedRoom>, QString> SqlQueueSnapshotStore::take()
{
    QSqlDatabase &db = m_database->db();
    if (!db.transaction())
        return QString(u"cannot start a transaction: "_s + describeError(db.lastError()));
    auto fail = [&db](const QString &why) {
        db.rollback();
        return why;
    };
    QList<MemoryQueueStore::SavedRoom> rooms;
    QHash<QString, qsizetype> index;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT concert_id, sequence, is_open FROM queue_snapshot_rooms ORDER BY concert_id"_s))
            return fail(describeError(q.lastError()));
        while (q.next()) {
            index.insert(q.value(0).toString(), rooms.size());
            rooms.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toInt() != 0, {}});
        }
        if (!q.exec(u"SELECT concert_id, token, user_id, owns_user, state, score, seen FROM queue_snapshot_tokens"_s))
            return fail(describeError(q.lastError()));
        while (q.next()) {
            const auto room = index.constFind(q.value(0).toString());
            const auto state = stateFrom(q.value(4).toString());
            if (room == index.cend() || !state)
                return fail(u"a token of %1 with no room or the state \"%2\""_s.arg(q.value(0).toString(),
                                                                                    q.value(4).toString()));
            rooms[*room].tokens.append(SavedToken{q.value(1).toString(), q.value(2).toString(), q.value(3).toInt() != 0,
                                                  *state, q.value(5).toLongLong(), q.value(6).toLongLong()});
        }
        for (const QString &statement : {u"DELETE FROM queue_snapshot_tokens"_s, u"DELETE FROM queue_snapshot_rooms"_s})
            if (!q.exec(statement))
                return fail(describeError(q.lastError()));
    }
    if (!db.commit())
        return fail(u"cannot commit: "_s + describeError(db.lastError()));
    return rooms;
}

Result<qint64, QString> SqlQueueSnapshotStore::rooms()
{
    QSqlQuery q(m_database->db());
    if (!q.exec(u"SELECT COUNT(*) FROM queue_snapshot_rooms"_s) || !q.next())
        return describeError(q.lastError());
    return q.value(0).toLongLong();
}

} // namespace BoxOffice::Server
