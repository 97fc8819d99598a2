#include "shared/core/tzif_tail.hpp"

#include <cctype>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

namespace mh {
namespace {

// A bounds-checked big-endian reader: a short or damaged file yields nothing, never a crash.
class Reader {
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}
    bool skip(std::uint64_t n) {
        if (n > m_bytes.size() - m_pos) return false;
        m_pos += size_t(n);
        return true;
    }
    std::optional<std::uint64_t> be(int width) {
        if (size_t(width) > m_bytes.size() - m_pos) return std::nullopt;
        std::uint64_t v = 0;
        for (int i = 0; i < width; ++i) v = (v << 8) | std::uint8_t(m_bytes[m_pos++]);
        return v;
    }
    [[nodiscard]] size_t pos() const { return m_pos; }
    [[nodiscard]] std::string_view rest() const { return m_bytes.substr(m_pos); }

private:
    std::string_view m_bytes;
    size_t m_pos = 0;
};

struct Counts {
    std::uint64_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

// "TZif", a version byte, 15 reserved bytes, then six counts.
std::optional<Counts> header(Reader& r, char& version) {
    auto magic = r.be(4);
    auto v = r.be(1);
    if (!magic || *magic != 0x545A6966 || !v || !r.skip(15)) return std::nullopt;
    version = char(*v);
    Counts c;
    for (std::uint64_t* f : {&c.isut, &c.isstd, &c.leap, &c.time, &c.type, &c.chars}) {
        auto n = r.be(4);
        if (!n) return std::nullopt;
        *f = *n;
    }
    return c;
}

// A POSIX TZ footer with a standard time only ("CST-8", "<+06>-6"): the offset east of UTC.
std::optional<int> fixedFooterOffset(std::string_view f) {
    size_t i = 0;
    if (i < f.size() && f[i] == '<') {
        while (i < f.size() && f[i] != '>') ++i;
        if (i == f.size()) return std::nullopt;
        ++i;
    } else {
        while (i < f.size() && std::isalpha(static_cast<unsigned char>(f[i]))) ++i;
        if (i < 3) return std::nullopt;
    }
    int sign = 1;
    if (i < f.size() && (f[i] == '+' || f[i] == '-')) sign = f[i++] == '-' ? -1 : 1;
    int parts[3] = {0, 0, 0};
    for (int p = 0; p < 3; ++p) {
        if (p > 0) {
            if (i == f.size()) break;
            if (f[i] != ':') return std::nullopt;
            ++i;
        }
        size_t start = i;
        while (i < f.size() && i - start < 3 && std::isdigit(static_cast<unsigned char>(f[i])))
            parts[p] = parts[p] * 10 + (f[i++] - '0');
        if (i == start) return std::nullopt;
    }
    if (i != f.size()) return std::nullopt;  // a DST name or rule follows: not fixed
    if (parts[0] > 24 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
    // POSIX counts west of UTC as positive ("CST-8" is UTC+8).
    return -sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
}

}  // namespace

std::optional<FixedTail> parseFixedTail(std::string_view tzif) {
    Reader r(tzif);
    char version = 0;
    auto v1 = header(r, version);
    if (!v1 || version < '2') return std::nullopt;  // version 1 files have no footer
    if (!r.skip(v1->time * 5 + v1->type * 6 + v1->chars + v1->leap * 8 + v1->isstd + v1->isut)) return std::nullopt;
    auto c = header(r, version);
    if (!c || c->leap != 0 || c->type == 0) return std::nullopt;  // "right/" zones count leap seconds
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (std::uint64_t k = 0; k < c->time; ++k) {
        auto t = r.be(8);
        if (!t) return std::nullopt;
        last = std::int64_t(*t);
    }
    std::uint64_t lastType = 0;
    for (std::uint64_t k = 0; k < c->time; ++k) {
        auto idx = r.be(1);
        if (!idx || *idx >= c->type) return std::nullopt;
        lastType = *idx;
    }
    std::optional<int> tailOffset;
    for (std::uint64_t k = 0; k < c->type; ++k) {
        auto utoff = r.be(4);
        if (!utoff || !r.skip(2)) return std::nullopt;
        if (k == lastType) tailOffset = int(std::int32_t(std::uint32_t(*utoff)));
    }
    if (!r.skip(c->chars + c->isstd + c->isut)) return std::nullopt;
    std::string_view rest = r.rest();
    if (rest.size() < 2 || rest.front() != '\n') return std::nullopt;
    size_t end = rest.find('\n', 1);
    if (end == std::string_view::npos) return std::nullopt;
    auto footer = fixedFooterOffset(rest.substr(1, end - 1));
    // The footer governs after the last transition; it must agree with the last type's offset.
    if (!footer || !tailOffset || *footer != *tailOffset) return std::nullopt;
    return FixedTail{*tailOffset, last};
}

std::optional<FixedTail> readFixedTail(const std::filesystem::path& tzifFile) {
    // A name such as "Asia/" is a folder of zoneinfo: opening it succeeds and reading it throws
    // (found by fuzz_site_config). Only a regular file of a sane size is read.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(tzifFile, ec)) return std::nullopt;
    const auto size = std::filesystem::file_size(tzifFile, ec);
    if (ec || size > (1u << 20)) return std::nullopt;
    std::ifstream in(tzifFile, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes;
    try {
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } catch (const std::ios_base::failure&) {
        return std::nullopt;
    }
    return parseFixedTail(bytes);
}

}  // namespace mh
