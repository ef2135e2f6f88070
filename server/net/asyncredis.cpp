#include "server/net/asyncredis.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <vector>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;
namespace asio = boost::asio;

Q_LOGGING_CATEGORY(lcAsyncRedis, "boxoffice.server.redis")

namespace {

// hiredis's event hooks on an Asio descriptor: hiredis says when it wants to read or
// write; one wait per direction is armed at a time.
struct Adapter
{
    Adapter(asio::io_context &io, redisAsyncContext *c) : socket(io, c->c.fd), context(c) {}

    asio::posix::stream_descriptor socket;
    redisAsyncContext *context;
    bool wantRead = false;
    bool wantWrite = false;
    bool reading = false;
    bool writing = false;
    std::shared_ptr<bool> alive = std::make_shared<bool>(true);
};

// Waits for the descriptor to be readable (or writable) while hiredis wants it, and
// lets hiredis read (or write) then.
void arm(Adapter *a, bool write)
{
    bool &waiting = write ? a->writing : a->reading;
    if (waiting || !(write ? a->wantWrite : a->wantRead))
        return;
    waiting = true;
    a->socket.async_wait(write ? asio::posix::stream_descriptor::wait_write : asio::posix::stream_descriptor::wait_read,
                         [a, write, alive = a->alive](boost::system::error_code ec) {
        if (!*alive)
            return;
        (write ? a->writing : a->reading) = false;
        if (ec)
            return;
        if (write && a->wantWrite)
            redisAsyncHandleWrite(a->context);
        else if (!write && a->wantRead)
            redisAsyncHandleRead(a->context);
        if (*alive)
            arm(a, write);
    });
}

void addRead(void *data)
{
    auto *a = static_cast<Adapter *>(data);
    a->wantRead = true;
    arm(a, false);
}
void delRead(void *data) { static_cast<Adapter *>(data)->wantRead = false; }
void addWrite(void *data)
{
    auto *a = static_cast<Adapter *>(data);
    a->wantWrite = true;
    arm(a, true);
}
void delWrite(void *data) { static_cast<Adapter *>(data)->wantWrite = false; }
void cleanup(void *data)
{
    auto *a = static_cast<Adapter *>(data);
    *a->alive = false;
    a->socket.release();  // hiredis closes the descriptor itself
    delete a;
}

} // namespace

struct AsyncRedis::State : std::enable_shared_from_this<AsyncRedis::State>
{
    State(asio::io_context &io, QString redisHost, int redisPort)
        : loop(io), timer(io), host(std::move(redisHost)), port(redisPort)
    {
    }

    struct Pending
    {
        std::weak_ptr<State> state;
        Callback done;
        const QByteArray *script;
        QList<QByteArray> keys;
        QList<QByteArray> args;
        bool retried = false;
    };

    asio::io_context &loop;
    asio::steady_timer timer;
    QString host;
    int port;
    redisAsyncContext *context = nullptr;
    bool connected = false;
    bool stopping = false;
    qint64 pending = 0;
    QElapsedTimer sinceProgress;  // since the last reply, while commands are pending
    QElapsedTimer sinceAttempt;
    QHash<const QByteArray *, QByteArray> shaOf;
    QString lastError;

    void connect()
    {
        sinceAttempt.start();
        context = redisAsyncConnect(host.toUtf8().constData(), port);
        if (!context)
            return;
        if (context->err) {
            lastError = QString::fromUtf8(context->errstr);
            redisAsyncFree(context);
            context = nullptr;
            return;
        }
        context->data = this;
        auto *adapter = new Adapter(loop, context);
        context->ev.data = adapter;
        context->ev.addRead = addRead;
        context->ev.delRead = delRead;
        context->ev.addWrite = addWrite;
        context->ev.delWrite = delWrite;
        context->ev.cleanup = cleanup;
        redisAsyncSetConnectCallback(context, [](const redisAsyncContext *c, int status) {
            auto *self = static_cast<State *>(c->data);
            if (status == REDIS_OK) {
                self->connected = true;
                qCInfo(lcAsyncRedis).noquote() << "connected to Redis at" << self->host << self->port;
            } else {
                self->lastError = QString::fromUtf8(c->errstr);
                self->connected = false;
                self->context = nullptr;  // hiredis frees it
            }
        });
        redisAsyncSetDisconnectCallback(context, [](const redisAsyncContext *c, int) {
            auto *self = static_cast<State *>(c->data);
            if (self->connected && !self->stopping)
                qCWarning(lcAsyncRedis).noquote() << "lost Redis at" << self->host << self->port << c->errstr;
            self->connected = false;
            self->context = nullptr;  // hiredis frees it
        });
    }

