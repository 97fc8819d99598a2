// Roster import (contract 5) on a fresh site per input: never a crash, a refused file changes
// nothing, and importing the same file a second time changes nothing (the README's promise).
#include "fuzz_site.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/elder_store.hpp"

using namespace mh;
using fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::asText(data, size);
    // A fresh site each time (a copy of one made once per process), so whatever breaks reproduces
    // from the input alone.
    static const fuzz::SiteTemplate made(fuzz::fuzzSiteToml());
    fuzz::ScratchSite scratch(made);
    Site& site = scratch.site();
    const LocalDate today = LocalDate::of(2026, 11, 25);

    auto first = importRoster(site, text, today, "2026-11-25T08:00:00+08:00", "fuzz");
    auto second = importRoster(site, text, today, "2026-11-26T08:00:00+08:00", "fuzz");
    require(first.ok() == second.ok(), "the same file is refused both times or neither");
    if (!first) {
        require(first.error().code == second.error().code, "refused for the same reason");
        require(!first.error().message.empty(), "a refusal says why");
        require(ElderStore(site.db()).all().empty(), "a refused file changes nothing");
        return 0;
    }
    require(first->unchanged == 0, "nothing is unchanged on an empty site");
    require(second->added == 0 && second->updated == 0, "the same file twice changes nothing");
    require(second->unchanged == first->added + first->updated, "every imported row is unchanged the second time");
    require(second->rejectedCount() == first->rejectedCount(), "the same rows are rejected");
    require(int(ElderStore(site.db()).all().size()) == first->added, "every added row is stored");
    for (const auto& row : first->rejected) require(!row.reason.empty() && !row.reasonEn.empty(), "a rejection says why");
    return 0;
}
