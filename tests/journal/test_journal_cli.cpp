// The journal (contract 13) through the real executable: a record's price changed, a void deleted or
// an audit row inserted with the sqlite3 tool makes `journal verify` exit 1 naming it (and `status`
// say so); an untouched site verifies after scripted days, a kill -9 storm of scans, a restore and
// the migration of a site that had records before the journal.
#include <doctest/doctest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "integration/backup_site.hpp"
#include "shared/cards/card_signature.hpp"
#include "shared/site/site_keys.hpp"

using namespace mh;
using test::BackupSite;
using test::kiosk;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The sqlite3 tool on the site's database, as someone with the SD card would use it.
test::ProcessResult sqliteTool(const BackupSite& s, const std::string& sql, const std::string& site = "") {
    return test::runProcess({"/usr/bin/sqlite3", (fs::path(site.empty() ? s.site : site) / "mealhall.db").string(), sql});
}

Json verify(const std::string& site, int expectExit) {
    auto r = kiosk({"journal", "verify", "--site", site});
    INFO("out: " << r.out << " err: " << r.err);
    REQUIRE(r.exitCode == expectExit);
    return Json::parse(r.out);
}

std::int64_t scanRecord(const BackupSite& s, int elder, const std::string& at) {
    auto r = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", at, s.card(elder)});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return Json::parse(r.out)["record_id"].get<std::int64_t>();
}

}  // namespace

TEST_CASE("a record's price changed with the sqlite3 tool: journal verify exits 1 naming it, and status says so") {
    BackupSite s(5);
    scanRecord(s, 1, "2026-11-24T11:30");
    const std::int64_t second = scanRecord(s, 2, "2026-11-24T11:31");
    scanRecord(s, 3, "2026-11-24T11:32");
    Json ok = verify(s.site, 0);
    CHECK(ok["journal"] == "ok");
    CHECK(s.status()["journal"] == "ok");

    // The custody trigger refuses the change; whoever has the card drops it first.
    auto blocked = sqliteTool(s, "UPDATE checkins SET price_fen = 2000, elder_fen = elder_fen + 1000 WHERE record_id = " +
                                  std::to_string(second));
    CHECK(blocked.exitCode != 0);
    auto edit = sqliteTool(s, "DROP TRIGGER checkins_fixed_once_written; UPDATE checkins SET price_fen = 2000, "
                           "elder_fen = elder_fen + 1000 WHERE record_id = " + std::to_string(second));
    REQUIRE_MESSAGE(edit.exitCode == 0, edit.err);

    Json bad = verify(s.site, 1);
    CHECK(bad["journal"] == "changed");
    CHECK(bad["problem"]["table"] == "checkins");
    CHECK(bad["problem"]["row"] == std::to_string(second));
    CHECK(bad["problem"]["message"].get<std::string>().find("签到记录 " + std::to_string(second)) != std::string::npos);
    Json st = s.status();
    CHECK(st["journal"].get<std::string>().find("记录被改过") != std::string::npos);
    CHECK(st["needs_staff"] == true);
    auto en = kiosk({"--lang", "en", "journal", "verify", "--site", s.site});
    CHECK(en.err.find("checkins row " + std::to_string(second) + " was changed") != std::string::npos);
}

TEST_CASE("a void deleted with the sqlite3 tool: journal verify exits 1 naming the removed void") {
    BackupSite s(5);
    const std::int64_t rec = scanRecord(s, 1, "2026-11-24T11:30");
    auto v = kiosk({"void", "--site", s.site, "--record", std::to_string(rec), "--reason", "刷错", "--staff", "李"});
    REQUIRE_MESSAGE(v.exitCode == 0, v.err);
    verify(s.site, 0);
    auto del = sqliteTool(s, "DROP TRIGGER voids_never_deleted; DELETE FROM voids; "
                          "DROP TRIGGER checkins_fixed_once_written; UPDATE checkins SET voided = 0");
    REQUIRE_MESSAGE(del.exitCode == 0, del.err);
    Json bad = verify(s.site, 1);
    CHECK(bad["journal"] == "removed");
    CHECK(bad["problem"]["table"] == "voids");
    CHECK(bad["problem"]["message"].get<std::string>().find("作废记录") != std::string::npos);
}

