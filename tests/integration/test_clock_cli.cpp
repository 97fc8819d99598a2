// Contract 3's clock check with real processes under faketime (Debian's libfaketime): a terminal whose
// clock ran two hours fast and was set right refuses scans as closed until staff confirm the time with
// `kiosk clock confirm`; then the next scan is accepted and `status` lists the records written ahead.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/run_process.hpp"
#include "support/test_site.hpp"

using namespace mh;
using Json = nlohmann::json;

namespace {

constexpr const char* kFaketime = "/usr/bin/faketime";
// 2026-11-24 11:00 in Asia/Shanghai (03:00 UTC): lunch (10:30-13:30) is open now and two hours ahead.
constexpr std::int64_t kRealNow = 1795489200;

// `kiosk args...` with the terminal's clock at `unix` (it then runs on from there).
test::ProcessResult kioskAt(std::int64_t unix, const std::vector<std::string>& args) {
    std::vector<std::string> argv{kFaketime, "@" + std::to_string(unix), test::kioskExe()};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::runProcess(argv);
}

struct ClockSite {
    test::TempDir dir;
    std::string site = (dir.path() / "site").string();
    ClockSite() {
        REQUIRE_MESSAGE(std::filesystem::exists(kFaketime), "faketime is missing: apt install faketime (scripts/setup)");
        // Made an hour before "now", on a clock that was right then.
        auto init = kioskAt(kRealNow - 3600, {"init", "--site", site, "--site-id", "141022-001", "--name", "北关村老年食堂"});
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        test::writeFile(dir.path() / "site/site.toml", test::standardToml());
        test::writeFile(dir.path() / "roster.csv", "elder_id,name,birth_date\nE1,张桂兰,1940-01-02\nE2,王秀英,1941-02-03\n"
                                                   "E3,李淑珍,1942-03-04\n");
        auto imp = kioskAt(kRealNow - 3500, {"roster", "import", "--site", site, (dir.path() / "roster.csv").string()});
        REQUIRE_MESSAGE(imp.exitCode == 0, imp.err);
    }
};

std::string cardOf(const ClockSite& s, const std::string& elder) {
    auto r = test::runProcess({test::kioskExe(), "card", "issue", "--site", s.site, "--elder", elder, "--out",
                               (s.dir.path() / (elder + ".png")).string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return Json::parse(r.out)["cards"][0]["payload"].get<std::string>();
}

}  // namespace

TEST_CASE("faketime moves the kiosk's clock (the premise of the tests below)") {
    ClockSite s;
    auto st = kioskAt(kRealNow, {"status", "--site", s.site});
    REQUIRE_MESSAGE(st.exitCode == 0, st.err);
    auto before = kioskAt(kRealNow - 86400, {"status", "--site", s.site});  // a day before the site was made
    CHECK(Json::parse(before.out)["clock"] != "ok");
    CHECK(Json::parse(st.out)["clock"] == "ok");
}

TEST_CASE("a clock that ran two hours fast and was set right scans again once staff confirm the time") {
    ClockSite s;
    const std::string e1 = cardOf(s, "E1"), e2 = cardOf(s, "E2"), e3 = cardOf(s, "E3");
    const std::int64_t fast = kRealNow + 2 * 3600;  // 13:00 on a clock two hours fast
    auto a1 = kioskAt(fast, {"scan", "--site", s.site, "--service", "lunch", e1});
    REQUIRE_MESSAGE(a1.exitCode == 0, a1.out << a1.err);
    auto a2 = kioskAt(fast + 60, {"scan", "--site", s.site, "--service", "lunch", e2});
    REQUIRE_MESSAGE(a2.exitCode == 0, a2.out << a2.err);
    std::int64_t r1 = Json::parse(a1.out)["record_id"], r2 = Json::parse(a2.out)["record_id"];

    // The clock is set right (11:00): every scan is refused as closed, asking staff to set the clock.
    auto refused = kioskAt(kRealNow, {"scan", "--site", s.site, "--service", "lunch", e3});
    CHECK(refused.exitCode == 1);
    Json rj = Json::parse(refused.out);
    CHECK(rj["outcome"] == "closed");
    CHECK(rj["message"].get<std::string>().find("时钟") != std::string::npos);
    auto status = kioskAt(kRealNow, {"status", "--site", s.site});
    CHECK(Json::parse(status.out)["clock"] != "ok");
    CHECK(Json::parse(status.out)["clock_corrected"] == Json::array());

    // Staff confirm the time (audited); the records written on the fast clock are listed.
    auto confirm = kioskAt(kRealNow + 60, {"clock", "confirm", "--site", s.site, "--staff", "李"});
    REQUIRE_MESSAGE(confirm.exitCode == 0, confirm.err);
    Json cj = Json::parse(confirm.out);
    CHECK(cj["staff"] == "李");
    CHECK(cj["records_ahead"] == Json::array({r1, r2}));
    CHECK(cj["confirmed_at"].get<std::string>().rfind("2026-11-24T11:01", 0) == 0);

    // The next scan is accepted at once (not two hours later).
    auto ok = kioskAt(kRealNow + 120, {"scan", "--site", s.site, "--service", "lunch", e3});
    CHECK_MESSAGE(ok.exitCode == 0, ok.out << ok.err);
    CHECK(Json::parse(ok.out)["outcome"] == "accepted");

    auto after = kioskAt(kRealNow + 180, {"status", "--site", s.site});
    REQUIRE(after.exitCode == 0);
    Json aj = Json::parse(after.out);
    CHECK(aj["clock"] == "ok");
    REQUIRE(aj["clock_corrected"].size() == 1);
    CHECK(aj["clock_corrected"][0]["count"] == 2);
    CHECK(aj["clock_corrected"][0]["records"] == Json::array({r1, r2}));
    CHECK(aj["clock_corrected"][0]["staff"] == "李");

    // A clock set back again after the confirmation is still caught: 10:40 is 20 minutes behind the
    // scan at 11:02 (and after the site was made, inside lunch hours).
    auto back = kioskAt(kRealNow - 1200, {"scan", "--site", s.site, "--service", "lunch", e1});
    CHECK(back.exitCode == 1);
    CHECK(Json::parse(back.out)["outcome"] == "closed");
}

TEST_CASE("a clock earlier than the site's creation is never confirmed") {
    ClockSite s;
    auto confirm = kioskAt(kRealNow - 86400, {"clock", "confirm", "--site", s.site, "--staff", "李"});
    CHECK(confirm.exitCode == 1);
    CHECK(confirm.err.find("早于本站建立") != std::string::npos);
    auto e1 = cardOf(s, "E1");
    auto scan = kioskAt(kRealNow - 86400 + 60, {"scan", "--site", s.site, "--service", "lunch", e1});
    CHECK(scan.exitCode == 1);
    CHECK(Json::parse(scan.out)["outcome"] == "closed");
}
