// Contract 12 through the real verbs (build/bin/kiosk): meals of guests, staff and volunteers in the
// tally's `others` only, voided like any record; 代领 allowed or refused by [proxy]; what the driver
// found at the door voiding a not-home meal and raising the visit alert with the phone number.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "shared/cards/card_signature.hpp"
#include "shared/site/site_keys.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"

using namespace mh;
using test::kiosk;
using Json = nlohmann::json;

namespace {

// standardToml with lunch's prices for others, and `extra` (e.g. a [proxy] table) at the end.
std::string eatsToml(const std::string& extra = "") {
    std::string toml = test::standardToml(extra);
    const std::string lunch = "price_fen = 1000\n";
    toml.replace(toml.find(lunch), lunch.size(), lunch + "guest_price_fen = 1500\nstaff_price_fen = 800\nvolunteer_price_fen = 0\n");
    return toml;
}

struct EatsSite {
    test::TempDir dir;
    std::string site = (dir.path() / "site").string();
    explicit EatsSite(const std::string& toml = eatsToml()) {
        auto init = kiosk({"init", "--site", site, "--site-id", "141022-001", "--name", "北关村老年食堂"});
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        test::writeFile(dir.path() / "site/site.toml", toml);
        test::writeFile(dir.path() / "roster.csv",
                        "elder_id,name,birth_date,categories,village,phone\n"
                        "E1,张桂兰,1940-01-02,dibao,北关村,13800000001\n"
                        "E2,王秀英,1950-03-04,,南关村,13800000002\n");
        auto imp = kiosk({"roster", "import", "--site", site, (dir.path() / "roster.csv").string()});
        REQUIRE_MESSAGE(imp.exitCode == 0, imp.err);
    }
    std::string card(const std::string& elder) const {
        auto keys = SiteKeys::load(dir.path() / "site");
        REQUIRE(keys.ok());
        return signCard({elder, "1"}, keys->card.sec);
    }
    Json run(std::vector<std::string> args, int expectExit) const {
        // `delivery alerts --site DIR`: the site goes after the subcommand.
        const bool sub = args.size() > 1 && (args[1] == "alerts" || args[1] == "handled" || args[1] == "sheet");
        args.insert(args.begin() + (sub ? 2 : 1), {"--site", site});
        auto r = kiosk(args);
        INFO(args[0], " ", r.err);
        CHECK(r.exitCode == expectExit);
        return r.out.empty() ? Json() : Json::parse(r.out);
    }
    Json tally(const std::string& date) const { return run({"tally", "--date", date}, 0); }
    Json scan(const std::string& elder, const std::string& at, std::vector<std::string> more, int expectExit) const {
        std::vector<std::string> args{"scan", "--service", "lunch", "--at", at};
        args.insert(args.end(), more.begin(), more.end());
        args.push_back(card(elder));
        return run(args, expectExit);
    }
};

const Json& lunchOf(const Json& tally) {
    for (const auto& s : tally["services"])
        if (s["id"] == "lunch") return s;
    FAIL("no lunch in the tally");
    return tally;
}

}  // namespace

TEST_CASE("meal records guests, staff and volunteers at their prices, only in the tally's others, and void takes one out") {
    EatsSite s;
    Json guests = s.run({"meal", "--service", "lunch", "--kind", "guest", "--count", "3", "--at", "2026-11-24T11:40"}, 0);
    CHECK(guests["outcome"] == "accepted");
    CHECK(guests["kind"] == "guest");
    CHECK(guests["count"] == 3);
    CHECK(guests["paid_fen"] == 4500);
    Json staff = s.run({"meal", "--service", "lunch", "--kind", "staff", "--at", "2026-11-24T11:45"}, 0);
    CHECK(staff["paid_fen"] == 800);
    Json vol = s.run({"meal", "--service", "lunch", "--kind", "volunteer", "--name", "李志愿", "--hours", "3.5", "--at",
                      "2026-11-24T11:50"}, 0);
    CHECK(vol["paid_fen"] == 0);
    CHECK(vol["hours"] == 3.5);
    // A volunteer without name or hours is refused as bad usage, and nothing is recorded.
    CHECK(s.run({"meal", "--service", "lunch", "--kind", "volunteer", "--at", "2026-11-24T11:55"}, 2).is_null());
    CHECK(s.run({"meal", "--service", "lunch", "--kind", "volunteer", "--name", "李志愿", "--at", "2026-11-24T11:55"}, 2).is_null());
    CHECK(s.run({"meal", "--service", "lunch", "--kind", "visitor", "--at", "2026-11-24T11:55"}, 2).is_null());
    Json elder = s.scan("E1", "2026-11-24T11:32", {}, 0);
    REQUIRE(elder["outcome"] == "accepted");
    // One id space: the elder's record and the other meals never share an id.
    CHECK(elder["record_id"] != guests["record_id"]);

    Json t = s.tally("2026-11-24");
    const Json& lunch = lunchOf(t);
    CHECK(lunch["count"] == 1);
    CHECK(lunch["price_fen"] == 1000);
    CHECK(lunch["shares_fen"]["government"] == 600);
    CHECK(lunch["by_rule"] == Json{{"低保高龄", 1}});
    CHECK(lunch["others"] == Json{{"guest", {{"count", 3}, {"paid_fen", 4500}}},
                                  {"staff", {{"count", 1}, {"paid_fen", 800}}},
                                  {"volunteer", {{"count", 1}, {"paid_fen", 0}}}});
    CHECK(t["records"].size() == 1);
    CHECK(t["records"][0]["record_id"] == elder["record_id"]);

    // Voided like any record: the staff meal leaves `others`; voiding it twice is refused.
    Json v = s.run({"void", "--record", std::to_string(staff["record_id"].get<int>()), "--reason", "记错了", "--staff", "王"}, 0);
    CHECK(v["voided"] == true);
    s.run({"void", "--record", std::to_string(staff["record_id"].get<int>()), "--reason", "记错了", "--staff", "王"}, 1);
    Json after = lunchOf(s.tally("2026-11-24"));
    CHECK_FALSE(after["others"].contains("staff"));
    CHECK(after["others"]["guest"]["count"] == 3);
    CHECK(after["count"] == 1);
}

