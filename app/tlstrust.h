#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSslError>
#include <QString>

#include <optional>

namespace BoxOffice {

// How the client trusts https:// servers, and what it tells the user when it does not.
class TlsTrust
{
    Q_DECLARE_TR_FUNCTIONS(TlsTrust)
public:
    // Trusts only the certificate authorities in the PEM file `path` (a venue's own CA,
    // --ca) for every connection from now on, REST and live channel alike. On failure,
    // a message for the user and nothing changed.
    static std::optional<QString> pinCertificateAuthority(const QString &path);

    // Why a server's certificate was refused, in words a box-office clerk can act on
    // (translated); empty when the list is.
    static QString describe(const QList<QSslError> &errors, const QString &host);
};

} // namespace BoxOffice
