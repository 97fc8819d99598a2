#include "shared/policy/policy_history.hpp"

namespace mh {

std::vector<PriorUse> policyHistory(CheckinStore& checkins, const SiteConfig& cfg, const std::string& elderId,
                                    LocalDate day) {
    std::vector<PriorUse> out;
    if (!policyNeedsHistory(cfg)) return out;
    LocalDate first = LocalDate::of(day.year(), day.month(), 1);
    LocalDate last = LocalDate::of(day.month() == 12 ? day.year() + 1 : day.year(), day.month() == 12 ? 1 : day.month() + 1, 1).plusDays(-1);
    for (auto& rec : checkins.countedForElder(elderId, first.iso(), last.iso()))
        if (auto d = LocalDate::parse(rec.day)) out.push_back(PriorUse{*d, std::move(rec.rules)});
    return out;
}

}  // namespace mh