TEST_CASE("meal checks opening hours as a scan does: a closed lunch is refused with the scan's words and exit code, --at inside passes") {
    EatsSite s;
    Json scan = s.scan("E1", "2026-11-24T15:00", {}, 1);
    REQUIRE(scan["outcome"] == "closed");
    Json meal = s.run({"meal", "--service", "lunch", "--kind", "guest", "--count", "2", "--at", "2026-11-24T15:00"}, 1);
    CHECK(meal["outcome"] == "closed");
    CHECK(meal["message"] == scan["message"]);
    CHECK(meal["message"].get<std::string>().find("10:30") != std::string::npos);
    // Before opening too; the last minute inside the hours passes.
    CHECK(s.run({"meal", "--service", "lunch", "--kind", "staff", "--at", "2026-11-24T10:29"}, 1)["outcome"] == "closed");
    CHECK(s.run({"meal", "--service", "lunch", "--kind", "staff", "--at", "2026-11-24T13:29"}, 0)["outcome"] == "accepted");
    // Only the meal inside the hours is in the book.
    const Json t = s.tally("2026-11-24");
    CHECK(lunchOf(t)["others"] == Json{{"staff", {{"count", 1}, {"paid_fen", 800}}}});
}

TEST_CASE("proxy not allowed: every --proxy scan is refused as ineligible and records nothing") {
    EatsSite s;  // no [proxy]: not allowed (the default)
    Json r = s.scan("E1", "2026-11-24T11:32", {"--proxy", "张明/儿子"}, 1);
    CHECK(r["outcome"] == "ineligible");
    CHECK(r["message"].get<std::string>().find("不允许代领") != std::string::npos);
    CHECK_FALSE(r.contains("record_id"));
    Json r2 = s.scan("E2", "2026-11-24T11:33", {"--proxy", "王芳/女儿"}, 1);
    CHECK(r2["outcome"] == "ineligible");
    Json t = s.tally("2026-11-24");
    CHECK(t["records"].empty());
    CHECK(lunchOf(t)["count"] == 0);
    CHECK(lunchOf(t)["proxy"] == 0);
    // The elder in person still eats.
    CHECK(s.scan("E1", "2026-11-24T11:40", {}, 0)["outcome"] == "accepted");
}

TEST_CASE("proxy allowed twice a month: two collections are recorded with who collected, the third is refused") {
    EatsSite s(eatsToml("\n[proxy]\nallowed = true\nper_month = 2\n"));
    Json a = s.scan("E1", "2026-11-24T11:32", {"--proxy", "张明/儿子"}, 0);
    CHECK(a["outcome"] == "accepted");
    CHECK(a["proxy"] == Json{{"name", "张明"}, {"relation", "儿子"}});
    CHECK(s.scan("E1", "2026-11-25T11:32", {"--proxy", "张明/儿子"}, 0)["outcome"] == "accepted");
    Json third = s.scan("E1", "2026-11-26T11:32", {"--proxy", "李华/邻居"}, 1);
    CHECK(third["outcome"] == "ineligible");
    CHECK(third["message"].get<std::string>().find("代领次数已用完") != std::string::npos);
    CHECK(lunchOf(s.tally("2026-11-26"))["count"] == 0);
    // A new month has its uses again; another elder has their own.
    CHECK(s.scan("E1", "2026-12-01T11:32", {"--proxy", "张明/儿子"}, 0)["outcome"] == "accepted");
    CHECK(s.scan("E2", "2026-11-26T11:32", {"--proxy", "王芳/女儿"}, 0)["outcome"] == "accepted");
    Json t = s.tally("2026-11-24");
    CHECK(lunchOf(t)["proxy"] == 1);
    REQUIRE(t["records"].size() == 1);
    CHECK(t["records"][0]["proxy"] == Json{{"name", "张明"}, {"relation", "儿子"}});
    // A bad --proxy is bad usage.
    s.run({"scan", "--service", "lunch", "--at", "2026-11-27T11:32", "--proxy", "/儿子", s.card("E2")}, 2);
}

