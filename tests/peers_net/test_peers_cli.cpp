// `kiosk serve` and `kiosk init --join` as processes, the way county IT sets up a second terminal:
// serve writes its code to a file (at start, and again on SIGUSR1), the new terminal joins with it,
// and both sites list each other. A site with no peers opens no port until a code is shown.
// serve writes its code to a file, the new terminal joins with it, and both sites list each other.
// One run or serve per site directory (the site lock), as processes.
#include <doctest/doctest.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "platform/net/peer_server.hpp"
#include "shared/cards/card_signature.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/site/site.hpp"
#include "shared/site/site_lock.hpp"
#include "shared/store/terminal_identity.hpp"
#include "support/free_port.hpp"
#include "support/run_process.hpp"
#include "support/tcp_listening.hpp"
#include "support/wait_until.hpp"
#include "support/test_site.hpp"

using namespace mh;
using namespace mh::test;
namespace fs = std::filesystem;

namespace {

// `kiosk` processes start slowly on a loaded machine: the 20 s these tests have always allowed.
constexpr auto kProcessWait = std::chrono::seconds(20);
constexpr auto kPoll = std::chrono::milliseconds(20);

// `kiosk serve` on 127.0.0.1 and a free port, stopped with SIGTERM when the test ends.
struct Serving {
    fs::path dir, codeFile;
    int pid = -1;
    int port = 0;
    Serving(const fs::path& siteDir, const fs::path& scratch, const std::string& listen = "127.0.0.1:0")
        : dir(siteDir), codeFile(scratch / (siteDir.filename().string() + ".code")) {
        auto out = scratch / (siteDir.filename().string() + ".serve.out"), err = scratch / (siteDir.filename().string() + ".serve.err");
        pid = spawnKiosk({"serve", "--site", dir.string(), "--listen", listen, "--code-file", codeFile.string()},
                         out.string(), err.string());
        bool up = waitUntil([&] { return readFile(out).find('}') != std::string::npos && fs::exists(codeFile); }, kProcessWait, kPoll);
        INFO(readFile(err));
        REQUIRE(up);
        port = nlohmann::json::parse(readFile(out)).at("port").get<int>();
        REQUIRE(port > 0);
    }
    ~Serving() {
        if (pid > 0) stop();
    }
    int stop() {
        ::kill(pid, SIGTERM);
        int code = waitExit(pid);
        pid = -1;
        return code;
    }
    std::string code() const {
        std::string c = readFile(codeFile);
        return c.substr(0, c.find('\n'));
    }
    std::string address() const { return "127.0.0.1:" + std::to_string(port); }
    // Staff ask for a new code (kill -USR1): waits until the file holds a code it did not hold before.
    std::string newCode() const {
        std::string before = fs::exists(codeFile) ? code() : "";
        ::kill(pid, SIGUSR1);
        bool fresh = waitUntil([&] { return fs::exists(codeFile) && code().size() == 6 && code() != before; }, kProcessWait, kPoll);
        // One in a million, the new code equals the old one: then the file was rewritten all the same.
        if (!fresh) fresh = fs::exists(codeFile) && code().size() == 6;
        REQUIRE(fresh);
        return code();
    }
};

}  // namespace

TEST_CASE("serve writes a six-digit code file (0600) and stops cleanly on SIGTERM") {
    TempDir a, scratch;
    makeSite(a.path());
    Serving s(a.path(), scratch.path());
    std::string code = s.code();
    CHECK(code.size() == 6);
    CHECK(code.find_first_not_of("0123456789") == std::string::npos);
    CHECK((fs::status(s.codeFile).permissions() & fs::perms::group_all) == fs::perms::none);
    CHECK((fs::status(s.codeFile).permissions() & fs::perms::others_all) == fs::perms::none);
    CHECK(s.stop() == 0);
}

TEST_CASE("init --join from a second site dir makes a second terminal of the site, and both list each other") {
    TempDir a, b, scratch;
    makeSite(a.path());
    Serving s(a.path(), scratch.path());
    int portB = freePort();
    auto siteB = b.path() / "site";
    auto r = kiosk({"init", "--site", siteB.string(), "--join", s.address(), "--code", s.code(), "--listen",
                    "127.0.0.1:" + std::to_string(portB)});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    auto j = nlohmann::json::parse(r.out);
    auto status = kiosk({"status", "--site", siteB.string()});
    CHECK(status.exitCode == 0);
    auto statusA = kiosk({"status", "--site", a.path().string()});
    CHECK(nlohmann::json::parse(status.out).at("terminal") == j.at("terminal"));
    CHECK(nlohmann::json::parse(statusA.out).at("terminal") == j.at("joined_from"));
    CHECK(j.at("terminal") != j.at("joined_from"));
    CHECK(loadSiteConfig(siteB / kSiteToml)->peerAddresses == std::vector<std::string>{s.address()});
    CHECK(loadSiteConfig(a.path() / kSiteToml)->peerAddresses ==
          std::vector<std::string>{"127.0.0.1:" + std::to_string(portB)});
    CHECK(s.stop() == 0);
}

