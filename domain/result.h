#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace BoxOffice {

// Why a JSON document could not be read as a value of the API.
struct DecodeError
{
    QString path;     // where in the document, e.g. "performances[2].startsAt"
    QString message;  // what was wrong there

    QString toString() const { return path.isEmpty() ? message : path + u": " + message; }
};

// A value or the reason there is none: the return type of every codec and client call.
template <typename T, typename E = DecodeError>
class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const E &error() const { return std::get<1>(m_data); }
    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, E> m_data;
};

} // namespace BoxOffice
