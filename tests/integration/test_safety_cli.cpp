// Contract 14's food-safety book with real processes, the terminal's clock moved by faketime through
// a week: 晨检 and the daily check are due by the first meal's opening, a sample by the meal's close
// once it served anyone, its destruction 48 h later, and a skipped weekly check is overdue on day 8.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/run_process.hpp"
#include "support/skip.hpp"
#include "support/test_site.hpp"

using namespace mh;
using Json = nlohmann::json;

namespace {

constexpr const char* kFaketime = "/usr/bin/faketime";
// Monday 2027-03-01 06:00 in Asia/Shanghai; breakfast opens 07:00, lunch 10:30-13:30 (standardToml).
constexpr std::int64_t kDay1 = 1803852000;
constexpr std::int64_t kHour = 3600, kDay = 86400;

test::ProcessResult kioskAt(std::int64_t unix, const std::vector<std::string>& args) {
    std::vector<std::string> argv{kFaketime, "@" + std::to_string(unix), test::kioskExe()};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::runProcess(argv);
}

struct SafetySite {
    test::TempDir dir;
    std::string site = (dir.path() / "site").string();
    SafetySite() {
        auto init = kioskAt(kDay1, {"init", "--site", site, "--site-id", "141022-001", "--name", "北关村老年食堂"});
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        test::writeFile(dir.path() / "site/site.toml", test::standardToml());
        test::writeFile(dir.path() / "roster.csv", "elder_id,name,birth_date\nE1,张桂兰,1940-01-02\n");
        auto imp = kioskAt(kDay1 + 60, {"roster", "import", "--site", site, (dir.path() / "roster.csv").string()});
        REQUIRE_MESSAGE(imp.exitCode == 0, imp.err);
    }
    Json status(std::int64_t at) const {
        auto r = kioskAt(at, {"safety", "status", "--site", site});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return Json::parse(r.out);
    }
    test::ProcessResult add(std::int64_t at, const std::string& kind, std::vector<std::string> fields) const {
        std::vector<std::string> args{"safety", "add", "--site", site, "--kind", kind, "--by", "王师傅"};
        for (auto& f : fields) {
            args.push_back("--field");
            args.push_back(f);
        }
        return kioskAt(at, args);
    }
};

// The overdue items of one kind, as "since meal dish" strings, since to the minute (faketime's clock
// runs on from where it was set, so a check lands a second or so after it).
std::vector<std::string> overdue(const Json& status, const std::string& kind) {
    std::vector<std::string> out;
    for (const auto& i : status["overdue"])
        if (i["kind"] == kind) out.push_back(i["since"].get<std::string>().substr(0, 16) + " " + i.value("meal", "") + " " + i.value("dish", ""));
    return out;
}

}  // namespace

