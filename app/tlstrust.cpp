#include "app/tlstrust.h"

#include <QLocale>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace BoxOffice {

using namespace Qt::StringLiterals;

std::optional<QString> TlsTrust::pinCertificateAuthority(const QString &path)
{
    const QList<QSslCertificate> authorities = QSslCertificate::fromPath(path, QSsl::Pem);
    if (authorities.isEmpty())
        return tr("%1 holds no PEM certificate: --ca needs the venue's certificate authority as a .pem or .crt file.")
            .arg(path);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(authorities);
    QSslConfiguration::setDefaultConfiguration(configuration);
    return std::nullopt;
}

namespace {

QString namesOf(const QSslCertificate &certificate)
{
    QStringList names = certificate.subjectAlternativeNames().values();
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    names.removeDuplicates();
    return names.join(u", "_s);
}

} // namespace

QString TlsTrust::describe(const QList<QSslError> &errors, const QString &host)
{
    if (errors.isEmpty())
        return {};
    // The most telling problem first: a wrong name or date says more than "untrusted".
    static const QList<QSslError::SslError> order{
        QSslError::HostNameMismatch,           QSslError::CertificateExpired,
        QSslError::CertificateNotYetValid,     QSslError::CertificateRevoked,
        QSslError::SelfSignedCertificate,      QSslError::SelfSignedCertificateInChain,
        QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToVerifyFirstCertificate,
        QSslError::CertificateUntrusted,       QSslError::UnableToGetIssuerCertificate};
    QSslError chosen = errors.first();
    for (QSslError::SslError kind : order) {
        const auto found = std::find_if(errors.cbegin(), errors.cend(), [kind](const QSslError &e) { return e.error() == kind; });
        if (found != errors.cend()) {
            chosen = *found;
            break;
        }
    }
    const QSslCertificate certificate = chosen.certificate();
    const QLocale locale;
    QString why;
    switch (chosen.error()) {
    case QSslError::HostNameMismatch:
        why = tr("its certificate is for %1, not for %2. This may not be the venue's server.")
                  .arg(namesOf(certificate), host);
        break;
    case QSslError::CertificateExpired:
        why = tr("its certificate expired on %1. The venue's IT needs to renew it.")
                  .arg(locale.toString(certificate.expiryDate().toLocalTime(), QLocale::LongFormat));
        break;
    case QSslError::CertificateNotYetValid:
        why = tr("its certificate is valid only from %1. Check this computer's date and time.")
                  .arg(locale.toString(certificate.effectiveDate().toLocalTime(), QLocale::LongFormat));
        break;
    case QSslError::CertificateRevoked:
        why = tr("its certificate has been revoked.");
        break;
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::UnableToGetIssuerCertificate:
        why = tr("its certificate was issued by \"%1\", an authority this computer does not trust. If the venue "
                 "runs its own certificate authority, start BoxOffice with --ca and that authority's certificate.")
                  .arg(certificate.issuerDisplayName());
        break;
    default:
        why = chosen.errorString();
        break;
    }
    return tr("The connection to %1 is not safe, so BoxOffice did not use it: %2").arg(host, why);
}

} // namespace BoxOffice
