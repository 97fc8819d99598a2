// One scan through CheckInEngine::scan, as the kiosk runs it, on a real site with a small roster:
// card, ID number and legacy-card identification, the policy and the store. Two leading bytes pick
// the service and time, and whether the rest is sent as it is or signed with the site's key first
// (a random input never carries a valid signature), so accepted check-ins are reached too.
#include "fuzz_site.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/roster/roster_import.hpp"

using namespace mh;
using fuzz::require;

namespace {

struct ScanBench {
    fuzz::SiteTemplate made{fuzz::fuzzSiteToml()};
    fuzz::ScratchSite scratch{made};
    FakeClock clock;
    CheckInEngine engine{scratch.site(), clock};
    ScanBench() {
        auto r = importRoster(scratch.site(), fuzz::fuzzRosterCsv(), LocalDate::of(2026, 11, 25),
                              "2026-11-25T08:00:00+08:00", "fuzz");
        require(r.ok() && r->rejected.empty(), "the fuzz roster imports");
        clock.set(scratch.site().timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:30")));
    }
};

void checkResult(const ScanResult& r) {
    require(!r.message.empty() && !r.messageEn.empty(), "every outcome has a sentence");
    if (r.outcome == Outcome::Invalid || r.outcome == Outcome::Unknown)
        require(r.elderId.empty() && r.fullName.empty() && r.maskedName.empty(), "no name for a stranger");
    if (!r.accepted()) {
        require(!r.recordId, "a refusal records nothing");
        return;
    }
    require(r.recordId.has_value() && !r.elderId.empty(), "an accepted scan is recorded");
    require(r.priceFen && r.shares, "an accepted scan is priced");
    require(r.shares->total() == *r.priceFen, "shares sum to the price");
    for (Share s : {Share::Government, Share::Collective, Share::Donation, Share::Family, Share::Elder})
        require(r.shares->at(s) >= Fen{0}, "no share is negative");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    // Function-local: one site per fuzzing process (making one costs a key pair and the migrations).
    // Records accumulate, so later scans of an elder meet the duplicate rule, as in a real day.
    static ScanBench bench;
    // Byte 0: the service (mod 3), bit 6 "sign the rest", bit 7 "delivered". Byte 1: the quarter of
    // an hour (mod 96) on 25, 26 or 27 November 2026. "1." is lunch at 11:30, "a." the same signed.
    const std::uint8_t mode = data[0], when = data[1];
    std::string rest(fuzz::asText(data + 2, size - 2));

    static const char* const services[] = {"breakfast", "lunch", "health"};
    ScanRequest req;
    req.serviceId = ServiceId(services[mode % 3]);
    int quarter = when % 96;
    req.at = LocalDateTime{LocalDate::of(2026, 11, 25 + unsigned(when / 96)), quarter / 4, (quarter % 4) * 15, 0};
    req.delivered = mode & 0x80;
    if (mode & 0x40) {
        // "elder:serial" signed with the site's own key: a card the site could have issued.
        auto colon = rest.find(':');
        std::string elder = rest.substr(0, colon), serial = colon == std::string::npos ? "1" : rest.substr(colon + 1);
        req.payload = signCard({elder, serial}, bench.scratch.site().keys().card.sec);
    } else {
        req.payload = rest;
    }
    auto r = bench.engine.scan(req);
    if (!r) std::fprintf(stderr, "%s\n", r.error().en.c_str());
    require(r.ok(), "a scan of a known service is answered, not failed");
    checkResult(*r);
    return 0;
}
