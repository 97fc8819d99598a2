#include "shared/core/money.hpp"

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

std::string_view shareKey(Share s) {
    switch (s) {
        case Share::Government: return "government";
        case Share::Collective: return "collective";
        case Share::Donation: return "donation";
        case Share::Family: return "family";
        case Share::Elder: break;
    }
    return "elder";
}

std::string_view shareLabelZh(Share s) {
    switch (s) {
        case Share::Government: return "政府补贴";
        case Share::Collective: return "村集体";
        case Share::Donation: return "社会捐赠";
        case Share::Family: return "家庭";
        case Share::Elder: break;
    }
    return "老人自付";
}

std::string formatYuan2(Fen fen) {
    const char* sign = fen < 0 ? "-" : "";
    // Unsigned magnitude: llabs(INT64_MIN) would overflow.
    unsigned long long a = fen < 0 ? 0ULL - static_cast<unsigned long long>(fen) : static_cast<unsigned long long>(fen);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s%llu.%02llu", sign, a / 100, a % 100);
    return buf;
}

std::string formatYuanShort(Fen fen) {
    if (fen % 100 == 0) return std::to_string(fen / 100);
    return formatYuan2(fen);
}

}  // namespace mh
