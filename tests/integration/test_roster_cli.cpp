// `kiosk roster import` with the files Chinese-locale Excel writes (issues 10 and 11), the bounds on
// what it reads (peak memory of the kiosk process measured), and what an inactive elder hears.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "shared/roster/roster_import.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"

using namespace mh;
using test::kiosk;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr long kRssLimitKb = 200 * 1024;

struct RosterSite {
    test::TempDir dir;
    std::string site;
    RosterSite() {
        site = (dir.path() / "site").string();
        auto init = kiosk({"init", "--site", site, "--site-id", "141022-001", "--name", "北关村老年食堂"});
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        test::writeFile(dir.path() / "site/site.toml", test::standardToml());
    }
    test::ProcessResult import(const fs::path& csv) { return kiosk({"roster", "import", "--site", site, csv.string()}); }
    Json scan(const std::string& payload, int expectExit) {
        auto r = kiosk({"scan", "--site", site, "--service", "lunch", "--at", "2026-11-24T11:32", payload});
        REQUIRE_MESSAGE(r.exitCode == expectExit, r.err);
        return Json::parse(r.out);
    }
};

// Writes `size` bytes of `fill` in pieces, so the test process itself never holds the big file
// (its resident memory would count in the child's peak, which is measured).
void appendFill(std::ofstream& out, size_t size, char fill) {
    std::string piece(1 << 20, fill);
    for (size_t left = size; left > 0;) {
        size_t n = std::min(left, piece.size());
        out.write(piece.data(), std::streamsize(n));
        left -= n;
    }
}

}  // namespace

TEST_CASE("`roster import` takes Excel's CSV UTF-8 (BOM, CRLF): slash dates, 、 lists, Chinese categories") {
    RosterSite s;
    std::string id = test::makeIdNumber("19461124", 7);
    fs::path csv = s.dir.path() / "excel.csv";
    test::writeFile(csv, "\xEF\xBB\xBF编号,姓名,身份证号,出生日期,人员类别,所在村\r\n"
                         "E1,张桂兰," + id + ",1946/11/24,低保、独居,北关村\r\n"
                         "E2,王秀英,,1946/1/4,特困，失能,北关村\r\n"
                         "E3,李淑珍,1.41024E+17,,低保,北关村\r\n"
                         "E4,刘玉兰,,,空巢；留守,北关村\r\n"
                         "E5,赵桂英,,1946-1-4,dibao/duju,北关村\r\n");
    auto r = s.import(csv);
    CHECK(r.exitCode == 1);  // one row refused
    Json j = Json::parse(r.out);
    CHECK(j["added"] == 4);
    REQUIRE(j["rejected"].size() == 1);
    CHECK(j["rejected"][0]["line"] == 4);
    CHECK(j["rejected"][0]["elder_id"] == "E3");
    std::string reason = j["rejected"][0]["reason"];
    CHECK(reason.find("文本") != std::string::npos);
    CHECK(reason.find("这个是11位") == std::string::npos);
    REQUIRE(j["warnings"].size() == 1);
    CHECK(j["warnings"][0]["line"] == 5);
    CHECK(j["warnings"][0]["elder_id"] == "E4");
    CHECK(std::string(j["warnings"][0]["warning"]).find("年龄") != std::string::npos);
    CHECK(r.err.find("第4行") != std::string::npos);
    CHECK(r.err.find("第5行") != std::string::npos);

    // The slash-dated, 、-separated elder is matched by the age rule (低保高龄: dibao, 80+).
    Json scan = s.scan(id, 0);
    CHECK(scan["outcome"] == "accepted");
    CHECK(scan["rule"] == "低保高龄");

    auto again = s.import(csv);
    Json j2 = Json::parse(again.out);
    CHECK(j2["added"] == 0);
    CHECK(j2["updated"] == 0);
    CHECK(j2["unchanged"] == 4);
}

TEST_CASE("an inactive elder who scans is unknown and told the registration is stopped") {
    RosterSite s;
    std::string id = test::makeIdNumber("19400102", 11);
    fs::path csv = s.dir.path() / "r.csv";
    test::writeFile(csv, "elder_id,name,id_number,categories,active\nE1,张桂兰," + id + ",dibao,0\n");
    REQUIRE(s.import(csv).exitCode == 0);
    Json j = s.scan(id, 1);
    CHECK(j["outcome"] == "unknown");
    CHECK(j["message"] == "您的登记已停用，请找工作人员");
    CHECK_FALSE(j.contains("elder_id"));
    CHECK_FALSE(j.contains("record_id"));
    CHECK(s.scan(test::makeIdNumber("19400102", 12), 1)["message"] == "没有找到您的登记信息，请找工作人员");
}

TEST_CASE("a 50 MB roster line is rejected alone, read in bounded memory, and the other rows import") {
    RosterSite s;
    fs::path csv = s.dir.path() / "long-line.csv";
    {
        std::ofstream out(csv, std::ios::binary);
        out << "elder_id,name,birth_date\nE1,张桂兰,1940/1/2\nE2,王秀英,";
        appendFill(out, 50u << 20, 'x');
        out << "\nE3,李淑珍,1941/2/3\n";
    }
    auto r = s.import(csv);
    CHECK(r.exitCode == 1);
    Json j = Json::parse(r.out);
    CHECK(j["added"] == 2);
    REQUIRE(j["rejected"].size() == 1);
    CHECK(j["rejected"][0]["line"] == 3);
    CHECK(std::string(j["rejected"][0]["reason"]).find("64 KB") != std::string::npos);
    MESSAGE("peak RSS of `kiosk roster import` on a 50 MB line: " << r.maxRssKb / 1024 << " MB");
    CHECK(r.maxRssKb > 0);
    CHECK(r.maxRssKb < kRssLimitKb);
}

TEST_CASE("a roster file over 64 MB is refused with the limit, and the elders already imported stay") {
    RosterSite s;
    std::string id = test::makeIdNumber("19400102", 11);
    fs::path good = s.dir.path() / "good.csv";
    test::writeFile(good, "elder_id,name,id_number,categories\nE1,张桂兰," + id + ",dibao\n");
    REQUIRE(s.import(good).exitCode == 0);

    fs::path big = s.dir.path() / "big.csv";
    {
        std::ofstream out(big, std::ios::binary);
        out << "elder_id,name\nE1,改名了\n";
        appendFill(out, kMaxRosterFileBytes, '\n');
    }
    auto r = s.import(big);
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("64 MB") != std::string::npos);
    CHECK(r.maxRssKb < kRssLimitKb);
    Json scan = s.scan(id, 0);
    CHECK(scan["outcome"] == "accepted");
    CHECK(scan["name"] == "张*兰");  // not renamed by the refused file
}