    // Every RetryIntervalMs: reconnect when down; drop a connection that stopped answering.
    void watch()
    {
        timer.expires_after(std::chrono::milliseconds(RetryIntervalMs));
        timer.async_wait([weak = weak_from_this()](boost::system::error_code ec) {
            auto self = weak.lock();
            if (ec || !self)
                return;
            if (!self->context && self->sinceAttempt.elapsed() >= RetryIntervalMs)
                self->connect();
            else if (self->context && self->pending > 0 && self->sinceProgress.elapsed() > CommandTimeoutMs) {
                qCWarning(lcAsyncRedis).noquote() << "Redis at" << self->host << self->port << "has not answered for"
                                                  << CommandTimeoutMs << "ms; reconnecting";
                self->lastError = u"no answer within %1 ms"_s.arg(CommandTimeoutMs);
                redisAsyncContext *dropped = self->context;
                self->context = nullptr;
                self->connected = false;
                redisAsyncFree(dropped);  // every pending callback gets no reply
            }
            self->watch();
        });
    }

    QByteArray sha(const QByteArray &script)
    {
        auto it = shaOf.find(&script);
        if (it == shaOf.end())
            it = shaOf.insert(&script, QCryptographicHash::hash(script, QCryptographicHash::Sha1).toHex());
        return *it;
    }

    void send(Pending *p)
    {
        if (!context) {
            auto done = std::move(p->done);
            delete p;
            done(QString(u"Redis is unreachable: "_s + lastError));
            return;
        }
        QList<QByteArray> head;
        head.reserve(3);
        head << (p->retried ? QByteArray("EVAL") : QByteArray("EVALSHA")) << (p->retried ? *p->script : sha(*p->script))
             << QByteArray::number(p->keys.size());
        const qsizetype argc = head.size() + p->keys.size() + p->args.size();
        std::vector<const char *> argv;
        std::vector<size_t> lengths;
        argv.reserve(size_t(argc));
        lengths.reserve(size_t(argc));
        for (const QList<QByteArray> *part : {&head, &p->keys, &p->args})
            for (const QByteArray &a : *part) {
                argv.push_back(a.constData());
                lengths.push_back(size_t(a.size()));
            }
        if (pending++ == 0)
            sinceProgress.start();
        if (redisAsyncCommandArgv(context, &State::onReply, p, int(argc), argv.data(), lengths.data()) != REDIS_OK) {
            --pending;
            auto done = std::move(p->done);
            delete p;
            done(QString(u"Redis is unreachable: "_s + lastError));
        }
    }

    static void onReply(redisAsyncContext *, void *r, void *data)
    {
        auto *p = static_cast<Pending *>(data);
        auto self = p->state.lock();
        if (self) {
            --self->pending;
            self->sinceProgress.start();
        }
        auto *reply = static_cast<redisReply *>(r);
        if (!reply || !self) {
            auto done = std::move(p->done);
            const QString why = self ? self->lastError : QString();
            delete p;
            done(QString(u"Redis connection lost: "_s + why));
            return;
        }
        if (reply->type == REDIS_REPLY_ERROR && !p->retried && qstrncmp(reply->str, "NOSCRIPT", 8) == 0) {
            p->retried = true;  // EVAL loads it for the EVALSHAs that follow
            self->send(p);
            return;
        }
        auto done = std::move(p->done);
        delete p;
        done(RedisValue::fromReply(reply));
    }
};

AsyncRedis::AsyncRedis(asio::io_context &loop, QString host, int port)
    : m_state(std::make_shared<State>(loop, std::move(host), port))
{
    m_state->connect();
    m_state->watch();
}

AsyncRedis::~AsyncRedis()
{
    m_state->stopping = true;
    m_state->timer.cancel();
    if (m_state->context)
        redisAsyncFree(m_state->context);
}

void AsyncRedis::eval(const QByteArray &script, const QList<QByteArray> &keys, const QList<QByteArray> &args,
                      Callback done)
{
    m_state->send(new State::Pending{m_state, std::move(done), &script, keys, args, false});
}

bool AsyncRedis::isConnected() const
{
    return m_state->connected;
}

qint64 AsyncRedis::pending() const
{
    return m_state->pending;
}

} // namespace BoxOffice::Server
