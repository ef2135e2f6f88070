#pragma once

#include "domain/enumnames.h"
#include "domain/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>

namespace BoxOffice {

// Reads one JSON object field by field with type checks. The first failure is
// kept (with its path) and every later read returns a default, so a codec reads
// all its fields straight through and checks ok() once at the end.
class JsonReader
{
public:
    explicit JsonReader(const QJsonValue &value, QString path = {});

    bool ok() const { return !m_error.has_value(); }
    const DecodeError &error() const { return *m_error; }
    const QString &path() const { return m_path; }

    QString string(QStringView key);
    std::optional<QString> optionalString(QStringView key);
    qint64 integer(QStringView key);
    std::optional<qint64> optionalInteger(QStringView key);
    double number(QStringView key);
    bool boolean(QStringView key);
    QDateTime time(QStringView key);
    std::optional<QDateTime> optionalTime(QStringView key);
    QStringList stringList(QStringView key);
    QJsonArray array(QStringView key);
    QJsonValue value(QStringView key) const;

    // Decodes a nested object (T::fromJson) or an array of them.
    template <typename T> T object(QStringView key)
    {
        if (!ok())
            return {};
        auto decoded = T::fromJson(require(key), childPath(key));
        if (!decoded)
            return fail(decoded.error()), T{};
        return std::move(decoded).value();
    }

    template <typename T> QList<T> list(QStringView key)
    {
        QList<T> out;
        const QJsonArray items = array(key);
        out.reserve(items.size());
        for (qsizetype i = 0; ok() && i < items.size(); ++i) {
            // The element's path is built only for an error: 60,000 seats decode without it.
            auto decoded = T::fromJson(items.at(i), QString());
            if (!decoded) {
                DecodeError error = decoded.error();
                const QString where = childPath(key) + u'[' + QString::number(i) + u']';
                error.path = error.path.isEmpty() ? where : where + u'.' + error.path;
                fail(error);
            } else {
                out.append(std::move(decoded).value());
            }
        }
        return out;
    }

    // A string member that must be one of an enum's wire names.
    template <typename E, std::size_t N> E oneOf(QStringView key, const EnumNames<E, N> &names)
    {
        const QString text = string(key);
        if (!ok())
            return names.front().first;
        if (auto value = fromName(names, text))
            return *value;
        fail(key, QStringLiteral("expected ") + alternatives(names));
        return names.front().first;
    }

    void fail(DecodeError error);
    void fail(QStringView key, const QString &message);

    // A Result holding either the value or this reader's error.
    template <typename T> Result<T> finish(T value) const
    {
        if (!ok())
            return *m_error;
        return value;
    }

private:
    QJsonValue require(QStringView key);
    QString childPath(QStringView key) const;

    QJsonObject m_object;
    QString m_path;
    std::optional<DecodeError> m_error;
};

// RFC 3339 UTC, whole seconds: "2026-11-24T18:00:00Z".
QString formatTime(const QDateTime &time);
std::optional<QDateTime> parseTime(const QString &text);

// Parses a request or response body; anything but a JSON object or array is an error.
Result<QJsonValue> parseJson(const QByteArray &body);

} // namespace BoxOffice
