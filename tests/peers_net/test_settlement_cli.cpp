// Contract 12's settlement with real processes: a scripted month on two terminals of one site (each
// running `kiosk serve`, peers over loopback) with elders, guests, staff, volunteers, 代领, delivered
// and not-home meals and voids. Every settlement CSV line must equal an independent sum of the two
// terminals' `kiosk tally` outputs, to the fen; no other meal is ever in a claim line; both terminals
// print the same settlement; the PDF is real text with the signature lines.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "shared/cards/card_signature.hpp"
#include "shared/roster/roster_import.hpp"
#include "support/free_port.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"
#include "support/wait_until.hpp"

using namespace mh;
using namespace mh::test;
namespace fs = std::filesystem;
using J = nlohmann::json;

namespace {

constexpr auto kProcessWait = std::chrono::seconds(20);
constexpr auto kPoll = std::chrono::milliseconds(50);

// The standard policy (one rule at most per meal), lunch's prices for others, and 代领 allowed.
std::string settlementToml() {
    std::string toml = standardToml("\n[proxy]\nallowed = true\nper_month = 5\n");
    const std::string lunch = "price_fen = 1000\n";
    toml.replace(toml.find(lunch), lunch.size(), lunch + "guest_price_fen = 1500\nstaff_price_fen = 800\nvolunteer_price_fen = 0\n");
    return toml;
}

struct Door {
    fs::path dir;
    std::string listen;
    int pid = -1;
    ~Door() { stop(); }
    void serve(const fs::path& scratch, bool withCode) {
        auto out = scratch / (dir.filename().string() + ".out"), err = scratch / (dir.filename().string() + ".err");
        fs::remove(out);
        std::vector<std::string> args{"serve", "--site", dir.string(), "--listen", listen};
        if (withCode) args.insert(args.end(), {"--code-file", (scratch / "code").string()});
        pid = spawnKiosk(args, out.string(), err.string());
        bool up = waitUntil([&] { return readFile(out).find('}') != std::string::npos; }, kProcessWait, kPoll);
        INFO(readFile(err));
        REQUIRE(up);
    }
    void stop() {
        if (pid <= 0) return;
        ::kill(pid, SIGTERM);
        CHECK(waitExit(pid) == 0);
        pid = -1;
    }
    J run(std::vector<std::string> args, int expectExit = 0) const {
        args.insert(args.begin() + 1, {"--site", dir.string()});
        auto r = kiosk(args);
        INFO(args[0], " ", r.err);
        CHECK(r.exitCode == expectExit);
        return r.out.empty() ? J() : J::parse(r.out);
    }
};

struct TwoDoors {
    TempDir scratch;
    Door a, b;
    SecretKey cardKey{};
    TwoDoors() {
        a.dir = scratch.path() / "a";
        b.dir = scratch.path() / "b";
        a.listen = "127.0.0.1:" + std::to_string(freePort());
        b.listen = "127.0.0.1:" + std::to_string(freePort());
        auto site = makeSite(a.dir, settlementToml());
        const std::string csv =
            "elder_id,name,birth_date,categories,village,phone\n"
            "E1,张桂兰,1940-01-02,dibao,北关村,13800000001\nE2,王秀英,1944-03-04,,北关村,13800000002\n"
            "E3,李淑珍,1950-05-05,tekun,南关村,13800000003\nE4,刘玉兰,1955-01-01,,南关村,13800000004\n";
        REQUIRE(importRoster(*site, csv, LocalDate::of(2026, 11, 1), "2026-11-01T08:00:00+08:00", "test"));
        cardKey = site->keys().card.sec;
        site.reset();
        a.serve(scratch.path(), true);
        const fs::path code = scratch.path() / "code";
        REQUIRE(waitUntil([&] { return fs::exists(code) && readFile(code).size() >= 6; }, kProcessWait, kPoll));
        auto r = kiosk({"init", "--site", b.dir.string(), "--join", a.listen, "--code", readFile(code).substr(0, 6), "--listen", b.listen});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        b.serve(scratch.path(), false);
    }
    std::string card(const std::string& elder) const { return signCard({elder, "1"}, cardKey); }
    J scan(const Door& d, const std::string& elder, const std::string& service, const std::string& at,
           std::vector<std::string> more = {}) const {
        std::vector<std::string> args{"scan", "--service", service, "--at", at};
        args.insert(args.end(), more.begin(), more.end());
        args.push_back(card(elder));
        J r = d.run(args, 0);
        REQUIRE(r["outcome"] == "accepted");
        return r;
    }
    J meal(const Door& d, const std::string& kind, int count, const std::string& at, std::vector<std::string> more = {}) const {
        std::vector<std::string> args{"meal", "--service", "lunch", "--kind", kind, "--count", std::to_string(count), "--at", at};
        args.insert(args.end(), more.begin(), more.end());
        return d.run(args, 0);
    }
};

std::string id(const J& r) { return std::to_string(r["record_id"].get<std::int64_t>()); }

// One CSV line's figures, as a row of the file.
struct Row {
    long count = 0, gov = 0, col = 0, don = 0, fam = 0, eld = 0, op = 0;
    std::string paid;
    bool operator==(const Row&) const = default;
};
std::ostream& operator<<(std::ostream& o, const Row& r) {
    return o << r.count << "," << r.gov << "," << r.col << "," << r.don << "," << r.fam << "," << r.eld << "," << r.op << ",[" << r.paid << "]";
}

std::map<std::pair<std::string, std::string>, Row> readCsv(const std::string& text, std::vector<std::pair<std::string, std::string>>& order) {
    std::map<std::pair<std::string, std::string>, Row> rows;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ls(line);
        std::string cell;
        while (std::getline(ls, cell, ',')) f.push_back(cell);
        if (line.back() == ',') f.push_back("");
        REQUIRE(f.size() == 10);
        Row r{std::stol(f[2]), std::stol(f[3]), std::stol(f[4]), std::stol(f[5]), std::stol(f[6]), std::stol(f[7]), std::stol(f[8]), f[9]};
        order.emplace_back(f[0], f[1]);
        rows[{f[0], f[1]}] = r;
    }
    return rows;
}

}  // namespace

