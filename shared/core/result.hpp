// Result<T>: the core's way to return either a value or a plain-language error (std::expected is C++23).
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace mh {

// An expected failure: a stable code for programs and tests, a sentence for people.
// Messages for people are Chinese by default; `en` is the `--lang en` form.
struct Error {
    std::string code;     // stable, e.g. "toml.syntax", "csv.encoding"
    std::string message;  // Chinese, for the person in front of the terminal
    std::string en;       // English
    [[nodiscard]] const std::string& text(bool english) const { return english && !en.empty() ? en : message; }
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    [[nodiscard]] bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_v); }
    const T& value() const { return std::get<0>(m_v); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    [[nodiscard]] const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() { return Unit{}; }

}  // namespace mh
