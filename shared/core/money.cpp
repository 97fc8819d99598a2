#include "shared/core/money.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>

namespace mh {

Fen& Shares::at(Share s) {
    switch (s) {
        case Share::Government: return government;
        case Share::Collective: return collective;
        case Share::Donation: return donation;
        case Share::Family: return family;
        case Share::Elder: break;
    }
    return elder;
}

Fen Shares::at(Share s) const { return const_cast<Shares*>(this)->at(s); }

Shares& Shares::operator+=(const Shares& o) {
    for (Share s : kAllShares) at(s) = addFen(at(s), o.at(s));
    return *this;
}

namespace {
// Each share's key in JSON and its name on Chinese paper, in the order of enum Share.
struct ShareWords {
    std::string_view key, zh;
};
constexpr std::array<ShareWords, kAllShares.size()> kShareWords{{
    {"government", "政府补贴"}, {"collective", "村集体"}, {"donation", "社会捐赠"}, {"family", "家庭"}, {"elder", "老人自付"}}};
static_assert(size_t(Share::Elder) == kAllShares.size() - 1, "kShareWords follows enum Share");
ShareWords wordsOf(Share s) { return kShareWords[size_t(s)]; }
}  // namespace

std::string_view shareKey(Share s) { return wordsOf(s).key; }

std::string_view shareLabelZh(Share s) { return wordsOf(s).zh; }

std::string formatYuan2(Fen money) {
    const std::int64_t fen = money.value();
    const char* sign = fen < 0 ? "-" : "";
    // Unsigned magnitude: llabs(INT64_MIN) would overflow.
    unsigned long long a = fen < 0 ? 0ULL - static_cast<unsigned long long>(fen) : static_cast<unsigned long long>(fen);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s%llu.%02llu", sign, a / 100, a % 100);
    return buf;
}

std::string formatYuanShort(Fen money) {
    const std::int64_t fen = money.value();
    if (fen % 100 == 0) return std::to_string(fen / 100);
    return formatYuan2(money);
}

}  // namespace mh
