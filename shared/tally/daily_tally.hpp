// The daily tally (contract 8): one site's counted check-ins of one local day, summed per service.
// Built from the records alone, so every sum can be re-derived from `records`.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/site/site_config.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/eats_store.hpp"

namespace mh {

// Meals of one kind nobody claims a subsidy for (contract 12): how many, and what they paid.
struct OtherTally {
    int count = 0;
    Fen paidFen;
};

struct ServiceTally {
    ServiceId id;
    std::string kind;
    int count = 0;      // counted records (voided excluded)
    int delivered = 0;  // of which delivered
    int voided = 0;
    Fen priceFen;
    Shares shares;
    Fen operatingFen;   // 运营补贴 of its records (per meal and per elder-day)
    std::map<std::string, int> byRule;      // only records a rule paid for
    std::map<std::string, int> byCategory;  // a record counts once for each category of its elder
    std::map<std::string, int> refused;     // the day's refused scans by outcome (contract 13); addRefusedCounts
    std::map<std::string, OtherTally> others;  // guest | staff | volunteer, kinds with none omitted
    int proxy = 0;                              // counted records collected by someone else (代领)
};

// The tally's `journal` (contract 13): this terminal's chain when the tally was made, its length and
// head, signed by the site's key over journalSignedText (shared/tally/journal_seal.hpp). `problem`
// (then no `sig`): the chain did not verify, said in the tally so the county sees it.
struct JournalSeal {
    std::int64_t seq = 0;
    std::string head;
    std::string sig;      // base64 (RFC 4648, padded) of the Ed25519 signature; empty with a problem
    std::string problem;  // English, for the county's IT; empty when the chain verified
};

struct DailyTally {
    std::string siteId;
    std::string terminal;  // this database's terminal id (contract 2); the caller fills it in
    LocalDate date;
    int revision = 1;
    std::string generatedAt;
    std::vector<ServiceTally> services;   // site.toml order, then services only found in records
    std::vector<CheckinRecord> records;   // counted ones; operatingFen includes elder-day money
    bool operating = false;               // site.toml has [[operating]]: every service and record says operating_fen
    std::optional<JournalSeal> journal;   // the caller seals it (journal_seal.hpp); absent: no `journal`
};

// Each service's `refused` from the day's refused scans on this terminal (refused_scans.hpp). Kept
// apart from buildTally, which sums records only. Throws StoreError.
void addRefusedCounts(DailyTally& t, Database& db);

// Sums the day's records; `records` must be the day's records, voided ones included. `elderDay`:
// the day's per-elder-day operating money (elderDayShares), added to the records of `dayRecords` it
// went to (a peer's record carries its share in its own terminal's tally). `otherMeals`: the day's
// meals of guests, staff and volunteers (voided ones included), only ever in `others`.
DailyTally buildTally(const SiteConfig& cfg, LocalDate date, const std::vector<CheckinRecord>& dayRecords,
                      int revision, const std::string& generatedAt, const std::vector<ElderDayShare>& elderDay = {},
                      const std::vector<OtherMeal>& otherMeals = {});

}  // namespace mh
