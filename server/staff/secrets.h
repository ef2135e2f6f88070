#pragma once

#include <QByteArray>
#include <QString>

namespace BoxOffice::Server::Secrets {

// libsodium, once per process (thread-safe); false if it cannot start.
bool initialise();

// A staff PIN: 4 to 12 ASCII digits.
bool isValidPin(const QString &pin);

// libsodium's Argon2id string (crypto_pwhash_str: a random salt, the cost and the
// hash, self-describing), at the "interactive" cost: about 64 MiB and 0.1 s. Empty if
// it could not be made (out of memory).
QByteArray hashPin(const QString &pin);
// Constant time in the PIN; false for an empty or malformed hash.
bool verifyPin(const QByteArray &hash, const QString &pin);
// A hash of a PIN nobody knows: verified against when the login does not exist, so an
// unknown login costs the same time as a wrong PIN.
const QByteArray &decoyHash();

// `bytes` random bytes from libsodium's CSPRNG, base64url without padding.
QString randomToken(int bytes = 32);
// An order's code: 8 characters of Crockford's base32 (0-9 A-Z without I L O U), 40
// random bits, for people to read out; uniqueness is the database's check.
QString orderCode();
// Crockford base32 as people type it: upper case, O→0, I and L→1, hyphens and spaces gone.
QString normaliseOrderCode(const QString &text);

// What the database keeps of a session token: its SHA-256, hex. Tokens carry 256
// random bits, so a fast hash is enough (no dictionary to try).
QByteArray tokenDigest(const QByteArray &token);

} // namespace BoxOffice::Server::Secrets
