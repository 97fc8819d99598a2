// A join that does not finish leaves no address behind (contract 11, hardened): `kiosk init --join`
// killed (SIGKILL) at random points of its run, a handful of times, against a real `kiosk serve`. After
// each kill, the code-holder lists no terminal that is not there to answer (only, at most, the killed
// one's address when the kill came after the holder wrote it down, which the retry then makes good),
// and a second `init --join` into the same directory with a new code succeeds; at the end both sides
// list exactly the terminals that joined.
#include <doctest/doctest.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <random>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "shared/site/join_marker.hpp"
#include "shared/site/site.hpp"
#include "support/free_port.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"
#include "support/wait_until.hpp"

using namespace mh;
using namespace mh::test;
namespace fs = std::filesystem;

namespace {

constexpr auto kProcessWait = std::chrono::seconds(20);
constexpr auto kPoll = std::chrono::milliseconds(20);

std::set<std::string> peersOf(const fs::path& dir) {
    auto cfg = loadSiteConfig(dir / kSiteToml);
    REQUIRE(cfg);
    return {cfg->peerAddresses.begin(), cfg->peerAddresses.end()};
}

}  // namespace

TEST_CASE("init --join killed at random points leaves no dead address on either side, and a second join succeeds") {
    TempDir scratch;
    fs::path a = scratch.path() / "a";
    makeSite(a);
    const std::string listenA = "127.0.0.1:" + std::to_string(freePort());
    fs::path codeFile = scratch.path() / "a.code", out = scratch.path() / "a.out", errA = scratch.path() / "a.err";
    int serve = spawnKiosk({"serve", "--site", a.string(), "--listen", listenA, "--code-file", codeFile.string()}, out.string(),
                           errA.string());
    REQUIRE(waitUntil([&] { return readFile(out).find('}') != std::string::npos && fs::exists(codeFile); }, kProcessWait, kPoll));
    auto code = [&] {
        std::string c = readFile(codeFile);
        return c.substr(0, c.find('\n'));
    };
    // A new code shown (SIGUSR1) once the file is gone or stale: a killed join may have used the old one.
    auto freshCode = [&] {
        std::string before = fs::exists(codeFile) ? code() : "";
        ::kill(serve, SIGUSR1);
        bool ok = waitUntil([&] { return fs::exists(codeFile) && code().size() == 6 && code() != before; }, kProcessWait, kPoll);
        if (!ok) ok = fs::exists(codeFile) && code().size() == 6;  // the one-in-a-million same code
        REQUIRE(ok);
        return code();
    };

    // One join run to its end, timed: the kills below land anywhere within such a run.
    std::set<std::string> joined;
    auto timed = scratch.path() / "t0";
    std::string listenT = "127.0.0.1:" + std::to_string(freePort());
    auto t0 = std::chrono::steady_clock::now();
    auto first = kiosk({"init", "--site", timed.string(), "--join", listenA, "--code", code(), "--listen", listenT});
    auto runMs = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    INFO(first.err);
    REQUIRE(first.exitCode == 0);
    joined.insert(listenT);
    CHECK(peersOf(a) == joined);
    MESSAGE("a whole init --join took " << runMs << " ms");

    std::mt19937 rng(std::random_device{}());
    std::uniform_int_distribution<long> when(0, std::max<long>(runMs, 50));
    int killedMidway = 0;
    for (int round = 1; round <= 6; ++round) {
        CAPTURE(round);
        fs::path b = scratch.path() / ("b" + std::to_string(round));
        std::string listenB = "127.0.0.1:" + std::to_string(freePort());
        std::string c = freshCode();
        int pid = spawnKiosk({"init", "--site", b.string(), "--join", listenA, "--code", c, "--listen", listenB},
                             (scratch.path() / "join.out").string(), (scratch.path() / "join.err").string());
        long ms = when(rng);
        CAPTURE(ms);
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        ::kill(pid, SIGKILL);
        int exit = waitExit(pid);
        // Finished before the kill, or killed while only telling the site's other terminals (hellos),
        // after both sides had written each other down: a whole join (site.toml without the marker).
        if (exit == 0 || (fs::exists(b / kSiteToml) && !fs::exists(b / kJoinUnfinished))) {
            std::set<std::string> others = joined;  // what the holder knew, and the holder itself
            others.insert(listenA);
            joined.insert(listenB);
            CHECK(peersOf(a) == joined);
            CHECK(peersOf(b) == others);
            continue;
        }
        ++killedMidway;
        // The holder lists only terminals that joined, and at most the killed one, when its directory
        // is there to be joined into again (the holder had written it down just before the kill).
        std::set<std::string> now = peersOf(a);
        std::set<std::string> extra;
        std::set_difference(now.begin(), now.end(), joined.begin(), joined.end(), std::inserter(extra, extra.end()));
        CHECK((extra.empty() || (extra == std::set<std::string>{listenB} && fs::exists(b / kJoinUnfinished))));
        // The killed joiner lists the others only after the holder wrote it down (done), never before.
        if (fs::exists(b / kSiteToml) && fs::exists(b / kJoinUnfinished)) {
            auto cfg = loadSiteConfig(b / kSiteToml);
            if (cfg && !cfg->peerAddresses.empty()) CHECK(extra == std::set<std::string>{listenB});
        }
        // Again into the same directory, with a new code: it works, and both sides list each other.
        auto again = kiosk({"init", "--site", b.string(), "--join", listenA, "--code", freshCode(), "--listen", listenB});
        INFO(again.err);
        REQUIRE(again.exitCode == 0);
        joined.insert(listenB);
        CHECK(peersOf(a) == joined);
        CHECK(peersOf(b).count(listenA) == 1);
        CHECK(peersOf(b).count(listenB) == 0);  // never itself, even when the holder had written it down
        CHECK_FALSE(fs::exists(b / kJoinUnfinished));
    }
    MESSAGE(killedMidway << " of 6 joins were killed before they finished");
    ::kill(serve, SIGTERM);
    CHECK(waitExit(serve) == 0);
}
