// The 60,000-seat map, offscreen: layout → model time, paint time per frame at three
// zoom levels, time to apply 100 status changes, resident memory.
//   QT_QPA_PLATFORM=offscreen bench_seatmap LAYOUT.json STATUS.json
// (the stadium's layout and a status, e.g. fetched with curl from a demo server)
#include "domain/jsonreader.h"
#include "models/seatmapmodel.h"
#include "ui/seatmapview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>

#include <cstdio>

using namespace BoxOffice;

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_seatmap LAYOUT.json STATUS.json\n");
        return 2;
    }
    QFile layoutFile(QString::fromLocal8Bit(argv[1])), statusFile(QString::fromLocal8Bit(argv[2]));
    if (!layoutFile.open(QIODevice::ReadOnly) || !statusFile.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray layoutBytes = layoutFile.readAll();
    const QByteArray statusBytes = statusFile.readAll();

    QElapsedTimer t;
    t.start();
    const auto parsed = parseJson(layoutBytes);
    const double parseMs = double(t.nsecsElapsed()) / 1e6;
    auto layout = SeatLayout::fromJson(parsed.value());
    auto status = SeatStatus::fromJson(parseJson(statusBytes).value());
    if (!layout || !status)
        return 1;
    const double decodeMs = double(t.nsecsElapsed()) / 1e6 - parseMs;
    // What the client does on the thread pool: parse, decode, prepare.
    SeatMapModel::PreparedLayout prepared = SeatMapModel::prepare(layout.value());
    const double offThreadMs = double(t.nsecsElapsed()) / 1e6;
    // What the GUI thread does: adopt the prepared layout (the open view re-indexes
    // it for hit tests) and take the status.
    SeatMapModel model;
    SeatMapView view(&model);
    view.resize(1280, 800);
    view.show();
    app.processEvents();
    QElapsedTimer g;
    g.start();
    model.adopt(std::move(prepared));
    model.setStatus(status.value());
    const double guiMs = double(g.nsecsElapsed()) / 1e6;
    const double toModelMs = offThreadMs + guiMs;
    std::fprintf(stderr, "(parse %.1f ms, decode %.1f ms, prepare %.1f ms: thread pool; adopt + status %.1f ms: GUI)\n",
                 parseMs, decodeMs, offThreadMs - parseMs - decodeMs, guiMs);
    view.fitToView();
    QImage frame(view.size(), QImage::Format_ARGB32_Premultiplied);
    auto paintMs = [&] {
        QList<double> times;
        for (int i = 0; i < 15; ++i) {
            QElapsedTimer p;
            p.start();
            view.render(&frame);
            times << double(p.nsecsElapsed()) / 1e6;
        }
        return median(times);
    };
    const double whole = paintMs();  // the whole stadium: sections
    const int centre = int(model.layout().seats.size() / 2);
    while (!view.showsSeats())
        view.zoomBy(1.25, view.seatPosition(centre));
    const double firstSeats = paintMs();  // just past the switch: the most seats drawn
    view.zoomBy(4, view.seatPosition(centre));
    const double close = paintMs();  // close up

    // 100 status changes, one delta each (as the live channel sends them).
    qint64 version = model.version();
    QList<int> free;
    for (int i = 0; i < model.seatCount() && free.size() < 100; ++i)
        if (model.letter(i) == 'A')
            free << i;
    t.restart();
    for (int seat : std::as_const(free))
        model.applyDelta(++version, {{seat, 'H'}});
    const double changesMs = double(t.nsecsElapsed()) / 1e6;

    std::printf("| %lld | %.1f | %.1f | %.2f | %.2f | %.2f | %.3f | %.0f |\n", qint64(model.seatCount()), toModelMs, guiMs, whole,
                firstSeats, close, changesMs, double(residentKiB()) / 1024.0);
    return 0;
}
