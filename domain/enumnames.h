#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <utility>

namespace BoxOffice {

// The wire names of an enum, in one table per enum.
template <typename E, std::size_t N> using EnumNames = std::array<std::pair<E, QStringView>, N>;

template <typename E, std::size_t N> QString nameOf(const EnumNames<E, N> &names, E value)
{
    for (const auto &[v, name] : names)
        if (v == value)
            return name.toString();
    return {};
}

template <typename E, std::size_t N> std::optional<E> fromName(const EnumNames<E, N> &names, QStringView text)
{
    for (const auto &[v, name] : names)
        if (name == text)
            return v;
    return std::nullopt;
}

// "a, b or c", for error messages.
template <typename E, std::size_t N> QString alternatives(const EnumNames<E, N> &names)
{
    QStringList list;
    for (const auto &entry : names)
        list << entry.second.toString();
    const QString last = list.takeLast();
    return list.isEmpty() ? last : list.join(u", ") + u" or " + last;
}

} // namespace BoxOffice
