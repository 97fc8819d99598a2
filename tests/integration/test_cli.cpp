// The command line as county IT and scripts use it (contract 3): exit codes, JSON, messages.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "shared/cards/card_signature.hpp"
#include "shared/core/id_number.hpp"
#include "shared/ports/clock.hpp"
#include "shared/site/site_keys.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"

using namespace mh;
using test::kiosk;
using Json = nlohmann::json;

namespace {

// A site made with `kiosk init`, given the standard policy and a small roster.
struct CliSite {
    test::TempDir dir;
    std::string site;
    std::string idNumber = test::makeIdNumber("19400102", 11);
    CliSite() {
        site = (dir.path() / "site").string();
        auto init = kiosk({"init", "--site", site, "--site-id", "141022-001", "--name", "北关村老年食堂"});
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        test::writeFile(dir.path() / "site/site.toml", test::standardToml());
        test::writeFile(dir.path() / "roster.csv", "elder_id,name,id_number,categories\nE1,张桂兰," + idNumber +
                                                       ",dibao\nE2,王秀英,,tekun\n");
        auto imp = kiosk({"roster", "import", "--site", site, (dir.path() / "roster.csv").string()});
        REQUIRE_MESSAGE(imp.exitCode == 0, imp.err);
    }
    std::string card(const std::string& elder) {
        auto keys = SiteKeys::load(dir.path() / "site");
        REQUIRE(keys.ok());
        return signCard({elder, "1"}, keys->card.sec);
    }
};

}  // namespace

TEST_CASE("init, import, scan, duplicate, void and tally from the command line") {
    CliSite s;
    auto scan = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T11:32", s.idNumber});
    CHECK(scan.exitCode == 0);
    Json j = Json::parse(scan.out);
    CHECK(j["outcome"] == "accepted");
    CHECK(j["name"] == "张*兰");
    CHECK(j["rule"] == "低保高龄");
    CHECK(j["price_fen"] == 1000);
    CHECK(j["shares_fen"] == Json{{"government", 600}, {"collective", 200}, {"donation", 0}, {"family", 0}, {"elder", 200}});
    CHECK(j["message"] == "张*兰，午餐签到成功，请付2元");
    std::int64_t record = j["record_id"];

    auto dup = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T12:00", s.card("E1")});
    CHECK(dup.exitCode == 1);
    CHECK(Json::parse(dup.out)["outcome"] == "duplicate");
    CHECK_FALSE(Json::parse(dup.out).contains("record_id"));

    auto v = kiosk({"void", "--site", s.site, "--record", std::to_string(record), "--reason", "刷错", "--staff", "李"});
    CHECK(v.exitCode == 0);
    auto again = kiosk({"void", "--site", s.site, "--record", std::to_string(record), "--reason", "刷错", "--staff", "李"});
    CHECK(again.exitCode == 1);
    CHECK(again.err.find("已经作废") != std::string::npos);

    CHECK(kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T12:01", s.card("E2"), "--delivered"})
              .exitCode == 0);
    auto tally = kiosk({"tally", "--site", s.site, "--date", "2026-11-24"});
    CHECK(tally.exitCode == 0);
    Json t = Json::parse(tally.out);
    CHECK(t["site_id"] == "141022-001");
    Json lunch;
    for (const auto& svc : t["services"])
        if (svc["id"] == "lunch") lunch = svc;
    CHECK(lunch["count"] == 1);
    CHECK(lunch["voided"] == 1);
    CHECK(lunch["delivered"] == 1);
    CHECK(lunch["by_rule"] == Json{{"特困供养", 1}});
    CHECK(lunch["by_category"] == Json{{"tekun", 1}});
    CHECK(t["records"].size() == 1);
    CHECK(t["revision"] == 1);

    // Once frozen for upload, the same content keeps its revision; a correction makes the next.
    CHECK(kiosk({"upload", "--site", s.site}).exitCode == 1);  // no endpoint: frozen, still pending
    CHECK(Json::parse(kiosk({"tally", "--site", s.site, "--date", "2026-11-24"}).out)["revision"] == 1);
    std::int64_t second = t["records"][0]["record_id"];
    REQUIRE(kiosk({"void", "--site", s.site, "--record", std::to_string(second), "--reason", "误刷", "--staff", "李"})
                .exitCode == 0);
    CHECK(Json::parse(kiosk({"tally", "--site", s.site, "--date", "2026-11-24"}).out)["revision"] == 2);
}

TEST_CASE("refusals exit 1 with a JSON result, garbage included") {
    CliSite s;
    for (std::string payload : {"garbage!!", "MH1:E1:1:AAAA", "110105194912310021", "E1"}) {
        auto r = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T11:00", payload});
        CHECK(r.exitCode == 1);
        CHECK(Json::parse(r.out)["outcome"] == "invalid");
    }
    auto closed = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T09:00", s.card("E1")});
    CHECK(closed.exitCode == 1);
    CHECK(Json::parse(closed.out)["outcome"] == "closed");
    auto unknown = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T11:00", s.card("E9")});
    CHECK(Json::parse(unknown.out)["outcome"] == "unknown");
}

