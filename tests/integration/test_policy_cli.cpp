// The policy as users and scripts meet it through build/bin/kiosk: `policy explain` (JSON and the
// sentence, records nothing), monthly caps held by several `kiosk scan` processes at once, and the
// posting's 收费标准.
#include <doctest/doctest.h>

#include <future>
#include <nlohmann/json.hpp>

#include "shared/core/money_json.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"

using namespace mh;
using test::kiosk;
using Json = nlohmann::json;

namespace {

const std::string kToml = R"(
[site]
id = "141024-001"
name = "洪洞测试食堂"

[policy]
pick = "highest"

[[service]]
id = "lunch"
name = "午餐"
price_fen = 1000

[[service]]
id = "dinner"
name = "晚餐"
price_fen = 800

[[rule]]
name = "养老服务补贴"
categories = ["kunnan"]
min_age = 80
services = ["lunch", "dinner"]
government_fen = 300
month_cap_fen = 700

[[rule]]
name = "护理补贴"
group = "care"
all_categories = ["kunnan", "shineng"]
min_age = 60
collective_fen = 200
)";

struct PolicySite {
    test::TempDir dir;
    std::string site;
    std::string id2 = test::makeIdNumber("19400305", 21);  // E2: 经济困难, 86
    PolicySite() {
        site = (dir.path() / "site").string();
        auto init = kiosk({"init", "--site", site, "--site-id", "141024-001", "--name", "洪洞测试食堂"});
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        test::writeFile(dir.path() / "site/site.toml", kToml);
        test::writeFile(dir.path() / "roster.csv", "elder_id,name,id_number,categories,village\nE2,王秀英," + id2 +
                                                       ",kunnan,北关村\n");
        auto imp = kiosk({"roster", "import", "--site", site, (dir.path() / "roster.csv").string()});
        REQUIRE_MESSAGE(imp.exitCode == 0, imp.err);
    }
    Json scan(const std::string& at, const std::string& service = "lunch") {
        auto r = kiosk({"scan", "--site", site, "--service", service, "--at", at, id2});
        REQUIRE_MESSAGE(r.exitCode == 0, (r.out + r.err));
        return Json::parse(r.out);
    }
    Json explain(const std::string& at, int expectExit = 0) {
        auto r = kiosk({"policy", "explain", "--site", site, "--elder", "E2", "--service", "lunch", "--at", at});
        REQUIRE_MESSAGE(r.exitCode == expectExit, (r.out + r.err));
        return Json::parse(r.out);
    }
};

const Json* detail(const Json& j, const std::string& rule) {
    for (const auto& d : j["details"])
        if (d["rule"] == rule) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("policy explain says which rules apply, what each pays and why the others do not") {
    PolicySite s;
    // Two lunches paid 3 + 3 yuan of the 7-yuan cap.
    CHECK(s.scan("2026-11-02T11:30")["shares_fen"]["government"] == 300);
    CHECK(s.scan("2026-11-03T11:30")["shares_fen"]["government"] == 300);
    Json j = s.explain("2026-11-04T11:30");
    CHECK(j["elder_id"] == "E2");
    CHECK(j["name"] == "王*英");
    CHECK(j["price_fen"] == 1000);
    CHECK(j["rules"] == Json::array({"养老服务补贴"}));
    CHECK(j["shares_fen"] == Json{{"government", 100}, {"collective", 0}, {"donation", 0}, {"family", 0}, {"elder", 900}});
    const Json* paid = detail(j, "养老服务补贴");
    REQUIRE(paid);
    CHECK((*paid)["status"] == "applied");
    CHECK((*paid)["paid_fen"] == 100);
    CHECK((*paid)["month_paid_fen"] == 600);
    CHECK((*paid)["month_cap_fen"] == 700);
    const Json* care = detail(j, "护理补贴");
    REQUIRE(care);
    CHECK((*care)["status"] == "category");
    CHECK((*care)["matched"] == false);
    // The partly used cap is named: this meal takes the last of it.
    CHECK(j["sentence"] == "王*英11月4日午餐10元：「养老服务补贴」补贴1元（政府1元），您付9元，「养老服务补贴」本月额度用完了。");

    // Explaining recorded nothing: the third lunch still gets the 1 yuan left, then the cap is spent.
    CHECK(s.scan("2026-11-04T11:30")["shares_fen"]["government"] == 100);
    j = s.explain("2026-11-05T11:30");
    CHECK_FALSE(j.contains("rules"));
    CHECK(j["shares_fen"]["elder"] == 1000);
    CHECK((*detail(j, "养老服务补贴"))["status"] == "month_cap_spent");
    CHECK(j["matched"] == Json::array({"养老服务补贴"}));
    CHECK(j["sentence"] == "王*英11月5日午餐10元：没有可以享受的补贴，按原价付10元。「养老服务补贴」本月7元额度已用完。");
    // The same elder already ate lunch on the 4th: explain says so (a scan would be a duplicate).
    j = s.explain("2026-11-04T12:00");
    CHECK(j["already_today"] == true);
    CHECK(j["recorded"]["shares_fen"]["elder"] == 900);
    CHECK(j["sentence"] == "王*英11月4日的午餐已经签到过了（11:30）：10元，「养老服务补贴」补贴1元（政府1元），您付了9元。再刷会提示重复。");

    // Exit codes: an unknown elder is refused (1), an unknown service or a bad time is bad usage (2).
    auto unknown = kiosk({"policy", "explain", "--site", s.site, "--elder", "NOBODY", "--service", "lunch"});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.find("NOBODY") != std::string::npos);
    CHECK(kiosk({"policy", "explain", "--site", s.site, "--elder", "E2", "--service", "supper"}).exitCode == 2);
    CHECK(kiosk({"policy", "explain", "--site", s.site, "--elder", "E2", "--service", "lunch", "--at", "tomorrow"}).exitCode == 2);
}