TEST_CASE("an audit row inserted with the sqlite3 tool is refused while the triggers stand, and named once they are dropped") {
    BackupSite s(5);
    scanRecord(s, 1, "2026-11-24T11:30");
    verify(s.site, 0);
    const std::string insert =
        "INSERT INTO audit(at, actor, action, subject, detail, origin_terminal, origin_record) "
        "SELECT '2026-11-24T12:00:00+08:00', '王', 'void', '1', '', terminal_id, 999 FROM terminal";
    auto refused = sqliteTool(s, insert);
    CHECK(refused.exitCode != 0);
    CHECK(refused.err.find("journal_hash") != std::string::npos);  // the tool lacks the kiosk's function
    verify(s.site, 0);

    auto slipped = sqliteTool(s, "DROP TRIGGER journal_audit; " + insert + "; SELECT id FROM audit WHERE origin_record = 999");
    REQUIRE_MESSAGE(slipped.exitCode == 0, slipped.err);
    const std::string id = slipped.out.substr(0, slipped.out.find('\n'));
    Json bad = verify(s.site, 1);  // the open puts the trigger back; the row stays outside the chain
    CHECK(bad["journal"] == "inserted");
    CHECK(bad["problem"]["table"] == "audit");
    CHECK(bad["problem"]["row"] == id);
    auto trig = sqliteTool(s, "SELECT count(*) FROM sqlite_master WHERE name = 'journal_audit'");
    CHECK(trig.out == "1\n");
}

TEST_CASE("an untouched site verifies after scripted days of scans, voids, donations, a clock confirmation and tallies") {
    BackupSite s(12);
    for (int day = 20; day <= 26; ++day) {
        const std::string d = "2026-11-" + std::to_string(day);
        for (int e = 1; e <= 10; ++e) scanRecord(s, e, d + "T11:" + std::to_string(10 + e));
        auto dup = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", d + "T12:30", s.card(1)});
        CHECK(dup.exitCode == 1);  // a refusal writes nothing the chain misses
        auto v = kiosk({"void", "--site", s.site, "--record", std::to_string((day - 20) * 10 + 3), "--reason", "误刷",
                        "--staff", "李"});
        REQUIRE_MESSAGE(v.exitCode == 0, v.err);
        auto don = kiosk({"donation", "add", "--site", s.site, "--donor", "张三", "--amount-fen", "10000", "--date", d});
        REQUIRE_MESSAGE(don.exitCode == 0, don.err);
        auto t = kiosk({"tally", "--site", s.site, "--date", d});
        REQUIRE_MESSAGE(t.exitCode == 0, t.err);
    }
    auto c = kiosk({"clock", "confirm", "--site", s.site, "--staff", "李"});
    REQUIRE_MESSAGE(c.exitCode == 0, c.err);
    Json ok = verify(s.site, 0);
    // Every covered row has its entry: 70 check-ins (and their rule splits), 7 voids, 7 donations,
    // the audit entries, the confirmation, and one marker per covered table.
    CHECK(ok["entries"].get<int>() > 70 + 70 + 7 + 7 + 7);
    REQUIRE(ok["chains"].size() == 1);
    CHECK(ok["chains"][0]["seq"] == ok["entries"]);
    CHECK(s.status()["journal"] == "ok");
}

TEST_CASE("kill -9 in the middle of scan processes never leaves a row outside the journal") {
    BackupSite s(60);
    std::mt19937 rng(26);
    int killed = 0;
    for (int i = 1; i <= 40; ++i) {
        const std::string out = (s.dir.path() / "out").string(), err = (s.dir.path() / "err").string();
        int pid = test::spawnKiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T11:30", s.card(i)},
                                   out, err);
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 80)(rng)));
        ::kill(pid, SIGKILL);
        if (test::waitExit(pid) == -SIGKILL) ++killed;
    }
    CHECK(killed > 0);
    Json ok = verify(s.site, 0);
    auto rows = sqliteTool(s, "SELECT count(*) FROM checkins");
    INFO("check-ins that survived: " << rows.out << ", killed: " << killed);
    CHECK(ok["entries"].get<int>() >= std::stoi(rows.out));
}

