// Reading a human-edited TOML file (site.toml) key by key: typed values, each mistake reported with
// its line and a sentence in Chinese and in English. Shared by the site's own tables and the
// policy's ([policy], [[rule]], [[operating]], [calendar]), which live in different layers.
//
// The first mistake wins and is the one reported; every check after it is skipped, so one typo
// never cascades into ten errors.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "shared/core/dates.hpp"
#include "shared/core/money.hpp"
#include "shared/core/result.hpp"

namespace mh {

class TomlReader {
public:
    explicit TomlReader(std::string origin) : m_origin(std::move(origin)) {}

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] Error error() const { return *m_error; }
    [[nodiscard]] const std::string& origin() const { return m_origin; }

    void fail(const toml::node* where, const std::string& zh, const std::string& en);
    // Rejects keys the kiosk does not know, so a typo (price = 1000) is not silently ignored.
    void onlyKeys(const toml::table& t, std::initializer_list<std::string_view> known, const std::string& what);

    std::optional<std::string> str(const toml::table& t, std::string_view key, bool required, const toml::node* owner);
    std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, std::int64_t lo, std::int64_t hi);
    std::optional<bool> boolean(const toml::table& t, std::string_view key);
    std::vector<std::string> strings(const toml::table& t, std::string_view key);
    std::optional<WallTime> time(const toml::table& t, std::string_view key);
    // "2027-01-01" or a bare TOML date 2027-01-01: both are what a person would write.
    std::optional<LocalDate> date(const toml::node* n, std::string_view key);
    std::optional<LocalDate> date(const toml::table& t, std::string_view key) { return date(t.get(key), key); }
    // Money in fen, never negative (said in words, not as a range), at most 10000元.
    std::optional<Fen> money(const toml::table& t, std::string_view key);

    // `[key]` of root: null when absent or (after failing) not a table.
    const toml::table* subTable(const toml::table& root, std::string_view key);
    // The `[[key]]` tables of `root`: null when there are none, or (after failing with `zh`/`en`) when
    // `key` is there but not written as an array of tables.
    const toml::array* tablesOf(const toml::table& root, std::string_view key, const std::string& zh, const std::string& en);

private:
    std::string m_origin;
    std::optional<Error> m_error;
};

// toml++'s parse error, in Chinese where the project has met it (a key written twice), with its line.
Error tomlSyntaxError(const toml::parse_error& e, const std::string& origin);

}  // namespace mh