TEST_CASE("several kiosk scan processes at once never pay past an elder's monthly cap") {
    PolicySite s;
    // Six processes, six different days of November, started together: the 7-yuan cap allows
    // 3 + 3 + 1 yuan in whatever order they take the write lock; the other three pay full price.
    std::vector<std::future<test::ProcessResult>> runs;
    for (int i = 0; i < 6; ++i)
        runs.push_back(std::async(std::launch::async, [&s, i] {
            return kiosk({"scan", "--site", s.site, "--service", "lunch", "--at",
                          "2026-11-1" + std::to_string(i) + "T11:30", s.id2});
        }));
    Fen government;
    int subsidised = 0;
    for (auto& f : runs) {
        auto r = f.get();
        REQUIRE_MESSAGE(r.exitCode == 0, (r.out + r.err));
        Json j = Json::parse(r.out);
        CHECK(j["outcome"] == "accepted");
        Fen g = j["shares_fen"]["government"];
        government += g;
        subsidised += g > 0_fen;
        CHECK(j["shares_fen"]["government"].get<Fen>() + j["shares_fen"]["elder"].get<Fen>() == 1000_fen);
    }
    CHECK(government == 700_fen);
    CHECK(subsidised == 3);
}

TEST_CASE("the posting prints the 收费标准 in force that month") {
    PolicySite s;
    s.scan("2026-11-02T11:30");
    test::TempDir out;
    auto r = kiosk({"posting", "--site", s.site, "--month", "2026-11", "--out", out.path().string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    std::string cmd = "pdftotext -enc UTF-8 '" + (out.path() / "posting-2026-11.pdf").string() + "' -";
    std::string text;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    REQUIRE(pclose(p) == 0);
    std::string squeezed;  // pdftotext breaks lines where the PDF wraps them
    for (char c : text)
        if (c != ' ' && c != '\n') squeezed += c;
    CHECK(squeezed.find("收费标准") != std::string::npos);
    CHECK(squeezed.find("价格：午餐10元，晚餐8元。") != std::string::npos);
    CHECK(squeezed.find("养老服务补贴（经济困难且80岁以上）：午餐、晚餐，每次政府补贴3元，其余老人自付，每月最多7元。") != std::string::npos);
    CHECK(squeezed.find("护理补贴（经济困难且失能且60岁以上）：所有收费服务，每次村集体补贴2元，其余老人自付。") != std::string::npos);
    CHECK(squeezed.find("不同类的补贴可以同时享受") != std::string::npos);
}

TEST_CASE("policy v3 through the executable: a delivered scan pays its delivery, explain --delivered agrees, a misspelt village warns") {
    PolicySite s;
    test::writeFile(s.dir.path() / "site/site.toml", R"(
[site]
id = "141024-001"
name = "洪洞测试食堂"

[[service]]
id = "lunch"
name = "午餐"
price_fen = 1000
delivery_fen = 300

[[rule]]
name = "送餐补贴"
delivered = true
government_fen = 300

[[rule]]
name = "北关补贴"
villages = ["北官村"]
government_fen = 100

[[operating]]
name = "送餐运营补贴"
per = "meal"
delivered = true
fen = 200
)");
    auto explained = kiosk({"policy", "explain", "--site", s.site, "--elder", "E2", "--service", "lunch", "--at",
                            "2026-11-04T11:30", "--delivered"});
    REQUIRE_MESSAGE(explained.exitCode == 0, explained.err);
    Json j = Json::parse(explained.out);
    CHECK(j["price_fen"] == 1300);
    CHECK(j["shares_fen"]["government"] == 300);
    CHECK(j["operating_fen"] == 200);
    REQUIRE(j["warnings"].size() == 1);
    CHECK(j["warnings"][0] == "site.toml第17行：规则「北关补贴」的村 \"北官村\" 名册里没有老人（拼写错了吗？），名册里的村有：北关村");
    auto r = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-04T11:30", "--delivered", s.id2});
    REQUIRE_MESSAGE(r.exitCode == 0, (r.out + r.err));
    Json scan = Json::parse(r.out);
    CHECK(scan["price_fen"] == 1300);
    CHECK(scan["shares_fen"]["elder"] == 1000);
    auto tally = kiosk({"tally", "--site", s.site, "--date", "2026-11-04"});
    REQUIRE_MESSAGE(tally.exitCode == 0, tally.err);
    Json t = Json::parse(tally.out);
    CHECK(t["services"][0]["operating_fen"] == 200);
    CHECK(t["records"][0]["operating_fen"] == 200);
    // A key written twice is refused in Chinese with its line (exit 2), never toml++'s English.
    test::writeFile(s.dir.path() / "site/site.toml", "[site]\nid = \"141024-001\"\nname = \"a\"\nname = \"b\"\n");
    auto broken = kiosk({"policy", "explain", "--site", s.site, "--elder", "E2", "--service", "lunch"});
    CHECK(broken.exitCode == 2);
    CHECK(broken.err.find("第4行") != std::string::npos);
    CHECK(broken.err.find("写了两次") != std::string::npos);
}
