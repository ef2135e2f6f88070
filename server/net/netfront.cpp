#include "server/net/netfront.h"

#include "server/http/metrics.h"
#include "server/live/livesocket.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QUrl>
#include <QUrlQuery>

#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <pthread.h>
#include <sys/resource.h>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
namespace ssl = asio::ssl;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

Q_LOGGING_CATEGORY(lcFront, "boxoffice.server.front")

struct NetFront::Shared
{
    Limits limits;
    RequestHandler handler;
    UpgradeHandler upgrade;
    std::function<qint64()> clock;
    Metrics *metrics = nullptr;
    std::atomic<int> open{0};
    std::atomic<qint64> refused{0};

    // The TLS context new connections use; replaced whole on a reload, while the
    // connections made with the old one keep it.
    std::shared_ptr<ssl::context> tls() const
    {
        std::lock_guard lock(tlsMutex);
        return tlsContext;
    }
    mutable std::mutex tlsMutex;
    std::shared_ptr<ssl::context> tlsContext;
};

struct NetFront::Loop
{
    asio::io_context context{1};
    std::optional<tcp::acceptor> acceptor;
    std::optional<asio::steady_timer> pause;
    std::thread thread;
};

namespace {

constexpr auto LiveChannelPath = "/api/v1/live";

// The Date header, formatted at most once a second per thread.
QByteArray httpDate(qint64 ms)
{
    thread_local qint64 second = -1;
    thread_local QByteArray text;
    if (ms / 1000 != second) {
        second = ms / 1000;
        text = QLocale::c()
                   .toString(QDateTime::fromMSecsSinceEpoch(second * 1000, Qt::UTC), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                   .toLatin1();
    }
    return text;
}

// The whole answer as bytes, written in one go. A HEAD request gets the headers of
// the answer and no body.
QByteArray serialize(const HttpResponse &r, const QByteArray &date, bool head, bool close, bool sayKeepAlive)
{
    QByteArray out;
    out.reserve(192 + r.body.size());
    out += "HTTP/1.1 ";
    out += QByteArray::number(r.status);
    out += ' ';
    out += HttpResponse::reasonPhrase(r.status);
    out += "\r\n";
    const bool bodiless = r.status == 204 || r.status == 304 || r.status < 200;
    if (!bodiless) {
        out += "Content-Type: ";
        out += r.contentType;
        out += "\r\nContent-Length: ";
        out += QByteArray::number(r.body.size());
        out += "\r\n";
    }
    out += "Date: ";
    out += date;
    out += "\r\n";
    for (const auto &[name, value] : r.headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    if (close)
        out += "Connection: close\r\n";
    else if (sayKeepAlive)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!head && !bodiless)
        out += r.body;
    return out;
}

QByteArray toBytes(beast::string_view view)
{
    return QByteArray(view.data(), qsizetype(view.size()));
}

QHostAddress toHostAddress(const tcp::endpoint &endpoint)
{
    const auto address = endpoint.address();
    if (address.is_v4())
        return QHostAddress(address.to_v4().to_uint());
    const auto bytes = address.to_v6().to_bytes();
    QHostAddress out(bytes.data());
    if (bool ok = false; address.to_v6().is_v4_mapped())
        if (const quint32 v4 = out.toIPv4Address(&ok); ok)
            return QHostAddress(v4);
    return out;
}

// A live-channel session, whatever its stream (TCP or TLS).
class WsSessionBase
{
public:
    virtual ~WsSessionBase() = default;
    virtual void send(const QByteArray &utf8) = 0;
    virtual qint64 queued() const = 0;
    virtual void abort() = 0;
};

// The Qt-side stand-in of a live-channel socket: lives in the hub's thread.
class BeastLiveSocket final : public LiveSocket
{
public:
    BeastLiveSocket(std::shared_ptr<class WsLink> link, std::shared_ptr<WsSessionBase> session);
    ~BeastLiveSocket() override;

    QByteArray header(const QByteArray &lowerCaseName) const override;
    void sendText(const QByteArray &utf8) override;
    qint64 bytesToWrite() const override;
    void abort() override;

    void emitText(const QString &text) { Q_EMIT textMessageReceived(text); }
    void emitBinary() { Q_EMIT binaryMessageReceived(); }
    void emitDisconnected() { Q_EMIT disconnected(); }

private:
    std::shared_ptr<WsLink> m_link;
    std::shared_ptr<WsSessionBase> m_session;
};

// Between a WebSocket session (a loop thread) and its stand-in (the hub's thread):
// what arrives before the stand-in exists waits here, in order.
class WsLink final : public NetFront::LiveLink, public std::enable_shared_from_this<WsLink>
{
public:
    WsLink(std::weak_ptr<WsSessionBase> session, QHash<QByteArray, QByteArray> headers)
        : m_session(std::move(session)), m_headers(std::move(headers))
    {
    }

    LiveSocket *attach() override
    {
        auto session = m_session.lock();
        auto *proxy = new BeastLiveSocket(shared_from_this(), session);
        std::lock_guard lock(m_mutex);
        m_proxy = proxy;
        for (auto &event : m_early)
            post(std::move(event));
        m_early.clear();
        if (m_closed)
            post({}, true);
        return proxy;
    }

    void text(QString text) { deliver({std::move(text)}); }
    void binary() { deliver({{}, false, true}); }
    void closed()
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return;
        m_closed = true;
        if (m_proxy)
            post({}, true);
    }
    void detach()
    {
        std::lock_guard lock(m_mutex);
        m_proxy = nullptr;
    }
    QByteArray header(const QByteArray &name) const { return m_headers.value(name); }

private:
    struct Event
    {
        QString text;
        bool close = false;
        bool binary = false;
    };
    void deliver(Event event)
    {
        std::lock_guard lock(m_mutex);
        if (m_proxy)
            post(std::move(event));
        else if (m_early.size() < 64)  // a client that floods before the hub has it: the rest is dropped
            m_early.push_back(std::move(event));
    }
    // Under m_mutex: the stand-in cannot go away meanwhile, and Qt drops what is still
    // queued for it when it does.
    void post(Event event, bool close = false)
    {
        BeastLiveSocket *proxy = m_proxy;
        QMetaObject::invokeMethod(
            proxy,
            [proxy, event = std::move(event), close] {
                if (close || event.close)
                    proxy->emitDisconnected();
                else if (event.binary)
                    proxy->emitBinary();
                else
                    proxy->emitText(event.text);
            },
            Qt::QueuedConnection);
    }

    std::weak_ptr<WsSessionBase> m_session;
    const QHash<QByteArray, QByteArray> m_headers;
    std::mutex m_mutex;
    BeastLiveSocket *m_proxy = nullptr;
    std::vector<Event> m_early;
    bool m_closed = false;
};

template <class Stream>
class WsSession final : public WsSessionBase, public std::enable_shared_from_this<WsSession<Stream>>
{
public:
    // `tls`: the context a TLS stream was made with, kept as long as the stream.
    WsSession(Stream &&stream, std::shared_ptr<NetFront::Shared> shared, QHash<QByteArray, QByteArray> headers,
              std::shared_ptr<ssl::context> tls)
        : m_tls(std::move(tls)), m_ws(std::move(stream)), m_shared(std::move(shared)), m_headers(std::move(headers))
    {
    }
    ~WsSession() override
    {
        --m_shared->open;
        if (m_link)
            m_link->closed();
    }

