// `kiosk run` fills the whole output it is given, with or without a window manager (issue 23: under
// a bare X server the window stayed 1024x600 on a 1280x800 screen and cut 请刷卡). A real kiosk
// process on Xvfb at 1280x800 with no window manager; its window's size is read back with xwininfo.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <regex>
#include <sstream>
#include <unistd.h>

#include "support/run_process.hpp"
#include "support/skip.hpp"
#include "support/test_site.hpp"

namespace fs = std::filesystem;
using namespace mh;

TEST_CASE("`run` under X with no window manager fills the 1280x800 screen") {
    if (!fs::exists("/usr/bin/Xvfb") || !fs::exists("/usr/bin/xwininfo"))
        return test::skipTest("no Xvfb or xwininfo: the window size cannot be read back here");
    test::TempDir dir;
    auto site = test::makeSite(dir.path() / "site");
    site.reset();
    std::string display = ":" + std::to_string(300 + ::getpid() % 600);
    int xpid = test::spawnProcess({"/usr/bin/Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"},
                                  (dir.path() / "xout").string(), (dir.path() / "xerr").string());
    // Wait for the X server itself (bounded), then start the kiosk on it, MEALHALL_WINDOW unset.
    bool up = false;
    for (int i = 0; i < 40 && !up; ++i) {
        ::usleep(100'000);
        up = test::runProcess({"/usr/bin/xwininfo", "-display", display, "-root"}).exitCode == 0;
    }
    REQUIRE(up);
    ::setenv("DISPLAY", display.c_str(), 1);
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    ::unsetenv("MEALHALL_WINDOW");
    ::unsetenv("SDL_VIDEODRIVER");
    int pid = test::spawnKiosk({"run", "--site", (dir.path() / "site").string()},
                               (dir.path() / "kout").string(), (dir.path() / "kerr").string());
    for (const char* v : {"DISPLAY", "SDL_AUDIODRIVER"}) ::unsetenv(v);
    // The kiosk's window as X knows it: "老年食堂签到" ... 1280x800+0+0.
    std::string size;
    std::regex kioskWindow(R"re(\s(\d+)x(\d+)\+(-?\d+)\+(-?\d+)\s+\+(-?\d+)\+(-?\d+))re");
    for (int i = 0; i < 100 && size.empty(); ++i) {
        ::usleep(100'000);
        auto tree = test::runProcess({"/usr/bin/xwininfo", "-display", display, "-root", "-tree"});
        std::istringstream lines(tree.out);
        for (std::string line; std::getline(lines, line);) {
            std::smatch m;
            if (line.find("老年食堂签到") == std::string::npos || !std::regex_search(line, m, kioskWindow)) continue;
            size = m[1].str() + "x" + m[2].str() + "+" + m[5].str() + "+" + m[6].str();
        }
    }
    ::kill(pid, SIGTERM);
    int rc = test::waitExit(pid);
    ::kill(xpid, SIGTERM);
    test::waitExit(xpid);
    INFO("kiosk stderr: " << test::readFile(dir.path() / "kerr"));
    CHECK(size == "1280x800+0+0");
    CHECK(rc == 0);
}
