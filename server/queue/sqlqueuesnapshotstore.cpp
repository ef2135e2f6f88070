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
    // One statement each, prepared once and bound per row: 100,000 waiters (a full
    // crowd) must save well within the time the client gives the server to stop.
    QSqlQuery room(db);
    QSqlQuery token(db);
    if (!room.prepare(u"INSERT INTO queue_snapshot_rooms (concert_id, sequence, is_open, saved_at) VALUES (?, ?, ?, ?)"_s)
        || !token.prepare(u"INSERT INTO queue_snapshot_tokens (concert_id, token, user_id, owns_user, state, score, seen)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?)"_s))
        return fail(describeError(room.lastError().isValid() ? room.lastError() : token.lastError()));
    const QVariant noSeen(QMetaType::fromType<qint64>());
    qint64 written = 0;
    for (const MemoryQueueStore::SavedRoom &r : rooms) {
        room.bindValue(0, r.concertId);
        room.bindValue(1, r.sequence);
        room.bindValue(2, r.open ? 1 : 0);
        room.bindValue(3, nowMs);
        if (!room.exec())
            return fail(describeError(room.lastError()));
        const QVariant concert(r.concertId);
        for (const SavedToken &t : r.tokens) {
            const bool waits = t.state == SavedToken::State::Waiting || t.state == SavedToken::State::PreQueue;
            token.bindValue(0, concert);
            token.bindValue(1, t.token);
            token.bindValue(2, t.userId);
            token.bindValue(3, t.ownsUser ? 1 : 0);
            token.bindValue(4, QString(QLatin1Char(char(t.state))));
            token.bindValue(5, t.score);
            token.bindValue(6, waits ? QVariant(t.seen) : noSeen);
            if (!token.exec())
                return fail(describeError(token.lastError()));
            ++written;
        }
    }
    if (!db.commit())
        return fail(u"cannot commit: "_s + describeError(db.lastError()));
    return written;
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