    void run(http::request<http::string_body> request)
    {
        beast::get_lowest_layer(m_ws).expires_never();  // the WebSocket's own timeouts from here
        websocket::stream_base::timeout timeouts{};
        timeouts.handshake_timeout = std::chrono::seconds(10);
        // Pinged after half of it in silence; closed when the other half passes with no pong.
        timeouts.idle_timeout = std::chrono::milliseconds(m_shared->limits.idleMs);
        timeouts.keep_alive_pings = true;
        m_ws.set_option(timeouts);
        // Beast's own cap stops one frame that announces far more at its header; messages
        // past 16 times the limit in smaller frames are closed below, by a close handshake.
        m_ws.read_message_max(std::uint64_t(m_shared->limits.maxMessageBytes) * 64);
        m_ws.auto_fragment(false);
        m_ws.async_accept(request, [self = this->shared_from_this()](beast::error_code ec) {
            if (ec)
                return;
            self->m_link = std::make_shared<WsLink>(self, std::move(self->m_headers));
            self->m_shared->upgrade(self->m_link);
            self->read();
        });
    }

    void send(const QByteArray &utf8) override
    {
        m_queued += utf8.size();
        asio::post(m_ws.get_executor(), [self = this->shared_from_this(), text = std::string(utf8.constData(), size_t(utf8.size()))]() mutable {
            self->m_outbox.push_back(std::move(text));
            if (!self->m_writing)
                self->writeNext();
        });
    }
    qint64 queued() const override { return m_queued.load(); }
    void abort() override
    {
        asio::post(m_ws.get_executor(), [self = this->shared_from_this()] {
            beast::error_code ignored;
            beast::get_lowest_layer(self->m_ws).socket().close(ignored);
        });
    }

private:
    // A message is read in pieces and never held past the limit: over it, the rest of
    // the message is thrown away as it comes and the client gets the payload_too_large
    // error frame (the connection stays); a message over 16 times the limit (one
    // frame, or fragments that never end) closes the connection with 1009.
    void read()
    {
        m_ws.async_read_some(m_buffer, 16 * 1024, [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
            if (ec) {
                self->m_link->closed();
                return;
            }
            self->m_messageBytes += qint64(n);
            if (self->m_messageBytes > self->m_shared->limits.maxMessageBytes * 16) {
                // Not Beast's failure path: its teardown closes the socket with the
                // client's bytes unread (Boost 1.81), a reset that can wipe the 1009
                // frame before the client reads it. async_close reads and drops the rest
                // until the client's close frame, or closes at the handshake timeout.
                self->m_ws.async_close(websocket::close_code::too_big,
                                       [self](beast::error_code) { self->m_link->closed(); });
                return;
            }
            if (self->m_tooBig || qint64(self->m_buffer.size()) > self->m_shared->limits.maxMessageBytes) {
                self->m_tooBig = true;
                self->m_buffer.consume(self->m_buffer.size());
            }
            if (self->m_ws.is_message_done()) {
                if (self->m_tooBig)
                    self->tooBig();
                else if (self->m_ws.got_text()) {
                    const auto data = self->m_buffer.cdata();
                    self->m_link->text(QString::fromUtf8(static_cast<const char *>(data.data()), qsizetype(data.size())));
                } else {
                    self->m_link->binary();
                }
                self->m_tooBig = false;
                self->m_buffer.consume(self->m_buffer.size());
                self->m_messageBytes = 0;
            }
            self->read();
        });
    }
    void tooBig()
    {
        QJsonObject error = HttpResponse::errorBody(
                                Failure{Failure::Code::PayloadTooLarge,
                                        u"messages are at most %1 KiB"_s.arg(m_shared->limits.maxMessageBytes / 1024), {}})
                                .toJson();
        error.insert(u"type"_s, u"error"_s);
        send(QJsonDocument(error).toJson(QJsonDocument::Compact));
    }
    void writeNext()
    {
        m_writing = true;
        m_ws.text(true);
        m_ws.async_write(asio::buffer(m_outbox.front()), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            self->m_queued -= qint64(self->m_outbox.front().size());
            self->m_outbox.pop_front();
            if (ec) {
                for (const auto &left : self->m_outbox)
                    self->m_queued -= qint64(left.size());
                self->m_outbox.clear();
                self->m_writing = false;
                return;
            }
            if (self->m_outbox.empty())
                self->m_writing = false;
            else
                self->writeNext();
        });
    }

