// Roster files as Excel in a Chinese locale saves them (issues 10 and 11): slash dates, categories
// separated by Chinese punctuation, ID numbers turned into floating point, elders without a birth
// date, and the bounds on what is read.
#include <doctest/doctest.h>

#include "shared/core/categories.hpp"
#include "shared/roster/csv.hpp"
#include "shared/roster/excel_cells.hpp"
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

TEST_CASE("birth dates come as Excel writes them: slashes, no leading zeros, a time appended") {
    CHECK(parseRosterDate("1946/11/24") == LocalDate::of(1946, 11, 24));
    CHECK(parseRosterDate("1946/1/4") == LocalDate::of(1946, 1, 4));
    CHECK(parseRosterDate("1946-01-04") == LocalDate::of(1946, 1, 4));
    CHECK(parseRosterDate("1946-1-4") == LocalDate::of(1946, 1, 4));
    CHECK(parseRosterDate("1946.1.4") == LocalDate::of(1946, 1, 4));
    CHECK(parseRosterDate("1946年1月4日") == LocalDate::of(1946, 1, 4));
    CHECK(parseRosterDate("19460104") == LocalDate::of(1946, 1, 4));
    CHECK(parseRosterDate("1946/1/4 0:00") == LocalDate::of(1946, 1, 4));
    CHECK_FALSE(parseRosterDate("1946/2/30"));   // not a real day
    CHECK_FALSE(parseRosterDate("1946/1-4"));    // mixed separators
    CHECK_FALSE(parseRosterDate("4/1/1946"));    // day first: ambiguous, refused
    CHECK_FALSE(parseRosterDate("1946/13/1"));
    CHECK_FALSE(parseRosterDate("1946/1/4 下午"));
    CHECK_FALSE(parseRosterDate(""));
}

TEST_CASE("category lists split at every separator a county sheet uses") {
    const std::vector<std::string> both{"dibao", "duju"};
    for (std::string sep : {"|", "、", "，", "；", "/", ",", ";", " ", "｜", "／"})
        CHECK_MESSAGE(splitCategoryList("dibao" + sep + "duju") == both, sep);
    CHECK(splitCategoryList(" 低保 、 独居、") == std::vector<std::string>{"低保", "独居"});
    CHECK(splitCategoryList("").empty());
}

TEST_CASE("scientific notation and Excel-rounded ID numbers are recognised") {
    CHECK(looksLikeScientificNumber("1.41024E+17"));
    CHECK(looksLikeScientificNumber("1.41024e17"));
    CHECK(looksLikeScientificNumber("4E+17"));
    CHECK_FALSE(looksLikeScientificNumber("14102419461124002X"));
    CHECK_FALSE(looksLikeScientificNumber("E+17"));
    CHECK_FALSE(looksLikeScientificNumber("1.E+17"));
    CHECK(looksLikeExcelRoundedId("141024194611240000"));
    CHECK_FALSE(looksLikeExcelRoundedId("14102419461124002X"));
}

TEST_CASE("a roster from Chinese-locale Excel imports: slash dates, 、-separated Chinese category names") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    std::string csv = "\xEF\xBB\xBF编号,姓名,出生日期,人员类别,所在村\r\n"
                      "E1,张桂兰,1946/11/24,低保、独居,北关村\r\n"
                      "E2,王秀英,1946/1/4,特困，失能,北关村\r\n"
                      "E3,李淑珍,1946-1-4,\"dibao,kongchao\",北关村\r\n"
                      "E4,刘玉兰,1938/2/8,经济困难；半失能/留守,北关村\r\n";
    ImportReport r = importOk(*site, csv);
    CHECK(r.rejected.empty());
    CHECK(r.warnings.empty());
    CHECK(r.added == 4);
    ElderStore store(site->db());
    CHECK(store.byElderId(ElderId("E1"))->birth == LocalDate::of(1946, 11, 24));
    CHECK(store.byElderId(ElderId("E1"))->categories == std::vector<std::string>{"dibao", "duju"});
    CHECK(store.byElderId(ElderId("E2"))->birth == LocalDate::of(1946, 1, 4));
    CHECK(store.byElderId(ElderId("E2"))->categories == std::vector<std::string>{"tekun", "shineng"});
    CHECK(store.byElderId(ElderId("E3"))->categories == std::vector<std::string>{"dibao", "kongchao"});
    CHECK(store.byElderId(ElderId("E4"))->categories == std::vector<std::string>{"kunnan", "banshineng", "liushou"});
    CHECK(store.byElderId(ElderId("E4"))->village == "北关村");  // the last field before CRLF has no stray \r
    CHECK(importOk(*site, csv).unchanged == 4);          // the same file again changes nothing
}