TEST_CASE("a restored backup verifies: the old id's chain and the new id's chain") {
    BackupSite s(5);
    scanRecord(s, 1, "2026-11-24T11:30");
    scanRecord(s, 2, "2026-11-24T11:31");
    Json b = s.backup();
    const std::string fresh = (s.dir.path() / "restored").string();
    auto r = kiosk({"restore", "--site", fresh, "--from", b["backup"].get<std::string>()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    s.scan(3, "2026-11-24T11:40", fresh);
    Json ok = verify(fresh, 0);
    REQUIRE(ok["chains"].size() == 2);
    CHECK(ok["chains"][0]["terminal"] == ok["terminal"]);  // this terminal's chain first
    CHECK(ok["chains"][1]["terminal"] == b["terminal"]);
    CHECK(s.status(fresh)["journal"] == "ok");
}

TEST_CASE("a site with records from before the journal: the migration's genesis covers them, and then it verifies") {
    BackupSite s(5);
    scanRecord(s, 1, "2026-11-24T11:30");
    scanRecord(s, 2, "2026-11-24T11:31");
    // Back to the schema before the journal, as an older kiosk left it.
    std::string drop;
    auto trig = sqliteTool(s, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'journal_*' AND "
                           "tbl_name NOT IN ('journal', 'refused_scans')");
    std::istringstream names(trig.out);
    for (std::string n; std::getline(names, n);) drop += " DROP TRIGGER " + n + ";";
    drop += " DROP TABLE journal; DROP TABLE journal_incoming; DROP TABLE refused_scans;";  // with their triggers and index
    // The migration after the journal's (everyone who eats, contract 12) is undone too, so that both
    // run again from the journal's step: its tables (with their triggers) and the proxy columns.
    drop += " DROP TABLE other_meals; DROP TABLE other_meal_voids; DROP TABLE delivery_outcomes; DROP TABLE concerns_handled;"
            " ALTER TABLE checkins DROP COLUMN proxy_name; ALTER TABLE checkins DROP COLUMN proxy_relation;";
    auto version = sqliteTool(s, "PRAGMA user_version");
    drop += " PRAGMA user_version = " + std::to_string(std::stoi(version.out) - 2) + ";";
    auto old = sqliteTool(s, drop);
    REQUIRE_MESSAGE(old.exitCode == 0, old.err);

    Json ok = verify(s.site, 0);
    CHECK(ok["entries"].get<int>() >= 2 + 2);  // the two check-ins and their splits, at least
    scanRecord(s, 3, "2026-11-24T11:32");       // and the chain goes on from the genesis
    verify(s.site, 0);
}

namespace {

// The README's county check (the ```python block that starts with "# check.py"), written to a file.
fs::path countyCheck(const fs::path& dir) {
    const std::string readme = test::readFile(MEALHALL_README);
    const std::string open = "```python\n# check.py";
    const auto from = readme.find(open);
    REQUIRE(from != std::string::npos);
    const auto body = from + std::string("```python\n").size();
    const auto to = readme.find("\n```", body);
    REQUIRE(to != std::string::npos);
    const fs::path script = dir / "check.py";
    test::writeFile(script, readme.substr(body, to - body + 1));
    return script;
}

test::ProcessResult check(const fs::path& script, const fs::path& dir, const std::string& tallyText, const std::string& key) {
    const fs::path tally = dir / "tally.json";
    test::writeFile(tally, tallyText);
    return test::runProcess({"/usr/bin/python3", script.string(), tally.string(), key});
}

std::string publicKey(const BackupSite& s) {
    auto keys = SiteKeys::load(s.dir.path() / "site");
    REQUIRE(keys.ok());
    return keys->publicKeyBase32();
}

}  // namespace

TEST_CASE("the README's county check accepts a real tally's signed journal and rejects an altered one") {
    BackupSite s(5);
    scanRecord(s, 1, "2026-11-24T11:30");
    scanRecord(s, 2, "2026-11-24T11:31");
    const fs::path script = countyCheck(s.dir.path());
    auto t = kiosk({"tally", "--site", s.site, "--date", "2026-11-24"});
    REQUIRE_MESSAGE(t.exitCode == 0, t.err);
    Json tally = Json::parse(t.out);
    REQUIRE(tally.contains("journal"));
    Json ok = verify(s.site, 0);
    CHECK(tally["journal"]["seq"] == ok["chains"][0]["seq"]);
    CHECK(tally["journal"]["head"] == ok["chains"][0]["head"]);
    CHECK(tally["journal"]["head"].get<std::string>().size() == 64);

    auto good = check(script, s.dir.path(), t.out, publicKey(s));
    CHECK_MESSAGE(good.exitCode == 0, good.out, good.err);
    CHECK(good.out.find("签名正确") != std::string::npos);

    Json head = tally;  // a head the chain never had
    std::string h = head["journal"]["head"];
    h[0] = h[0] == '0' ? '1' : '0';
    head["journal"]["head"] = h;
    CHECK(check(script, s.dir.path(), head.dump(), publicKey(s)).exitCode == 1);
    Json seq = tally;  // a shorter chain than was signed
    seq["journal"]["seq"] = tally["journal"]["seq"].get<int>() - 1;
    CHECK(check(script, s.dir.path(), seq.dump(), publicKey(s)).exitCode == 1);
    BackupSite other(1);  // another site's key
    CHECK(check(script, s.dir.path(), t.out, publicKey(other)).exitCode == 1);
}

TEST_CASE("a tally made after a record was changed with the sqlite3 tool carries no signature, and the README's check rejects it") {
    BackupSite s(5);
    const std::int64_t rec = scanRecord(s, 1, "2026-11-24T11:30");
    const fs::path script = countyCheck(s.dir.path());
    auto edit = sqliteTool(s, "DROP TRIGGER checkins_fixed_once_written; UPDATE checkins SET price_fen = 2000, "
                           "elder_fen = elder_fen + 1000 WHERE record_id = " + std::to_string(rec));
    REQUIRE_MESSAGE(edit.exitCode == 0, edit.err);
    auto t = kiosk({"tally", "--site", s.site, "--date", "2026-11-24"});
    REQUIRE_MESSAGE(t.exitCode == 0, t.err);
    Json tally = Json::parse(t.out);
    CHECK_FALSE(tally["journal"].contains("sig"));
    CHECK(tally["journal"]["problem"].get<std::string>().find("was changed") != std::string::npos);
    auto bad = check(script, s.dir.path(), t.out, publicKey(s));
    CHECK(bad.exitCode == 1);
    CHECK(bad.out.find("签名不对") != std::string::npos);
}

TEST_CASE("refused scans are kept without their payloads, journalled, and counted in the tally's services") {
    BackupSite s(5);
    scanRecord(s, 1, "2026-11-24T11:30");
    auto keys = SiteKeys::load(s.dir.path() / "site");
    REQUIRE(keys.ok());
    const std::string lost = signCard({"E2", "7"}, keys->card.sec);   // a serial the roster does not have: revoked
    const std::string stranger = signCard({"E99", "1"}, keys->card.sec);  // not on the roster
    auto scan = [&](const std::string& payload, const std::string& at) {
        return kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", at, payload});
    };
    for (const char* at : {"2026-11-24T11:40", "2026-11-24T11:41", "2026-11-24T11:42"}) CHECK(scan(lost, at).exitCode == 1);
    CHECK(scan(stranger, "2026-11-24T11:43").exitCode == 1);
    CHECK(scan("HELLO-NOT-A-CARD", "2026-11-24T11:44").exitCode == 1);
    CHECK(scan(s.card(1), "2026-11-24T11:45").exitCode == 1);  // duplicate
    CHECK(scan(s.card(3), "2026-11-24T09:00").exitCode == 1);  // closed
    CHECK(scan(s.card(3), "2026-11-25T11:30").exitCode == 0);  // another day, counted there

    auto t = kiosk({"tally", "--site", s.site, "--date", "2026-11-24"});
    REQUIRE_MESSAGE(t.exitCode == 0, t.err);
    const Json tally = Json::parse(t.out);
    Json lunch;
    for (const Json& svc : tally["services"])
        if (svc["id"] == "lunch") lunch = svc;
    CHECK(lunch["refused"] == Json{{"closed", 1}, {"duplicate", 1}, {"invalid", 1}, {"revoked", 3}, {"unknown", 1}});
    CHECK(lunch["count"] == 1);

    auto rows = sqliteTool(s, "SELECT outcome, IFNULL(elder_id, '-'), IFNULL(card_serial, '-') FROM refused_scans ORDER BY id");
    CHECK(rows.out ==
          "revoked|E2|7\nrevoked|E2|7\nrevoked|E2|7\nunknown|-|1\ninvalid|-|-\nduplicate|E1|1\nclosed|E3|1\n");
    auto dump = sqliteTool(s, ".dump refused_scans");
    CHECK(dump.out.find("HELLO") == std::string::npos);  // no payloads of strangers
    CHECK(dump.out.find("E99") == std::string::npos);
    verify(s.site, 0);
    CHECK(sqliteTool(s, "DELETE FROM refused_scans").exitCode != 0);
    auto del = sqliteTool(s, "DROP TRIGGER refused_scans_never_deleted; DELETE FROM refused_scans WHERE outcome = 'revoked'");
    REQUIRE_MESSAGE(del.exitCode == 0, del.err);
    CHECK(verify(s.site, 1)["problem"]["table"] == "refused_scans");
}

namespace {

// `kiosk args...` with the terminal's clock at `unix` (Debian's faketime), as tests/integration's clock tests.
test::ProcessResult kioskAt(std::int64_t unix, const std::vector<std::string>& args) {
    std::vector<std::string> argv{"/usr/bin/faketime", "@" + std::to_string(unix), test::kioskExe()};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::runProcess(argv);
}

Json reviewOf(const std::string& site, const std::string& date) {
    auto r = kiosk({"review", "--site", site, "--date", date});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return Json::parse(r.out);
}

const Json* itemOf(const Json& review, const std::string& kind) {
    for (const Json& i : review["items"])
        if (i["kind"] == kind) return &i;
    return nullptr;
}

}  // namespace

TEST_CASE("review lists a backdated record, a revoked card scanned three times, a meal not delivered and a clock correction, each markable handled") {
    // 2026-11-24 11:00 in Asia/Shanghai; the site made an hour before on a right clock.
    constexpr std::int64_t now = 1795489200;
    test::TempDir dir;
    const std::string site = (dir.path() / "site").string();
    REQUIRE(kioskAt(now - 3600, {"init", "--site", site, "--site-id", "141022-001", "--name", "北关村"}).exitCode == 0);
    test::writeFile(dir.path() / "site/site.toml", test::standardToml());
    test::writeFile(dir.path() / "roster.csv", "elder_id,name,card_serial\nE1,张桂兰,2\nE2,王秀英,1\nE3,李淑珍,1\nE4,赵德明,1\n");
    REQUIRE(kioskAt(now - 3500, {"roster", "import", "--site", site, (dir.path() / "roster.csv").string()}).exitCode == 0);
    auto keys = SiteKeys::load(dir.path() / "site");
    REQUIRE(keys.ok());
    auto card = [&](const std::string& elder, const std::string& serial) { return signCard({elder, serial}, keys->card.sec); };

    // The paper list after a power cut: entered afterwards with --at.
    auto paper = kioskAt(now, {"scan", "--site", site, "--service", "lunch", "--at", "2026-11-24T10:45", card("E2", "1")});
    REQUIRE_MESSAGE(paper.exitCode == 0, paper.err);
    // E1's old card (serial 1; the roster says 2) three times.
    for (int i = 0; i < 3; ++i)
        CHECK(kioskAt(now + 60 * i, {"scan", "--site", site, "--service", "lunch", card("E1", "1")}).exitCode == 1);
    // A delivered meal the driver found nobody home for.
    auto sent = kioskAt(now + 130, {"scan", "--site", site, "--service", "lunch", "--delivered", card("E4", "1")});
    REQUIRE_MESSAGE(sent.exitCode == 0, sent.err);
    const std::int64_t sentId = Json::parse(sent.out)["record_id"];
    auto away = kioskAt(now + 140, {"delivery", "--site", site, "--record", std::to_string(sentId), "--outcome", "not_home",
                                    "--by", "赵师傅"});
    REQUIRE_MESSAGE(away.exitCode == 0, away.err);
    // The clock ran two hours fast for one scan, then was set right and confirmed.
    auto fast = kioskAt(now + 7200, {"scan", "--site", site, "--service", "lunch", card("E3", "1")});
    REQUIRE_MESSAGE(fast.exitCode == 0, fast.err);
    const std::int64_t ahead = Json::parse(fast.out)["record_id"];
    auto confirm = kioskAt(now + 300, {"clock", "confirm", "--site", site, "--staff", "李"});
    REQUIRE_MESSAGE(confirm.exitCode == 0, confirm.err);

    Json r = reviewOf(site, "2026-11-24");
    CHECK(r["date"] == "2026-11-24");
    const Json* back = itemOf(r, "backdated");
    REQUIRE(back);
    CHECK((*back)["elder_id"] == "E2");
    CHECK((*back)["handled"] == false);
    const Json* revoked = itemOf(r, "revoked_card");
    REQUIRE(revoked);
    CHECK((*revoked)["elder_id"] == "E1");
    CHECK((*revoked)["card_serial"] == "1");
    CHECK((*revoked)["count"] == 3);
    const Json* corrected = itemOf(r, "clock_corrected");
    REQUIRE(corrected);
    CHECK((*corrected)["record"] == ahead);
    CHECK((*corrected)["confirmed_by"] == "李");
    const Json* missed = itemOf(r, "not_delivered");
    REQUIRE(missed);
    CHECK((*missed)["record"] == sentId);
    CHECK((*missed)["elder_id"] == "E4");
    CHECK((*missed)["outcome"] == "not_home");
    CHECK((*missed)["by"] == "赵师傅");
    // Stable ids: the same list twice.
    CHECK(reviewOf(site, "2026-11-24") == r);
    CHECK(reviewOf(site, "2026-11-23")["items"].empty());

    // Marking one handled is audited (and the journal still verifies); the others stay open.
    const std::string id = (*revoked)["id"];
    auto h = kioskAt(now + 400, {"review", "--site", site, "--handle", id, "--staff", "王"});
    REQUIRE_MESSAGE(h.exitCode == 0, h.err);
    CHECK(Json::parse(h.out)["handled"] == true);
    Json after = reviewOf(site, "2026-11-24");
    CHECK((*itemOf(after, "revoked_card"))["handled"] == true);
    CHECK((*itemOf(after, "backdated"))["handled"] == false);
    auto audit = test::runProcess({"/usr/bin/sqlite3", (dir.path() / "site/mealhall.db").string(),
                                   "SELECT actor || ' ' || action || ' ' || subject FROM audit WHERE action = 'review.handled'"});
    CHECK(audit.out == "王 review.handled " + id + "\n");
    CHECK(kiosk({"review", "--site", site, "--handle", "revoked_card:E9:1:2026-11-24", "--staff", "王"}).exitCode == 1);
    CHECK(kiosk({"review", "--site", site, "--handle", id}).exitCode == 2);  // no --staff
    verify(site, 0);
}

TEST_CASE("journal verify --tally: a real tally stands in the chain, and one with a record or its head changed does not") {
    BackupSite s(5);
    scanRecord(s, 1, "2026-11-24T11:30");
    scanRecord(s, 2, "2026-11-24T11:31");
    auto t = kiosk({"tally", "--site", s.site, "--date", "2026-11-24"});
    REQUIRE_MESSAGE(t.exitCode == 0, t.err);
    scanRecord(s, 3, "2026-11-24T11:32");  // the chain goes on after the tally was signed
    const fs::path file = s.dir.path() / "t.json";
    auto run = [&](const Json& tally) {
        test::writeFile(file, tally.dump());
        return kiosk({"journal", "verify", "--site", s.site, "--tally", file.string()});
    };
    const Json tally = Json::parse(t.out);
    auto good = run(tally);
    CHECK_MESSAGE(good.exitCode == 0, good.err);
    CHECK(Json::parse(good.out)["tally"] == "ok");

    Json price = tally;  // one record's money changed in the file
    price["records"][0]["price_fen"] = price["records"][0]["price_fen"].get<int>() + 100;
    price["records"][0]["shares_fen"]["elder"] = price["records"][0]["shares_fen"]["elder"].get<int>() + 100;
    auto p = run(price);
    CHECK(p.exitCode == 1);
    CHECK(p.err.find("和账本里的不一样") != std::string::npos);

    Json later = Json::parse(kiosk({"tally", "--site", s.site, "--date", "2026-11-24"}).out);
    later["journal"] = tally["journal"];  // today's records under the earlier head: one came after it
    auto l = run(later);
    CHECK(l.exitCode == 1);
    CHECK(l.err.find("在签名之后") != std::string::npos);

    Json head = tally;
    head["journal"]["seq"] = 1;  // signed text no longer matches
    CHECK(run(head).exitCode == 1);
}