    std::shared_ptr<ssl::context> m_tls;
    websocket::stream<Stream> m_ws;
    std::shared_ptr<NetFront::Shared> m_shared;
    QHash<QByteArray, QByteArray> m_headers;
    std::shared_ptr<WsLink> m_link;
    beast::flat_buffer m_buffer;
    std::deque<std::string> m_outbox;
    bool m_writing = false;
    bool m_tooBig = false;  // the message being read is over the limit: its rest is dropped
    qint64 m_messageBytes = 0;  // of the message being read, so far
    std::atomic<qint64> m_queued{0};
};

BeastLiveSocket::BeastLiveSocket(std::shared_ptr<WsLink> link, std::shared_ptr<WsSessionBase> session)
    : m_link(std::move(link)), m_session(std::move(session))
{
}

BeastLiveSocket::~BeastLiveSocket()
{
    m_link->detach();
    if (m_session)
        m_session->abort();
}

QByteArray BeastLiveSocket::header(const QByteArray &lowerCaseName) const
{
    return m_link->header(lowerCaseName);
}

void BeastLiveSocket::sendText(const QByteArray &utf8)
{
    if (m_session)
        m_session->send(utf8);
}

qint64 BeastLiveSocket::bytesToWrite() const
{
    return m_session ? m_session->queued() : 0;
}