TEST_CASE("three terminals: the third joins the first, and the second learns of it from its hello") {
    TempDir scratch;
    fs::path a = scratch.path() / "a", b = scratch.path() / "b", c = scratch.path() / "c";
    makeSite(a);
    Serving sa(a, scratch.path());
    std::string listenB = "127.0.0.1:" + std::to_string(freePort());
    std::string firstCode = sa.code();
    auto jb = kiosk({"init", "--site", b.string(), "--join", sa.address(), "--code", firstCode, "--listen", listenB});
    INFO(jb.err);
    REQUIRE(jb.exitCode == 0);
    Serving sb(b, scratch.path(), listenB);
    // A used code's file is deleted within a second; the next terminal needs a new code (SIGUSR1).
    REQUIRE(waitUntil([&] { return !fs::exists(sa.codeFile); }, kProcessWait, kPoll));
    std::string listenC = "127.0.0.1:" + std::to_string(freePort());
    auto jc = kiosk({"init", "--site", c.string(), "--join", sa.address(), "--code", sa.newCode(), "--listen", listenC});
    INFO(jc.err);
    REQUIRE(jc.exitCode == 0);
    CHECK(nlohmann::json::parse(jc.out).at("unreached").empty());
    auto peersOf = [](const fs::path& d) {
        auto v = loadSiteConfig(d / kSiteToml)->peerAddresses;
        std::sort(v.begin(), v.end());
        return v;
    };
    auto sorted = [](std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    CHECK(peersOf(a) == sorted({listenB, listenC}));
    CHECK(peersOf(b) == sorted({sa.address(), listenC}));
    CHECK(peersOf(c) == sorted({sa.address(), listenB}));
    std::set<std::string> terminals;
    for (const fs::path& d : {a, b, c})
        terminals.insert(nlohmann::json::parse(kiosk({"status", "--site", d.string()}).out).at("terminal").get<std::string>());
    CHECK(terminals.size() == 3);
}

TEST_CASE("init --join with a wrong code exits 1 with 配对码不对 and leaves no site behind") {
    TempDir a, b, scratch;
    makeSite(a.path());
    Serving s(a.path(), scratch.path());
    std::string wrong = s.code() == "111111" ? "222222" : "111111";
    auto r = kiosk({"init", "--site", (b.path() / "site").string(), "--join", s.address(), "--code", wrong});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("配对码不对") != std::string::npos);
    CHECK_FALSE(fs::exists(b.path() / "site"));
}

