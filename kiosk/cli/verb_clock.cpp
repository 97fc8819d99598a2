// `clock confirm`: staff say the terminal's clock is right again after it ran fast (contract 3), so
// scans are accepted at once; the records written ahead of the corrected clock are printed and kept
// for review (`status` lists them under clock_corrected). Exit 1 for a clock earlier than the site.
#include "cli/cli_common.hpp"
#include "shared/checkin/clock_confirm.hpp"

namespace mh::cli {
namespace {

struct ClockArgs {
    std::string site = kDefaultSite, staff;
};

int runConfirm(const ClockArgs& a, Context& ctx, Site& site) {
    Result<ClockCorrection> c = Error{};
    try {
        c = confirmClock(site, ctx.clock.nowUnix(), a.staff, a.staff);
    } catch (const StoreError& e) {
        ctx.say(std::string("无法记下时间确认（数据库写入失败）：") + e.what(), std::string("cannot record the confirmation: ") + e.what());
        return kUsage;
    }
    if (!c) return ctx.failWith(c.error(), {"clock.staff"});
    nlohmann::ordered_json j;
    j["confirmed_at"] = c->confirmedAt;
    j["staff"] = c->staff;
    j["records_ahead"] = c->records;
    printJson(j);
    ctx.say("已确认本机时间 " + c->confirmedAt + " 正确，现在可以刷卡了。",
            "the terminal's time " + c->confirmedAt + " is confirmed; scans are accepted now.");
    if (!c->records.empty())
        ctx.say("时钟快的时候写下的 " + std::to_string(c->records.size()) + " 条记录，时间在现在之后，请核对（kiosk status 的 clock_corrected）",
                std::to_string(c->records.size()) + " records were written while the clock ran fast; review them (kiosk status, clock_corrected)");
    return kDone;
}

}  // namespace

void registerClockVerb(CLI::App& app, Context& ctx) {
    Verb<ClockArgs>(verbGroup(app, "clock", "the terminal's clock"), ctx, "confirm",
                    "staff confirm the clock is right again (after it ran fast); audited", runConfirm)
        .site()
        .required("--staff", &ClockArgs::staff, "who confirms (for the audit log)");
}

}  // namespace mh::cli
