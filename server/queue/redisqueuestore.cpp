#include "server/queue/redisqueuestore.h"

#include "server/queue/redisconnection.h"

#include <QLoggingCategory>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRedisQueue, "boxoffice.server.queue.redis")

namespace {

// KEYS (every script): 1 waiting, 2 pre, 3 active, 4 seen, 5 tokens, 6 users, 7 seq,
// 8 open, 9 settings, 10 admits, 11 history, 12 ended (score: when the token ended).
const QByteArray Prelude = R"lua(
local function place(token, now)
  local e = redis.call('ZSCORE', KEYS[3], token)
  if e then
    local state = 'active'
    if tonumber(e) <= now then state = 'expired' end
    return {state, 0, redis.call('ZCARD', KEYS[1]), tonumber(e)}
  end
  local r = redis.call('ZRANK', KEYS[1], token)
  if r then return {'waiting', r + 1, redis.call('ZCARD', KEYS[1]), 0} end
  r = redis.call('ZRANK', KEYS[2], token)
  if r then return {'pre', r + 1, redis.call('ZCARD', KEYS[2]), 0} end
  if redis.call('HEXISTS', KEYS[5], token) == 1 then
    return {'expired', 0, redis.call('ZCARD', KEYS[1]), 0}
  end
  return {'unknown', 0, redis.call('ZCARD', KEYS[1]), 0}
end
local function zremAll(key, list)
  local removed = 0
  for i = 1, #list, 1000 do removed = removed + redis.call('ZREM', key, unpack(list, i, math.min(i + 999, #list))) end
  return removed
end
local function zaddAll(key, flat)
  for i = 1, #flat, 2000 do redis.call("ZADD", key, unpack(flat, i, math.min(i + 1999, #flat))) end
end
local function settings(defCapacity, defSession, defPaused)
  local s = redis.call('HMGET', KEYS[9], 'capacity', 'sessionSeconds', 'paused')
  local paused = defPaused == '1'
  if s[3] then paused = s[3] == '1' end
  return tonumber(s[1]) or tonumber(defCapacity), tonumber(s[2]) or tonumber(defSession), paused
end
)lua";

// ARGV: user, new token, now
const QByteArray JoinScript = Prelude + R"lua(
local now = tonumber(ARGV[3])
local existing = redis.call('HGET', KEYS[6], ARGV[1])
if existing then
  local p = place(existing, now)
  if p[1] == 'waiting' or p[1] == 'pre' or p[1] == 'active' then
    if p[1] ~= 'active' then redis.call('ZADD', KEYS[4], 'GT', now, existing) end
    p[5] = existing
    p[6] = 0
    return p
  end
end
local token = ARGV[2]
local seq = redis.call('INCR', KEYS[7])
local line, state = KEYS[2], 'pre'
if redis.call('EXISTS', KEYS[8]) == 1 then line, state = KEYS[1], 'waiting' end
redis.call('ZADD', line, seq, token)
redis.call('ZADD', KEYS[4], now, token)
redis.call('HSET', KEYS[5], token, ARGV[1])
redis.call('HSET', KEYS[6], ARGV[1], token)
local count = redis.call('ZCARD', line)
return {state, count, count, 0, token, 1}  -- the newest arrival is last in line
)lua";

// ARGV: token, now
const QByteArray StatusScript = Prelude + R"lua(
local now = tonumber(ARGV[2])
local p = place(ARGV[1], now)
if p[1] == 'waiting' or p[1] == 'pre' then redis.call('ZADD', KEYS[4], 'GT', now, ARGV[1]) end
return p
)lua";

// ARGV: now, tokens…; four values per token
const QByteArray StatusManyScript = Prelude + R"lua(
local now = tonumber(ARGV[1])
local out = {}
for i = 2, #ARGV do
  local p = place(ARGV[i], now)
  if p[1] == 'waiting' or p[1] == 'pre' then redis.call('ZADD', KEYS[4], 'GT', now, ARGV[i]) end
  for k = 1, 4 do out[#out + 1] = p[k] end
end
return out
)lua";

