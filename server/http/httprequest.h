#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QUrlQuery>

namespace BoxOffice::Server {

// One HTTP request as routes see it: independent of QtHttpServer's types, whose
// API changes between 6.4, 6.5 and 6.8, and easy to build in a test.
struct HttpRequest
{
    QByteArray method;                   // "GET", "POST", ...
    QString path;                        // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;  // names in lower case
    QByteArray body;
    QHostAddress remoteAddress;
    QHash<QString, QString> params;      // captured path segments, e.g. {"id": "c1"}

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    QString param(const QString &name) const { return params.value(name); }
};

} // namespace BoxOffice::Server
