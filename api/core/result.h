#pragma once

#include "apierror.h"

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace Encord {

/// Either a value or an error, returned by every fallible call of the api/ layer so that
/// callers (models, wizards) handle failures without exceptions crossing co_await points.
template<typename T, typename E = ApiError>
class [[nodiscard]] Result
{
public:
    /// An empty error: "no result yet". Only for code that needs a default value (waitFor).
    Result() requires std::is_default_constructible_v<E> : m_data(std::in_place_index<1>) { }
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(E error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }

    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

/// A result that carries no value: success, or an error.
template<typename E>
class [[nodiscard]] Result<void, E>
{
public:
    Result() = default;
    Result(E error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const E &error() const { return *m_error; }

private:
    std::optional<E> m_error;
};

} // namespace Encord
