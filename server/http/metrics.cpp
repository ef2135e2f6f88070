#include "server/http/metrics.h"


namespace BoxOffice::Server {

void Metrics::observeRequest(const QString &route, const QByteArray &method, int status, double seconds)
{
    QMutexLocker lock(&m_mutex);
    RouteStats &stats = m_routes[route];
    ++stats.countsByStatus[method + ' ' + QByteArray::number(status)];
    std::size_t i = 0;
    while (i < Buckets.size() && seconds > Buckets[i])
        ++i;
    ++stats.buckets[i];
    stats.sumSeconds += seconds;
    ++stats.count;
}

void Metrics::describe(const QByteArray &name, const QByteArray &type, const QByteArray &help)
{
    QMutexLocker lock(&m_mutex);
    Family &f = m_families[name];
    f.type = type;
    f.help = help;
}

void Metrics::addToCounter(const QByteArray &name, const QByteArray &labels, double amount)
{
    QMutexLocker lock(&m_mutex);
    m_families[name].samples[labels] += amount;
}

void Metrics::setGauge(const QByteArray &name, const QByteArray &labels, double value)
{
    QMutexLocker lock(&m_mutex);
    m_families[name].samples[labels] = value;
}

QByteArray Metrics::render() const
{
    QMutexLocker lock(&m_mutex);
    QByteArray out;
    const auto &routes = m_routes;

    out += "# HELP boxoffice_http_requests_total HTTP requests answered, by route, method and status.\n"
           "# TYPE boxoffice_http_requests_total counter\n";
    for (auto it = routes.cbegin(); it != routes.cend(); ++it) {
        const QByteArray route = it.key().toUtf8();
        const auto &counts = it->countsByStatus;
        for (auto c = counts.cbegin(); c != counts.cend(); ++c) {
            const QList<QByteArray> parts = c.key().split(' ');
            out += "boxoffice_http_requests_total{route=\"" + route + "\",method=\"" + parts.value(0)
                   + "\",status=\"" + parts.value(1) + "\"} " + QByteArray::number(c.value()) + '\n';
        }
    }

    out += "# HELP boxoffice_http_request_duration_seconds Time to answer a request, by route.\n"
           "# TYPE boxoffice_http_request_duration_seconds histogram\n";
    for (auto it = routes.cbegin(); it != routes.cend(); ++it) {
        const QByteArray prefix = "boxoffice_http_request_duration_seconds";
        const QByteArray label = "route=\"" + it.key().toUtf8() + '"';
        quint64 cumulative = 0;
        for (std::size_t i = 0; i <= Buckets.size(); ++i) {
            cumulative += it->buckets[i];
            const QByteArray le = i < Buckets.size() ? QByteArray::number(Buckets[i]) : QByteArray("+Inf");
            out += prefix + "_bucket{" + label + ",le=\"" + le + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += prefix + "_sum{" + label + "} " + QByteArray::number(it->sumSeconds, 'g', 12) + '\n';
        out += prefix + "_count{" + label + "} " + QByteArray::number(it->count) + '\n';
    }

    for (auto it = m_families.cbegin(); it != m_families.cend(); ++it) {
        out += "# HELP " + it.key() + ' ' + it->help + "\n# TYPE " + it.key() + ' ' + it->type + '\n';
        for (auto sample = it->samples.cbegin(); sample != it->samples.cend(); ++sample)
            out += it.key() + (sample.key().isEmpty() ? QByteArray() : '{' + sample.key() + '}') + ' '
                   + QByteArray::number(sample.value(), 'g', 15) + '\n';
    }
    return out;
}

} // namespace BoxOffice::Server
