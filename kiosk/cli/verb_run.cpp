// `run`: the full-screen kiosk on a site. `--at` is training (contract 3): the kiosk runs on a
// throwaway copy of the site (training_copy.hpp) with its clock started at that time and running on
// in real time, 培训模式 on every screen, no uploads and no printing; the copy is removed at the end. Scans come from the wedge
// scanner and from the camera in site.toml [input], or `--replay DIR` in the camera's place.
// On a directory that was never initialised, `run` first shows the first-run flow (first_run_app.cpp).
#include "cli/cli_common.hpp"
#include "shared/site/first_run_site.hpp"
#include "shared/site/training_copy.hpp"
#include "shared/site/terminal_facts.hpp"

namespace mh::cli {

namespace {
// The system clock shifted by a fixed offset.
class ShiftedClock final : public Clock {
public:
    explicit ShiftedClock(std::int64_t offset) : m_offset(offset) {}
    [[nodiscard]] std::int64_t nowUnix() const override { return m_system.nowUnix() + m_offset; }

private:
    SystemClock m_system;
    std::int64_t m_offset;
};

struct RunArgs {
    std::string site = kDefaultSite;
    std::string at;
    std::string replay;
    std::string wedgeFifo;
};

int runRun(const RunArgs& a, Context& ctx) {
    auto at = ctx.parseAt(a.at);
    if (!at) return kUsage;
    // A first run whose last move was cut short by a power cut is finished before anything else.
    if (auto st = finishInterruptedFirstRun(a.site); !st) {
        ctx.error(st.error());
        return kUsage;
    }
    // Never initialised (no site.toml, database or keys): the first run on the screen, then on
    // into the kiosk. A site whose database is gone is not this case (contract 2 refuses below).
    if (!*at && needsFirstRun(a.site)) {
        bool finished = false;
        const int rc = ctx.screens.firstRun(a.site, ctx, GuiOptions{a.replay}, &finished);
        if (!finished) return rc;
    }
    // One run or serve per site directory (site_lock.hpp), training included: held to the end.
    auto held = ctx.openSiteLocked(a.site, "run");
    if (!held) return kUsage;
    std::unique_ptr<Site>& s = held->first;
    GuiOptions opt;
    opt.replay = a.replay;
    opt.wedgeFifo = a.wedgeFifo;
    if (!*at) return ctx.screens.kiosk(*s, ctx, nullptr, nullptr, opt);
    auto copy = TrainingCopy::make(*s);
    if (!copy) {
        ctx.error(copy.error());
        return kUsage;
    }
    s.reset();  // from here on nothing touches the real site
    ShiftedClock clock((*copy)->site().timeZone().toUnix(**at) - ctx.clock.nowUnix());
    opt.training = true;
    const int rc = ctx.screens.kiosk((*copy)->site(), ctx, nullptr, &clock, opt);
    int practised = practiceCheckIns((*copy)->site());
    ctx.say("培训结束：练习签到 " + std::to_string(practised) + " 次，全部作废，真实记录没有改动",
            "training over: " + std::to_string(practised) + " practice check-ins, all discarded; the real records are unchanged");
    return rc;
}
}  // namespace

void registerRunVerb(CLI::App& app, Context& ctx) {
    Verb<RunArgs>(app, ctx, "run", "the full-screen check-in kiosk (MEALHALL_WINDOW=1024x600 for a window)", runRun)
        .site()
        .at("start the clock at this local time, e.g. 2026-11-25T11:30 (training)")
        .option("--replay", &RunArgs::replay, "a folder of card pictures played as camera frames, looped (demos, tests)")
        .option("--wedge-fifo", &RunArgs::wedgeFifo,
                "tests only: each line written to this named pipe is typed into the kiosk as a USB scanner types it");
}

}  // namespace mh::cli
