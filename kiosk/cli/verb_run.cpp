// `run`: the full-screen kiosk on a site. `--at` starts its clock at another time (training and
// demonstrations outside meal hours); it then runs on in real time. Scans come from the wedge
// scanner and from the camera in site.toml [input], or `--replay DIR` in the camera's place.
#include "cli/cli_common.hpp"

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
};
}  // namespace

void registerRunVerb(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<RunArgs>();
    CLI::App* r = app.add_subcommand("run", "the full-screen check-in kiosk (MEALHALL_WINDOW=1024x600 for a window)");
    r->add_option("--site", a->site, "site directory")->capture_default_str();
    r->add_option("--at", a->at, "start the clock at this local time, e.g. 2026-11-25T11:30 (training)");
    r->add_option("--replay", a->replay, "a folder of card pictures played as camera frames, looped (demos, tests)");
    r->callback([a, &ctx] {
        auto at = ctx.parseAt(a->at);
        if (!at) {
            ctx.exitCode = kUsage;
            return;
        }
        auto s = ctx.openSite(a->site);
        if (!s) {
            ctx.exitCode = kUsage;
            return;
        }
        std::int64_t offset = *at ? s->timeZone().toUnix(**at) - ctx.clock.nowUnix() : 0;
        ShiftedClock clock(offset);
        ctx.exitCode = runKioskGui(*s, ctx, nullptr, &clock, a->replay);
    });
}

}  // namespace mh::cli
