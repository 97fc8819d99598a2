// Check-in throughput through the engine against a bare SQLite insert with the same durability
// (WAL, synchronous=FULL, one transaction per check-in), in the same run; and the cold start of
// `kiosk scan` as a process (median of 20).
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "shared/cards/card_signature.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/elder_store.hpp"

using namespace mh;
namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

namespace {

double seconds(Steady::time_point a, Steady::time_point b) { return std::chrono::duration<double>(b - a).count(); }

std::unique_ptr<Site> makeSite(const fs::path& dir, int elders) {
    fs::remove_all(dir);
    auto site = Site::init(dir, "141022-001", "基准测试");
    if (!site) throw std::runtime_error(site.error().en);
    std::string csv = "elder_id,name,birth_date,categories\n";
    for (int i = 0; i < elders; ++i)
        csv += "E" + std::to_string(100000 + i) + ",老人" + std::to_string(i) + ",19" + std::to_string(30 + i % 40) +
               "-01-01," + (i % 3 == 0 ? "dibao" : "") + "\n";
    auto r = importRoster(**site, csv, LocalDate::of(2026, 11, 25), "t", "bench");
    if (!r) throw std::runtime_error(r.error().en);
    return std::move(*site);
}

// Signed cards for the first n elders of makeSite's roster, one each.
std::vector<std::string> benchCards(const Site& site, int n) {
    std::vector<std::string> cards;
    for (int i = 0; i < n; ++i) cards.push_back(signCard({"E" + std::to_string(100000 + i), "1"}, site.keys().card.sec));
    return cards;
}

// The engine: verify the signature, find the elder, check duplicate, price, insert.
// Each run scans on its own day: check-in records cannot be deleted between runs (schema trigger).
// The scans come on the terminal's clock, as at the door: a time given by hand (`at`) is the
// backdating path, which also writes an audit entry per record.
double engineRun(Site& site, int n, int dayOfMonth) {
    // 11:00 on a day after the site was made (the clock check refuses a clock before that).
    const LocalDate today = site.timeZone().toLocal(SystemClock().nowUnix()).date;
    FakeClock clock(site.timeZone().toUnix(LocalDateTime{today, 11, 0, 0}) + std::int64_t(dayOfMonth) * 86400);
    CheckInEngine engine(site, clock);
    const std::vector<std::string> cards = benchCards(site, n);
    auto t0 = Steady::now();
    for (int i = 0; i < n; ++i) {
        auto r = engine.scan({cards[size_t(i)], ServiceId("lunch"), std::nullopt, false});
        if (!r || !r->accepted()) throw std::runtime_error("engine refused a bench check-in");
    }
    return seconds(t0, Steady::now());
}

// The baseline: one INSERT per transaction into a table of the same width, same pragmas.
// `before` runs ahead of each insert, untimed apart from the loop (the floor below adds the card check).
double rawRun(const fs::path& file, int n, const char* sync, const std::function<void(int)>& before = {}) {
    // Kept across rounds and emptied, like the engine's database, so both write into grown files.
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_exec(db, (std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=") + sync + ";").c_str(), nullptr, nullptr,
                 nullptr);
    sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, elder TEXT, service TEXT, day TEXT, at TEXT, price INT,"
                     " g INT, c INT, d INT, f INT, e INT, cats TEXT, src TEXT)", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "DELETE FROM t", nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t(elder, service, day, at, price, g, c, d, f, e, cats, src)"
                           " VALUES(?1,'lunch','2026-11-24','2026-11-24T11:00:00+08:00',1000,600,200,0,0,200,'dibao','card')",
                       -1, &st, nullptr);
    auto t0 = Steady::now();
    for (int i = 0; i < n; ++i) {
        std::string elder = "E" + std::to_string(100000 + i);
        if (before) before(i);
        sqlite3_bind_text(st, 1, elder.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_step(st);
        sqlite3_reset(st);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    double s = seconds(t0, Steady::now());
    sqlite3_finalize(st);
    sqlite3_close(db);
    return s;
}

double runProcess(const std::vector<std::string>& argv) {
    auto t0 = Steady::now();
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stdout);
        std::vector<char*> a;
        for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
        a.push_back(nullptr);
        execv(a[0], a.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return seconds(t0, Steady::now());
}

// A policy site: `rules` in site.toml, and a month of history (breakfast, lunch, dinner on Nov 1–29)
// for every elder, each record with what its rules paid, as the engine would have stored it.
std::unique_ptr<Site> makePolicySite(const fs::path& dir, int elders, const std::string& rules) {
    auto site = makeSite(dir, elders);
    std::ofstream(dir / "site.toml") << "[site]\nid = \"141022-001\"\nname = \"基准测试\"\n\n"
                                        "[[service]]\nid = \"breakfast\"\nprice_fen = 300\n\n"
                                        "[[service]]\nid = \"lunch\"\nprice_fen = 1000\n\n"
                                        "[[service]]\nid = \"dinner\"\nprice_fen = 800\n\n"
                                     << rules;
    site.reset();
    auto opened = Site::open(dir);
    if (!opened) throw std::runtime_error(opened.error().en);
    site = std::move(*opened);
    const SiteConfig& cfg = site->config();
    Transaction tx(site->db());
    CheckinStore store(site->db());
    std::vector<PriorUse> history;
    for (int i = 0; i < elders; ++i) {
        auto elder = ElderStore(site->db()).byElderId(ElderId("E" + std::to_string(100000 + i)));
        ElderFacts facts{elder->categories, elder->birth, elder->village};
        history.clear();
        for (int day = 1; day <= 29; ++day)
            for (const auto& svc : cfg.services) {
                LocalDate d = LocalDate::of(2026, 11, unsigned(day));
                PolicyDecision p = decide(cfg.policy, policyUse(*cfg.policy.findService(svc.id), d, false), facts, history);
                CheckinRecord rec;
                rec.elderId = ElderId(elder->elderId);
                rec.service = ServiceId(svc.id);
                rec.serviceKind = "meal";
                rec.day = d.iso();
                rec.at = d.iso() + "T12:00:00+08:00";
                rec.priceFen = svc.priceFen;
                rec.shares = p.shares;
                rec.rules = p.applied;
                if (!p.applied.empty()) rec.rule = p.applied.front().rule;
                rec.source = "card";  // the store accepts only real sources (card, id, legacy, manual)
                store.insert(rec);
                rec.operatingFen = p.operatingFen;
                history.push_back(PriorUse{d, p.applied, svc.id});
            }
    }
    tx.commit();
    return site;
}

// Thirty rules the way a county writes them: groups, caps, per-day and per-month limits, dates,
// villages, categories, an elder_fen rule; every elder matches several.
std::string thirtyRules() {
    std::string s = "[policy]\npick = \"highest\"\nsubsidised_per_day = 3\n\n";
    const char* cats[] = {"dibao", "tekun", "kunnan", "shineng", "dibao_edge"};
    for (int i = 0; i < 30; ++i) {
        s += "[[rule]]\nname = \"规则" + std::to_string(i) + "\"\ngroup = \"g" + std::to_string(i % 6) + "\"\n";
        if (i % 5 == 1) s += std::string("categories = [\"") + cats[i % 5] + "\"]\n";
        if (i % 7 == 2) s += "not_categories = [\"tekun\"]\n";
        if (i % 4 == 3) s += "min_age = " + std::to_string(60 + i) + "\n";
        if (i % 6 == 4) s += "from = \"2026-01-01\"\nuntil = \"2027-12-31\"\n";
        if (i % 3 == 0) s += "month_cap_fen = " + std::to_string(3000 + 500 * i) + "\n";
        if (i % 4 == 1) s += "per_day = 2\n";
        if (i % 5 == 2) s += "per_month = 60\n";
        if (i % 10 == 9) s += "elder_fen = 100\n";
        else s += "government_fen = " + std::to_string(50 + 10 * i) + "\ncollective_fen = 50\n";
        s += "\n";
    }
    return s;
}

// The same thirty rules with policy v3's keys (issue 24): a county calendar with holidays and 调休,
// weekdays, workday-only and delivery-only rules, price thresholds, rules outside the daily limit,
// and operating subsidies per meal and per elder-day.
std::string thirtyRulesV3() {
    std::string s = "[calendar]\nholidays = [\"2026-10-01\", \"2026-10-02\", \"2026-10-05\", \"2027-01-01\"]\n"
                    "workdays = [\"2026-09-27\", \"2026-10-10\"]\n\n";
    std::string rules = thirtyRules();
    // Each [[rule]] gains a v3 condition or two, after its name line.
    std::string out;
    int i = 0;
    size_t pos = 0;
    while (true) {
        size_t at = rules.find("[[rule]]\nname", pos);
        if (at == std::string::npos) break;
        size_t eol = rules.find('\n', rules.find("name", at));
        out += rules.substr(pos, eol + 1 - pos);
        if (i % 3 == 0) out += "workdays_only = true\n";
        if (i % 4 == 1) out += "days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n";
        if (i % 5 == 2) out += "delivered = false\n";
        if (i % 6 == 3) out += "min_price_fen = 500\n";
        if (i % 7 == 4) out += "counts_toward_daily = false\n";
        pos = eol + 1;
        ++i;
    }
    out += rules.substr(pos);
    s += out;
    s += "[[operating]]\nname = \"每餐运营补贴\"\nper = \"meal\"\nmin_age = 60\nfen = 150\n\n";
    s += "[[operating]]\nname = \"送餐运营补贴\"\nper = \"meal\"\ndelivered = true\nfen = 200\n\n";
    s += "[[operating]]\nname = \"每人每天运营补贴\"\nper = \"elder_day\"\nworkdays_only = true\nfen = 300\n";
    return s;
}

// Lunch on Nov 30 for `n` elders, each with the month behind them; synchronous=FULL.
double policyRun(Site& site, int n) {
    // Records cannot be deleted (schema trigger): the last round's lunches are voided instead, which
    // frees the day for the next round as a staff void would.
    site.db().exec("UPDATE checkins SET voided = 1 WHERE day = '2026-11-30' AND voided = 0");
    FakeClock clock;
    CheckInEngine engine(site, clock);
    const std::vector<std::string> cards = benchCards(site, n);
    auto t0 = Steady::now();
    for (int i = 0; i < n; ++i) {
        auto r = engine.scan({cards[size_t(i)], ServiceId("lunch"), LocalDateTime{LocalDate::of(2026, 11, 30), 12, 0, 0}, false});
        if (!r || !r->accepted()) throw std::runtime_error("engine refused a policy bench check-in");
    }
    return seconds(t0, Steady::now());
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    fs::path work = argc > 1 ? fs::path(argv[1]) : fs::current_path() / "bench-work";
    fs::create_directories(work);
    const int n = 300;
    auto site = makeSite(work / "site", n * 2);
    // Interleave the two so disk and cache state are shared fairly; best of 5 each. Then the same
    // without fsync, which shows the engine's own CPU cost.
    // The floor: a bare insert plus the one step contract 7 forbids skipping, the card's Ed25519
    // check. No engine that checks every card can be faster than this, whatever else it drops.
    const std::vector<std::string> floorCards = benchCards(*site, n);
    auto checkCard = [&](int i) {
        if (!verifyCard(floorCards[size_t(i)], site->trustedKeys())) throw std::runtime_error("a bench card did not verify");
    };
    int day = 1;
    for (const char* sync : {"FULL", "OFF"}) {
        double engine = 1e9, raw = 1e9, floor = 1e9;
        site->db().exec(std::string("PRAGMA synchronous=") + sync);
        for (int round = 0; round < 5; ++round) {
            raw = std::min(raw, rawRun(work / "raw.db", n, sync));
            floor = std::min(floor, rawRun(work / "raw.db", n, sync, checkCard));
            engine = std::min(engine, engineRun(*site, n, day++));
        }
        std::printf("synchronous=%s:\n", sync);
        std::printf("  check-ins through the engine:   %7.0f /s  (%.3f ms each)\n", n / engine, engine * 1000 / n);
        std::printf("  raw SQLite insert, same pragmas: %6.0f /s  (%.3f ms each)\n", n / raw, raw * 1000 / n);
        std::printf("  engine / raw time ratio: %.2fx%s\n", engine / raw,
                    std::string(sync) == "FULL" ? "  (target <= 1.30x)" : "  (CPU only, for information)");
        std::printf("  floor, raw insert + the card's signature check: %.3f ms each, floor / raw %.2fx\n", floor * 1000 / n,
                    floor / raw);
    }
    site->db().exec("PRAGMA synchronous=FULL");

    // The policy engine's cost: a 30-rule policy with a month of history per elder against a
    // one-rule policy, same history, same run, synchronous=FULL; rounds interleaved, best of 5.
    {
        const int pn = 150;
        auto one = makePolicySite(work / "one-rule", pn, "[[rule]]\nname = \"低保\"\ncategories = [\"dibao\"]\ngovernment_fen = 500\n");
        auto thirty = makePolicySite(work / "thirty-rules", pn, thirtyRules());
        auto v3 = makePolicySite(work / "thirty-rules-v3", pn, thirtyRulesV3());
        double tOne = 1e9, tThirty = 1e9, tV3 = 1e9;
        for (int round = 0; round < 5; ++round) {
            tOne = std::min(tOne, policyRun(*one, pn));
            tThirty = std::min(tThirty, policyRun(*thirty, pn));
            tV3 = std::min(tV3, policyRun(*v3, pn));
        }
        std::printf("policy (synchronous=FULL, %d elders, 87 earlier records each this month):\n", pn);
        std::printf("  one-rule scan:  %.3f ms each\n", tOne * 1000 / pn);
        std::printf("  30-rule scan:   %.3f ms each\n", tThirty * 1000 / pn);
        std::printf("  30-rule / one-rule time ratio: %.2fx  (target <= 1.30x)\n", tThirty / tOne);
        std::printf("  30-rule v3 scan (calendar, weekdays, delivery, thresholds, 3 operating subsidies): %.3f ms each\n",
                    tV3 * 1000 / pn);
        std::printf("  30-rule v3 / one-rule time ratio: %.2fx  (target <= 1.30x)\n", tV3 / tOne);
    }

    // The journal's cost (contract 13): the same scans on two sites made alike, one with its journal
    // triggers dropped on its connection (nothing reopens it, so they stay dropped), same run,
    // synchronous=FULL, rounds interleaved, best of 5. Refused scans are not in it (none here).
    {
        auto with = makeSite(work / "with-journal", n * 2);
        auto without = makeSite(work / "without-journal", n * 2);
        auto st = without->db().prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'journal_*'"
                                        " AND tbl_name <> 'journal'");
        std::vector<std::string> triggers;
        while (st.step()) triggers.push_back(st.text(0));
        for (const auto& t : triggers) without->db().exec("DROP TRIGGER " + t);
        int day = 40;
        // FULL is the kiosk's setting; OFF leaves out the disk, to show the journal's CPU cost alone.
        for (const char* sync : {"FULL", "OFF"}) {
            with->db().exec(std::string("PRAGMA synchronous=") + sync);
            without->db().exec(std::string("PRAGMA synchronous=") + sync);
            double tWith = 1e9, tWithout = 1e9;
            for (int round = 0; round < 5; ++round, ++day) {
                tWithout = std::min(tWithout, engineRun(*without, n, day));
                tWith = std::min(tWith, engineRun(*with, n, day));
            }
            std::printf("journal (synchronous=%s, %d scans a round, %zu triggers dropped on the bare site):\n", sync, n,
                        triggers.size());
            std::printf("  scan with the journal:    %.3f ms each\n", tWith * 1000 / n);
            std::printf("  scan without the journal: %.3f ms each\n", tWithout * 1000 / n);
            std::printf("  with / without time ratio: %.2fx%s\n", tWith / tWithout,
                        std::string(sync) == "FULL" ? "  (target <= 1.15x)" : "  (CPU only, for information)");
        }
    }

    // Cold `kiosk scan`: a new process each time, a different elder each time.
    std::vector<double> times;
    for (int i = 0; i < 20; ++i) {
        std::string card = signCard({"E" + std::to_string(100000 + n + i), "1"}, site->keys().card.sec);
        times.push_back(runProcess({KIOSK_EXE, "scan", "--site", (work / "site").string(), "--service", "lunch", "--at",
                                    "2026-11-23T11:00", card}));
    }
    std::vector<double> trues;
    for (int i = 0; i < 20; ++i) trues.push_back(runProcess({"/bin/true"}));
    // The same scan through kiosk-full, the one executable it was before issue 22: every library of
    // the window, camera, voice and print paths mapped for a scan that uses none of them.
    std::vector<double> fulls;
    for (int i = 0; i < 20; ++i) {
        std::string card = signCard({"E" + std::to_string(100000 + n + 20 + i), "1"}, site->keys().card.sec);
        fulls.push_back(runProcess({KIOSK_FULL_EXE, "scan", "--site", (work / "site").string(), "--service", "lunch",
                                    "--at", "2026-11-23T11:00", card}));
    }
    double med = median(times), base = median(trues), full = median(fulls);
    std::printf("cold `kiosk scan` process: median %.1f ms over 20 (target < 25 ms); /bin/true %.2f ms; ratio %.1fx\n",
                med * 1000, base * 1000, med / base);
    std::printf("cold scan, kiosk against kiosk-full (all libraries): median %.1f ms vs %.1f ms; ratio %.2fx\n", med * 1000,
                full * 1000, med / full);
    fs::remove_all(work);
    return 0;
}
