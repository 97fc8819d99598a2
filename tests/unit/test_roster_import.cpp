// Roster import: the CSV files county staff really produce, and what happens to each row.
#include <doctest/doctest.h>

#include "shared/roster/csv.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/elder_store.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {
const LocalDate kToday = LocalDate::of(2026, 11, 25);
const std::string kAt = "2026-11-25T09:00:00+08:00";

ImportReport importOk(Site& site, const std::string& csv) {
    auto r = importRoster(site, csv, kToday, kAt, "test");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}
}  // namespace

TEST_CASE("CSV: BOM, CRLF, quoted commas, doubled quotes and line breaks inside quotes") {
    auto rows = parseCsv("\xEF\xBB\xBF" "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\r\n\r\n");
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 3);
    CHECK((*rows)[0].fields == std::vector<std::string>{"a", "b", "c"});
    CHECK((*rows)[1].fields == std::vector<std::string>{"1", "x, y", "say \"hi\""});
    CHECK((*rows)[2].fields[1] == "two\nlines");
    CHECK((*rows)[2].line == 3);
}

TEST_CASE("CSV: an unclosed quote, UTF-16 and GBK are refused with what to do") {
    CHECK(parseCsv("a,b\n1,\"oops\n2,3\n").error().code == "csv.quote");
    CHECK(parseCsv("\xFF\xFE" "a\0b\0").error().code == "csv.utf16");
    auto gbk = parseCsv("elder_id,name\nE1,\xD5\xC5\xB9\xF0\xC0\xBC\n");  // 张桂兰 in GBK
    REQUIRE_FALSE(gbk.ok());
    CHECK(gbk.error().code == "csv.encoding");
    CHECK(gbk.error().message.find("GBK") != std::string::npos);
    CHECK(parseCsv("").error().code == "csv.empty");
}

TEST_CASE("a roster imports — the same file again changes nothing") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    std::string id = test::makeIdNumber("19450308", 21);
    std::string csv = "elder_id,name,id_number,categories,village,phone,card_serial\n"
                      "E0001,张桂兰," + id + ",低保|duju,北关村,13900000001,1\n"
                      "E0002,王秀英,,tekun,南关村,,\n";
    ImportReport first = importOk(*site, csv);
    CHECK(first.added == 2);
    CHECK(first.rejected.empty());
    ImportReport again = importOk(*site, csv);
    CHECK(again.added == 0);
    CHECK(again.updated == 0);
    CHECK(again.unchanged == 2);

    auto e = ElderStore(site->db()).byElderId(ElderId("E0001"));
    REQUIRE(e);
    CHECK(e->name == "张桂兰");
    CHECK(e->categories == std::vector<std::string>{"dibao", "duju"});
    CHECK(e->birth == LocalDate::of(1945, 3, 8));
    CHECK(e->idLast4 == id.substr(14));
    CHECK(e->idHash == site->keys().hashIdNumber(id));
}

TEST_CASE("columns may come in any order, with extra columns and Chinese headers") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    ImportReport r = importOk(*site, "备注,姓名,编号,出生日期\n好人,李淑珍,E7,1940-02-29\n");
    CHECK(r.added == 1);
    auto e = ElderStore(site->db()).byElderId(ElderId("E7"));
    REQUIRE(e);
    CHECK(e->name == "李淑珍");
    CHECK(e->birth == LocalDate::of(1940, 2, 29));
}

TEST_CASE("a missing required column stops the import before anything changes") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    auto r = importRoster(*site, "elder_id,id_number\nE1,11010519491231002X\n", kToday, kAt, "test");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "csv.columns");
    CHECK(r.error().message.find("name") != std::string::npos);
    CHECK(ElderStore(site->db()).all().empty());
}

