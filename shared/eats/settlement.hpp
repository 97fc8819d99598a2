// The settlement (contract 12): what a 民政局 pays the operator for a month or a quarter, from the
// stored records of every terminal of the site this one has seen. Built by running the daily tally
// builder (buildTally) for each terminal and day, exactly as that terminal's tally is built, and
// summing what the tallies say: every figure equals the sum of the period's tallies by construction.
// Guest, staff and volunteer meals are only ever on their own lines, never in a claim line.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/money.hpp"
#include "shared/core/result.hpp"
#include "shared/feedback/feedback_book.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct SettlementPeriod {
    std::string label;  // 2026-11, 2026Q4
    LocalDate first, last;
};
// "2026-11" (--month) or "2026Q4" (--quarter); none when it is neither.
std::optional<SettlementPeriod> monthPeriod(const std::string& text);
std::optional<SettlementPeriod> quarterPeriod(const std::string& text);

// One CSV line: `line` is a rule name, 未补贴, guest, staff, volunteer, 代领, 未送达 or 合计.
struct SettlementLine {
    std::string service;      // id from site.toml
    std::string serviceName;  // its name (the PDF shows it)
    std::string line;
    int count = 0;
    Shares shares;
    Fen operatingFen;
    Fen paidFen;
    bool paid = false;  // paid_fen is filled (guest, staff, volunteer lines only)
};

struct Settlement {
    std::string siteId, siteName;
    SettlementPeriod period;
    std::vector<std::string> terminals;  // every terminal whose records are summed, sorted
    std::vector<SettlementLine> lines;   // per service in site.toml order, its 合计 last
    int days = 0;                        // days with any record
    // The elders' scores (contract 14), for the PDF only, never the CSV: per service in site.toml
    // order, those with any score or, where feedback is on, every meal service. Counts, no person.
    std::vector<std::pair<std::string, FeedbackCounts>> feedback;  // service name, its counts
};

// Reads only; throws StoreError when the database cannot be read.
Settlement buildSettlement(Site& site, const SettlementPeriod& period);

// The CSV text (UTF-8 with BOM): the header of contract 12, then the lines.
std::string settlementCsv(const Settlement& s);

}  // namespace mh
