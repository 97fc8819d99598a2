#include "shared/core/url.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <vector>

namespace mh {
namespace {

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHexDigit(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isUnreserved(char c) { return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

// One dot-separated part of a host that a resolver reads as a number: decimal, octal (leading 0) or
// hex (0x...). inet_aton-style resolvers, and libcurl, turn hosts made only of such parts into an
// IPv4 address.
bool numericLabel(std::string_view l) {
    if (l.size() > 2 && l[0] == '0' && (l[1] == 'x' || l[1] == 'X'))
        return std::all_of(l.begin() + 2, l.end(), isHexDigit);
    if (l.size() == 2 && l[0] == '0' && (l[1] == 'x' || l[1] == 'X')) return true;
    return !l.empty() && std::all_of(l.begin(), l.end(), isDigit);
}

// A numeric host is fine only as four decimal parts 0..255 without leading zeros, the one form that
// means the same to every reader; any other all-numeric host ("127.1", "0x7f000001", "010.0.0.1") is
// refused rather than guessed at.
bool plainHost(std::string_view host) {
    if (host.empty() || !std::all_of(host.begin(), host.end(), isUnreserved)) return false;
    std::vector<std::string_view> labels;
    for (std::size_t start = 0;;) {
        const std::size_t dot = host.find('.', start);
        labels.push_back(host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    if (labels.back().empty()) labels.pop_back();  // "example.org." (a fully qualified name)
    if (labels.empty() || !std::all_of(labels.begin(), labels.end(), numericLabel)) return true;
    if (labels.size() != 4) return false;
    return std::all_of(labels.begin(), labels.end(), [](std::string_view l) {
        return l.size() <= 3 && std::all_of(l.begin(), l.end(), isDigit) && (l.size() == 1 || l[0] != '0') &&
               std::stoi(std::string(l)) <= 255;
    });
}

bool ipv6Host(std::string_view bracketed) {
    if (bracketed.size() < 4 || bracketed.front() != '[' || bracketed.back() != ']') return false;
    const std::string inner(bracketed.substr(1, bracketed.size() - 2));
    in6_addr addr{};
    return ::inet_pton(AF_INET6, inner.c_str(), &addr) == 1;  // no zone ids ("%25eth0"): refused
}

// RFC 3986 section 5.2.4, as libcurl applies it: "/a/../b/./c" is "/b/c".
std::string removeDotSegments(std::string_view in) {
    std::string out;
    while (!in.empty()) {
        if (in.substr(0, 3) == "../") in.remove_prefix(3);
        else if (in.substr(0, 2) == "./") in.remove_prefix(2);
        else if (in.substr(0, 3) == "/./") in.remove_prefix(2);
        else if (in == "/.") in = "/";
        else if (in.substr(0, 4) == "/../" || in == "/..") {
            in = in.size() == 3 ? std::string_view("/") : in.substr(3);
            const std::size_t slash = out.rfind('/');
            out.erase(slash == std::string::npos ? 0 : slash);
        } else if (in == "." || in == "..") in = {};
        else {
            const std::size_t next = in.find('/', in[0] == '/' ? 1 : 0);
            const std::size_t n = next == std::string_view::npos ? in.size() : next;
            out.append(in.substr(0, n));
            in.remove_prefix(n);
        }
    }
    return out;
}

}  // namespace

std::string UrlParts::withoutUserinfo() const {
    std::string out = scheme + "://" + host;
    if (!port.empty()) out += ":" + port;
    out += path;
    if (!query.empty()) out += "?" + query;
    if (!fragment.empty()) out += "#" + fragment;
    return out;
}

std::optional<UrlParts> splitUrl(std::string_view url) {
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '\\') return std::nullopt;
    UrlParts u;
    const std::size_t colon = url.find("://");
    if (colon == std::string_view::npos || colon == 0 || !isAlpha(url[0])) return std::nullopt;
    for (char c : url.substr(0, colon)) {
        if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') return std::nullopt;
        u.scheme += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    std::string_view rest = url.substr(colon + 3);
    const std::size_t authEnd = std::min(rest.find_first_of("/?#"), rest.size());
    std::string_view authority = rest.substr(0, authEnd);
    rest.remove_prefix(authEnd);

    if (const std::size_t at = authority.find('@'); at != std::string_view::npos) {
        u.hasUserinfo = true;
        authority.remove_prefix(at + 1);
    }
    std::string_view host = authority, port;
    if (!authority.empty() && authority[0] == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        host = authority.substr(0, close + 1);
        const std::string_view after = authority.substr(close + 1);
        if (!after.empty() && after[0] != ':') return std::nullopt;
        if (!after.empty()) port = after.substr(1);
        if (!ipv6Host(host)) return std::nullopt;
    } else {
        if (const std::size_t c = authority.find(':'); c != std::string_view::npos) {
            host = authority.substr(0, c);
            port = authority.substr(c + 1);
        }
        if (!plainHost(host)) return std::nullopt;
    }
    u.host = std::string(host);
    if (!port.empty()) {
        if (!std::all_of(port.begin(), port.end(), isDigit)) return std::nullopt;
        while (port.size() > 1 && port[0] == '0') port.remove_prefix(1);
        if (port.size() > 5 || std::stol(std::string(port)) > 65535) return std::nullopt;
        u.port = std::string(port);
    }

    const std::size_t hash = rest.find('#');
    if (hash != std::string_view::npos) {
        u.fragment = std::string(rest.substr(hash + 1));
        rest = rest.substr(0, hash);
    }
    const std::size_t question = rest.find('?');
    if (question != std::string_view::npos) {
        u.query = std::string(rest.substr(question + 1));
        rest = rest.substr(0, question);
    }
    std::string path = removeDotSegments(rest);  // "" only when there is no path at all
    u.path = path.empty() ? std::string("/") : std::move(path);
    return u;
}

std::string urlEncode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (isUnreserved(c)) {
            out += c;
            continue;
        }
        const auto b = static_cast<unsigned char>(c);
        out += '%';
        out += kHex[b >> 4];
        out += kHex[b & 0x0f];
    }
    return out;
}

}  // namespace mh