TEST_CASE("bad rows are rejected with their line and reason while good rows are imported") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    std::string good = test::makeIdNumber("19450308", 21);
    std::string typo = good;
    typo[15] = typo[15] == '0' ? '1' : '0';
    std::string csv = "elder_id,name,id_number,categories,active\n"
                      "E1,张桂兰," + good + ",,1\n"     // line 2: good
                      "E2,王秀英," + typo + ",,1\n"     // line 3: check digit
                      "E3,,,,1\n"                       // line 4: no name
                      "E4,李淑珍,,富人,1\n"             // line 5: unknown category
                      "E1,张桂兰,,,1\n"                 // line 6: duplicate elder_id
                      "E5,刘玉兰," + good + ",,1\n"     // line 7: ID number of another elder
                      "e 6,陈凤英,,,1\n"                // line 8: bad elder_id
                      "E7,杨秀兰,,,maybe\n"             // line 9: bad active
                      "\"E8\",\"赵桂英, 二组\",,\"dibao|tekun\",0\n";  // line 10: good, quoted
    auto r = importRoster(*site, csv, kToday, kAt, "test");
    REQUIRE(r.ok());
    CHECK(r->added == 2);
    REQUIRE(r->rejected.size() == 7);
    std::vector<int> lines;
    for (const auto& rej : r->rejected) lines.push_back(rej.line);
    CHECK(lines == std::vector<int>{3, 4, 5, 6, 7, 8, 9});
    CHECK(r->rejected[0].reason.find("校验位") != std::string::npos);
    CHECK(r->rejected[2].reason.find("富人") != std::string::npos);
    auto e8 = ElderStore(site->db()).byElderId(ElderId("E8"));
    REQUIRE(e8);
    CHECK(e8->name == "赵桂英, 二组");
    CHECK_FALSE(e8->active);
}

TEST_CASE("an update changes the elder, and a new card serial replaces the old one") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    importOk(*site, "elder_id,name,card_serial,categories\nE1,张桂兰,1,dibao\n");
    ImportReport r = importOk(*site, "elder_id,name,card_serial,categories\nE1,张桂兰,2,tekun\n");
    CHECK(r.updated == 1);
    auto e = ElderStore(site->db()).byElderId(ElderId("E1"));
    CHECK(e->cardSerial == "2");
    CHECK(e->categories == std::vector<std::string>{"tekun"});
}

TEST_CASE("no full ID number is stored at rest, anywhere in the site directory") {
    test::TempDir dir;
    std::string id = test::makeIdNumber("19380405", 77);
    {
        auto site = test::makeSite(dir.path());
        importOk(*site, "elder_id,name,id_number\nE1,张桂兰," + id + "\n");
    }
    for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
        std::string bytes = test::readFile(f.path());
        CHECK_MESSAGE(bytes.find(id) == std::string::npos, f.path().string());
        CHECK_MESSAGE(bytes.find(id.substr(0, 14)) == std::string::npos, f.path().string());
    }
}

TEST_CASE("a partial file (only some columns) updates those and keeps the rest") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    importOk(*site, "elder_id,name,categories,village,phone\nE1,张桂兰,dibao|duju,北关村,13900000001\n");
    ImportReport r = importOk(*site, "elder_id,name,phone\nE1,张桂兰,13900000002\n");
    CHECK(r.updated == 1);
    auto e = ElderStore(site->db()).byElderId(ElderId("E1"));
    CHECK(e->phone == "13900000002");
    CHECK(e->village == "北关村");
    CHECK(e->categories == std::vector<std::string>{"dibao", "duju"});
}

TEST_CASE("a rejected row never blocks a later good row with the same ID number or elder_id") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    std::string id = test::makeIdNumber("19400312", 2);
    importOk(*site, "elder_id,name,id_number\nB001,张桂兰," + id + "\n");
    // B010 wrongly carries B001's number (rejected); B001's own row in the same file is fine.
    ImportReport r = importOk(*site, "elder_id,name,id_number,card_serial\nB010,王秀英," + id + ",1\nB001,张桂兰," + id + ",6\n");
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected[0].line == 2);
    CHECK(r.updated == 1);
    CHECK(ElderStore(site->db()).byElderId(ElderId("B001"))->cardSerial == "6");
    // A bad row and then a good row with the same elder_id: the good one is taken.
    ImportReport again = importOk(*site, "elder_id,name\nB002,\nB002,李淑珍\n");
    CHECK(again.rejected.size() == 1);
    CHECK(again.added == 1);
}

TEST_CASE("columns the kiosk does not know are reported, and common Chinese headers are understood") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    ImportReport r = importOk(*site, "编号,姓名,卡号,在用,手机,备注\nE1,张桂兰,3,1,13900000001,无\n");
    CHECK(r.ignoredColumns == std::vector<std::string>{"备注"});
    auto e = ElderStore(site->db()).byElderId(ElderId("E1"));
    CHECK(e->cardSerial == "3");
    CHECK(e->phone == "13900000001");
}