TEST_CASE("delivery not_home voids the meal, puts the elder on the day's alert list with the phone, and a note stays until handled") {
    EatsSite s;
    Json e1 = s.scan("E1", "2026-11-24T11:00", {"--delivered"}, 0);
    Json e2 = s.scan("E2", "2026-11-24T11:05", {"--delivered"}, 0);
    Json t0 = s.tally("2026-11-24");
    CHECK(lunchOf(t0)["count"] == 2);
    for (const auto& r : t0["records"]) CHECK(r["delivery"] == "pending");

    Json miss = s.run({"delivery", "--record", std::to_string(e1["record_id"].get<int>()), "--outcome", "not_home", "--by", "赵师傅",
                       "--at", "2026-11-24T11:40"}, 0);
    CHECK(miss["voided"] == true);
    Json ok = s.run({"delivery", "--record", std::to_string(e2["record_id"].get<int>()), "--outcome", "delivered", "--by", "赵师傅",
                     "--note", "腿脚不便，走路比上周慢", "--at", "2026-11-24T11:50"}, 0);
    CHECK(ok["voided"] == false);
    // A not-home meal cannot be delivered afterwards; an unknown outcome is bad usage.
    s.run({"delivery", "--record", std::to_string(e1["record_id"].get<int>()), "--outcome", "delivered", "--by", "赵师傅"}, 1);
    s.run({"delivery", "--record", std::to_string(e2["record_id"].get<int>()), "--outcome", "lost", "--by", "赵师傅"}, 2);

    Json t = s.tally("2026-11-24");
    CHECK(lunchOf(t)["count"] == 1);
    CHECK(lunchOf(t)["voided"] == 1);
    REQUIRE(t["records"].size() == 1);
    CHECK(t["records"][0]["elder_id"] == "E2");
    CHECK(t["records"][0]["delivery"] == "delivered");

    Json alerts = s.run({"delivery", "alerts", "--date", "2026-11-24"}, 0)["alerts"];
    REQUIRE(alerts.size() == 2);
    CHECK(alerts[0]["elder_id"] == "E1");
    CHECK(alerts[0]["outcome"] == "not_home");
    CHECK(alerts[0]["phone"] == "13800000001");
    CHECK(alerts[1]["elder_id"] == "E2");
    CHECK(alerts[1]["note"] == "腿脚不便，走路比上周慢");
    // The note stays on the next day's list until staff mark it handled; the not-home does not.
    Json next = s.run({"delivery", "alerts", "--date", "2026-11-25"}, 0)["alerts"];
    REQUIRE(next.size() == 1);
    CHECK(next[0]["elder_id"] == "E2");
    s.run({"delivery", "handled", "--outcome-id", std::to_string(next[0]["outcome_id"].get<int>()), "--by", "王"}, 0);
    CHECK(s.run({"delivery", "alerts", "--date", "2026-11-25"}, 0)["alerts"].empty());
}

TEST_CASE("a guest meal or a driver's outcome entered after a day was frozen makes a new tally revision for the county") {
    EatsSite s;
    Json e1 = s.scan("E1", "2026-11-24T11:00", {"--delivered"}, 0);
    s.run({"upload"}, 1);  // no endpoint: the past day is frozen as revision 1 and stays pending
    CHECK(s.tally("2026-11-24")["revision"] == 1);
    s.run({"meal", "--service", "lunch", "--kind", "guest", "--at", "2026-11-24T12:00"}, 0);
    CHECK(s.tally("2026-11-24")["revision"] == 2);
    s.run({"upload"}, 1);
    CHECK(s.tally("2026-11-24")["revision"] == 2);
    s.run({"delivery", "--record", std::to_string(e1["record_id"].get<int>()), "--outcome", "delivered", "--by", "赵师傅"}, 0);
    Json t = s.tally("2026-11-24");
    CHECK(t["revision"] == 3);
    CHECK(t["records"][0]["delivery"] == "delivered");
}