void BeastLiveSocket::abort()
{
    if (m_session)
        m_session->abort();
}

// One HTTP/1.1 connection, plain (Stream = beast::tcp_stream) or TLS (TlsStream):
// requests one at a time (pipelined ones wait in the buffer), each answered in order.
template <class Stream>
class HttpSession final : public std::enable_shared_from_this<HttpSession<Stream>>
{
    static constexpr bool IsTls = std::is_same_v<Stream, TlsStream>;

public:
    // `tls`: the context a TLS stream was made with, kept as long as the stream.
    HttpSession(Stream stream, std::shared_ptr<NetFront::Shared> shared, int loop, std::shared_ptr<ssl::context> tls = {})
        : m_tls(std::move(tls)), m_stream(std::move(stream)), m_shared(std::move(shared)), m_loop(loop),
          m_buffer(std::size_t(m_shared->limits.maxHeaderBytes) + 64 * 1024)
    {
        beast::error_code ec;
        const auto remote = lowest().socket().remote_endpoint(ec);
        if (!ec)
            m_remote = toHostAddress(remote);
    }
    ~HttpSession()
    {
        if (m_counted)
            --m_shared->open;
    }

    void start()
    {
        if constexpr (IsTls) {
            // The handshake has the idle timeout too: a client that connects and says
            // nothing (or speaks plain HTTP to the TLS port) is closed.
            lowest().expires_after(std::chrono::milliseconds(limits().idleMs));
            m_stream.async_handshake(ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
                if (ec)
                    return self->close();
                self->readHeader();
            });
        } else {
            readHeader();
        }
    }

