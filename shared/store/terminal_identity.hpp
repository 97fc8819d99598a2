// Which terminal this database is (contract 2): a random id made when the database was created,
// and when that was. Read once when a site opens.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/store/database.hpp"

namespace mh {

struct TerminalIdentity {
    std::string id;            // 8 lower-case letters or digits
    std::int64_t createdUnix;  // when the database was made (or its first record, for older ones)
};

TerminalIdentity loadTerminalIdentity(Database& db);

// The ids this database had before restores gave it fresh ones (contract 11), oldest first. Their
// backups are this terminal's own; their records keep their origin.
std::vector<std::string> terminalLineage(Database& db);

// Gives a database just put back by `restore` a fresh terminal id, at once and in one transaction:
// the old id joins the lineage, new records are written under the new id, and the outbox's cache of
// day fingerprints (which described the old id's days) is cleared. The records, and the old id's
// frozen tally revisions, keep the old id. `alsoReplaced`: ids of the database this one replaces in
// its site directory (its id and lineage), which join the lineage too: the directory is one terminal.
// Returns the new id; never one the database has had.
std::string takeFreshTerminalId(Database& db, std::int64_t nowUnix, const std::vector<std::string>& alsoReplaced = {});

// The newest real write time of any check-in record (entered_at where `at` was given by hand),
// unix seconds; none for a database without records.
// In a training copy (markTrainingCopy) only the records written during training count, and only
// those written after staff last confirmed the clock (clock_confirm.hpp).
std::optional<std::int64_t> newestRecordWriteUnix(Database& db);

// Sets up a throwaway training copy's clock check for a made-up time: the site counts as made at 0,
// and the records already there (written in real time, usually later than the training time) no
// longer bound the clock; the ones written during training do. Never call it on a real database.
void markTrainingCopy(Database& db);
// Check-ins written since markTrainingCopy (the practice scans of a training session).
int trainingRecordCount(Database& db);

}  // namespace mh
