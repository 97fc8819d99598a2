// `kiosk feedback` (contract 14) with real processes on a faketime clock: a meal scanned with
// `scan` is scored once (3 好), a second score is refused with exit 1 and says so, a bad score is
// exit 2, a record that is not a meal is refused; and the month's posting prints each meal's
// 满意度：好 N，一般 N，不好 N.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/run_process.hpp"
#include "support/test_site.hpp"

using namespace mh;
using Json = nlohmann::json;

namespace {

constexpr const char* kFaketime = "/usr/bin/faketime";
// Monday 2027-03-01 06:00 in Asia/Shanghai; lunch 10:30-13:30, 助医 all day (standardToml).
constexpr std::int64_t kDay1 = 1803852000;
constexpr std::int64_t kHour = 3600;

test::ProcessResult kioskAt(std::int64_t unix, const std::vector<std::string>& args) {
    std::vector<std::string> argv{kFaketime, "@" + std::to_string(unix), test::kioskExe()};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::runProcess(argv);
}

// What pdftotext reads of the posting, without spaces, no-break spaces or line breaks.
std::string squeezedText(const std::string& pdf) {
    auto text = test::runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-"}).out;
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\u00a0") == 0) {
            ++i;
            continue;
        }
        if (text[i] != ' ' && text[i] != '\n') out += text[i];
    }
    return out;
}

}  // namespace

TEST_CASE("feedback scores a meal once through the executable, and the posting counts each meal's scores") {
    test::TempDir dir;
    std::string site = (dir.path() / "site").string();
    auto init = kioskAt(kDay1, {"init", "--site", site, "--site-id", "141022-001", "--name", "北关村老年食堂"});
    REQUIRE_MESSAGE(init.exitCode == 0, init.err);
    // init writes [feedback] off by default, with its comment.
    CHECK(test::readFile(dir.path() / "site/site.toml").find("[feedback]\nenabled = false") != std::string::npos);
    test::writeFile(dir.path() / "site/site.toml", test::standardToml("[feedback]\nenabled = true\n"));
    std::vector<std::string> ids{test::makeIdNumber("19400102", 11), test::makeIdNumber("19410203", 12),
                                 test::makeIdNumber("19420304", 13)};
    test::writeFile(dir.path() / "roster.csv", "elder_id,name,id_number\nE1,张桂兰," + ids[0] + "\nE2,王建国," + ids[1] +
                                                   "\nE3,李秀英," + ids[2] + "\n");
    auto imp = kioskAt(kDay1 + 60, {"roster", "import", "--site", site, (dir.path() / "roster.csv").string()});
    REQUIRE_MESSAGE(imp.exitCode == 0, imp.err);
    auto scan = [&](const std::string& id, const std::string& service, std::int64_t at) {
        auto r = kioskAt(at, {"scan", "--site", site, "--service", service, id});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        auto j = Json::parse(r.out);
        REQUIRE(j["outcome"] == "accepted");
        return j["record_id"].get<std::int64_t>();
    };
    std::int64_t noon = kDay1 + 6 * kHour;  // 12:00
    std::int64_t r1 = scan(ids[0], "lunch", noon), r2 = scan(ids[1], "lunch", noon + 60), r3 = scan(ids[2], "lunch", noon + 120);
    std::int64_t health = scan(ids[0], "health", noon + 180);
    auto score = [&](std::int64_t record, const std::string& s) {
        return kioskAt(noon + 600, {"feedback", "--site", site, "--record", std::to_string(record), "--score", s});
    };

    auto good = score(r1, "3");
    REQUIRE_MESSAGE(good.exitCode == 0, good.err);
    auto j = Json::parse(good.out);
    CHECK(j["score"] == 3);
    CHECK(j["word"] == "好");
    CHECK(j["service"] == "lunch");
    CHECK(j["day"] == "2027-03-01");
    CHECK_FALSE(j.contains("elder_id"));
    CHECK_FALSE(j.contains("name"));

    // The same meal again: refused (exit 1), saying it was scored already; the first score stays.
    auto again = score(r1, "1");
    CHECK(again.exitCode == 1);
    CHECK(again.err.find("已经评价过了") != std::string::npos);
    // Not a score, not a meal, no such record.
    CHECK(score(r2, "4").exitCode == 2);
    CHECK(score(r2, "0").exitCode == 2);
    auto notMeal = score(health, "3");
    CHECK(notMeal.exitCode == 1);
    CHECK(notMeal.err.find("不是用餐") != std::string::npos);
    CHECK(score(9999, "3").exitCode == 1);
    REQUIRE(score(r2, "2").exitCode == 0);
    REQUIRE(score(r3, "1").exitCode == 0);

    // The posting: 午餐满意度：好 1，一般 1，不好 1 (breakfast, with none, 0 each); no 助医 line.
    auto out = (dir.path() / "posting").string();
    auto posting = kioskAt(noon + 900, {"posting", "--site", site, "--month", "2027-03", "--out", out, "--no-print"});
    REQUIRE_MESSAGE(posting.exitCode == 0, posting.err);
    std::string text = squeezedText(out + "/posting-2027-03.pdf");
    CHECK_MESSAGE(text.find("午餐满意度：好1，一般1，不好1。") != std::string::npos, text);
    CHECK_MESSAGE(text.find("早餐满意度：好0，一般0，不好0。") != std::string::npos, text);
    CHECK(text.find("助医满意度") == std::string::npos);

    // The settlement's PDF carries the same counts; its CSV (the claim) does not.
    auto settled = kioskAt(noon + 900, {"settlement", "--site", site, "--month", "2027-03", "--out", out});
    REQUIRE_MESSAGE(settled.exitCode == 0, settled.err);
    std::string claim = squeezedText(out + "/settlement-2027-03.pdf");
    CHECK_MESSAGE(claim.find("老人满意度：早餐好0，一般0，不好0；午餐好1，一般1，不好1") != std::string::npos, claim);
    CHECK(test::readFile(out + "/settlement-2027-03.csv").find("满意") == std::string::npos);
}