TEST_CASE("settlement of a month on two terminals: every CSV line is the sum of both terminals' tallies, to the fen") {
    TwoDoors h;
    Door& a = h.a;
    Door& b = h.b;
    // Day 1 (Mon 2 Nov): elders at both doors, one meal collected by a son, guests, staff, a volunteer.
    h.scan(a, "E1", "lunch", "2026-11-02T11:30");
    h.scan(a, "E2", "lunch", "2026-11-02T11:31", {"--proxy", "王强/儿子"});
    h.meal(a, "guest", 2, "2026-11-02T11:40");
    h.scan(b, "E3", "lunch", "2026-11-02T11:00", {"--delivered"});
    h.scan(b, "E4", "lunch", "2026-11-02T11:35");
    h.scan(b, "E4", "breakfast", "2026-11-02T07:30");
    h.meal(b, "staff", 3, "2026-11-02T12:00");
    h.meal(b, "volunteer", 1, "2026-11-02T12:05", {"--name", "陈志愿", "--hours", "4"});
    // Day 2: one delivered meal nobody took (voided by the outcome), one delivered; a guest meal and an
    // elder's meal voided by staff.
    J notHome = h.scan(a, "E1", "lunch", "2026-11-03T11:00", {"--delivered"});
    a.run({"delivery", "--record", id(notHome), "--outcome", "not_home", "--by", "赵师傅", "--at", "2026-11-03T11:45"});
    J taken = h.scan(b, "E2", "lunch", "2026-11-03T11:02", {"--delivered"});
    b.run({"delivery", "--record", id(taken), "--outcome", "delivered", "--by", "赵师傅", "--at", "2026-11-03T11:50"});
    J wrongGuest = h.meal(a, "guest", 1, "2026-11-03T11:40");
    a.run({"void", "--record", id(wrongGuest), "--reason", "记错了", "--staff", "王"});
    J wrongMeal = h.scan(b, "E3", "lunch", "2026-11-03T11:30");
    b.run({"void", "--record", id(wrongMeal), "--reason", "刷错了", "--staff", "王"});
    h.scan(a, "E4", "lunch", "2026-11-03T11:33");
    // Day 3: more of each, the other way round.
    h.scan(b, "E1", "lunch", "2026-11-04T11:30", {"--proxy", "张明/儿子"});
    h.scan(a, "E3", "lunch", "2026-11-04T11:31");
    h.meal(b, "guest", 5, "2026-11-04T11:50");
    h.meal(a, "staff", 1, "2026-11-04T12:10");
    // December is not November's business.
    h.scan(a, "E2", "lunch", "2026-12-01T11:30");

    // The independent sum: both terminals' tallies of every day of the month (days without records
    // give empty tallies).
    std::map<std::pair<std::string, std::string>, Row> want;
    std::vector<std::string> services{"breakfast", "lunch", "health"};
    for (const auto& s : services) want[{s, "合计"}] = Row{};
    for (int day = 1; day <= 30; ++day) {
        char date[11];
        std::snprintf(date, sizeof date, "2026-11-%02d", day);
        for (const Door* d : {&a, &b}) {
            J t = d->run({"tally", "--date", date});
            for (const auto& s : t["services"]) {
                const std::string sid = s["id"];
                Row& total = want[{sid, "合计"}];
                total.count += s["count"].get<long>();
                total.gov += s["shares_fen"]["government"].get<long>();
                total.col += s["shares_fen"]["collective"].get<long>();
                total.don += s["shares_fen"]["donation"].get<long>();
                total.fam += s["shares_fen"]["family"].get<long>();
                total.eld += s["shares_fen"]["elder"].get<long>();
                if (s["proxy"].get<long>() > 0) want[{sid, "代领"}].count += s["proxy"].get<long>();
                for (const auto& [rule, n] : s["by_rule"].items()) want[{sid, rule}].count += n.get<long>();
                for (const auto& [kind, o] : s["others"].items()) {
                    Row& r = want[{sid, kind}];
                    r.count += o["count"].get<long>();
                    r.paid = std::to_string((r.paid.empty() ? 0 : std::stol(r.paid)) + o["paid_fen"].get<long>());
                }
            }
            for (const auto& r : t["records"]) {
                const std::string sid = r["service"];
                // One rule at most pays a meal under this policy: its line has the record's shares, the
                // elder's part included (shown once, on the record's own rule's line).
                Row& line = want[{sid, r.contains("rule") ? r["rule"].get<std::string>() : std::string("未补贴")}];
                if (!r.contains("rule")) ++line.count;
                line.eld += r["shares_fen"]["elder"].get<long>();
                line.gov += r["shares_fen"]["government"].get<long>();
                line.col += r["shares_fen"]["collective"].get<long>();
                line.don += r["shares_fen"]["donation"].get<long>();
                line.fam += r["shares_fen"]["family"].get<long>();
            }
        }
    }
    want[{"lunch", "未送达"}].count = 1;  // the one delivered meal nobody was home for (its tallies only say voided)

    fs::path outA = h.scratch.path() / "out-a", outB = h.scratch.path() / "out-b";
    J sa = a.run({"settlement", "--month", "2026-11", "--out", outA.string()});
    J sb = b.run({"settlement", "--month", "2026-11", "--out", outB.string()});
    CHECK(sa["terminals"].size() == 2);
    const std::string csvA = readFile(outA / "settlement-2026-11.csv");
    CHECK(csvA.rfind("\xEF\xBB\xBF" "service,line,count,government_fen,collective_fen,donation_fen,family_fen,elder_fen,operating_fen,paid_fen\n", 0) == 0);
    // Both terminals have seen every record: the same claim from either.
    CHECK(csvA == readFile(outB / "settlement-2026-11.csv"));
    std::vector<std::pair<std::string, std::string>> order;
    auto got = readCsv(csvA.substr(3), order);
    for (const auto& [key, row] : want) {
        CAPTURE(key.first);
        CAPTURE(key.second);
        REQUIRE(got.count(key) == 1);
        CHECK(got[key] == row);
    }
    CHECK(got.size() == want.size());
    // 合计 per service in site.toml order, zeros included; no other meal in a claim line.
    std::vector<std::string> totals;
    for (const auto& [svc, line] : order)
        if (line == "合计") totals.push_back(svc);
    CHECK(totals == services);
    CHECK(got[{"health", "合计"}] == Row{});
    CHECK(got[{"lunch", "合计"}].count == 8);  // elders' counted lunches only, never the 12 others
    CHECK(got[{"lunch", "guest"}] == Row{7, 0, 0, 0, 0, 0, 0, "10500"});
    CHECK(got[{"lunch", "staff"}] == Row{4, 0, 0, 0, 0, 0, 0, "3200"});
    CHECK(got[{"lunch", "volunteer"}] == Row{1, 0, 0, 0, 0, 0, 0, "0"});
    CHECK(got[{"lunch", "代领"}].count == 2);
    for (const auto& [key, row] : got)
        if (key.second != "guest" && key.second != "staff" && key.second != "volunteer") CHECK(row.paid.empty());

    // The PDF is real text, with the lines and the signature lines.
    auto text = runProcess({"/usr/bin/pdftotext", "-layout", (outA / "settlement-2026-11.pdf").string(), "-"});
    REQUIRE(text.exitCode == 0);
    for (const char* words : {"老年助餐服务补贴结算表", "北关村老年食堂", "2026-11", "午餐", "低保高龄", "访客", "职工", "志愿者", "未送达",
                              "合计", "经办人", "负责人", "村委会盖章"})
        CHECK_MESSAGE(text.out.find(words) != std::string::npos, words);
    a.stop();
    b.stop();
}
