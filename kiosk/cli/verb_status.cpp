// `kiosk status`: the terminal's health as JSON for staff and monitoring (contract 3), from the
// siteStatus use case the staff settings screen shows too. Exit 0 whenever it could report (problems
// included); 2 when there is no database to report on — still JSON, and nothing is created.
#include <filesystem>

#include "cli/cli_common.hpp"
#include "kiosk/app/peer_stack.hpp"
#include "shared/peers/doubles.hpp"
#include "shared/site/first_run_site.hpp"
#include "shared/site/terminal_facts.hpp"
#include "shared/upload/site_status.hpp"

namespace mh::cli {
namespace {

using J = nlohmann::ordered_json;

J problemOr(const std::optional<Error>& e, bool english) { return e ? J(e->text(english)) : J("ok"); }

// The JSON of a terminal that cannot be opened: the same keys, so a monitoring script need not
// special-case it.
J unreadable(const Error& e, bool english) {
    J j;
    j["terminal"] = nullptr;
    j["database"] = e.text(english);
    j["journal"] = nullptr;
    j["clock"] = nullptr;
    j["clock_corrected"] = J::array();
    j["pending_days"] = nullptr;
    j["refused_days"] = J::array();
    j["next_attempt"] = nullptr;
    j["last_error"] = nullptr;
    j["needs_staff"] = true;
    j["peers"] = J::array();
    j["doubles"] = nullptr;
    j["held_entries"] = nullptr;
    j["never_set_up"] = false;  // true only for a directory that never was a site (no records lost)
    return j;
}

// Contract 11: each peer as it answers now (one sync round with LAN timeouts, so `reachable` and
// `behind` are facts of this moment, and what the peers have is pulled in first; `last_contact` is
// kept in the database, so a peer away now still shows when it was last heard from), and the
// flagged doubles waiting for staff (elder ids, no names: monitoring scripts read this).
void addPeers(J& j, Site& site, const Context& ctx) {
    J peers = J::array();
    if (!site.config().peerAddresses.empty()) {
        try {
            app::PeerStack stack(site, ctx.clock, /*answer=*/false);
            stack.syncNow();
            for (const app::PeerLine& p : stack.states()) {
                J jp;
                jp["address"] = p.address;
                jp["terminal"] = p.terminal.empty() ? J(nullptr) : J(p.terminal);
                jp["last_contact"] = p.lastContactUnix > 0 ? J(site.timeZone().isoWithOffset(p.lastContactUnix)) : J(nullptr);
                jp["behind"] = p.behind;
                jp["reachable"] = p.reachable;
                if (!p.problem.empty()) jp["problem"] = p.problem;
                peers.push_back(std::move(jp));
            }
        } catch (const StoreError& e) {
            for (const auto& a : site.config().peerAddresses)
                peers.push_back(J{{"address", a}, {"terminal", nullptr}, {"last_contact", nullptr}, {"behind", nullptr},
                                  {"reachable", false}, {"problem", e.what()}});
        }
    }
    j["peers"] = std::move(peers);
    J list = J::array();
    for (const FlaggedDouble& d : flaggedDoubles(site.db())) {
        J records = J::array();
        for (const DoubleRecord& r : d.records)
            records.push_back(J{{"record", r.recordId}, {"terminal", r.terminal}, {"origin_record", r.originRecord}, {"at", r.at}});
        list.push_back(J{{"elder_id", d.elderId}, {"service", d.service}, {"date", d.day}, {"records", std::move(records)}});
    }
    j["doubles"] = J{{"count", list.size()}, {"list", std::move(list)}};
    // Contract 11: what the peers sent dated more than 10 minutes after this clock, held aside (never
    // imported, never blocking a scan) until staff look or this clock reaches it.
    j["held_entries"] = heldPeerEntries(site);
}

struct StatusArgs {
    std::string site = kDefaultSite;
};

int runStatus(const StatusArgs& a, Context& ctx) {
    const std::string& dir = a.site;
    // An init cut short during its final move is finished first (first_run_site.hpp): that is a site.
    if (auto rolled = finishInterruptedFirstRun(dir); !rolled) {
        printJson(unreadable(rolled.error(), ctx.english));
        ctx.error(rolled.error());
        return kUsage;
    }
    // A directory that never was a site (a typo, a terminal not set up yet) is not one whose records
    // are gone: telling staff to restore a backup that never existed sends them the wrong way.
    if (needsFirstRun(dir)) {
        Error e{"site.never_set_up",
                "目录 " + dir + " 还没有建站（从来不是站点）：请运行 kiosk init，或在签到机屏幕上做首次设置。如果目录写错了，请改正 --site",
                "the directory " + dir + " was never set up as a site: run `kiosk init` or the first-run screen "
                "(or correct --site if it is a typo)"};
        J j = unreadable(e, ctx.english);
        j["never_set_up"] = true;
        printJson(j);
        ctx.error(e);
        return kUsage;
    }
    // Checked before opening, so a missing database is reported, never silently created.
    const std::filesystem::path db = std::filesystem::path(dir) / kSiteDb;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(db, ec) || std::filesystem::file_size(db, ec) == 0 || ec) {
        Error e{"database.missing", "找不到本站的数据库（记录不在了）。请不要重新建站，联系县信息科用备份恢复。",
                "the site's database is missing or empty (the records are gone): restore it from a backup, do not init again"};
        printJson(unreadable(e, ctx.english));
        ctx.error(e);
        return kUsage;
    }
    auto site = Site::open(dir);
    if (!site) {
        printJson(unreadable(site.error(), ctx.english));
        ctx.error(site.error());
        return kUsage;
    }
    const SiteStatus s = siteStatus(**site, ctx.clock.nowUnix());
    J j;
    j["terminal"] = s.terminal.empty() ? J(nullptr) : J(s.terminal);
    j["restored_from"] = s.restoredFrom;
    j["database"] = problemOr(s.database, ctx.english);
    j["journal"] = s.database ? J(nullptr) : problemOr(s.journal, ctx.english);
    j["clock"] = s.database ? J(nullptr) : problemOr(s.clock, ctx.english);
    // Until the daily review (contract 13) lists them: each clock confirmation that found records
    // written ahead of the corrected clock, newest first.
    J corrected = J::array();
    for (const ClockCorrection& c : s.clockCorrected)
        corrected.push_back(J{{"confirmed_at", c.confirmedAt}, {"staff", c.staff}, {"count", c.records.size()}, {"records", c.records}});
    j["clock_corrected"] = std::move(corrected);
    j["storage"] = problemOr(s.storage, ctx.english);
    j["pending_days"] = s.pendingDays;
    J refused = J::array();
    for (const auto& r : s.refusedDays)
        refused.push_back(J{{"date", r.day}, {"terminal", r.terminal}, {"revision", r.revision}, {"county_answer", r.countyAnswer}, {"refused_at", r.refusedAt}});
    j["refused_days"] = std::move(refused);
    j["next_attempt"] = s.nextAttempt.empty() ? J(nullptr) : J(s.nextAttempt);
    const std::string& last = ctx.english && !s.lastErrorEn.empty() ? s.lastErrorEn : s.lastError;
    j["last_error"] = last.empty() ? J(nullptr) : J(last);
    j["needs_staff"] = s.needsStaff;
    addPeers(j, **site, ctx);
    if (j["doubles"]["count"].get<std::size_t>() > 0) j["needs_staff"] = true;  // staff must void one of each
    if (j["held_entries"].get<int>() > 0) j["needs_staff"] = true;             // staff must check the clocks
    printJson(j);
    return kDone;
}

}  // namespace

void registerStatusVerb(CLI::App& app, Context& ctx) {
    Verb<StatusArgs>(app, ctx, "status", "this terminal's health as JSON: database, clock, uploads", runStatus).site();
}

}  // namespace mh::cli
