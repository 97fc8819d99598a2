// Which tables the journal covers (contract 13), and which columns of each form a row's canonical
// bytes: the one list a new append-only table joins with one line (journalCoverage()). Everything
// else — the triggers that append each new row in its own transaction, the genesis of rows already
// there, `journal verify` — is derived from this list (journal_chain.hpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace mh {

struct JournalTable {
    std::string_view table;    // the covered table
    std::string_view label;    // what staff call its rows, for `journal verify`'s sentence
    std::string_view key;      // the column(s) naming one row, comma separated: "record_id" or "record_id, position"
    std::string_view columns;  // the columns of its canonical bytes, comma separated, in this order
    // Extra canonical fields as `'name', expression` pairs over the row `r` (joins to another table):
    // a rule split names its record by origin, which is the same on every terminal of the site.
    std::string_view extra = {};
};

// Every covered table, in genesis order. Local row ids (record_id, void_id, id ...) are left out of
// the canonical bytes where the row has an origin key (origin_terminal, origin_record): those are
// the same on every terminal, local ids are not. A row's entry names it by its local key.
const std::vector<JournalTable>& journalCoverage();

// The canonical bytes of a row of `t`, as an SQL expression over the row called `alias` ("NEW" in a
// trigger, "r" when verifying): json_object('t', <table>, <column>, <value>, ...). Deterministic:
// the same row gives the same text on every SQLite of the same major version.
std::string journalCanonicalSql(const JournalTable& t, std::string_view alias);
// The row's key as text, as an SQL expression over `alias`: "12", or "12/0" for a two-column key.
std::string journalKeySql(const JournalTable& t, std::string_view alias);

}  // namespace mh