TEST_CASE("a slash birth date is compared with the ID number's, not refused for its format") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    std::string id = test::makeIdNumber("19461124", 5);
    ImportReport r = importOk(*site, "elder_id,name,id_number,birth_date\nE1,张桂兰," + id + ",1946/11/24\n"
                                     "E2,王秀英," + test::makeIdNumber("19460104", 6) + ",1946/1/5\n");
    CHECK(r.added == 1);
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected[0].line == 3);
    CHECK(r.rejected[0].reason.find("不一致") != std::string::npos);
}

TEST_CASE("an ID number Excel turned into 1.41024E+17 is rejected saying to format the column as text") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    auto r = importRoster(*site, "elder_id,name,id_number\nE1,张桂兰,1.41024E+17\nE2,王秀英,\n", kToday, kAt, "test");
    REQUIRE(r.ok());
    CHECK(r->added == 1);  // the bad row never stops the good one
    REQUIRE(r->rejected.size() == 1);
    const RejectedRow& rej = r->rejected[0];
    CHECK(rej.line == 2);
    CHECK(rej.elderId == "E1");
    CHECK(rej.reason.find("文本") != std::string::npos);
    CHECK(rej.reason.find("科学计数法") != std::string::npos);
    CHECK(rej.reason.find("位") == std::string::npos);  // not "应为18位，这个是11位"
    CHECK(rej.reasonEn.find("text") != std::string::npos);
    // Saved with no decimals instead, the last digits are zeros: the check digit fails, and says why.
    auto rounded = importRoster(*site, "elder_id,name,id_number\nE3,李淑珍,141024194611240000\n", kToday, kAt, "test");
    REQUIRE(rounded->rejected.size() == 1);
    CHECK(rounded->rejected[0].reason.find("文本") != std::string::npos);
}

TEST_CASE("an elder with neither ID number nor birth date is imported with a warning that age rules cannot apply") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    ImportReport r = importOk(*site, "elder_id,name,id_number,birth_date,categories\n"
                                     "E1,张桂兰,,,dibao\n"
                                     "E2,王秀英,,1940/3/1,dibao\n");
    CHECK(r.added == 2);
    CHECK(r.rejected.empty());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].line == 2);
    CHECK(r.warnings[0].elderId == "E1");
    CHECK(r.warnings[0].reason.find("年龄") != std::string::npos);
    CHECK(ElderStore(site->db()).byElderId(ElderId("E1")));
    // A later file that gives the birth date clears the warning.
    ImportReport fixed = importOk(*site, "elder_id,name,birth_date\nE1,张桂兰,1941/5/6\n");
    CHECK(fixed.warnings.empty());
    CHECK(fixed.updated == 1);
}

TEST_CASE("CSV read in small chunks gives the same rows, whatever the split") {
    std::string text = "\xEF\xBB\xBF" "a,b\r\n1,\"x\r\ny\"\r\n2,\"q\"\"\"\r\n3,z";
    for (size_t chunk : {size_t(1), size_t(2), size_t(3), size_t(7)}) {
        std::vector<CsvRow> rows;
        CsvReader reader(1024, [&](CsvRow&& r) { rows.push_back(std::move(r)); });
        for (size_t i = 0; i < text.size(); i += chunk) reader.feed(std::string_view(text).substr(i, chunk));
        REQUIRE(reader.finish().ok());
        REQUIRE(rows.size() == 4);
        CHECK(rows[0].fields == std::vector<std::string>{"a", "b"});
        CHECK(rows[1].fields == std::vector<std::string>{"1", "x\ny"});
        CHECK(rows[2].fields == std::vector<std::string>{"2", "q\""});
        CHECK(rows[2].line == 4);
        CHECK(rows[3].fields == std::vector<std::string>{"3", "z"});
    }
}

