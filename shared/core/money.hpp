// Money is integer fen (1 yuan = 100 fen), never floating point; the five shares of a meal's price.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mh {

using Fen = std::int64_t;

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
