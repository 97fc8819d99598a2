// A site's beginning as county IT meets it (issue 21): `init` killed at any point leaves a directory
// the next `init` turns into a working site; `status` on a directory that never was a site says so
// (not "restore a backup"); a site id and the roster's cells are checked as the contract says.
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "shared/site/first_run_site.hpp"
#include "shared/site/site_keys.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"

using namespace mh;
using test::kiosk;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> initArgs(const fs::path& site) {
    return {"init", "--site", site.string(), "--site-id", "141022-001", "--name", "北关村老年食堂"};
}

// What a killed init left behind.
std::string leftBehind(const fs::path& site) {
    if (fs::exists(site / kSiteToml)) return "finished";
    if (fs::exists(site / kFirstRunStaging / "complete")) return "built, not yet moved";
    if (fs::exists(site / kSiteDb) || fs::exists(site / kCardKeyFile) || fs::exists(site / kIdHashKeyFile)) return "partly moved";
    if (fs::exists(site / kFirstRunStaging)) return "half built";
    if (fs::exists(site)) return "empty directory";
    return "nothing";
}

}  // namespace

TEST_CASE("init killed at 20 random points always leaves what the next init turns into a working site") {
    // A whole init, timed (median of 3), so the kills spread over all of it, start-up included.
    std::vector<double> ms;
    for (int i = 0; i < 3; ++i) {
        test::TempDir d;
        auto t0 = std::chrono::steady_clock::now();
        auto r = kiosk(initArgs(d.path() / "site"));
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    const auto seed = std::random_device{}();
    std::mt19937 rng(seed);
    std::uniform_int_distribution<long> delayUs(0, long(ms[1] * 1000 * 1.1));
    std::map<std::string, int> seen;
    for (int i = 0; i < 20; ++i) {
        test::TempDir d;
        fs::path site = d.path() / "site";
        long us = delayUs(rng);
        int pid = test::spawnKiosk(initArgs(site), (d.path() / "out").string(), (d.path() / "err").string());
        REQUIRE(pid > 0);
        ::usleep(useconds_t(us));
        ::kill(pid, SIGKILL);
        test::waitExit(pid);
        std::string state = leftBehind(site);
        ++seen[state];
        INFO("seed " << seed << ", kill " << i << " after " << us << " us: " << state);

        auto again = kiosk(initArgs(site));
        // A site already in place (the kill came after the move, or the move was completed now) is
        // refused like any second init; anything else is a new site now.
        if (again.exitCode != 0) {
            CHECK(again.exitCode == 2);
            CHECK(again.err.find("已经有一个站点") != std::string::npos);
            CHECK((state == "finished" || state == "built, not yet moved" || state == "partly moved"));
        }
        auto status = kiosk({"status", "--site", site.string()});
        CHECK_MESSAGE(status.exitCode == 0, status.err);
        CHECK(Json::parse(status.out)["database"] == "ok");
        CHECK_FALSE(fs::exists(site / kFirstRunStaging));
        test::writeFile(d.path() / "roster.csv", "elder_id,name,birth_date\nE1,张桂兰,1940-01-02\n");
        auto imp = kiosk({"roster", "import", "--site", site.string(), (d.path() / "roster.csv").string()});
        CHECK_MESSAGE(imp.exitCode == 0, imp.err);
    }
    std::string spread;
    for (const auto& [state, n] : seen) spread += state + ": " + std::to_string(n) + "; ";
    MESSAGE("init takes " << ms[1] << " ms; kills left " << spread << "(seed " << seed << ")");
}

TEST_CASE("a move cut short is completed by the next init or by any verb that opens the site") {
    test::TempDir d;
    fs::path site = d.path() / "site";
    REQUIRE(kiosk(initArgs(site)).exitCode == 0);
    // As if killed mid-move: the staging directory complete, site.toml (moved last) not yet in place.
    fs::create_directories(site / kFirstRunStaging);
    fs::rename(site / kSiteToml, site / kFirstRunStaging / kSiteToml);
    test::writeFile(site / kFirstRunStaging / "complete", "x\n");
    auto status = kiosk({"status", "--site", site.string()});
    CHECK_MESSAGE(status.exitCode == 0, status.err);
    CHECK(fs::exists(site / kSiteToml));
    CHECK_FALSE(fs::exists(site / kFirstRunStaging));
}

TEST_CASE("status on a directory that never was a site says to set it up, not to restore a backup") {
    test::TempDir d;
    for (const fs::path& dir : {d.path() / "typo", d.path() / "empty", d.path() / "half"}) {
        if (dir.filename() == "empty") fs::create_directories(dir);
        if (dir.filename() == "half") fs::create_directories(dir / kFirstRunStaging);  // a first run cut short
        auto r = kiosk({"status", "--site", dir.string()});
        CHECK(r.exitCode == 2);
        Json j = Json::parse(r.out);
        CHECK(j["never_set_up"] == true);
        CHECK(j["needs_staff"] == true);
        CHECK(r.err.find("还没有建站") != std::string::npos);
        CHECK(r.err.find("kiosk init") != std::string::npos);
        CHECK(r.err.find("备份") == std::string::npos);
        CHECK_FALSE(fs::exists(dir / kSiteDb));  // status creates nothing
        auto en = kiosk({"--lang", "en", "status", "--site", dir.string()});
        CHECK(en.err.find("never set up") != std::string::npos);
    }
    // A real site whose database vanished is the other case: its records are gone.
    fs::path site = d.path() / "site";
    REQUIRE(kiosk(initArgs(site)).exitCode == 0);
    fs::remove(site / kSiteDb);
    auto lost = kiosk({"status", "--site", site.string()});
    CHECK(lost.exitCode == 2);
    CHECK(Json::parse(lost.out)["never_set_up"] == false);
    CHECK(lost.err.find("备份") != std::string::npos);
}

TEST_CASE("a site id must be a six-digit county code, -, and the site number, at init and in site.toml") {
    test::TempDir d;
    for (const char* bad : {"14102-001", "141022001", "141022-", "141022-00A", "ABCDEF-001", "141022-001-2"}) {
        auto r = kiosk({"init", "--site", (d.path() / "s").string(), "--site-id", bad, "--name", "北关"});
        CHECK_MESSAGE(r.exitCode == 2, bad);
        CHECK(r.err.find("站点编号") != std::string::npos);
        CHECK(r.err.find("141022-001") != std::string::npos);  // the example of the rule
        CHECK_FALSE(fs::exists(d.path() / "s" / kSiteToml));
    }
    fs::path site = d.path() / "site";
    REQUIRE(kiosk(initArgs(site)).exitCode == 0);
    test::writeFile(site / kSiteToml, "[site]\nid = \"beiguan\"\nname = \"北关\"\n");
    auto r = kiosk({"tally", "--site", site.string(), "--date", "2026-11-24"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("[site] id") != std::string::npos);
    CHECK(r.err.find("第2行") != std::string::npos);
    CHECK(r.err.find("beiguan") != std::string::npos);
}

TEST_CASE("a roster cell holding a control character (NUL, tab, line break) is refused with its line number") {
    test::TempDir d;
    fs::path site = d.path() / "site";
    REQUIRE(kiosk(initArgs(site)).exitCode == 0);
    std::string csv = "elder_id,name,village,phone\nE1,张桂兰,北关村,13800000000\nE2,王秀";
    csv += '\0';
    csv += "英,北关村,\nE3,李淑珍,\"北关\n村\",\nE4,赵明,南关村,138\t0000\n";
    test::writeFile(d.path() / "roster.csv", csv);
    auto r = kiosk({"roster", "import", "--site", site.string(), (d.path() / "roster.csv").string()});
    CHECK(r.exitCode == 1);
    Json j = Json::parse(r.out);
    CHECK(j["added"] == 1);
    REQUIRE(j["rejected"].size() == 3);
    CHECK(j["rejected"][0]["line"] == 3);
    CHECK(j["rejected"][0]["elder_id"] == "E2");
    CHECK(j["rejected"][0]["reason"].get<std::string>().find("控制字符") != std::string::npos);
    CHECK(j["rejected"][0]["reason"].get<std::string>().find("姓名") != std::string::npos);
    CHECK(j["rejected"][1]["line"] == 4);
    CHECK(j["rejected"][1]["reason"].get<std::string>().find("村") != std::string::npos);
    CHECK(j["rejected"][2]["reason"].get<std::string>().find("电话") != std::string::npos);
    CHECK(r.err.find("第3行") != std::string::npos);
}