// ARGV: token, now
const QByteArray LeaveScript = Prelude + R"lua(
if redis.call('HEXISTS', KEYS[5], ARGV[1]) == 0 then return 0 end
for _, key in ipairs({KEYS[1], KEYS[2], KEYS[3], KEYS[4]}) do redis.call('ZREM', key, ARGV[1]) end
redis.call('ZADD', KEYS[12], 'NX', ARGV[2], ARGV[1])
return 1
)lua";

// ARGV: now, idle ms, default capacity, default session seconds, default paused, retention ms
const QByteArray PromoteScript = Prelude + R"lua(
local now = tonumber(ARGV[1])
local Pad = '~promote~' .. string.rep('~', 64)  -- no token looks like this
local capacity, session, paused = settings(ARGV[3], ARGV[4], ARGV[5])
-- Scores go to Redis as strings: a Lua number argument costs a '%.17g' formatting per use.
local nowScore = string.format('%.17g', now)
-- A ZRANGEBYSCORE '-inf' … LIMIT 0 n reply is the set's first n by rank: ZREMRANGEBYRANK removes
-- exactly those, without sending them back.
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 10000)
if #expired > 0 then redis.call('ZREMRANGEBYRANK', KEYS[3], 0, #expired - 1) end
local ended, n = {}, 0
for i = 1, #expired do
  ended[n + 1] = nowScore
  ended[n + 2] = expired[i]
  n = n + 2
