#include "server/staff/secrets.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <sodium.h>

#include <cstring>

namespace BoxOffice::Server::Secrets {

using namespace Qt::StringLiterals;

bool initialise()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

bool isValidPin(const QString &pin)
{
    static const QRegularExpression digits(u"^[0-9]{4,12}$"_s);
    return digits.match(pin).hasMatch();
}

QByteArray hashPin(const QString &pin)
{
    if (!initialise())
        return {};
    const QByteArray utf8 = pin.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return {};
    return QByteArray(out);
}

bool verifyPin(const QByteArray &hash, const QString &pin)
{
    if (!initialise() || hash.isEmpty() || hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = pin.toUtf8();
    // crypto_pwhash_str_verify wants a NUL-terminated string of at most STRBYTES.
    char stored[crypto_pwhash_STRBYTES] = {};
    std::memcpy(stored, hash.constData(), size_t(hash.size()));
    return crypto_pwhash_str_verify(stored, utf8.constData(), quint64(utf8.size())) == 0;
}

const QByteArray &decoyHash()
{
    static const QByteArray hash = hashPin(randomToken(16));
    return hash;
}

QString randomToken(int bytes)
{
    initialise();
    QByteArray raw(bytes, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString orderCode()
{
    initialise();
    static constexpr char Alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString code;
    for (int i = 0; i < 8; ++i)
        code += QLatin1Char(Alphabet[randombytes_uniform(32)]);
    return code;
}

QString normaliseOrderCode(const QString &text)
{
    QString out;
    for (QChar c : text.toUpper()) {
        if (c == u'-' || c.isSpace())
            continue;
        if (c == u'O')
            c = u'0';
        else if (c == u'I' || c == u'L')
            c = u'1';
        out += c;
    }
    return out;
}

QByteArray tokenDigest(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

} // namespace BoxOffice::Server::Secrets