TEST_CASE("init --join to a terminal that is not running exits 2 with a clear message") {
    TempDir b;
    auto r = kiosk({"init", "--site", (b.path() / "site").string(), "--join", "127.0.0.1:" + std::to_string(freePort()),
                    "--code", "123456"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("连不上") != std::string::npos);
    CHECK_FALSE(fs::exists(b.path() / "site"));
}

TEST_CASE("init --join refuses a site dir that already holds a site, and --join with --site-id") {
    TempDir a;
    makeSite(a.path());
    auto r = kiosk({"init", "--site", a.path().string(), "--join", "127.0.0.1:9", "--code", "123456"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("不是空的") != std::string::npos);
    TempDir b;
    auto both = kiosk({"init", "--site", b.path().string(), "--join", "127.0.0.1:9", "--code", "123456", "--site-id", "x"});
    CHECK(both.exitCode == 2);
    auto neither = kiosk({"init", "--site", (b.path() / "n").string()});  // no --site-id, no --join
    CHECK(neither.exitCode == 2);
    CHECK(neither.err.find("--join") != std::string::npos);
    CHECK_FALSE(fs::exists(b.path() / "n"));
}

TEST_CASE("serve on a fresh site opens no port until a code is shown, the code file goes once used, SIGUSR1 shows a new one") {
    TempDir a, b, scratch;
    makeSite(a.path());
    int port = freePort();
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    {
        // No code shown: nothing to answer, so nothing listens, and SIGUSR1 without --code-file shows none.
        auto out = scratch.path() / "plain.out", err = scratch.path() / "plain.err";
        int pid = spawnKiosk({"serve", "--site", a.path().string(), "--listen", listen}, out.string(), err.string());
        REQUIRE(waitUntil([&] { return readFile(out).find('}') != std::string::npos; }, kProcessWait, kPoll));
        auto j = nlohmann::json::parse(readFile(out));
        CHECK(j.at("listening") == false);
        CHECK(j.at("port") == 0);
        CHECK(j.at("pid") == pid);
        CHECK_FALSE(processListens(pid));
        CHECK_FALSE(tcpListening(port));
        ::kill(pid, SIGUSR1);
        CHECK(waitUntil([&] { return readFile(err).find("--code-file") != std::string::npos; }, kProcessWait, kPoll));
        CHECK_FALSE(processListens(pid));
        ::kill(pid, SIGTERM);
        CHECK(waitExit(pid) == 0);
    }
    Serving s(a.path(), scratch.path(), listen);  // --code-file: a code is shown, so the port opens
    CHECK(tcpListening(port));
    CHECK(processListens(s.pid));
    auto r = kiosk({"init", "--site", (b.path() / "site").string(), "--join", s.address(), "--code", s.code(), "--listen",
                    "127.0.0.1:" + std::to_string(freePort())});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(waitUntil([&] { return !fs::exists(s.codeFile); }, kProcessWait, kPoll));
    CHECK(tcpListening(port));  // it has a peer now
    std::string next = s.newCode();
    CHECK(next.size() == 6);
    CHECK(s.stop() == 0);
}

TEST_CASE("serve on the demo site (no --listen, no code) holds no listening socket at all") {
    TempDir d, scratch;
    auto demo = kiosk({"demo", "--site", (d.path() / "demo").string(), "--no-gui"});
    INFO(demo.err);
    REQUIRE(demo.exitCode == 0);
    auto out = scratch.path() / "demo.out", err = scratch.path() / "demo.err";
    int pid = spawnKiosk({"serve", "--site", (d.path() / "demo").string()}, out.string(), err.string());
    REQUIRE(waitUntil([&] { return readFile(out).find('}') != std::string::npos; }, kProcessWait, kPoll));
    CHECK_FALSE(processListens(pid));
    CHECK(readFile(err).find("不开网络端口") != std::string::npos);
    ::kill(pid, SIGTERM);
    CHECK(waitExit(pid) == 0);
}

TEST_CASE("serve with [peers] listen taken says to change that line in site.toml, with --listen, to change --listen") {
    TempDir a, scratch;
    PeerServerOptions hold;
    hold.host = "127.0.0.1";
    hold.port = 0;
    PeerServer holder([](const PeerRequest&) { return PeerReply{}; }, hold);
    REQUIRE(holder.start());
    const std::string taken = "127.0.0.1:" + std::to_string(holder.port());
    makeSite(a.path(), standardToml("[peers]\naddresses = [\"127.0.0.1:7999\"]\nlisten = \"" + taken + "\"\n"));
    auto fromFile = kiosk({"serve", "--site", a.path().string()});
    CHECK(fromFile.exitCode == 2);
    CHECK(fromFile.err.find("[peers] 下面的 listen = \"" + taken + "\"") != std::string::npos);
    auto fromFlag = kiosk({"serve", "--site", a.path().string(), "--listen", taken});
    CHECK(fromFlag.exitCode == 2);
    CHECK(fromFlag.err.find("请换一个 --listen") != std::string::npos);
}

TEST_CASE("one run or serve per site directory: a second serve or run refuses at once naming the first, scan is not blocked, and the lock ends with the process") {
    TempDir a, scratch;
    {
        auto site = makeSite(a.path());
        REQUIRE(importRoster(*site, "elder_id,name,birth_date\nE1,张桂兰,1940-01-02\n", LocalDate::of(2026, 11, 25),
                             "2026-11-25T08:00:00+08:00", "test"));
    }
    std::string card;
    {
        auto site = Site::open(a.path());
        REQUIRE(site.ok());
        card = signCard({"E1", "1"}, (*site)->keys().card.sec);
    }
    auto first = std::make_unique<Serving>(a.path(), scratch.path());
    const std::string pid = std::to_string(first->pid);
    for (const std::string verb : {"serve", "run"}) {
        CAPTURE(verb);
        auto started = std::chrono::steady_clock::now();
        auto second = kiosk({verb, "--site", a.path().string()});
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
        INFO(second.err);
        CHECK(second.exitCode == 2);
        CHECK(second.err.find("只能运行一个 run 或 serve") != std::string::npos);
        CHECK(second.err.find("kiosk serve") != std::string::npos);
        CHECK(second.err.find("进程号 " + pid) != std::string::npos);
    }
    auto en = kiosk({"--lang", "en", "serve", "--site", a.path().string()});
    CHECK(en.exitCode == 2);
    CHECK(en.err.find("pid " + pid) != std::string::npos);
    CHECK((fs::status(a.path() / kSiteLock).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);

    // The other verbs share the database with the one that runs.
    auto scan = kiosk({"scan", "--site", a.path().string(), "--service", "lunch", "--at", "2026-11-25T11:30", card});
    INFO(scan.err);
    CHECK(scan.exitCode == 0);
    CHECK(nlohmann::json::parse(scan.out).at("outcome") == "accepted");
    CHECK(kiosk({"status", "--site", a.path().string()}).exitCode == 0);

    // Stopped, or killed outright: the lock goes with the process and the next serve starts.
    CHECK(first->stop() == 0);
    first.reset();
    // Serving waits for the new process's own line: the last one's must be gone first.
    const fs::path served = scratch.path() / (a.path().filename().string() + ".serve.out");
    fs::remove(served);
    auto again = std::make_unique<Serving>(a.path(), scratch.path());
    ::kill(again->pid, SIGKILL);
    CHECK(waitExit(again->pid) == -SIGKILL);
    again->pid = -1;
    fs::remove(served);
    Serving third(a.path(), scratch.path());
    CHECK(third.stop() == 0);
}
