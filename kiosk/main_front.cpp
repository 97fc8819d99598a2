// kiosk: the executable every caller names. It runs the check-in verbs (scan, void, tally) itself
// and replaces itself (execv, same process id, so systemd's notify and watchdog still see it) with
// kiosk-full for every other command line.
//
// Why two: a cold `kiosk scan` is a new process per card on a scanner script or a county's test
// rig, and the dynamic loader spent most of its 29 ms mapping the window, camera, voice and print
// libraries that a scan never touches (issue 22). This one links only what the check-in path needs
// (SQLite, libsodium, toml++, date; libcurl is opened only when a peer is asked).
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "cli/cli_run.hpp"

namespace {

namespace fs = std::filesystem;

// The verbs run here; kiosk-full registers them too, from the same file (verb_checkin.cpp).
constexpr std::array<std::string_view, 3> kFrontVerbs{"scan", "void", "tally"};

// The verb a command line names: the first word that is not an option or --lang's value.
std::string_view verbOf(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--lang") {
            ++i;
            continue;
        }
        if (!a.empty() && a[0] == '-') continue;
        return a;
    }
    return {};
}

// kiosk-full beside this executable (the build tree, /usr/bin of the package).
fs::path fullExecutable() {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return (ec ? fs::path(".") : self.parent_path()) / "kiosk-full";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace mh::cli;
    // As kiosk-full: nothing the kiosk writes is readable by other local users (contract 2).
    ::umask(077);
    std::string_view verb = verbOf(argc, argv);
    bool here = false;
    for (std::string_view v : kFrontVerbs) here = here || v == verb;
    if (!here) {
        fs::path full = fullExecutable();
        ::execv(full.c_str(), argv);
        // Only a broken installation gets here.
        std::cerr << "自助机程序不完整：找不到 " << full.string() << "（" << std::strerror(errno) << "），请重新安装\n";
        return kUsage;
    }
    Context ctx;
    CLI::App app{"meal-hall kiosk / 老年食堂自助签到机", "kiosk"};
    setUpApp(app, ctx, argc, argv);
    registerCheckinVerbs(app, ctx);
    return parseAndRun(app, ctx, argc, argv);
}
