// A preview of a scan: what the engine would decide for one elder, one service and one moment,
// as the result screen would show it, recorded nowhere (like `kiosk policy explain`: the same
// policy and the same month's history a scan would see). Screenshots are built from it, so they
// show the site's real prices instead of figures assembled by hand in the UI.
#pragma once
#include <string>
#include <vector>

#include "shared/core/ids.hpp"
#include "shared/core/scan_result.hpp"
#include "shared/core/dates.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/policy/policy_explain.hpp"
#include "shared/site/site.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {

struct ScanPreview {
    ScanResult result;        // outcome in contract 7's order: closed, duplicate, ineligible, accepted
    PolicyDecision decision;  // the policy's answer, even when the outcome is a refusal
};

// `who` need not be in the roster (its history is then empty). Reads only; a failing database
// throws StoreError as the stores do.
ScanPreview previewScan(Site& site, const Elder& who, const ServiceDef& service, LocalDateTime at, bool delivered = false);

// For screenshots: a result with outcome `shown` for a real roster elder — the first active one
// with a name, preferring one who pays something so the large amount shows (an empty roster gives
// 张桂兰) — priced by previewScan at the service's opening time on `day`. `serviceId` empty: lunch,
// else the first meal, else the first service.
ScanResult sampleScan(Site& site, Outcome shown, LocalDate day, const ServiceId& serviceId, bool delivered = false);

// `kiosk policy explain` for one elder, service and moment: the policy's explanation, told whether
// the service is open then (the site's schedule). Errors as explainPolicy's.
Result<PolicyExplanation> explainScan(Site& site, const ElderId& elderId, const ServiceId& serviceId, LocalDateTime at,
                                      bool delivered = false);

// site.toml's villages that no active roster elder has (a misspelt village makes a subsidy vanish
// silently): one Chinese sentence each, naming the villages the roster knows. Accepted, not refused.
std::vector<std::string> policyVillageWarnings(Site& site);

}  // namespace mh
