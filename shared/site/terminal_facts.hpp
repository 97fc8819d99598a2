// Facts about this terminal that the command line and the screens report, read through one door so
// that neither reaches into the tables: its id, its database's health, the peers' entries held aside
// and, in a training copy, how many practice check-ins were made.
#pragma once
#include <string>

#include "shared/site/site.hpp"

namespace mh {

// The terminal id made with the database (contract 2): 8 lower-case letters or digits.
std::string terminalIdOf(Site& site);

// Damage found by SQLite's quick check, in a sentence for staff; empty when none. `detail`: what
// SQLite said, for the journal.
std::string databaseProblemOf(Site& site, std::string* detail = nullptr);

// Entries from the peers held aside because they were dated in the future (contract 11).
int heldPeerEntries(Site& site);

// Check-ins written since this database was made a training copy (the practice scans of `run --at`).
int practiceCheckIns(Site& site);

}  // namespace mh