end
local idle = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[2]), 'LIMIT', 0, 10000)
local dropped = 0
if #idle > 0 then
  redis.call('ZREMRANGEBYRANK', KEYS[4], 0, #idle - 1)
  local gone = {}
  for b = 1, #idle, 1000 do
    local e = math.min(b + 999, #idle)
    local w = redis.call('ZMSCORE', KEYS[1], unpack(idle, b, e))
    local p = redis.call('ZMSCORE', KEYS[2], unpack(idle, b, e))
    for i = 1, e - b + 1 do
      if w[i] or p[i] then  -- admitted ones are gone already
        local t = idle[b + i - 1]
        gone[#gone + 1] = t
        ended[n + 1] = nowScore
        ended[n + 2] = t
        n = n + 2
      end
    end
  end
  dropped = #gone
  zremAll(KEYS[1], gone)
  zremAll(KEYS[2], gone)
end
zaddAll(KEYS[12], ended)
-- Ended tokens past the retention are forgotten: the room stays bounded.
local old = redis.call('ZRANGEBYSCORE', KEYS[12], '-inf', now - tonumber(ARGV[6]), 'LIMIT', 0, 10000)
if #old > 0 then
  local forget = {}
  for b = 1, #old, 1000 do
    local e = math.min(b + 999, #old)
    local users = redis.call('HMGET', KEYS[5], unpack(old, b, e))
    local held, of = {}, {}
    for i = 1, e - b + 1 do
      if users[i] then
        held[#held + 1] = users[i]
        of[#held] = old[b + i - 1]
      end
    end
    if #held > 0 then
      local current = redis.call('HMGET', KEYS[6], unpack(held))
      for i = 1, #held do
        if current[i] == of[i] then forget[#forget + 1] = held[i] end
      end
    end
    redis.call('HDEL', KEYS[5], unpack(old, b, e))
  end
  for b = 1, #forget, 1000 do redis.call('HDEL', KEYS[6], unpack(forget, b, math.min(b + 999, #forget))) end
  zremAll(KEYS[4], old)
  redis.call('ZREMRANGEBYRANK', KEYS[12], 0, #old - 1)
end
local open = redis.call('EXISTS', KEYS[8])
local admitted, active = 0, nil
if open == 1 and not paused then
  active = redis.call('ZCARD', KEYS[3])
  local free = capacity - active
  if free > 0 then
    -- The first `free` in line: read without scores, then dropped by rank (cheaper than ZPOPMIN).
    local line = redis.call('ZRANGE', KEYS[1], 0, free - 1)
    admitted = #line
    if admitted > 0 then
      redis.call('ZREMRANGEBYRANK', KEYS[1], 0, admitted - 1)
      local expiry = string.format('%.17g', now + session * 1000)
      -- The first ZADD also carries a member longer than zset-max-listpack-value, removed right
      -- after: :active is then a skiplist from the start instead of a listpack (sorted inserts,
      -- O(n) each, up to 128 members). Same members and scores; a skiplist encoding.
      local flat, k = {expiry, Pad}, 2
      for b = 1, admitted, 3900 do  -- at most 7,802 arguments: unpack allows 8,000
        for i = b, math.min(b + 3899, admitted) do
          flat[k + 1] = expiry
          flat[k + 2] = line[i]
          k = k + 2
        end
        active = active + redis.call('ZADD', KEYS[3], unpack(flat, 1, k))
        k = 0
      end
      active = active - redis.call('ZREM', KEYS[3], Pad)
    end
    -- Their heartbeats stay in :seen; no longer refreshed, the idle sweep removes them
    -- (they are then in neither line): the same work, off the admission path.
  end
end
if admitted > 0 then redis.call('HINCRBY', KEYS[10], now - now % 10000, admitted) end
-- The admission rate: admissions over the last 5 minutes (10 s buckets; older ones go).
local inWindow, oldest = 0, 0
local buckets = redis.call('HGETALL', KEYS[10])
for i = 1, #buckets, 2 do
  local start = tonumber(buckets[i])
  if start < now - 310000 then
    redis.call('HDEL', KEYS[10], buckets[i])
  elseif start >= now - 300000 then
    inWindow = inWindow + tonumber(buckets[i + 1])
    if now - start > oldest then oldest = now - start end
  end
end
if oldest < 10000 then oldest = 10000 end
if oldest > 300000 then oldest = 300000 end
return {admitted, #expired, dropped, redis.call('ZCARD', KEYS[1]), active or redis.call('ZCARD', KEYS[3]),
        open, inWindow, oldest, #old}
)lua";

// ARGV: seed. Fisher-Yates with MINSTD, as MemoryQueueStore::shuffledOrder.
const QByteArray OpenScript = Prelude + R"lua(
if redis.call('EXISTS', KEYS[8]) == 1 then return -1 end
local members = redis.call('ZRANGE', KEYS[2], 0, -1)
local n = #members
local x = (tonumber(ARGV[1]) % 2147483646) + 1
for i = n, 2, -1 do
  x = (x * 48271) % 2147483647
  local j = (x % i) + 1
  members[i], members[j] = members[j], members[i]
end
local flat = {}
for k = 1, n do
  flat[#flat + 1] = k - 1 - n
  flat[#flat + 1] = members[k]
end
zaddAll(KEYS[1], flat)
redis.call('DEL', KEYS[2])
redis.call('SET', KEYS[8], ARGV[1])
return n
)lua";

// ARGV: now, default capacity, default session seconds, default paused
const QByteArray CountsScript = Prelude + R"lua(
local now = tonumber(ARGV[1])
local capacity, session, paused = settings(ARGV[2], ARGV[3], ARGV[4])
local lastMinute = 0
local buckets = redis.call('HGETALL', KEYS[10])
for i = 1, #buckets, 2 do
  if tonumber(buckets[i]) > now - 70000 then lastMinute = lastMinute + tonumber(buckets[i + 1]) end
end
local p = 0
if paused then p = 1 end
return {redis.call('ZCARD', KEYS[1]), redis.call('ZCARD', KEYS[2]), redis.call('ZCARD', KEYS[3]), lastMinute,
        capacity, session, p, redis.call('EXISTS', KEYS[8])}
)lua";

// ARGV: capacity or '', session or '', paused or '', defaults (capacity, session, paused)
const QByteArray SettingsScript = Prelude + R"lua(
if ARGV[1] ~= '' then redis.call('HSET', KEYS[9], 'capacity', ARGV[1]) end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[9], 'sessionSeconds', ARGV[2]) end
if ARGV[3] ~= '' then redis.call('HSET', KEYS[9], 'paused', ARGV[3]) end
local capacity, session, paused = settings(ARGV[4], ARGV[5], ARGV[6])
local p = 0
if paused then p = 1 end
return {capacity, session, p}
)lua";

// ARGV: count, token prefix, always-seen score
const QByteArray SyntheticScript = Prelude + R"lua(
local open = redis.call('EXISTS', KEYS[8]) == 1
local target = KEYS[2]
if open then target = KEYS[1] end
for i = 1, tonumber(ARGV[1]) do
  local seq = redis.call('INCR', KEYS[7])
  local token = ARGV[2] .. seq
  redis.call('ZADD', target, seq, token)
  redis.call('ZADD', KEYS[4], ARGV[3], token)
  redis.call('HSET', KEYS[5], token, 'sim-' .. seq)
end
return tonumber(ARGV[1])
)lua";

// ARGV: at, waiting, active, bucket ms, keep. Samples are "at:waiting:active", oldest first.
const QByteArray HistoryScript = Prelude + R"lua(
local at, bucket = tonumber(ARGV[1]), tonumber(ARGV[4])
local last = redis.call('LINDEX', KEYS[11], -1)
if last and math.floor(tonumber(string.match(last, '^(%d+)')) / bucket) == math.floor(at / bucket) then return 0 end
redis.call('RPUSH', KEYS[11], ARGV[1] .. ':' .. ARGV[2] .. ':' .. ARGV[3])
redis.call('LTRIM', KEYS[11], -tonumber(ARGV[5]), -1)
return 1
)lua";

// ARGV: count, now. Returns the tokens whose session ended.
const QByteArray ExpireScript = Prelude + R"lua(
local popped = redis.call('ZPOPMIN', KEYS[3], tonumber(ARGV[1]))
local tokens, ended = {}, {}
for i = 1, #popped, 2 do
  tokens[#tokens + 1] = popped[i]
  ended[#ended + 1] = ARGV[2]
  ended[#ended + 1] = popped[i]
end
zaddAll(KEYS[12], ended)
return tokens
)lua";

const QByteArray EntriesScript = Prelude + R"lua(
local n = redis.call('HLEN', KEYS[5]) + redis.call('HLEN', KEYS[6])
for _, key in ipairs({KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[12]}) do n = n + redis.call('ZCARD', key) end
return n
)lua";

Failure unavailable(const QString &why)
{
    qCDebug(lcRedisQueue).noquote() << why;  // RedisConnection logs the outage once
    return Failure{Failure::Code::Unavailable, u"the queue store is unavailable"_s, {}};
}

// Runs a script; Redis down or an error reply become Failure::Unavailable.
Outcome<RedisValue> run(RedisConnection *redis, const QByteArray &script, const QString &concertId,
                        const QByteArrayList &args)
{
    auto reply = redis->eval(script, RedisQueueStore::keys(concertId), args);
    if (!reply)
        return unavailable(reply.error());
    if (reply.value().type == RedisValue::Type::Error)
        return unavailable(u"script error: "_s + QString::fromUtf8(reply.value().string));
    return reply.value();
}

QueuePlace toPlace(const RedisValue &v)
{
    QueuePlace p;
    const QByteArray state = v.array.value(0).string;
    p.state = state == "active"    ? QueuePlace::State::Active
              : state == "waiting" ? QueuePlace::State::Waiting
              : state == "pre"     ? QueuePlace::State::PreQueue
              : state == "expired" ? QueuePlace::State::Expired
                                   : QueuePlace::State::Unknown;
    p.position = v.array.value(1).toInteger();
    p.waiting = v.array.value(2).toInteger();
    p.expiresAtMs = v.array.value(3).toInteger();
    if (v.array.size() > 5) {
        p.token = QString::fromUtf8(v.array.value(4).string);
        p.created = v.array.value(5).toInteger() == 1;
    }
    return p;
}

QByteArray number(qint64 n)
{
    return QByteArray::number(n);
}

} // namespace

RedisQueueStore::RedisQueueStore(RedisConnection *connection) : m_redis(connection) {}

QByteArrayList RedisQueueStore::keys(const QString &concertId)
{
    const QByteArray prefix = "q:{" + concertId.toUtf8() + "}:";
    return {prefix + "waiting", prefix + "pre",  prefix + "active", prefix + "seen",     prefix + "tokens",
            prefix + "users",   prefix + "seq",  prefix + "open",   prefix + "settings", prefix + "admits",
            prefix + "history", prefix + "ended"};
}

int RedisQueueStore::slot(const QString &concertId)
{
    return redisKeySlot("{" + concertId.toUtf8() + "}");
}

Outcome<QueuePlace> RedisQueueStore::join(const QString &concertId, const QString &userId, const QString &newToken,
                                          qint64 nowMs)
{
    auto v = run(m_redis, JoinScript, concertId, {userId.toUtf8(), newToken.toUtf8(), number(nowMs)});
    if (!v)
        return v.error();
    if (m_waitReplicas > 0) {
        const auto acknowledged = m_redis->commandFor(keys(concertId).first(), {"WAIT", number(m_waitReplicas), "500"});
        if (!acknowledged.ok() || acknowledged.value().toInteger() < m_waitReplicas)
            qCWarning(lcRedisQueue).noquote() << "a join in" << concertId << "reached"
                                              << (acknowledged.ok() ? acknowledged.value().toInteger() : 0)
                                              << "replicas of" << m_waitReplicas << "within 500 ms";
    }
    return toPlace(v.value());
}

Outcome<QueuePlace> RedisQueueStore::status(const QString &concertId, const QString &token, qint64 nowMs)
{
    auto v = run(m_redis, StatusScript, concertId, {token.toUtf8(), number(nowMs)});
    if (!v)
        return v.error();
    QueuePlace p = toPlace(v.value());
    p.token = token;
    return p;
}

Outcome<QList<QueuePlace>> RedisQueueStore::statusMany(const QString &concertId, const QStringList &tokens,
                                                      qint64 nowMs)
{
    QList<QueuePlace> out;
    out.reserve(tokens.size());
    // Batches keep each script short, so Redis serves others in between.
    for (qsizetype start = 0; start < tokens.size(); start += 2000) {
        QByteArrayList args{number(nowMs)};
        for (qsizetype i = start; i < qMin(tokens.size(), start + 2000); ++i)
            args << tokens[i].toUtf8();
        auto v = run(m_redis, StatusManyScript, concertId, args);
        if (!v)
            return v.error();
        const auto &a = v.value().array;
        for (qsizetype i = 0; i + 3 < a.size(); i += 4) {
            RedisValue one;
            one.type = RedisValue::Type::Array;
            one.array = a.mid(i, 4);
            QueuePlace p = toPlace(one);
            p.token = tokens[start + i / 4];
            out.append(p);
        }
    }
    return out;
}

Outcome<bool> RedisQueueStore::leave(const QString &concertId, const QString &token, qint64 nowMs)
{
    auto v = run(m_redis, LeaveScript, concertId, {token.toUtf8(), number(nowMs)});
    if (!v)
        return v.error();
    return v.value().toInteger() == 1;
}

Outcome<PromoteResult> RedisQueueStore::promote(const QString &concertId, qint64 nowMs, qint64 idleMs,
                                                qint64 retentionMs, const QueueSettings &defaults)
{
    auto v = run(m_redis, PromoteScript, concertId,
                 {number(nowMs), number(idleMs), number(defaults.capacity), number(defaults.sessionSeconds),
                  defaults.paused ? "1" : "0", number(retentionMs)});
    if (!v)
        return v.error();
    const auto &a = v.value().array;
    return PromoteResult{a.value(0).toInteger(), a.value(1).toInteger(), a.value(2).toInteger(),
                         a.value(3).toInteger(), a.value(4).toInteger(), a.value(5).toInteger() == 1,
                         a.value(6).toInteger(), a.value(7).toInteger(), a.value(8).toInteger()};
}

Outcome<qint64> RedisQueueStore::open(const QString &concertId, quint32 seed)
{
    auto v = run(m_redis, OpenScript, concertId, {number(seed)});
    if (!v)
        return v.error();
    return v.value().toInteger();
}

Outcome<QueueCounts> RedisQueueStore::counts(const QString &concertId, qint64 nowMs, const QueueSettings &defaults)
{
    auto v = run(m_redis, CountsScript, concertId,
                 {number(nowMs), number(defaults.capacity), number(defaults.sessionSeconds),
                  defaults.paused ? "1" : "0"});
    if (!v)
        return v.error();
    const auto &a = v.value().array;
    QueueCounts c;
    c.waiting = a.value(0).toInteger();
    c.preQueue = a.value(1).toInteger();
    c.active = a.value(2).toInteger();
    c.admittedLastMinute = a.value(3).toInteger();
    c.settings = QueueSettings{int(a.value(4).toInteger()), int(a.value(5).toInteger()), a.value(6).toInteger() == 1};
    c.open = a.value(7).toInteger() == 1;
    return c;
}

Outcome<QueueSettings> RedisQueueStore::updateSettings(const QString &concertId, const QueueSettingsChange &change,
                                                       const QueueSettings &defaults)
{
    auto optional = [](const auto &value) -> QByteArray {
        if (!value)
            return {};
        return QByteArray::number(qint64(*value));
    };
    auto v = run(m_redis, SettingsScript, concertId,
                 {optional(change.capacity), optional(change.sessionSeconds), optional(change.paused),
                  number(defaults.capacity), number(defaults.sessionSeconds), defaults.paused ? "1" : "0"});
    if (!v)
        return v.error();
    const auto &a = v.value().array;
    return QueueSettings{int(a.value(0).toInteger()), int(a.value(1).toInteger()), a.value(2).toInteger() == 1};
}

Outcome<qint64> RedisQueueStore::addSynthetic(const QString &concertId, qint64 count, qint64 nowMs,
                                              const QString &tokenPrefix)
{
    Q_UNUSED(nowMs);
    qint64 added = 0;
    // Batches, so Redis serves others between them.
    while (added < count) {
        const qint64 batch = qMin<qint64>(5000, count - added);
        auto v = run(m_redis, SyntheticScript, concertId, {number(batch), tokenPrefix.toUtf8(), number(AlwaysSeen)});
        if (!v)
            return v.error();
        added += batch;
    }
    return added;
}

Outcome<QStringList> RedisQueueStore::expireActive(const QString &concertId, qint64 count, qint64 nowMs)
{
    auto v = run(m_redis, ExpireScript, concertId, {number(count), number(nowMs)});
    if (!v)
        return v.error();
    QStringList tokens;
    for (const RedisValue &token : v.value().array)
        tokens << QString::fromUtf8(token.string);
    return tokens;
}

Outcome<qint64> RedisQueueStore::entries(const QString &concertId)
{
    auto v = run(m_redis, EntriesScript, concertId, {});
    if (!v)
        return v.error();
    return v.value().toInteger();
}

Outcome<bool> RedisQueueStore::recordHistory(const QString &concertId, const QueueSample &sample)
{
    auto v = run(m_redis, HistoryScript, concertId,
                 {number(sample.atMs), number(sample.waiting), number(sample.active), number(HistoryBucketMs),
                  number(HistoryKeep)});
    if (!v)
        return v.error();
    return v.value().toInteger() == 1;
}

Outcome<QList<QueueSample>> RedisQueueStore::history(const QString &concertId)
{
    auto v = m_redis->command({"LRANGE", keys(concertId).at(10), "0", "-1"});
    if (!v)
        return unavailable(v.error());
    QList<QueueSample> out;
    for (const RedisValue &item : v.value().array) {
        const QList<QByteArray> parts = item.string.split(':');
        if (parts.size() == 3)
            out.append({parts[0].toLongLong(), parts[1].toLongLong(), parts[2].toLongLong()});
    }
    return out;
}

bool RedisQueueStore::isHealthy()
{
    return m_redis->ping();
}

const QByteArray &RedisQueueStore::joinScript()
{
    return JoinScript;
}

const QByteArray &RedisQueueStore::statusScript()
{
    return StatusScript;
}

const QByteArray &RedisQueueStore::statusManyScript()
{
    return StatusManyScript;
}

QueuePlace RedisQueueStore::placeFrom(const RedisValue &reply)
{
    return toPlace(reply);
}

} // namespace BoxOffice::Server
