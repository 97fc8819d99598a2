// The sd_notify adapter against a fake systemd: a unix datagram socket named in NOTIFY_SOCKET, as
// systemd hands a Type=notify service. The kiosk calls exactly these (gui_app.cpp).
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <chrono>
#include <string>

#include "platform/system/service_notify.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"
#include "support/skip.hpp"

namespace fs = std::filesystem;
using mh::platform::ServiceNotify;

namespace {

// Sets (or unsets, with nullptr) an environment variable for one scope and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old, m_had = true;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_had) ::setenv(m_name.c_str(), m_old.c_str(), 1);
        else ::unsetenv(m_name.c_str());
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string m_name, m_old;
    bool m_had = false;
};

// What systemd's side of NOTIFY_SOCKET sees: one datagram per sd_notify call.
class FakeSystemd {
public:
    FakeSystemd() {
        m_path = fs::temp_directory_path() / ("mh_notify_" + std::to_string(::getpid()) + ".sock");
        fs::remove(m_path);
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(m_fd >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        REQUIRE(m_path.string().size() < sizeof(addr.sun_path));
        std::snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", m_path.c_str());
        REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
    }
    ~FakeSystemd() {
        ::close(m_fd);
        fs::remove(m_path);
    }
    [[nodiscard]] std::string path() const { return m_path.string(); }
    // The next datagram, or "" after `seconds`.
    std::string receive(int seconds = 2) {
        timeval tv{seconds, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        char buf[4096];
        ssize_t n = ::recv(m_fd, buf, sizeof(buf), 0);
        return n > 0 ? std::string(buf, size_t(n)) : std::string();
    }
    // Whether a datagram is waiting, without waiting for one.
    bool pending() {
        char c;
        return ::recv(m_fd, &c, 1, MSG_DONTWAIT | MSG_PEEK) >= 0;
    }

private:
    fs::path m_path;
    int m_fd = -1;
};

}  // namespace

TEST_CASE("service notify: READY=1 and WATCHDOG=1 reach the socket systemd names") {
    FakeSystemd systemd;
    ScopedEnv sock("NOTIFY_SOCKET", systemd.path().c_str());
    ServiceNotify notify;
    CHECK(notify.ready());
    std::string ready = systemd.receive();
    CHECK(ready.find("READY=1") != std::string::npos);
    CHECK(notify.alive());
    CHECK(systemd.receive() == "WATCHDOG=1");
    CHECK_FALSE(systemd.pending());
}

TEST_CASE("service notify: without systemd (NOTIFY_SOCKET unset) nothing is sent and nothing fails") {
    FakeSystemd systemd;
    ScopedEnv sock("NOTIFY_SOCKET", nullptr);
    ScopedEnv usec("WATCHDOG_USEC", nullptr);
    ServiceNotify notify;
    CHECK_FALSE(notify.ready());
    CHECK_FALSE(notify.alive());
    CHECK_FALSE(systemd.pending());
    CHECK_FALSE(notify.watchdogOn());
    CHECK(notify.maxWaitMs(60000) == 60000);  // the loop's own minute wake-up is left alone
}

TEST_CASE("service notify: with WatchdogSec=30 the main loop wakes at least every 15 s") {
    ScopedEnv usec("WATCHDOG_USEC", "30000000");
    ScopedEnv pid("WATCHDOG_PID", std::to_string(::getpid()).c_str());
    ServiceNotify notify;
    CHECK(notify.watchdogOn());
    CHECK(notify.maxWaitMs(60000) == 15000);
    CHECK(notify.maxWaitMs(1000) == 1000);  // a sooner wake-up the loop wanted anyway stays
}

TEST_CASE("service notify: a watchdog meant for another process (cage's pid) is not ours to feed") {
    ScopedEnv usec("WATCHDOG_USEC", "30000000");
    ScopedEnv pid("WATCHDOG_PID", std::to_string(::getpid() + 1).c_str());
    ServiceNotify notify;
    CHECK_FALSE(notify.watchdogOn());
    CHECK(notify.maxWaitMs(60000) == 60000);
}

TEST_CASE("kiosk run under a fake systemd: READY=1 after the first frame, then WATCHDOG=1 every half interval") {
    if (!fs::exists("/usr/bin/Xvfb")) {
        return mh::test::skipTest("no Xvfb: the kiosk's own notifications are not checked here, only the adapter above");
    }
    mh::test::TempDir dir;
    mh::test::makeSite(dir.path());
    FakeSystemd systemd;
    std::string display = ":" + std::to_string(100 + ::getpid() % 800);
    int xpid = mh::test::spawnProcess({"/usr/bin/Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten", "tcp"},
                                      (dir.path() / "xout").string(), (dir.path() / "xerr").string());
    ::usleep(800'000);
    int pid = -1;
    {
        // What systemd hands a Type=notify service with WatchdogSec=1 (no WATCHDOG_PID: as under cage).
        ScopedEnv d("DISPLAY", display.c_str()), a("SDL_AUDIODRIVER", "dummy"), w("MEALHALL_WINDOW", "800x480"),
            n("NOTIFY_SOCKET", systemd.path().c_str()), u("WATCHDOG_USEC", "1000000"), p("WATCHDOG_PID", nullptr);
        pid = mh::test::spawnKiosk({"run", "--site", dir.path().string()}, (dir.path() / "kout").string(),
                                   (dir.path() / "kerr").string());
    }
    bool ready = false;
    for (int i = 0; i < 50 && !ready; ++i) {
        std::string m = systemd.receive(20);
        if (m.empty()) break;
        ready = m.find("READY=1") != std::string::npos;
    }
    // Idle, with nothing on the screen to change, the loop would sleep up to a minute; the watchdog
    // makes it wake every 0.5 s: over 3 s at least 4 WATCHDOG=1 (6 expected).
    int pings = 0;
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (std::chrono::steady_clock::now() < until)
        if (systemd.receive(1) == "WATCHDOG=1") ++pings;
    ::kill(pid, SIGTERM);
    int rc = mh::test::waitExit(pid);
    ::kill(xpid, SIGTERM);
    mh::test::waitExit(xpid);
    std::string err = mh::test::readFile(dir.path() / "kerr");
    CHECK_MESSAGE(ready, err);
    CHECK(pings >= 4);
    CHECK(pings <= 8);
    CHECK(rc == 0);
}
