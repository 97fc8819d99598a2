// `staff pin`: sets the PIN that opens the kiosk's staff screens. The PIN comes from --pin or the
// first line of stdin (so it stays out of the shell history: `echo 2468 | kiosk staff pin ...`).
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "cli/cli_common.hpp"
#include "shared/staff/staff_pin.hpp"

namespace mh::cli {
namespace {

struct PinArgs {
    std::string site = kDefaultSite;
    std::string pin;
    std::string staff = "cli";
};

int runSetPin(PinArgs a, Context& ctx, Site& site) {
    if (a.pin.empty()) {
        // At a terminal: ask, and keep the digits off the screen while they are typed.
        bool tty = ::isatty(STDIN_FILENO);
        termios saved{};
        if (tty && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
            std::cerr << ctx.pick("请输入新的工作人员密码（4-12位数字）：", "new staff PIN (4-12 digits): ") << std::flush;
        }
        std::getline(std::cin, a.pin);
        if (tty) {
            ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
            std::cerr << "\n";
        }
        while (!a.pin.empty() && (a.pin.back() == '\r' || a.pin.back() == ' ')) a.pin.pop_back();
    }
    StaffPin pin(site.db(), ctx.clock);
    auto done = pin.set(a.pin, ctx.nowIso(site), a.staff);
    if (!done) {
        ctx.error(done.error());
        return kUsage;
    }
    nlohmann::ordered_json j;
    j["staff_pin"] = "set";
    printJson(j);
    ctx.say("工作人员密码已设置", "staff PIN set");
    return kDone;
}

}  // namespace

void registerStaffVerbs(CLI::App& app, Context& ctx) {
    Verb<PinArgs>(verbGroup(app, "staff", "staff settings"), ctx, "pin", "set the staff PIN (4-12 digits; from --pin or stdin)", runSetPin)
        .site()
        .option("--pin", &PinArgs::pin, "the PIN (default: read the first line of stdin)")
        .option("--staff", &PinArgs::staff, "who sets it (audit log)");
}

}  // namespace mh::cli
