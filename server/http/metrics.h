#pragma once

#include <QByteArray>
#include <QMap>
#include <QList>
#include <QString>

#include <array>
#include <functional>

namespace BoxOffice::Server {

// Prometheus text exposition for /metrics. Request counters and latency
// histograms per route are built in; other areas add collectors that append
// their own families (queue sizes, admissions, holds...) at scrape time.
class Metrics
{
public:
    using Collector = std::function<void(QByteArray &out)>;

    void observeRequest(const QString &route, const QByteArray &method, int status, double seconds);
    void addCollector(Collector collector);
    QByteArray render() const;

    // Appends "# HELP", "# TYPE" and one sample: for collectors.
    static void writeGauge(QByteArray &out, const char *name, const char *help, double value);

private:
    static constexpr std::array<double, 12> Buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    struct RouteStats
    {
        QMap<QByteArray, quint64> countsByStatus;  // "GET 200" -> n
        std::array<quint64, Buckets.size() + 1> buckets{};  // last is +Inf
        double sumSeconds = 0;
        quint64 count = 0;
    };
    QMap<QString, RouteStats> m_routes;  // sorted: stable, diffable scrapes
    QList<Collector> m_collectors;
};

} // namespace BoxOffice::Server
