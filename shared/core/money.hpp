// Money is integer fen (1 yuan = 100 fen), never floating point; the five shares of a meal's price.
#pragma once
#include <array>
#include <compare>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

namespace mh {

// An amount of money in fen. A class, not an integer, so that the mix-ups that cost money do not
// compile: money plus a count, money times money, an integer taken for money or money for an integer.
// Money adds to and subtracts from money; a price times a number of meals is money. Sums saturate at
// the int64 bounds (never wrap, never throw). Where money meets the outside (SQLite, JSON, TOML, the
// CLI, formatting) it is converted explicitly, with Fen(n) one way and .value() the other.
class Fen {
public:
    constexpr Fen() = default;
    constexpr explicit Fen(std::int64_t fen) : m_fen(fen) {}
    [[nodiscard]] constexpr std::int64_t value() const { return m_fen; }
    constexpr auto operator<=>(const Fen&) const = default;

    [[nodiscard]] friend constexpr Fen operator+(Fen a, Fen b) {
        std::int64_t out = 0;
        if (__builtin_add_overflow(a.m_fen, b.m_fen, &out)) return Fen(b.m_fen > 0 ? INT64_MAX : INT64_MIN);
        return Fen(out);
    }
    [[nodiscard]] friend constexpr Fen operator-(Fen a, Fen b) {
        std::int64_t out = 0;
        if (__builtin_sub_overflow(a.m_fen, b.m_fen, &out)) return Fen(b.m_fen < 0 ? INT64_MAX : INT64_MIN);
        return Fen(out);
    }
    [[nodiscard]] constexpr Fen operator-() const { return Fen() - *this; }
    constexpr Fen& operator+=(Fen o) { return *this = *this + o; }
    constexpr Fen& operator-=(Fen o) { return *this = *this - o; }

    // A price times a count (of meals, of days): money. The count is an integer, never money or a bool.
    template <std::integral N>
        requires(!std::same_as<N, bool>)
    [[nodiscard]] friend constexpr Fen operator*(Fen a, N count) {
        std::int64_t out = 0;
        if (__builtin_mul_overflow(a.m_fen, count, &out)) return Fen((a.m_fen < 0) != (count < 0) ? INT64_MIN : INT64_MAX);
        return Fen(out);
    }
    template <std::integral N>
        requires(!std::same_as<N, bool>)
    [[nodiscard]] friend constexpr Fen operator*(N count, Fen a) {
        return a * count;
    }

private:
    std::int64_t m_fen = 0;
};

// 150_fen: a literal amount, for constants and tests (inline: `using namespace mh` brings it).
inline namespace money_literals {
[[nodiscard]] consteval Fen operator""_fen(unsigned long long fen) { return Fen(static_cast<std::int64_t>(fen)); }
}  // namespace money_literals

// Bounds on money that crosses from another terminal or is typed by staff (contract 11): a donation
// is 1 fen to 10,000,000 fen (100,000 yuan); a meal's price 0 to 10,000,000 fen. Far below what a
// sum of millions of rows can overflow, so one bad row cannot break a balance or a posting.
inline constexpr Fen kMaxDonationFen{10'000'000};
inline constexpr Fen kMaxPriceFen{10'000'000};

// a + b, or the nearest int64 bound when it would overflow: sums of money never wrap and never throw.
[[nodiscard]] constexpr Fen addFen(Fen a, Fen b) { return a + b; }
[[nodiscard]] constexpr Fen subFen(Fen a, Fen b) { return a - b; }

// The "five shares" (五个一点), in the order the policy takes them until the price is covered.
enum class Share { Government, Collective, Donation, Family, Elder };
inline constexpr std::array<Share, 5> kAllShares{Share::Government, Share::Collective, Share::Donation,
                                                 Share::Family, Share::Elder};

struct Shares {
    Fen government;
    Fen collective;
    Fen donation;
    Fen family;
    Fen elder;

    [[nodiscard]] Fen total() const { return government + collective + donation + family + elder; }
    [[nodiscard]] Fen& at(Share s);
    [[nodiscard]] Fen at(Share s) const;
    Shares& operator+=(const Shares& o);
    bool operator==(const Shares&) const = default;
};

// JSON key of a share in contracts 7 and 8 ("government", ...).
std::string_view shareKey(Share s);
// Label of a share on the public posting (政府补贴, 村集体, 社会捐赠, 家庭, 老人自付).
std::string_view shareLabelZh(Share s);

// "621.00": yuan with two decimals, for postings and tables.
std::string formatYuan2(Fen fen);
// "2" / "2.50": the shortest honest form for a sentence ("请付2元", "请付2.50元").
std::string formatYuanShort(Fen fen);

}  // namespace mh
