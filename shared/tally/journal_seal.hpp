// The journal as the county and staff see it (contract 13): the signed head each tally carries, and
// the check behind `journal verify` and `status`'s `journal`. The chain itself is shared/store's
// (journal_chain.hpp); this is where the site's signing key meets it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/core/result.hpp"
#include "shared/site/site.hpp"
#include "shared/store/journal_chain.hpp"
#include "shared/tally/daily_tally.hpp"

namespace mh {

// The UTF-8 text the signature covers: mealhall.journal.v1:<site_id>:<terminal>:<seq>:<head>.
std::string journalSignedText(const std::string& siteId, const std::string& terminal, std::int64_t seq,
                              const std::string& head);

// This terminal's chain now, checked whole (verifyJournal) and, when it verifies, signed Ed25519 by
// the site's card-signing key (the key whose public half the county has). A chain that does not
// verify is not signed: the seal says the problem instead, so a tally made from a database changed
// by hand can never carry a good signature. Reads only; throws StoreError.
JournalSeal sealJournal(Site& site);

// One chain in the database: this terminal's, or one of the ids it had before a restore.
struct JournalChainHead {
    std::string terminal;
    std::int64_t seq = 0;
    std::string head;
};
struct JournalReport {
    JournalCheck check;
    std::string terminal;                 // this terminal's id
    std::vector<JournalChainHead> chains; // every chain, this terminal's first
};
// `journal verify`: the check and every chain's head. Reads only; throws StoreError.
JournalReport journalReport(Site& site);

// `journal verify --tally FILE` (the county with a terminal's backup): is this tally's signed head an
// entry of this database's chain of its terminal, is its signature the site's, and is each of its
// records, as the tally says it, a row of that chain at or before the head? Returns the first
// problem (Chinese, English), or nothing when the tally holds. Reads only; throws StoreError.
std::optional<Error> checkTallyAgainstJournal(Site& site, const nlohmann::json& tally);

}  // namespace mh