private:
    beast::tcp_stream &lowest() { return beast::get_lowest_layer(m_stream); }
    const NetFront::Limits &limits() const { return m_shared->limits; }

    void readHeader()
    {
        m_parser.emplace();
        m_parser->header_limit(std::uint32_t(limits().maxHeaderBytes));
        m_parser->body_limit(std::uint64_t(limits().maxBodyBytes));
        lowest().expires_after(std::chrono::milliseconds(limits().idleMs));
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec)
    {
        if (ec)
            return readFailed(ec);
        const auto &request = m_parser->get();
        m_head = request.method() == http::verb::head;
        m_keepAlive = request.keep_alive();
        m_http10 = request.version() < 11;
        if (const auto refused = framingProblem(); !refused.isEmpty())
            return refuse(HttpResponse::error(Failure::Code::BadRequest, refused), "(bad framing)");

        const beast::string_view target = request.target();
        const beast::string_view path = target.substr(0, target.find('?'));
        if (path == LiveChannelPath)
            return upgrade();

        if (beast::iequals(request[http::field::expect], "100-continue") && !m_parser->is_done()) {
            // The body is within the limit (a longer one failed above): ask for it.
            static constexpr char Continue[] = "HTTP/1.1 100 Continue\r\n\r\n";
            asio::async_write(m_stream, asio::buffer(Continue, sizeof Continue - 1),
                              [self = this->shared_from_this()](beast::error_code writeError, std::size_t) {
                                  if (writeError)
                                      return self->close();
                                  self->readBody();
                              });
            return;
        }
        if (m_parser->is_done())
            return dispatch();
        readBody();
    }

    // Framing two parties could read two ways (request smuggling): refused outright.
    QString framingProblem() const
    {
        const auto &request = m_parser->get();
        const auto lengths = request.count(http::field::content_length);
        const auto encodings = request.count(http::field::transfer_encoding);
        if (lengths > 1)
            return u"more than one Content-Length"_s;
        if (lengths && encodings)
            return u"both Content-Length and Transfer-Encoding"_s;
        if (encodings && m_http10)
            return u"Transfer-Encoding in an HTTP/1.0 request"_s;
        if (encodings > 1 || (encodings && !m_parser->chunked()))
            return u"a Transfer-Encoding other than chunked"_s;
        if (lengths) {
            const auto value = request[http::field::content_length];
            if (value.empty() || value.size() > 18
                || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return u"a Content-Length that is not a plain decimal number"_s;
        }
        return {};
    }

    void readBody()
    {
        http::async_read(m_stream, m_buffer, *m_parser, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec)
                return self->readFailed(ec);
            self->dispatch();
        });
    }

    void readFailed(beast::error_code ec)
    {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::eof
            || ec == asio::error::connection_reset || ec == asio::error::operation_aborted
            || ec == http::error::partial_message)
            return close();
        if (ec == http::error::header_limit)
            return refuse(HttpResponse::error(Failure::Code::HeaderTooLarge,
                                              u"request header over the limit of %1 bytes"_s.arg(limits().maxHeaderBytes),
                                              {{u"limit"_s, limits().maxHeaderBytes}}),
                          "(header too large)");
        if (ec == http::error::body_limit) {
            const auto length = m_parser->content_length();
            const QString message = length ? u"request body of %1 bytes is over the limit of %2"_s.arg(*length)
                                                 .arg(limits().maxBodyBytes)
                                           : u"request body over the limit of %1 bytes"_s.arg(limits().maxBodyBytes);
            return refuse(HttpResponse::error(Failure::Code::PayloadTooLarge, message, {{u"limit"_s, limits().maxBodyBytes}}),
                          "(payload too large)");
        }
        if (ec == http::error::bad_content_length || ec == http::error::bad_transfer_encoding
            || ec == http::error::bad_chunk || ec == http::error::bad_chunk_extension)
            return refuse(HttpResponse::error(Failure::Code::BadRequest,
                                              u"ambiguous or malformed message framing: "_s
                                                  + QString::fromStdString(ec.message())),
                          "(bad framing)");
        refuse(HttpResponse::error(Failure::Code::BadRequest,
                                   u"malformed HTTP request: "_s + QString::fromStdString(ec.message())),
               "(malformed)");
    }

    void upgrade()
    {
        const auto &request = m_parser->get();
        if (!websocket::is_upgrade(request)) {
            HttpResponse r = HttpResponse::error(Failure::Code::UpgradeRequired,
                                                 u"/api/v1/live is a WebSocket: send an upgrade request"_s);
            r.withHeader("Upgrade", "websocket");
            if (!m_parser->is_done())
                m_keepAlive = false;  // its body is not read
            return write(std::move(r));
        }
        QString problem;
        const auto key = request[http::field::sec_websocket_key];
        if (request[http::field::sec_websocket_version] != "13")
            problem = u"Sec-WebSocket-Version must be 13"_s;
        else if (key.size() != 24 || key.back() != '=')
            problem = u"Sec-WebSocket-Key must be 16 bytes in base64"_s;
        else if (!m_parser->is_done())
            problem = u"an upgrade request has no body"_s;
        if (!problem.isEmpty()) {
            HttpResponse r = HttpResponse::error(Failure::Code::BadRequest, u"bad WebSocket upgrade: "_s + problem);
            r.withHeader("Sec-WebSocket-Version", "13");
            return refuse(std::move(r), "(bad upgrade)");
        }
        QHash<QByteArray, QByteArray> headers;
        for (const auto &field : request)
            headers.insert(toBytes(field.name_string()).toLower(), toBytes(field.value()));
        m_counted = false;  // the WebSocket session counts it from here
        std::make_shared<WsSession<Stream>>(std::move(m_stream), m_shared, std::move(headers), m_tls)
            ->run(m_parser->release());
    }

    void dispatch()
    {
        auto &request = m_parser->get();
        HttpRequest r;
        r.method = toBytes(request.method_string());
        const beast::string_view target = request.target();
        if (target.find_first_of("?%") == beast::string_view::npos) {
            r.path = QString::fromLatin1(target.data(), qsizetype(target.size()));  // the common case: nothing to decode
        } else {
            const QUrl url = QUrl::fromEncoded(toBytes(target));
            r.path = url.path();
            r.query = QUrlQuery(url);
        }
        r.headers.reserve(qsizetype(std::distance(request.begin(), request.end())));
        for (const auto &field : request)
            r.headers.insert(toBytes(field.name_string()).toLower(), toBytes(field.value()));
        r.body = QByteArray(request.body().data(), qsizetype(request.body().size()));
        r.remoteAddress = m_remote;
        lowest().expires_never();  // the server is thinking, not the client
        auto respond = [self = this->shared_from_this()](HttpResponse response) {
            asio::post(self->m_stream.get_executor(),
                       [self, response = std::move(response)]() mutable { self->write(std::move(response)); });
        };
        m_shared->handler(std::move(r), m_loop, std::move(respond));
    }

    // Answers and closes: the request could not be read to its end, so what follows it
    // on the connection cannot be trusted.
    void refuse(HttpResponse response, const char *route)
    {
        if (m_shared->metrics)
            m_shared->metrics->observeRequest(QString::fromLatin1(route), m_parser ? toBytes(m_parser->get().method_string()) : QByteArray(),
                                              response.status, 0);
        m_keepAlive = false;
        write(std::move(response));
    }

    void write(HttpResponse response)
    {
        const bool close = !m_keepAlive;
        m_out = serialize(response, httpDate(m_shared->clock()), m_head, close, m_http10 && m_keepAlive);
        lowest().expires_after(std::chrono::milliseconds(limits().idleMs));
        asio::async_write(m_stream, asio::buffer(m_out.constData(), std::size_t(m_out.size())),
                          [self = this->shared_from_this(), close](beast::error_code ec, std::size_t) {
                              if (ec)
                                  return self->close();
                              if (close)
                                  return self->lingeringClose();
                              self->readHeader();
                          });
    }

    // After an answer that ends the connection: stop sending, then read and throw
    // away what the client is still sending for a moment (a bounded amount), so its
    // kernel does not reset the connection before it has read the answer.
    void lingeringClose()
    {
        beast::error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
        lowest().expires_after(std::chrono::milliseconds(500));
        drain();
    }
    void drain()
    {
        m_buffer.consume(m_buffer.size());
        m_stream.async_read_some(m_buffer.prepare(16 * 1024), [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
            self->m_drained += qint64(n);
            if (ec || self->m_drained > 1024 * 1024)
                return self->close();
            self->m_buffer.commit(n);
            self->drain();
        });
    }

    void close()
    {
        beast::error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
        lowest().close();
    }

    std::shared_ptr<ssl::context> m_tls;
    Stream m_stream;
    std::shared_ptr<NetFront::Shared> m_shared;
    int m_loop;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    QHostAddress m_remote;
    QByteArray m_out;
    qint64 m_drained = 0;
    bool m_head = false;
    bool m_keepAlive = true;
    bool m_http10 = false;
    bool m_counted = true;
};

} // namespace

