#pragma once

#include "domain/result.h"
#include "server/http/httprequest.h"
#include "server/http/httpresponse.h"

#include <QHostAddress>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace BoxOffice::Server {

class LiveSocket;
class Metrics;

// The network front: HTTP/1.1 and the live channel's WebSocket on one port, served by
// Boost.Beast on one Asio event loop per thread (SO_REUSEPORT sockets, the kernel
// spreads connections). No loop ever waits: a request goes to the RequestHandler with
// a Respond callback that may be called later, from any thread, once; when the client
// has gone by then the answer is dropped.
//
// What a client can hold is bounded whatever it sends: a header over maxHeaderBytes is
// answered 431 and closed; a body over maxBodyBytes is answered 413 as soon as its
// length is known (or its chunks pass the limit) and the connection closed without
// reading the rest; a WebSocket message over maxMessageBytes (one frame or many
// fragments) closes the socket with 1009 before it is buffered; ambiguous framing
// (Content-Length with Transfer-Encoding, repeated or malformed lengths,
// Transfer-Encoding on HTTP/1.0 or not ending in chunked) is refused with 400 and
// closed; every connection, WebSockets included, is closed after idleMs without
// traffic (WebSockets are pinged first); past maxConnections, or when the process is
// out of file descriptors, new connections are closed at once (accepting pauses
// briefly instead of spinning). Each connection's memory is bounded by the header,
// body and message limits.
class NetFront
{
public:
    struct Limits
    {
        int maxConnections = 10000;  // for the whole process; clamped below the fd limit
        int idleMs = 30000;
        qint64 maxBodyBytes = 64 * 1024;
        int maxHeaderBytes = 16 * 1024;
        qint64 maxMessageBytes = 64 * 1024;
    };
    using Respond = std::function<void(HttpResponse)>;
    // Called in a loop thread. `loop` is the index of that loop (0..threads-1), for
    // per-loop state such as a Redis connection.
    using RequestHandler = std::function<void(HttpRequest &&request, int loop, Respond respond)>;
    // A WebSocket on /api/v1/live has completed its handshake; called in a loop thread.
    // The handler hands the stand-in to the hub's thread and calls attach() there.
    class LiveLink;
    using UpgradeHandler = std::function<void(std::shared_ptr<LiveLink> link)>;

    NetFront(int threads, Limits limits, RequestHandler handler, UpgradeHandler upgrade,
             std::function<qint64()> clock = {}, Metrics *metrics = nullptr);
    ~NetFront();
    NetFront(const NetFront &) = delete;
    NetFront &operator=(const NetFront &) = delete;

    // Serves TLS (HTTPS and WSS) with this PEM certificate chain and key, read now; an
    // error says what is wrong and leaves the previous state. Called again (SIGHUP), new
    // connections get the new certificate while the open ones keep theirs.
    std::optional<QString> useTls(const QString &certificatePath, const QString &keyPath);
    bool tls() const;

    // Binds every loop's socket to address:port (0 = a free port) and starts the loops.
    Result<quint16, QString> listen(const QHostAddress &address, quint16 port);
    // Stops accepting and serving; joins the loops. Pending answers are dropped.
    void stop();

    int threads() const { return m_threads; }
    boost::asio::io_context &loop(int index);
    int openConnections() const;
    qint64 refusedConnections() const;
    const Limits &limits() const { return m_limits; }

    // The Qt-side stand-in of one live-channel socket; made by a LiveLink in the hub's
    // thread. Defined in netfront.cpp.
    class LiveLink
    {
    public:
        virtual ~LiveLink() = default;
        // Makes the stand-in (in the calling thread, which must be the hub's): messages
        // that arrived before are delivered to it, in order.
        virtual LiveSocket *attach() = 0;
    };

    struct Shared;  // what the sessions share with the front (counters, limits, handlers)
    struct Loop;    // one event loop: its context, listening socket and thread

private:
    int m_threads;
    Limits m_limits;
    std::shared_ptr<Shared> m_shared;
    std::vector<std::unique_ptr<Loop>> m_loops;
    bool m_running = false;
};

} // namespace BoxOffice::Server
