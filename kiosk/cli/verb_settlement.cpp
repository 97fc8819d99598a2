// `settlement`: the claim a 民政局 signs (contract 12), for a month or a quarter: CSV and A4 PDF.
#include <iostream>

#include "cli/cli_common.hpp"
#include "cli/eats_peers.hpp"
#include "platform/print/settlement_sheet.hpp"
#include "shared/core/atomic_file.hpp"
#include "shared/eats/settlement.hpp"

namespace mh::cli {
namespace {

struct SettlementArgs {
    std::string site = kDefaultSite, month, quarter, out;
};

int runSettlement(const SettlementArgs& a, Context& ctx) {
    if (a.month.empty() == a.quarter.empty()) {
        ctx.say("请写 --month 2026-11 或 --quarter 2026Q4（只写一个）", "give either --month 2026-11 or --quarter 2026Q4");
        return kUsage;
    }
    auto period = a.month.empty() ? quarterPeriod(a.quarter) : monthPeriod(a.month);
    if (!period) {
        ctx.say("--month 应写成 2026-11，--quarter 应写成 2026Q4", "--month must look like 2026-11, --quarter like 2026Q4");
        return kUsage;
    }
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    // What the other terminals have now is part of the claim: one round with them first (best effort).
    syncPeersNow(*site, ctx);
    const Settlement s = buildSettlement(*site, *period);
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(a.out, ec);
    const fs::path csv = fs::path(a.out) / ("settlement-" + period->label + ".csv");
    const fs::path pdf = fs::path(a.out) / ("settlement-" + period->label + ".pdf");
    if (auto w = writeFileAtomic(csv, settlementCsv(s)); !w) return ctx.failWith(w.error(), {});
    if (auto drawn = print::renderSettlement(s, pdf); !drawn) return ctx.failWith(drawn.error(), {});
    nlohmann::ordered_json j;
    j["period"] = period->label;
    j["from"] = period->first.iso();
    j["to"] = period->last.iso();
    j["terminals"] = s.terminals;
    j["days"] = s.days;
    j["lines"] = s.lines.size();
    j["csv"] = csv.string();
    j["pdf"] = pdf.string();
    printJson(j);
    return kDone;
}

}  // namespace

void registerSettlementVerb(CLI::App& app, Context& ctx) {
    Verb<SettlementArgs>(app, ctx, "settlement", "the month's or quarter's claim for the civil-affairs office (结算表): CSV and PDF",
                         runSettlement)
        .site()
        .option("--month", &SettlementArgs::month, "YYYY-MM")
        .option("--quarter", &SettlementArgs::quarter, "YYYYQn, e.g. 2026Q4")
        .required("--out", &SettlementArgs::out, "folder for settlement-PERIOD.csv and .pdf");
}

}  // namespace mh::cli
