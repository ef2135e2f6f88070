#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace BoxOffice::Server {

// One live-channel client as the LiveHub sees it, in the hub's thread: what arrived,
// what to send, how much is still unsent. The socket itself lives in the network
// front's event loop (net/netfront.h); this is its stand-in on the Qt side.
class LiveSocket : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // A header of the upgrade request (lower-case name), e.g. "authorization".
    virtual QByteArray header(const QByteArray &lowerCaseName) const = 0;
    // Queues one text message (UTF-8); never blocks.
    virtual void sendText(const QByteArray &utf8) = 0;
    // Bytes queued and not yet written to the client.
    virtual qint64 bytesToWrite() const = 0;
    // Closes the connection now; disconnected() follows.
    virtual void abort() = 0;

Q_SIGNALS:
    void textMessageReceived(const QString &text);
    void binaryMessageReceived();
    void disconnected();
};

} // namespace BoxOffice::Server
