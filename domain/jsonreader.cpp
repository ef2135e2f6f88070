#include "domain/jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cmath>

namespace BoxOffice {

using namespace Qt::StringLiterals;

namespace {

// Largest integer a double carries exactly (2^53): beyond it JSON numbers lose digits.
constexpr double MaxExactInteger = 9007199254740992.0;

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"a boolean"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"a string"_s;
    case QJsonValue::Array: return u"an array"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: break;
    }
    return u"missing"_s;
}

} // namespace

JsonReader::JsonReader(const QJsonValue &value, QString path)
    : m_object(value.toObject()), m_path(std::move(path))
{
    if (!value.isObject())
        m_error = DecodeError{m_path, u"expected an object, got "_s + typeName(value)};
}

void JsonReader::fail(DecodeError error)
{
    if (!m_error)
        m_error = std::move(error);
}

void JsonReader::fail(QStringView key, const QString &message)
{
    fail(DecodeError{childPath(key), message});
}

QString JsonReader::childPath(QStringView key) const
{
    return m_path.isEmpty() ? key.toString() : m_path + u'.' + key;
}

QJsonValue JsonReader::value(QStringView key) const
{
    return m_object.value(key);
}

QJsonValue JsonReader::require(QStringView key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined())
        fail(key, u"is required"_s);
    return v;
}

QString JsonReader::string(QStringView key)
{
    if (!ok())
        return {};
    const QJsonValue v = require(key);
    if (ok() && !v.isString())
        fail(key, u"expected a string, got "_s + typeName(v));
    return v.toString();
}

std::optional<QString> JsonReader::optionalString(QStringView key)
{
    const QJsonValue v = m_object.value(key);
    if (!ok() || v.isUndefined() || v.isNull())
        return std::nullopt;
    return string(key);
}

qint64 JsonReader::integer(QStringView key)
{
    if (!ok())
        return 0;
    const QJsonValue v = require(key);
    if (!ok())
        return 0;
    const double d = v.toDouble();
    if (!v.isDouble() || std::trunc(d) != d || std::fabs(d) > MaxExactInteger) {
        fail(key, u"expected an integer, got "_s + (v.isDouble() ? u"a fraction or huge number"_s : typeName(v)));
        return 0;
    }
    return static_cast<qint64>(d);
}

std::optional<qint64> JsonReader::optionalInteger(QStringView key)
{
    const QJsonValue v = m_object.value(key);
    if (!ok() || v.isUndefined() || v.isNull())
        return std::nullopt;
    return integer(key);
}

double JsonReader::number(QStringView key)
{
    if (!ok())
        return 0;
    const QJsonValue v = require(key);
    if (ok() && !v.isDouble())
        fail(key, u"expected a number, got "_s + typeName(v));
    return v.toDouble();
}

bool JsonReader::boolean(QStringView key)
{
    if (!ok())
        return false;
    const QJsonValue v = require(key);
    if (ok() && !v.isBool())
        fail(key, u"expected true or false, got "_s + typeName(v));
    return v.toBool();
}

QDateTime JsonReader::time(QStringView key)
{
    const QString text = string(key);
    if (!ok())
        return {};
    const auto parsed = parseTime(text);
    if (!parsed) {
        fail(key, u"expected an RFC 3339 time, got \""_s + text.left(40) + u'"');
        return {};
    }
    return *parsed;
}

std::optional<QDateTime> JsonReader::optionalTime(QStringView key)
{
    const QJsonValue v = m_object.value(key);
    if (!ok() || v.isUndefined() || v.isNull())
        return std::nullopt;
    return time(key);
}

QStringList JsonReader::stringList(QStringView key)
{
    QStringList out;
    const QJsonArray items = array(key);
    for (qsizetype i = 0; ok() && i < items.size(); ++i) {
        if (!items.at(i).isString())
            fail(DecodeError{childPath(key) + u'[' + QString::number(i) + u']',
                             u"expected a string, got "_s + typeName(items.at(i))});
        else
            out.append(items.at(i).toString());
    }
    return out;
}

QJsonArray JsonReader::array(QStringView key)
{
    if (!ok())
        return {};
    const QJsonValue v = require(key);
    if (ok() && !v.isArray())
        fail(key, u"expected an array, got "_s + typeName(v));
    return v.toArray();
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

std::optional<QDateTime> parseTime(const QString &text)
{
    // RFC 3339 requires the date, 'T', the time and an offset ('Z' or ±hh:mm).
    static const QRegularExpression shape(
        uR"(^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)"_s);
    if (!shape.match(text).hasMatch())
        return std::nullopt;
    QDateTime parsed = QDateTime::fromString(text.toUpper(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toUTC();
}

Result<QJsonValue> parseJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return DecodeError{{}, u"malformed JSON at offset "_s + QString::number(error.offset) + u": "
                                   + error.errorString()};
    if (doc.isObject())
        return QJsonValue(doc.object());
    if (doc.isArray())
        return QJsonValue(doc.array());
    return DecodeError{{}, u"expected a JSON object or array"_s};
}

} // namespace BoxOffice