TEST_CASE("safety status walks a week under faketime: due before the first meal, a sample's destruction 48 h on, the weekly check overdue on day 8") {
    if (!std::filesystem::exists(kFaketime)) return test::skipTest("faketime is missing: apt install faketime (scripts/setup)");
    SafetySite s;

    // 06:30, before breakfast: 晨检 and the daily check are due at 07:00, nothing is overdue yet.
    Json early = s.status(kDay1 + 30 * 60);
    CHECK(early["overdue"].empty());
    std::vector<std::string> dueKinds;
    for (const auto& i : early["today"]["due"]) dueKinds.push_back(i["kind"]);
    CHECK(std::count(dueKinds.begin(), dueKinds.end(), "morning") == 1);
    CHECK(std::count(dueKinds.begin(), dueKinds.end(), "daily") == 1);
    for (const auto& i : early["today"]["due"])
        if (i["kind"] == "morning") CHECK(i["due"] == "2027-03-01T07:00:00+08:00");

    // 07:01 with nothing done: both overdue since 07:00.
    Json late = s.status(kDay1 + kHour + 60);
    CHECK(overdue(late, "morning") == std::vector<std::string>{"2027-03-01T07:00  "});
    CHECK(overdue(late, "daily").size() == 1);

    // A late check clears it.
    auto m = s.add(kDay1 + kHour + 5 * 60, "morning", {"person=王师傅", "result=ok"});
    REQUIRE_MESSAGE(m.exitCode == 0, m.err);
    auto d = s.add(kDay1 + kHour + 6 * 60, "daily", {"electric=ok", "gas=ok", "food=ok"});
    REQUIRE_MESSAGE(d.exitCode == 0, d.err);
    CHECK(s.status(kDay1 + kHour + 7 * 60)["overdue"].empty());

    // Lunch serves someone at 11:00: its sample is due at the close, 13:30, and overdue after it.
    auto card = test::runProcess({test::kioskExe(), "card", "issue", "--site", s.site, "--elder", "E1", "--out",
                                  (s.dir.path() / "E1.png").string()});
    REQUIRE_MESSAGE(card.exitCode == 0, card.err);
    auto scan = kioskAt(kDay1 + 5 * kHour, {"scan", "--site", s.site, "--service", "lunch",
                                            Json::parse(card.out)["cards"][0]["payload"].get<std::string>()});
    REQUIRE_MESSAGE(scan.exitCode == 0, (scan.out + scan.err));
    CHECK(s.status(kDay1 + 7 * kHour + 29 * 60)["overdue"].empty());
    CHECK(overdue(s.status(kDay1 + 7 * kHour + 31 * 60), "sample") == std::vector<std::string>{"2027-03-01T13:30 lunch "});

    // A sample under 125 g is refused with its field's name; a good one clears the item.
    auto light = s.add(kDay1 + 7 * kHour + 35 * 60, "sample", {"dish=红烧豆腐", "grams=100", "meal=lunch"});
    CHECK(light.exitCode == 2);
    CHECK(light.err.find("grams") != std::string::npos);
    auto sample = s.add(kDay1 + 7 * kHour + 40 * 60, "sample", {"dish=红烧豆腐", "grams=150", "meal=lunch"});
    REQUIRE_MESSAGE(sample.exitCode == 0, sample.err);
    CHECK(overdue(s.status(kDay1 + 7 * kHour + 41 * 60), "sample").empty());

    // Its destruction: refused before 48 h, due at 13:40 on day 3 and overdue after it, cleared once done.
    std::int64_t sampleAt = kDay1 + 7 * kHour + 40 * 60;
    auto early_destroy = s.add(sampleAt + kDay, "sample_destroyed", {"dish=红烧豆腐", "meal=lunch"});
    CHECK(early_destroy.exitCode == 1);
    CHECK(early_destroy.err.find("48") != std::string::npos);
    CHECK(overdue(s.status(sampleAt + 2 * kDay - 60), "sample_destroyed").empty());
    CHECK(overdue(s.status(sampleAt + 2 * kDay + 60), "sample_destroyed") ==
          std::vector<std::string>{"2027-03-03T13:40 lunch 红烧豆腐"});
    auto destroy = s.add(sampleAt + 2 * kDay + 120, "sample_destroyed", {"dish=红烧豆腐", "meal=lunch"});
    REQUIRE_MESSAGE(destroy.exitCode == 0, destroy.err);
    CHECK(overdue(s.status(sampleAt + 2 * kDay + 180), "sample_destroyed").empty());

    // No weekly check all week: due 7 days after the site was made (day 8, 06:00), overdue from then.
    CHECK(overdue(s.status(kDay1 + 7 * kDay - 60), "weekly").empty());
    Json day8 = s.status(kDay1 + 7 * kDay + 60);
    CHECK(overdue(day8, "weekly") == std::vector<std::string>{"2027-03-08T06:00  "});
    // The days whose 晨检 was skipped stand overdue too (days 2-7, and day 8's is not due yet).
    CHECK(overdue(day8, "morning").size() == 6);
    auto weekly = s.add(kDay1 + 7 * kDay + 120, "weekly", {});
    REQUIRE_MESSAGE(weekly.exitCode == 0, weekly.err);
    CHECK(overdue(s.status(kDay1 + 7 * kDay + 180), "weekly").empty());

    // The month's posting counts them: one day with a 晨检, one sample, two checks (daily, weekly).
    auto out = (s.dir.path() / "posting").string();
    auto posting = kioskAt(kDay1 + 7 * kDay + 240, {"posting", "--site", s.site, "--month", "2027-03", "--out", out, "--no-print"});
    REQUIRE_MESSAGE(posting.exitCode == 0, posting.err);
    auto text = test::runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", out + "/posting-2027-03.pdf", "-"}).out;
    std::string squeezed;  // no spaces, no-break spaces or line breaks
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\u00a0") == 0) {
            ++i;
            continue;
        }
        if (text[i] != ' ' && text[i] != '\n') squeezed += text[i];
    }
    CHECK_MESSAGE(squeezed.find("食品安全：晨检1天，留样1次，检查2次。") != std::string::npos, squeezed);
}