TEST_CASE("a line longer than the limit is rejected alone and the rows after it import") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    std::string huge(kMaxRosterLineBytes + 10, 'x');
    std::string quotedHuge = "\"" + std::string(kMaxRosterLineBytes, 'y') + "\nstill quoted\"";
    ImportReport r = importOk(*site, "elder_id,name,village\nE1,张桂兰,北关村\nE2,王秀英," + huge + "\n"
                                     "E3,李淑珍," + quotedHuge + "\nE4,刘玉兰,南关村\n");
    CHECK(r.added == 2);
    REQUIRE(r.rejected.size() == 2);
    CHECK(r.rejected[0].line == 3);
    CHECK(r.rejected[0].reason.find("64 KB") != std::string::npos);
    CHECK(r.rejected[1].line == 4);
    CHECK(ElderStore(site->db()).byElderId(ElderId("E4")));
    CHECK_FALSE(ElderStore(site->db()).byElderId(ElderId("E2")));
}

TEST_CASE("a roster text over the file limit is refused before anything changes") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    std::string big = "elder_id,name\n";
    big.resize(kMaxRosterFileBytes + 1, '\n');
    auto r = importRoster(*site, big, kToday, kAt, "test");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "csv.too_big");
    CHECK(r.error().message.find("64 MB") != std::string::npos);
}

TEST_CASE("an encoding error found late in the file rolls back the rows before it") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    auto r = importRoster(*site, "elder_id,name\nE1,张桂兰\nE2,\xD5\xC5\xB9\xF0\n", kToday, kAt, "test");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "csv.encoding");
    CHECK(ElderStore(site->db()).all().empty());
}

TEST_CASE("every Chinese header is understood, and the README lists each one and every category") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    REQUIRE(rosterColumns().size() == 11);  // one entry per column the importer reads
    for (const auto& col : rosterColumns())
        for (auto zh : col.chinese) {
            // The alias stands in for its column (a required one replaces the English header).
            std::string header = col.key == "elder_id" ? std::string(zh) + ",name,x"
                                 : col.key == "name"   ? "elder_id," + std::string(zh) + ",x"
                                                       : "elder_id,name," + std::string(zh);
            ImportReport r = importOk(*site, header + "\nE1,张桂兰,\n");
            CHECK_MESSAGE(r.ignoredColumns.size() == (header.ends_with(",x") ? 1u : 0u), zh);
        }

    std::string readme = test::readFile(std::filesystem::path(MEALHALL_ASSETS_DIR) / ".." / "README.md");
    for (const auto& col : rosterColumns()) {
        auto row = readme.find("| `" + std::string(col.key) + "`");
        REQUIRE_MESSAGE(row != std::string::npos, col.key);
        std::string line = readme.substr(row, readme.find('\n', row) - row);
        for (auto zh : col.chinese) CHECK_MESSAGE(line.find(std::string(zh)) != std::string::npos, zh);
    }
    for (const auto& c : allCategories())
        CHECK_MESSAGE(readme.find("| `" + std::string(c.code) + "` | " + std::string(c.zh) + " |") != std::string::npos,
                      c.code);
}

TEST_CASE("the report lists the first 1000 bad rows and counts the rest, and a file over the row limit is refused") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    std::string csv = "elder_id,name\nE1,张桂兰\n";
    for (int i = 0; i < 1500; ++i) csv += "bad id,王秀英\n";
    ImportReport r = importOk(*site, csv);
    CHECK(r.added == 1);
    CHECK(r.rejected.size() == kMaxListedRows);
    CHECK(r.rejectedNotListed == 500);
    CHECK(r.rejectedCount() == 1500);

    std::string tooMany = "elder_id,name\n";
    for (int i = 0; i <= kMaxRosterRows; ++i) tooMany += "bad id,x\n";
    auto refused = importRoster(*site, "elder_id,name\nE2,李淑珍\n" + tooMany.substr(14), kToday, kAt, "test");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "csv.too_many_rows");
    CHECK(refused.error().message.find("100000") != std::string::npos);
    CHECK_FALSE(ElderStore(site->db()).byElderId(ElderId("E2")));  // nothing of a refused file is kept
}
