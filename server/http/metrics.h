#pragma once

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QList>
#include <QString>

#include <array>

namespace BoxOffice::Server {

// Prometheus text exposition for /metrics, shared by all of a process's server
// threads (every member is thread-safe). Request counters and latency histograms
// per route are built in; other areas add counters and labelled gauges.
class Metrics
{
public:
    void observeRequest(const QString &route, const QByteArray &method, int status, double seconds);
    // name{labels}: labels already formatted, e.g. concert="c1", or empty.
    void describe(const QByteArray &name, const QByteArray &type, const QByteArray &help);
    void addToCounter(const QByteArray &name, const QByteArray &labels, double amount);
    void setGauge(const QByteArray &name, const QByteArray &labels, double value);
    QByteArray render() const;

private:
    struct Family
    {
        QByteArray type;
        QByteArray help;
        QMap<QByteArray, double> samples;  // labels -> value
    };
    static constexpr std::array<double, 12> Buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    struct RouteStats
    {
        QMap<QByteArray, quint64> countsByStatus;  // "GET 200" -> n
        std::array<quint64, Buckets.size() + 1> buckets{};  // last is +Inf
        double sumSeconds = 0;
        quint64 count = 0;
    };
    mutable QMutex m_mutex;
    QMap<QString, RouteStats> m_routes;  // sorted: stable, diffable scrapes
    QMap<QByteArray, Family> m_families;
};

} // namespace BoxOffice::Server