static void acceptOn(NetFront::Loop &loop, std::shared_ptr<NetFront::Shared> shared, int index)
{
    loop.acceptor->async_accept([&loop, shared, index](beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted)
            return;  // stopping
        if (ec) {
            // Out of file descriptors (or buffers): the connection stays in the backlog;
            // try again shortly instead of spinning on it.
            static std::atomic<qint64> reported{0};
            if (reported++ % 100 == 0)
                qCWarning(lcFront).noquote() << "cannot accept a connection:" << QString::fromStdString(ec.message())
                                             << "- pausing accepts for 100 ms";
            loop.pause->expires_after(std::chrono::milliseconds(100));
            loop.pause->async_wait([&loop, shared, index](beast::error_code waitError) {
                if (!waitError)
                    acceptOn(loop, shared, index);
            });
            return;
        }
        if (shared->open.load() >= shared->limits.maxConnections) {
            ++shared->refused;
            beast::error_code ignored;
            socket.close(ignored);
        } else {
            ++shared->open;
            beast::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            if (auto tls = shared->tls()) {
                TlsStream stream(beast::tcp_stream(std::move(socket)), *tls);
                std::make_shared<HttpSession<TlsStream>>(std::move(stream), shared, index, std::move(tls))->start();
            } else {
                std::make_shared<HttpSession<beast::tcp_stream>>(beast::tcp_stream(std::move(socket)), shared, index)->start();
            }
        }
        acceptOn(loop, shared, index);
    });
}

