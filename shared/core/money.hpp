// Money is integer fen (1 yuan = 100 fen), never floating point; the five shares of a meal's price.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mh {

using Fen = std::int64_t;

// Bounds on money that crosses from another terminal or is typed by staff (contract 11): a donation
// is 1 fen to 10,000,000 fen (100,000 yuan); a meal's price 0 to 10,000,000 fen. Far below what a
// sum of millions of rows can overflow, so one bad row cannot break a balance or a posting.
inline constexpr Fen kMaxDonationFen = 10'000'000;
inline constexpr Fen kMaxPriceFen = 10'000'000;

// a + b, or the nearest int64 bound when it would overflow: sums of money never wrap and never throw.
[[nodiscard]] inline Fen addFen(Fen a, Fen b) {
    Fen out = 0;
    if (__builtin_add_overflow(a, b, &out)) return b > 0 ? INT64_MAX : INT64_MIN;
    return out;
}
[[nodiscard]] inline Fen subFen(Fen a, Fen b) {
    Fen out = 0;
    if (__builtin_sub_overflow(a, b, &out)) return b < 0 ? INT64_MAX : INT64_MIN;
    return out;
}

// The "five shares" (五个一点), in the order the policy takes them until the price is covered.
enum class Share { Government, Collective, Donation, Family, Elder };
inline constexpr std::array<Share, 5> kAllShares{Share::Government, Share::Collective, Share::Donation,
                                                 Share::Family, Share::Elder};

struct Shares {
    Fen government = 0;
    Fen collective = 0;
    Fen donation = 0;
    Fen family = 0;
    Fen elder = 0;

    [[nodiscard]] Fen total() const {
        return addFen(addFen(addFen(addFen(government, collective), donation), family), elder);
    }
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