TEST_CASE("safety add refuses a missing or wrong field with its name (exit 2) and records nothing") {
    if (!std::filesystem::exists(kFaketime)) return test::skipTest("faketime is missing: apt install faketime (scripts/setup)");
    SafetySite s;
    std::int64_t t = kDay1 + kHour;
    struct Case {
        std::string kind;
        std::vector<std::string> fields;
        std::string named;
    } cases[] = {
        {"morning", {"result=ok"}, "person"},
        {"morning", {"person=王师傅", "result=fine"}, "result"},
        {"morning", {"person=王师傅", "result=unwell"}, "symptoms"},
        {"sample", {"dish=青菜", "grams=150"}, "meal"},
        {"sample", {"dish=青菜", "grams=150", "meal=health"}, "meal"},
        {"sample", {"dish=青菜", "grams=1.5e2", "meal=lunch"}, "grams"},
        {"received", {"temperature_c=hot", "matches_menu=yes"}, "temperature_c"},
        {"received", {"temperature_c=65"}, "matches_menu"},
        {"daily", {"electric=ok", "gas=ok", "food=bad"}, "food"},
        {"daily", {"electric=ok", "gas=ok", "food=ok", "colour=red"}, "colour"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.kind);
        CAPTURE(c.named);
        auto r = s.add(t, c.kind, c.fields);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find(c.named) != std::string::npos);
    }
    auto kind = s.add(t, "lunch_check", {});
    CHECK(kind.exitCode == 2);
    Json st = s.status(t + 60);
    CHECK(st["today"]["done"].empty());
    // The good one is recorded, with its fields, and `--at` keeps the check's own time.
    auto ok = kioskAt(t, {"safety", "add", "--site", s.site, "--kind", "received", "--by", "李会计", "--field",
                          "temperature_c=62.5", "--field", "matches_menu=yes", "--at", "2027-03-01T06:50"});
    REQUIRE_MESSAGE(ok.exitCode == 0, ok.err);
    CHECK(Json::parse(ok.out)["at"] == "2027-03-01T06:50:00+08:00");
    Json after = s.status(t + 120);
    REQUIRE(after["today"]["done"].size() == 1);
    CHECK(after["today"]["done"][0]["fields"]["temperature_c"] == "62.5");
    CHECK(after["today"]["done"][0]["by"] == "李会计");
}

TEST_CASE("menu set and menu sheet: the week's dishes on an A4 page of real text, a bad week or service refused") {
    test::TempDir dir;
    std::string site = (dir.path() / "site").string();
    auto init = test::kiosk({"init", "--site", site, "--site-id", "141022-001", "--name", "北关村老年食堂"});
    REQUIRE_MESSAGE(init.exitCode == 0, init.err);
    test::writeFile(dir.path() / "site/site.toml", test::standardToml());
    auto set = test::kiosk({"menu", "set", "--site", site, "--date", "2027-03-03", "--service", "lunch", "--dishes",
                            "红烧豆腐，清炒时蔬、米饭"});
    REQUIRE_MESSAGE(set.exitCode == 0, set.err);
    CHECK(Json::parse(set.out)["dishes"] == Json::array({"红烧豆腐", "清炒时蔬", "米饭"}));
    auto bad = test::kiosk({"menu", "set", "--site", site, "--date", "2027-03-03", "--service", "health", "--dishes", "青菜"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("lunch") != std::string::npos);  // names the meals it may be

    auto pdf = (dir.path() / "menu.pdf").string();
    CHECK(test::kiosk({"menu", "sheet", "--site", site, "--week", "2027-9", "--out", pdf}).exitCode == 2);
    auto sheet = test::kiosk({"menu", "sheet", "--site", site, "--week", "2027-W09", "--out", pdf});
    REQUIRE_MESSAGE(sheet.exitCode == 0, sheet.err);
    CHECK(Json::parse(sheet.out)["days_with_menu"] == 1);
    auto info = test::runProcess({"/usr/bin/pdfinfo", pdf});
    CHECK(info.out.find("Pages:           1\n") != std::string::npos);
    CHECK(info.out.find("595.28 x 841.89") != std::string::npos);  // A4
    auto text = test::runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-"});
    for (const char* s : {"本周菜谱", "3月1日 至 3月7日", "星期三", "红烧豆腐", "清炒时蔬", "午餐", "早餐"})
        CHECK_MESSAGE(text.out.find(s) != std::string::npos, s);
}
