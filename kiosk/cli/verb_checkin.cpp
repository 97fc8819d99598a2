// Verbs of the day's work: `scan`, `void` and `tally`.
#include <iostream>

#include "cli/cli_common.hpp"
#include "kiosk/app/peer_stack.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/core/text.hpp"
#include "shared/eats/other_meals.hpp"
#include "shared/reports/day_tally.hpp"
#include "shared/tally/tally_json.hpp"

namespace mh::cli {
namespace {

struct ScanArgs {
    std::string site = kDefaultSite, service, at, payload, proxy;
    bool delivered = false;
    bool paper = false;
};

// --proxy "NAME/RELATION" (代领, contract 12): who collected the meal and how they are related.
std::optional<ProxyPerson> parseProxy(const std::string& text) {
    const auto slash = text.find('/');
    ProxyPerson p{std::string(trim(text.substr(0, slash))), slash == std::string::npos ? "" : std::string(trim(text.substr(slash + 1)))};
    if (p.name.empty() || p.name.size() > 40 || p.relation.size() > 20) return std::nullopt;
    return p;
}

// The site's other terminals ([peers] addresses), asked before a scan is accepted exactly as the
// running kiosk asks them (contract 11); none for a terminal alone.
std::unique_ptr<app::PeerStack> peersOf(Site& site, const Context& ctx) {
    if (site.config().peerAddresses.empty()) return nullptr;
    try {
        return std::make_unique<app::PeerStack>(site, ctx.clock, /*answer=*/false);
    } catch (const StoreError& e) {
        ctx.say(std::string("无法联系其他签到机（数据库打不开）：") + e.what(), std::string("cannot reach the peers: ") + e.what());
        return nullptr;
    }
}

int runScan(const ScanArgs& a, Context& ctx) {
    if (a.paper && a.at.empty()) {
        ctx.say("--paper 是补录停电签到表：请用 --at 写上纸上的时间，例如 --at 2026-11-24T11:32",
                "--paper enters the power-cut sheet: give the time from the paper with --at, e.g. --at 2026-11-24T11:32");
        return kUsage;
    }
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    auto at = ctx.parseAt(a.at);
    if (!at) return kUsage;
    std::optional<ProxyPerson> proxy;
    if (!a.proxy.empty() && !(proxy = parseProxy(a.proxy))) {
        ctx.say("--proxy 应写成 \"姓名/关系\"，例如 \"张明/儿子\"", "--proxy must look like \"NAME/RELATION\", e.g. \"Zhang Ming/son\"");
        return kUsage;
    }
    auto peers = peersOf(*site, ctx);
    CheckInEngine engine(*site, ctx.clock, peers.get());
    auto result = engine.scan(ScanRequest{a.payload, ServiceId(a.service), *at, a.delivered, proxy, a.paper});
    if (!result) {
        ctx.error(result.error());
        return kUsage;
    }
    printJson(scanResultJson(*result, ctx.english));
    std::cout.flush();
    // A process that ends now has no loop to push the record later: the peers get it at once (best
    // effort; a peer that is away pulls it from this terminal's feed when they meet).
    if (peers && result->accepted()) peers->syncNow();
    return result->accepted() ? kDone : kRefused;
}

struct VoidArgs {
    std::string site = kDefaultSite, reason, staff;
    std::int64_t record = 0;
};

int runVoid(const VoidArgs& a, Context& ctx, Site& site) {
    auto peers = peersOf(site, ctx);
    // A meal of a guest, staff or volunteer (contract 12) is voided the same way.
    auto other = voidOtherMeal(site, ctx.clock, a.record, a.reason, a.staff);
    if (!other) return ctx.failWith(other.error(), {"void.reason"});
    if (*other) {
        nlohmann::ordered_json j;
        j["record_id"] = (*other)->mealId;
        j["kind"] = (*other)->kind;
        j["service"] = (*other)->service;
        j["date"] = (*other)->day;
        j["voided"] = true;
        printJson(j);
        std::cout.flush();
        if (peers) peers->syncNow();
        return kDone;
    }
    CheckInEngine engine(site, ctx.clock, peers.get());
    auto rec = engine.voidRecord(a.record, a.reason, a.staff);
    if (!rec) return ctx.failWith(rec.error(), {"void.reason"});
    nlohmann::ordered_json j;
    j["record_id"] = rec->recordId;
    j["elder_id"] = rec->elderId.str();
    j["service"] = rec->service.str();
    j["date"] = rec->day;
    j["voided"] = true;
    printJson(j);
    std::cout.flush();
    if (peers) peers->syncNow();  // the void reaches the peers now, as a scan does
    return kDone;
}

struct TallyArgs {
    std::string site = kDefaultSite, date;
};

int runTally(const TallyArgs& a, Context& ctx, Site& site) {
    auto date = ctx.parseDate(a.date);
    if (!date) return kUsage;
    printJson(tallyJson(tallyOfDay(site, *date, ctx.nowIso(site))));
    return kDone;
}

}  // namespace

void registerCheckinVerbs(CLI::App& app, Context& ctx) {
    Verb<ScanArgs>(app, ctx, "scan", "check in one card or ID number, exactly as the kiosk does", runScan)
        .site()
        .service()
        .at()
        .flag("--delivered", &ScanArgs::delivered, "a delivered meal (送餐)")
        .option("--proxy", &ScanArgs::proxy, "collected by someone else (代领): \"NAME/RELATION\"")
        .flag("--paper", &ScanArgs::paper, "entered from the power-cut sheet (needs --at): source paper; the payload may be the elder id")
        .required("payload", &ScanArgs::payload, "what the card or reader gave (with --paper: or the elder id on the sheet)");
    Verb<VoidArgs>(app, ctx, "void", "cancel a check-in (kept, with who and why, in the audit log)", runVoid)
        .site()
        .required("--record", &VoidArgs::record, "record id from the scan result")
        .required("--reason", &VoidArgs::reason, "why")
        .required("--staff", &VoidArgs::staff, "who");
    Verb<TallyArgs>(app, ctx, "tally", "print the daily tally JSON", runTally).site().required("--date", &TallyArgs::date, "local date, YYYY-MM-DD");
}

}  // namespace mh::cli