NetFront::NetFront(int threads, Limits limits, RequestHandler handler, UpgradeHandler upgrade,
                   std::function<qint64()> clock, Metrics *metrics)
    : m_threads(qMax(1, threads)), m_limits(limits), m_shared(std::make_shared<Shared>())
{
    m_shared->handler = std::move(handler);
    m_shared->upgrade = std::move(upgrade);
    m_shared->clock = clock ? std::move(clock) : [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_shared->metrics = metrics;
    for (int i = 0; i < m_threads; ++i)
        m_loops.push_back(std::make_unique<Loop>());
}

NetFront::~NetFront()
{
    stop();
    m_loops.clear();  // pending sessions go with their loops
}

std::optional<QString> NetFront::useTls(const QString &certificatePath, const QString &keyPath)
{
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3
                         | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    // Read here rather than by OpenSSL from the path, so a missing file says so plainly.
    const auto read = [](const QString &path, QByteArray *out) -> std::optional<QString> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return u"cannot read %1: %2"_s.arg(path, file.errorString());
        *out = file.readAll();
        return std::nullopt;
    };
    QByteArray certificate;
    QByteArray key;
    if (auto failed = read(certificatePath, &certificate))
        return failed;
    if (auto failed = read(keyPath, &key))
        return failed;
    beast::error_code ec;
    context->use_certificate_chain(asio::buffer(certificate.constData(), std::size_t(certificate.size())), ec);
    if (ec)
        return u"%1 is not a PEM certificate chain: %2"_s.arg(certificatePath, QString::fromStdString(ec.message()));
    context->use_private_key(asio::buffer(key.constData(), std::size_t(key.size())), ssl::context::pem, ec);
    key.fill(0);
    if ((ec && ERR_GET_REASON(ec.value()) == X509_R_KEY_VALUES_MISMATCH)
        || (!ec && SSL_CTX_check_private_key(context->native_handle()) != 1))
        return u"the key in %1 is not the key of the certificate in %2"_s.arg(keyPath, certificatePath);
    if (ec)
        return u"%1 is not a PEM private key: %2"_s.arg(keyPath, QString::fromStdString(ec.message()));
    std::lock_guard lock(m_shared->tlsMutex);
    m_shared->tlsContext = std::move(context);
    return std::nullopt;
}

bool NetFront::tls() const
{
    return bool(m_shared->tls());
}

int NetFront::openConnections() const
{
    return m_shared->open.load();
}

qint64 NetFront::refusedConnections() const
{
    return m_shared->refused.load();
}

asio::io_context &NetFront::loop(int index)
{
    return m_loops.at(std::size_t(index))->context;
}

Result<quint16, QString> NetFront::listen(const QHostAddress &address, quint16 port)
{
    // Every connection is a descriptor: take what the system allows, and keep the
    // connection limit below it, with room for databases, Redis and logs.
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
        ::getrlimit(RLIMIT_NOFILE, &files);
    }
    const int reserve = 64 + 4 * m_threads;
    if (files.rlim_cur != RLIM_INFINITY && qint64(m_limits.maxConnections) > qint64(files.rlim_cur) - reserve) {
        const int clamped = qMax(1, int(qint64(files.rlim_cur) - reserve));
        qCWarning(lcFront) << "at most" << clamped << "connections (the process may open" << files.rlim_cur
                           << "files), not" << m_limits.maxConnections;
        m_limits.maxConnections = clamped;
    }
    m_shared->limits = m_limits;

    beast::error_code ec;
    const auto ip = asio::ip::make_address(address.toString().toStdString(), ec);
    if (ec)
        return u"cannot listen on %1: %2"_s.arg(address.toString(), QString::fromStdString(ec.message()));
    tcp::endpoint endpoint(ip, port);
    for (int i = 0; i < m_threads; ++i) {
        Loop &loop = *m_loops[std::size_t(i)];
        loop.acceptor.emplace(loop.context);
        loop.pause.emplace(loop.context);
        auto &acceptor = *loop.acceptor;
        acceptor.open(endpoint.protocol(), ec);
        if (!ec)
            acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
        if (!ec && m_threads > 1)
            acceptor.set_option(asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>(true), ec);
        if (!ec)
            acceptor.bind(endpoint, ec);
        if (!ec)
            acceptor.listen(1024, ec);  // a crowd connecting at once
        if (ec)
            return u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(endpoint.port())
                .arg(QString::fromStdString(ec.message()));
        endpoint.port(acceptor.local_endpoint().port());  // the others share the port the first bound
    }
    for (int i = 0; i < m_threads; ++i) {
        Loop &loop = *m_loops[std::size_t(i)];
        acceptOn(loop, m_shared, i);
        loop.thread = std::thread([&loop, i] {
            const std::string name = "bo-net-" + std::to_string(i);
            ::pthread_setname_np(::pthread_self(), name.c_str());
            auto guard = asio::make_work_guard(loop.context);
            loop.context.run();
        });
    }
    m_running = true;
    return quint16(endpoint.port());
}

void NetFront::stop()
{
    if (!m_running)
        return;
    m_running = false;
    for (auto &loop : m_loops) {
        loop->context.stop();
        if (loop->thread.joinable())
            loop->thread.join();
        beast::error_code ignored;
        if (loop->acceptor)
            loop->acceptor->close(ignored);
    }
}

} // namespace BoxOffice::Server