TEST_CASE("bad usage and unreadable input exit 2 with a sentence, never a stack trace") {
    CliSite s;
    auto unknownVerb = kiosk({"fly"});
    CHECK(unknownVerb.exitCode == 2);
    auto noSite = kiosk({"scan", "--site", "/nonexistent/site", "--service", "lunch", "X"});
    CHECK(noSite.exitCode == 2);
    CHECK(noSite.err.find("找不到站点目录") != std::string::npos);
    auto noService = kiosk({"scan", "--site", s.site, "--service", "supper", s.card("E1")});
    CHECK(noService.exitCode == 2);
    CHECK(noService.err.find("supper") != std::string::npos);
    auto badAt = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "noon", s.card("E1")});
    CHECK(badAt.exitCode == 2);
    auto badDate = kiosk({"tally", "--site", s.site, "--date", "2026-13-01"});
    CHECK(badDate.exitCode == 2);
    auto missingFile = kiosk({"roster", "import", "--site", s.site, "/nonexistent.csv"});
    CHECK(missingFile.exitCode == 2);

    test::writeFile(s.dir.path() / "site/site.toml", "[site]\nid = \"x\"\nname = \"y\"\n[[service]]\nid = lunch\n");
    auto broken = kiosk({"tally", "--site", s.site, "--date", "2026-11-24"});
    CHECK(broken.exitCode == 2);
    CHECK(broken.err.find("第5行") != std::string::npos);
}

TEST_CASE("a roster with rejected rows exits 1 and lists each line with its reason") {
    CliSite s;
    test::writeFile(s.dir.path() / "bad.csv", "elder_id,name,id_number\r\nE3,李淑珍,123\r\nE4,刘玉兰,\r\n");
    auto r = kiosk({"roster", "import", "--site", s.site, (s.dir.path() / "bad.csv").string()});
    CHECK(r.exitCode == 1);
    Json j = Json::parse(r.out);
    CHECK(j["added"] == 1);
    REQUIRE(j["rejected"].size() == 1);
    CHECK(j["rejected"][0]["line"] == 2);
    CHECK(r.err.find("第2行") != std::string::npos);

    test::writeFile(s.dir.path() / "gbk.csv", "elder_id,name\nE5,\xD5\xC5\xB9\xF0\xC0\xBC\n");
    auto gbk = kiosk({"roster", "import", "--site", s.site, (s.dir.path() / "gbk.csv").string()});
    CHECK(gbk.exitCode == 2);
    CHECK(gbk.err.find("GBK") != std::string::npos);
}

TEST_CASE("--lang en gives English messages, before or after the verb") {
    CliSite s;
    auto r = kiosk({"scan", "--lang", "en", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T11:00", s.card("E2")});
    CHECK(r.exitCode == 0);
    CHECK(Json::parse(r.out)["message"] == "王*英, checked in for 午餐, nothing to pay");
    auto e = kiosk({"--lang", "en", "tally", "--site", "/nonexistent", "--date", "2026-11-24"});
    CHECK(e.err.find("no site directory") != std::string::npos);
}

TEST_CASE("init refuses an empty name or a site id with other characters, and creates nothing") {
    test::TempDir dir;
    std::string site = (dir.path() / "s").string();
    auto noName = kiosk({"init", "--site", site, "--site-id", "141022-001", "--name", ""});
    CHECK(noName.exitCode == 2);
    CHECK(noName.err.find("名称") != std::string::npos);
    auto badId = kiosk({"init", "--site", site, "--site-id", "141022 001", "--name", "北关"});
    CHECK(badId.exitCode == 2);
    CHECK(badId.err.find("站点编号") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "s/site.toml"));
    auto unknownVerb = kiosk({"frobnicate"});
    CHECK(unknownVerb.exitCode == 2);
    CHECK(unknownVerb.err.find("没有这个命令：frobnicate") != std::string::npos);
}

TEST_CASE("init refuses to overwrite an existing site") {
    CliSite s;
    auto r = kiosk({"init", "--site", s.site, "--site-id", "141022-002", "--name", "别处"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("已经有一个站点") != std::string::npos);
}

TEST_CASE("demo makes a ready site and runs a sample lunch") {
    test::TempDir dir;
    auto r = kiosk({"demo", "--site", (dir.path() / "demo").string()});
    CHECK_MESSAGE(r.exitCode == 0, r.err);
    CHECK(r.out.find("accepted") != std::string::npos);
    CHECK(r.out.find("duplicate") != std::string::npos);
    CHECK(r.out.find("revoked") != std::string::npos);
    CHECK(std::filesystem::exists(dir.path() / "demo/cards.txt"));
    // A posting of the month still running names today as its end, never a future day.
    auto tz = TimeZone::load("Asia/Shanghai");
    REQUIRE(tz.ok());
    LocalDate today = tz->toLocal(SystemClock().nowUnix()).date;
    std::string month = today.iso().substr(0, 7);
    auto posting = kiosk({"posting", "--site", (dir.path() / "demo").string(), "--month", month, "--out",
                          (dir.path() / "out").string(), "--no-print"});
    CHECK_MESSAGE(posting.exitCode == 0, posting.err);
    auto text = test::runProcess({"/usr/bin/pdftotext", (dir.path() / "out" / ("posting-" + month + ".pdf")).string(), "-"});
    std::string end = std::to_string(today.year()) + "年" + std::to_string(today.month()) + "月" + std::to_string(today.day()) + "日";
    CHECK(text.out.find("至 " + end + "（本月尚未结束）") != std::string::npos);
    CHECK(text.out.find("北关农贸公司") != std::string::npos);      // named donor on the honour roll
    CHECK(text.out.find("不愿具名的村民") == std::string::npos);    // the other asked not to be named
    // A month that has not begun is refused and writes nothing.
    std::string next = (today.month() == 12 ? std::to_string(today.year() + 1) + "-01"
                                            : today.iso().substr(0, 5) + (today.month() < 9 ? "0" : "") +
                                                  std::to_string(today.month() + 1));
    auto future = kiosk({"posting", "--site", (dir.path() / "demo").string(), "--month", next, "--out",
                         (dir.path() / "future").string(), "--no-print"});
    CHECK(future.exitCode == 2);
    CHECK(future.err.find("还没有开始") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "future"));
    // Running it again remakes the demo site.
    CHECK(kiosk({"demo", "--site", (dir.path() / "demo").string()}).exitCode == 0);
}
