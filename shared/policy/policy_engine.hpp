// The subsidy policy: which rule pays for an elder's use of a service on a day, and how the price
// splits into the five shares. Pure functions of site.toml and the elder; no storage.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/money.hpp"
#include "shared/site/site_config.hpp"

namespace mh {

struct ElderFacts {
    std::vector<std::string> categories;
    std::optional<LocalDate> birth;  // unknown: rules with a minimum age do not match
};

struct PolicyDecision {
    const RuleDef* rule = nullptr;  // nullptr: no rule paid (free service, or nobody matched)
    Shares shares;                  // always sums to the price
    bool ineligible = false;        // no rule matched and the policy refuses unsubsidised use
};

// True when `rule` applies to this elder for this service on `day`.
bool ruleMatches(const RuleDef& rule, const ServiceDef& service, const ElderFacts& elder, LocalDate day);

// Shares taken in the order government, collective, donation, family until the price is covered;
// the elder pays the rest, never below zero.
Shares splitPrice(Fen price, const Shares& ruleShares);

// First matching rule wins (file order). A free service needs no rule.
PolicyDecision decide(const SiteConfig& cfg, const ServiceDef& service, const ElderFacts& elder, LocalDate day);

}  // namespace mh
