// `kiosk upload`: send every pending daily tally now (oldest day first, a few quick retries), then pull
// the roster; JSON summary on stdout, exit 0 only when nothing is left pending (contract 3 and 8).
#include <iostream>

#include "cli/cli_common.hpp"
#include "platform/net/curl_http_client.hpp"
#include "shared/site/terminal_facts.hpp"
#include "shared/upload/tally_uploader.hpp"
#include "shared/upload/upload_outbox.hpp"

namespace mh::cli {
namespace {

struct UploadArgs {
    std::string site = kDefaultSite;
    int retries = 3;
    long retryDelayMs = 500;
    long connectTimeoutMs = 10'000;
    long timeoutMs = 30'000;
    bool closeToday = false;
    bool noRoster = false;
};

int runUpload(const UploadArgs& a, Context& ctx, Site& site) {
    const std::int64_t now = ctx.clock.nowUnix();
    UploadOutbox box(site);
    // On demand: staff close today's tally before end_of_day (the hall closed early).
    if (a.closeToday) box.freezeDay(ctx.today(site), now);

    CurlOptions co = curlOptionsFor(site.config(), site.dir());
    co.connectTimeoutMs = a.connectTimeoutMs;
    co.totalTimeoutMs = a.timeoutMs;
    CurlHttpClient http(co);

    UploadOptions opt;
    opt.quickRetries = a.retries;
    opt.backoff.baseMs = a.retryDelayMs;
    opt.backoff.capMs = std::max<long>(a.retryDelayMs * 8, 1);
    opt.maxQuickWaitMs = std::max<long>(10'000, a.retryDelayMs * 8);
    opt.respectSchedule = false;  // a person asked for it now
    opt.pullRoster = !a.noRoster;
    TallyUploader up(site, ctx.clock, http, opt);
    UploadRunReport rep = up.run();

    using J = nlohmann::ordered_json;
    const std::string terminal = terminalIdOf(site);
    J j;
    j["terminal"] = terminal;
    j["frozen"] = rep.frozen;
    J sent = J::array();
    for (const auto& s : rep.delivered)
        sent.push_back(J{{"date", s.day}, {"terminal", s.terminal}, {"revision", s.revision}, {"status", s.status},
                         {"idempotency_key", idempotencyKey(site.config().siteId, s.terminal, s.day, s.revision)}});
    j["delivered"] = std::move(sent);
    J pend = J::array();
    for (const auto& e : box.pending()) pend.push_back(J{{"date", e.day}, {"terminal", e.terminal}, {"revision", e.revision}});
    j["pending_days"] = rep.pendingDays;
    j["pending"] = std::move(pend);
    const std::vector<RefusedDay> refused = box.refusedDays();
    J ref = J::array();
    for (const auto& r : refused)
        ref.push_back(J{{"date", r.day}, {"terminal", r.terminal}, {"revision", r.revision}, {"county_answer", r.countyAnswer}});
    j["refused_days"] = std::move(ref);
    if (rep.error) {
        j["error"] = J{{"code", rep.error->code}, {"message", rep.error->text(ctx.english)}};
        j["needs_staff"] = rep.needsStaff;
    }
    if (rep.roster) {
        J r;
        r["changed"] = rep.roster->changed;
        r["added"] = rep.roster->added;
        r["updated"] = rep.roster->updated;
        r["unchanged"] = rep.roster->unchanged;
        r["rejected"] = rep.roster->rejected;
        r["cursor"] = rep.roster->cursor;
        if (rep.roster->error) r["error"] = rep.roster->error->text(ctx.english);
        j["roster"] = std::move(r);
    }
    printJson(j);
    if (rep.pendingDays > 0 || !refused.empty()) {
        if (rep.error) ctx.error(*rep.error);
        if (!refused.empty())
            ctx.say("有 " + std::to_string(refused.size()) + " 天的汇总被县平台拒收（见 refused_days），改正后会重新上报。",
                    std::to_string(refused.size()) + " day(s) refused by the county (see refused_days); a correction re-sends them.");
        if (rep.pendingDays > 0)
            ctx.say("还有 " + std::to_string(rep.pendingDays) + " 天的汇总没有上报成功，已保存在本机，稍后会再试。",
                std::to_string(rep.pendingDays) + " day(s) still pending; they are kept and will be retried.");
        return kRefused;
    }
    return kDone;
}

}  // namespace

void registerUploadVerb(CLI::App& app, Context& ctx) {
    Verb<UploadArgs>(app, ctx, "upload", "send every pending daily tally to the county platform now", runUpload)
        .site()
        .ranged("--retries", &UploadArgs::retries, "extra quick tries per tally", 0, 20)
        .ranged("--retry-delay-ms", &UploadArgs::retryDelayMs, "first wait between tries (doubles)", 1, 600'000)
        .ranged("--connect-timeout-ms", &UploadArgs::connectTimeoutMs, "connect timeout", 1, 600'000)
        .ranged("--timeout-ms", &UploadArgs::timeoutMs, "whole-request timeout", 1, 3'600'000)
        .flag("--close-today", &UploadArgs::closeToday, "freeze today's tally now, before end_of_day")
        .flag("--no-roster", &UploadArgs::noRoster, "do not pull the roster");
}

}  // namespace mh::cli
