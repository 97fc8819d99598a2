#include "shared/core/toml_reader.hpp"

namespace mh {

void TomlReader::fail(const toml::node* where, const std::string& zh, const std::string& en) {
    if (m_error) return;
    int line = where ? int(where->source().begin.line) : 0;
    std::string loc = m_origin + (line ? "第" + std::to_string(line) + "行" : "");
    std::string locEn = m_origin + (line ? " line " + std::to_string(line) : "");
    m_error = Error{"toml.value", loc + "：" + zh, locEn + ": " + en};
}

void TomlReader::onlyKeys(const toml::table& t, std::initializer_list<std::string_view> known, const std::string& what) {
    for (auto&& [k, v] : t) {
        bool ok = false;
        for (auto kk : known) ok = ok || kk == k.str();
        if (!ok)
            fail(&v, what + " 中没有 \"" + std::string(k.str()) + "\" 这一项（拼写错了吗？）",
                 "unknown key \"" + std::string(k.str()) + "\" in " + what);
    }
}

std::optional<std::string> TomlReader::str(const toml::table& t, std::string_view key, bool required,
                                           const toml::node* owner) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) fail(owner, "缺少 " + std::string(key), "missing " + std::string(key));
        return std::nullopt;
    }
    if (!n->is_string()) {
        fail(n, std::string(key) + " 应该是带引号的文字", std::string(key) + " must be a quoted string");
        return std::nullopt;
    }
    return n->as_string()->get();
}

std::optional<std::int64_t> TomlReader::integer(const toml::table& t, std::string_view key, std::int64_t lo,
                                                std::int64_t hi) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (!n->is_integer()) {
        fail(n, std::string(key) + " 应该是整数（金额以分为单位，不带小数点）",
             std::string(key) + " must be a whole number (money is in fen)");
        return std::nullopt;
    }
    std::int64_t v = n->as_integer()->get();
    if (v < lo || v > hi) {
        fail(n, std::string(key) + " 应在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间",
             std::string(key) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> TomlReader::boolean(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (!n->is_boolean()) {
        fail(n, std::string(key) + " 应该是 true 或 false", std::string(key) + " must be true or false");
        return std::nullopt;
    }
    return n->as_boolean()->get();
}

std::vector<std::string> TomlReader::strings(const toml::table& t, std::string_view key) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) {
        fail(n, std::string(key) + " 应该是列表，例如 [\"dibao\"]", std::string(key) + " must be a list");
        return out;
    }
    for (auto&& e : *a) {
        if (!e.is_string()) {
            fail(&e, std::string(key) + " 的每一项应是带引号的文字", std::string(key) + " items must be strings");
            return out;
        }
        out.push_back(e.as_string()->get());
    }
    return out;
}

std::optional<WallTime> TomlReader::time(const toml::table& t, std::string_view key) {
    auto s = str(t, key, false, nullptr);
    if (!s) return std::nullopt;
    auto w = WallTime::parse(*s);
    if (!w) fail(t.get(key), std::string(key) + " 应写成 \"10:30\" 这样的时间", std::string(key) + " must look like \"10:30\"");
    return w;
}

std::optional<LocalDate> TomlReader::date(const toml::node* n, std::string_view key) {
    if (!n) return std::nullopt;
    std::optional<LocalDate> d;
    if (const auto* dv = n->as_date()) {
        auto v = dv->get();
        d = LocalDate::parse(std::to_string(v.year) + "-" + (v.month < 10 ? "0" : "") + std::to_string(v.month) + "-" +
                             (v.day < 10 ? "0" : "") + std::to_string(v.day));
    } else if (n->is_string()) {
        d = LocalDate::parse(n->as_string()->get());
    }
    if (!d) fail(n, std::string(key) + " 应写成 \"2027-01-01\" 这样的日期", std::string(key) + " must be a date like \"2027-01-01\"");
    return d;
}

std::optional<Fen> TomlReader::money(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (n && n->is_integer() && n->as_integer()->get() < 0) {
        fail(n, std::string(key) + " 不能是负数", std::string(key) + " must not be negative");
        return std::nullopt;
    }
    // The one place money leaves the TOML text: an integer of fen, read as Fen.
    auto fen = integer(t, key, 0, 1'000'000);
    if (!fen) return std::nullopt;
    return Fen(*fen);
}

const toml::table* TomlReader::subTable(const toml::table& root, std::string_view key) {
    const toml::node* n = root.get(key);
    if (!n) return nullptr;
    if (!n->is_table()) {
        fail(n, "[" + std::string(key) + "] 应该是一个表", "[" + std::string(key) + "] must be a table");
        return nullptr;
    }
    return n->as_table();
}

const toml::array* TomlReader::tablesOf(const toml::table& root, std::string_view key, const std::string& zh,
                                        const std::string& en) {
    const toml::node* n = root.get(key);
    if (!n) return nullptr;
    const toml::array* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables()) {
        fail(n, zh, en);
        return nullptr;
    }
    return arr;
}

Error tomlSyntaxError(const toml::parse_error& e, const std::string& origin) {
    int line = int(e.source().begin.line);
    std::string what(e.description());
    std::string where = origin + "第" + std::to_string(line) + "行";
    std::string whereEn = origin + " line " + std::to_string(line) + ": " + what;
    // toml++ says "cannot redefine existing integer 'per_day'" for a key written twice in one table.
    if (auto at = what.find("cannot redefine existing "); at != std::string::npos) {
        auto open = what.find('\'', at), close = what.rfind('\'');
        std::string key = open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
        if (what.find("cannot redefine existing table", at) != std::string::npos)
            return Error{"toml.duplicate", where + "：[" + key + "] 写了两次（同一个表只能写一次，多条请用 [[...]]）", whereEn};
        return Error{"toml.duplicate",
                     where + "：" + (key.empty() ? std::string("有一项") : "\"" + key + "\" ") +
                         "写了两次（同一处每一项只能写一次，请删掉多余的一行）",
                     whereEn};
    }
    return Error{"toml.syntax", where + "格式有误：" + what, whereEn};
}

}  // namespace mh
