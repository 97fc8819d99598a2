// Text edits of site.toml's [peers] table (see peers_toml.hpp).
#include "shared/site/peers_toml.hpp"

#include <algorithm>

#include <toml++/toml.h>

#include "shared/core/atomic_file.hpp"
#include "shared/core/read_file.hpp"
#include "shared/site/site.hpp"
#include "shared/site/site_config.hpp"

namespace mh {
namespace {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::string cur;
    for (char c : text) {
        if (c == '\n') {
            lines.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) lines.push_back(cur);
    return lines;
}

std::string_view ltrim(std::string_view s) {
    size_t i = s.find_first_not_of(" \t");
    return i == std::string_view::npos ? std::string_view{} : s.substr(i);
}

// Walks `line` as TOML quotes it, calling `outside(c)` for each character outside a string until it
// returns false; returns where it stopped (line.size() when it never did).
template <class Outside>
size_t scanOutsideStrings(std::string_view line, Outside outside) {
    bool inStr = false;
    char quote = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (inStr) {
            if (c == '\\' && quote == '"') ++i;
            else if (c == quote) inStr = false;
        } else if (c == '"' || c == '\'') {
            inStr = true;
            quote = c;
        } else if (!outside(c)) {
            return i;
        }
    }
    return line.size();
}

// The part of a line that is TOML, without a trailing comment (a '#' outside quotes).
std::string_view codePart(std::string_view line) {
    return line.substr(0, scanOutsideStrings(line, [](char c) { return c != '#'; }));
}

// A table header line: "[name]" or "[[name]]", with any comment after it.
bool isHeader(std::string_view line) { return ltrim(codePart(line)).substr(0, 1) == "["; }

bool isPeersHeader(std::string_view line) {
    std::string_view c = ltrim(codePart(line));
    while (!c.empty() && (c.back() == ' ' || c.back() == '\t' || c.back() == '\r')) c.remove_suffix(1);
    return c == "[peers]";
}

// "addresses = ..." (the key, then '='), comments not counted.
bool isKeyLine(std::string_view line, std::string_view key) {
    std::string_view c = ltrim(codePart(line));
    if (c.substr(0, key.size()) != key) return false;
    return ltrim(c.substr(key.size())).substr(0, 1) == "=";
}

int bracketBalance(std::string_view line) {
    int n = 0;
    scanOutsideStrings(codePart(line), [&n](char c) {
        if (c == '[') ++n;
        else if (c == ']') --n;
        return true;
    });
    return n;
}

std::string commentOf(const std::string& line) {
    std::string_view code = codePart(line);
    return code.size() < line.size() ? "  " + std::string(ltrim(line.substr(code.size()))) : "";
}

std::string addressesLine(const std::vector<std::string>& addresses) {
    std::string s = "addresses = [";
    for (size_t i = 0; i < addresses.size(); ++i) s += (i ? ", \"" : "\"") + addresses[i] + "\"";
    return s + "]";
}

// Replaces the `key = ...` entry (which may run over several lines while brackets are open) in
// lines [begin, end) by `replacement`, keeping the comment of its last line; inserts it after
// `begin - 1` (the header) when absent. Returns how many lines the table grew or shrank by.
int setKey(std::vector<std::string>& lines, size_t begin, size_t end, std::string_view key, const std::string& replacement) {
    for (size_t i = begin; i < end; ++i) {
        if (!isKeyLine(lines[i], key)) continue;
        size_t last = i;
        int balance = bracketBalance(lines[i]);
        while (balance > 0 && last + 1 < end) balance += bracketBalance(lines[++last]);
        std::string replaced = replacement + commentOf(lines[last]);
        lines.erase(lines.begin() + long(i), lines.begin() + long(last) + 1);
        lines.insert(lines.begin() + long(i), replaced);
        return -int(last - i);
    }
    lines.insert(lines.begin() + long(begin), replacement);
    return 1;
}

}  // namespace

std::string withPeersInToml(const std::string& text, const std::vector<std::string>& addresses,
                            const std::optional<std::string>& listen) {
    std::vector<std::string> lines = splitLines(text);
    auto header = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return isPeersHeader(l); });
    if (header == lines.end()) {
        if (!lines.empty() && !ltrim(lines.back()).empty()) lines.emplace_back();
        lines.emplace_back("[peers]                      # 同一食堂的其他签到机 / the site's other terminals");
        lines.push_back(addressesLine(addresses));
        if (listen) lines.push_back("listen = \"" + *listen + "\"");
    } else {
        size_t begin = size_t(header - lines.begin()) + 1;
        size_t end = begin;
        while (end < lines.size() && !isHeader(lines[end])) ++end;
        end = size_t(long(end) + setKey(lines, begin, end, "addresses", addressesLine(addresses)));
        if (listen) setKey(lines, begin, end, "listen", "listen = \"" + *listen + "\"");
    }
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

Status addPeerToSiteToml(const std::filesystem::path& dir, const std::string& address) {
    std::string text = readWholeFile(dir / kSiteToml);
    auto cfg = parseSiteConfig(text);
    if (!cfg)
        return Error{"peers.toml", "site.toml 有错，无法记下另一台签到机的地址：" + cfg.error().message,
                     "site.toml does not load, so the other terminal's address cannot be added: " + cfg.error().en};
    std::vector<std::string> addresses = cfg->peerAddresses;
    if (std::find(addresses.begin(), addresses.end(), address) != addresses.end()) return okStatus();
    addresses.push_back(address);
    std::string next = withPeersInToml(text, addresses);
    // Never replace a file that loads with one that does not: checked before it is written.
    if (auto again = parseSiteConfig(next); !again || again->peerAddresses != addresses)
        return Error{"peers.toml", "无法把地址写进 site.toml（请手工在 [peers] addresses 里加上 " + address + "）",
                     "could not write the address into site.toml (add " + address + " to [peers] addresses by hand)"};
    if (auto st = writeFileAtomic(dir / kSiteToml, next); !st) return st.error();
    (void)writeFileAtomic(dir / kLastGoodSiteToml, next);
    return okStatus();
}

PeersTomlKeys peersKeysInSiteToml(const std::filesystem::path& dir) {
    PeersTomlKeys k;
    try {
        toml::table root = toml::parse(readWholeFile(dir / kSiteToml));
        if (const toml::table* peers = root["peers"].as_table()) {
            k.table = true;
            k.listen = peers->contains("listen");
        }
    } catch (const toml::parse_error&) {
    }
    return k;
}

}  // namespace mh
