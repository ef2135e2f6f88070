// Request handling on arbitrary input: one in-process server (SQLite, the demo catalog,
// an in-memory queue) takes requests straight through its routes. The input is
// "METHOD SP TARGET LF (NAME: VALUE LF)* LF BODY". Every answer must be a status from
// 200 to 599 other than 500, and every error must carry API.md's error body.
#include "domain/errorbody.h"
#include "server/boxofficeserver.h"
#include "server/http/httprequest.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace BoxOffice;
using namespace BoxOffice::Server;
using namespace Qt::StringLiterals;

namespace {

BoxOfficeServer *server()
{
    static int argc = 1;
    static char name[] = "fuzz_request";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static QTemporaryDir dir;
    static BoxOfficeServer *instance = [] {
        ServerConfig config;
        config.port = 0;
        config.demo = true;
        config.staffKey = u"fuzz-staff"_s;
        config.database = DatabaseUrl::parse(u"sqlite:"_s + dir.filePath(u"fuzz.sqlite"_s)).value();
        auto *s = new BoxOfficeServer(config);
        if (!s->start()) {
            std::fprintf(stderr, "the server did not start\n");
            std::abort();
        }
        return s;
    }();
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    BoxOfficeServer *s = server();
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.takeFirst().split(' ');
    HttpRequest request;
    request.method = requestLine.value(0);
    const QUrl target(QString::fromUtf8(requestLine.value(1)));
    request.path = target.path();
    request.query = QUrlQuery(target);
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    if (headEnd >= 0)
        request.body = input.mid(headEnd + 2);
    // The crowd simulator does what it is asked (up to a million waiters a call, in this
    // process's memory): not a finding, just an out-of-memory after a few calls.
    if (request.path.endsWith(u"/crowd"))
        return -1;  // not added to the corpus
    const HttpResponse response = s->dispatch(request);
    // Let the server's timers run now and then (promoter, sweeper), as its event loop would.
    static int calls = 0;
    if (++calls % 1000 == 0)
        QCoreApplication::processEvents();
    if (response.status < 200 || response.status > 599 || response.status == 500) {
        std::fprintf(stderr, "status %d for %s %s\n", response.status, request.method.constData(),
                     qPrintable(request.path));
        std::abort();
    }
    if (response.status >= 400 && !ErrorBody::fromJson(QJsonDocument::fromJson(response.body).object())) {
        std::fprintf(stderr, "status %d without the error body: %s\n", response.status, response.body.left(200).constData());
        std::abort();
    }
    return 0;
}
