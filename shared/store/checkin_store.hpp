// Check-in records in the site database. A record is never deleted: a void marks it and says why.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "shared/core/ids.hpp"
#include "shared/core/money.hpp"
#include "shared/core/rule_paid.hpp"
#include "shared/store/database.hpp"

namespace mh {

// A record entered from the power-cut sheet (contract 13, source "paper") carries an audit entry of
// this action, written with it in one transaction: the `source` column's CHECK predates "paper",
// and the audit is journalled and replicated like the record itself.
inline constexpr const char* kPaperEntryAction = "checkin.paper";
// SQL true for such a check-in row `c` (its origin's audit entry "record N").
inline constexpr const char* kPaperEntrySql =
    "EXISTS (SELECT 1 FROM audit a WHERE a.action = 'checkin.paper' AND a.origin_terminal = c.origin_terminal"
    " AND a.subject = 'record ' || c.origin_record)";

struct CheckinRecord {
    std::int64_t recordId = 0;
    ElderId elderId;
    ServiceId service;
    std::string serviceKind;  // meal | service | activity
    std::string day;          // YYYY-MM-DD, local
    std::string at;           // local ISO time with offset
    std::optional<std::string> enteredAt;  // real write time, where `at` was given by hand (scan --at)
    bool delivered = false;
    std::optional<std::string> rule;   // the first of `rules`, kept in its own column for older readers
    std::vector<RulePaid> rules;       // every rule that paid a part, in the order applied
    Fen priceFen;
    Shares shares;
    Fen operatingFen;     // per-meal operating subsidies (运营补贴), fixed when recorded
    std::string categories;   // the elder's category codes on the day, '|'-joined
    std::string source;       // card | id | legacy | manual (paper: see kPaperEntryAction)
    bool voided = false;
    // Where the record was born (contract 11): the terminal and that terminal's record id, the same on
    // every terminal of the site. A record written here has this terminal's id and originRecord ==
    // recordId; `insert` fills them in.
    std::string originTerminal;
    std::int64_t originRecord = 0;
    // Contract 12: who collected the meal for the elder (代领), when someone did.
    std::optional<std::string> proxyName, proxyRelation;
    // A delivered meal's newest outcome at the door (delivered, not_home, refused); none: not yet.
    std::optional<std::string> deliveryOutcome;
};

// What the policy counts of one counted record: its day, its service and what each rule paid.
struct CountedUse {
    std::int64_t recordId = 0;
    std::string day, service;
    std::vector<RulePaid> rules;  // in the order applied
};

class CheckinStore {
public:
    explicit CheckinStore(Database& db) : m_db(db) {}

    // The counted (not voided) record of this elder for this service on this day, if any.
    [[nodiscard]] std::optional<CheckinRecord> counted(const ElderId& elder, const ServiceId& service,
                                                       const std::string& day);
    [[nodiscard]] std::optional<CheckinRecord> byId(std::int64_t recordId);
    // Every record of the day this terminal has seen (its own and its peers'), voided ones included,
    // in record order.
    [[nodiscard]] std::vector<CheckinRecord> forDay(const std::string& day);
    // Only the records this terminal wrote (origin = its own terminal id): what its tally and upload
    // hold (contract 8: a tally holds one terminal's records).
    [[nodiscard]] std::vector<CheckinRecord> ownForDay(const std::string& day);
    // Every record with day in [from, to] (inclusive, YYYY-MM-DD), voided ones included.
    [[nodiscard]] std::vector<CheckinRecord> forDays(const std::string& from, const std::string& to);
    // The elder's counted records with day in [from, to], with what each rule paid: the history the
    // policy counts its limits on. The caller holds the write transaction, so it cannot go stale.
    [[nodiscard]] std::vector<CheckinRecord> countedForElder(const ElderId& elder, const std::string& from,
                                                             const std::string& to);
    // The same records as countedForElder, with only what the policy counts: one query over the
    // elder's records and their rule rows, for the history read on every scan.
    [[nodiscard]] std::vector<CountedUse> countedUses(const ElderId& elder, const std::string& from,
                                                      const std::string& to);
    // Returns the new record id, with one checkin_rules row per entry of `rules`; the origin is this
    // terminal and the new id (r.originTerminal/originRecord are ignored). The caller holds the
    // transaction.
    std::int64_t insert(const CheckinRecord& r);
    // Voids the record here: one row in `voids` (keyed by the record's origin and this terminal), and
    // the record's `voided` flag. The caller holds the transaction.
    void markVoided(std::int64_t recordId, const std::string& at, const std::string& staff, const std::string& reason);

private:
    std::vector<CheckinRecord> query(const std::string& where, const std::vector<std::string>& args);
    void attachRules(std::vector<CheckinRecord>& records);
    Database& m_db;
};

}  // namespace mh
