// `kiosk restore` as a replacement terminal is made (contract 11): a restored database is a new
// terminal id, the old id's undelivered days reach the county byte for byte, `--from` takes the
// folder `backup --to` filled, a killed backup leaves only its private temporary for the next one to
// remove, and an edited backup is refused.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "integration/backup_site.hpp"
#include "shared/store/backup_store.hpp"
#include "support/fake_county.hpp"

using namespace mh;
using test::BackupSite;
using test::kiosk;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

unsigned mode(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

// (origin terminal, elder) of every check-in in a site's database, read from a scratch copy.
std::set<std::pair<std::string, std::string>> origins(const fs::path& siteDir, const fs::path& scratch) {
    fs::copy_file(siteDir / "mealhall.db", scratch, fs::copy_options::overwrite_existing);
    Database db = Database::open(scratch);
    std::set<std::pair<std::string, std::string>> out;
    auto st = db.prepare("SELECT origin_terminal, elder_id FROM checkins");
    while (st.step()) out.emplace(st.text(0), st.text(1));
    return out;
}

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Every Idempotency-Key the county received, with the distinct bodies sent under it.
std::map<std::string, std::set<std::string>> bodiesByKey(const test::FakeCounty& county) {
    std::map<std::string, std::set<std::string>> m;
    for (const auto& p : county.posts()) m[p.key].insert(p.body);
    return m;
}

test::ProcessResult upload(const std::string& site) {
    return kiosk({"upload", "--site", site, "--retry-delay-ms", "20", "--timeout-ms", "3000", "--connect-timeout-ms", "1000"});
}

std::string uploadToml(const test::FakeCounty& county) {
    return "\n[upload]\nendpoint = \"" + county.endpoint() + "\"\ntoken_file = \"upload.token\"\n";
}

}  // namespace

TEST_CASE("restore into an empty directory needs no flag, takes a fresh terminal id at once, and new records carry it") {
    BackupSite s(5);
    s.scan(1, "2026-11-24T11:30");
    Json b = s.backup();
    const std::string oldId = b["terminal"];

    for (const char* where : {"new-card", "missing/deeper"}) {
        CAPTURE(where);
        const std::string fresh = (s.dir.path() / where).string();
        if (std::string(where) == "new-card") fs::create_directories(fresh);  // empty; the other is missing
        auto r = kiosk({"restore", "--site", fresh, "--from", b["backup"].get<std::string>()});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        Json rj = Json::parse(r.out);
        const std::string newId = rj["new_terminal"];
        CHECK(newId != oldId);
        CHECK(newId.size() == 8);
        CHECK(r.err.find(newId) != std::string::npos);  // said to the person, in Chinese
        CHECK(r.err.find("新的编号") != std::string::npos);
        Json st = s.status(fresh);
        CHECK(st["terminal"] == newId);
        CHECK(st["restored_from"] == Json::array({oldId}));
        CHECK(mode(fresh) == 0700);

        // The held record keeps its origin; a new scan is the new id's; the old lunch still counts.
        auto dup = kiosk({"scan", "--site", fresh, "--service", "lunch", "--at", "2026-11-24T12:00", s.card(1)});
        CHECK(dup.exitCode == 1);
        CHECK(Json::parse(dup.out)["outcome"] == "duplicate");
        s.scan(2, "2026-11-24T12:01", fresh);
        auto o = origins(fresh, s.dir.path() / "scratch.db");
        CHECK(o == std::set<std::pair<std::string, std::string>>{{oldId, "E1"}, {newId, "E2"}});
    }
    // Two restores of one backup are two terminals.
    CHECK(s.status((s.dir.path() / "new-card").string())["terminal"] !=
          s.status((s.dir.path() / "missing/deeper").string())["terminal"]);
}

TEST_CASE("a restored terminal delivers the old id's frozen days byte for byte: never two bodies under one key") {
    test::FakeCounty county;
    BackupSite s(8, uploadToml(county));
    test::writeFile(fs::path(s.site) / "upload.token", std::string("secret-token\n"));
    ::chmod((fs::path(s.site) / "upload.token").c_str(), 0600);

    // 11-23 delivered before the backup; 11-24 scanned, not yet delivered when the backup is made.
    s.scan(1, "2026-11-23T11:30");
    REQUIRE(upload(s.site).exitCode == 0);
    s.scan(2, "2026-11-24T11:30");
    s.scan(3, "2026-11-24T11:31");
    Json b = s.backup();
    const std::string a = b["terminal"];
    const std::string keyA24 = "141022-001/" + a + "/2026-11-24/1";

    // The original goes on (it did not die at once): it delivers 11-24, then a late record makes
    // revision 2 of 11-24, delivered too.
    REQUIRE(upload(s.site).exitCode == 0);
    s.scan(4, "2026-11-24T11:40");
    REQUIRE(upload(s.site).exitCode == 0);
    const std::string sentByOriginal = county.stored().at(keyA24);

    // The replacement card, from the backup (the token comes with it).
    const std::string card = (s.dir.path() / "new-card").string();
    auto r = kiosk({"restore", "--site", card, "--from", b["backup"].get<std::string>()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const std::string bId = Json::parse(r.out)["new_terminal"];
    CHECK(s.status(card)["pending_days"] == 1);  // the old id's 11-24, as the backup froze it
    s.scan(5, "2026-11-24T12:00", card);         // a different elder, on the new id
    s.scan(6, "2026-11-25T11:30", card);
    auto up = upload(card);
    CHECK_MESSAGE(up.exitCode == 0, up.err);
    // `upload` reports each delivery under the key it was sent with.
    std::set<std::string> reported;
    const Json upJson = Json::parse(up.out);
    for (const auto& d : upJson["delivered"]) reported.insert(d["idempotency_key"].get<std::string>());
    CAPTURE(up.out);
    CHECK(reported == std::set<std::string>{keyA24, "141022-001/" + bId + "/2026-11-24/1", "141022-001/" + bId + "/2026-11-25/1"});

    const auto byKey = bodiesByKey(county);
    for (const auto& [key, bodies] : byKey) {
        CAPTURE(key);
        CHECK(bodies.size() == 1);  // the contract's promise
    }
    // The old id's 11-24 was sent again with the very bytes the original sent (the county says 409);
    // the new id never sends under the old id a revision the backup did not hold.
    std::multiset<std::string> fromCard;
    for (const auto& p : county.posts())
        if (p.key.find("/" + a + "/") != std::string::npos && p.body == sentByOriginal) fromCard.insert(p.key);
    CHECK(fromCard.count(keyA24) == 2);
    CHECK(byKey.count("141022-001/" + a + "/2026-11-23/1") == 1);
    CHECK(county.posts().size() == 6);  // A: 11-23, 11-24 r1, 11-24 r2; card: A 11-24 r1, B 11-24, B 11-25
    // The new id's tallies hold only its own records.
    for (const char* day : {"2026-11-24", "2026-11-25"}) {
        const std::string key = "141022-001/" + bId + "/" + day + "/1";
        REQUIRE(county.stored().count(key) == 1);
        Json t = Json::parse(county.stored().at(key));
        CHECK(t["terminal"] == bId);
        REQUIRE(t["records"].size() == 1);
        CHECK(t["records"][0]["elder_id"] == (std::string(day) == "2026-11-24" ? "E5" : "E6"));
    }
    // Nothing the card holds is still pending, and a second run sends nothing new.
    CHECK(s.status(card)["pending_days"] == 0);
    CHECK(upload(card).exitCode == 0);
    CHECK(county.posts().size() == 6);
}

TEST_CASE("a card restored after the original died delivers the day the original never sent") {
    test::FakeCounty county;
    BackupSite s(4, uploadToml(county));
    test::writeFile(fs::path(s.site) / "upload.token", std::string("secret-token\n"));
    s.scan(1, "2026-11-24T11:30");
    s.scan(2, "2026-11-24T11:31");
    const std::string expected = kiosk({"tally", "--site", s.site, "--date", "2026-11-24"}).out;
    Json b = s.backup();
    fs::remove_all(s.site);  // the card died before its uploader ran

    const std::string card = (s.dir.path() / "new-card").string();
    REQUIRE(kiosk({"restore", "--site", card, "--from", b["backup"].get<std::string>()}).exitCode == 0);
    REQUIRE(upload(card).exitCode == 0);
    const std::string key = "141022-001/" + b["terminal"].get<std::string>() + "/2026-11-24/1";
    REQUIRE(county.stored().count(key) == 1);
    Json sent = Json::parse(county.stored().at(key)), want = Json::parse(expected);
    sent.erase("generated_at");
    want.erase("generated_at");
    CHECK(sent == want);  // both lunches, under the old terminal's id
}

TEST_CASE("restore --from the folder given to backup --to takes this site's newest backup and lists the others") {
    BackupSite s(3);
    s.scan(1, "2026-11-24T11:30");
    Json first = s.backup();
    ::usleep(1'100'000);  // names carry the second
    s.scan(2, "2026-11-24T11:31");
    Json second = s.backup();
    // Another site's backup on the same stick is not this site's.
    const std::string other = (s.dir.path() / "other").string();
    REQUIRE(kiosk({"init", "--site", other, "--site-id", "141022-002", "--name", "南街村老年食堂"}).exitCode == 0);
    ::usleep(1'100'000);
    REQUIRE(kiosk({"backup", "--site", other, "--to", s.usb.string()}).exitCode == 0);

    auto r = kiosk({"restore", "--site", s.site, "--from", s.usb.string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    Json rj = Json::parse(r.out);
    CHECK(rj["backup"] == second["backup"]);
    CHECK(rj["records"] == 2);
    CHECK(rj["others"] == Json::array({first["backup"]}));
    CHECK(r.err.find(fs::path(second["backup"].get<std::string>()).filename().string()) != std::string::npos);
    CHECK(r.err.find(fs::path(first["backup"].get<std::string>()).filename().string()) != std::string::npos);

    // Into an empty directory: no site to choose by, and two sites on the stick.
    auto ambiguous = kiosk({"restore", "--site", (s.dir.path() / "empty").string(), "--from", s.usb.string()});
    CHECK(ambiguous.exitCode == 2);
    CHECK(Json::parse(ambiguous.out)["error"] == "restore.several_sites");
    CHECK(!fs::exists(s.dir.path() / "empty"));
    // A folder with no backup of this site.
    fs::create_directories(s.dir.path() / "nothing");
    auto none = kiosk({"restore", "--site", s.site, "--from", (s.dir.path() / "nothing").string()});
    CHECK(none.exitCode == 2);
    CHECK(Json::parse(none.out)["error"] == "restore.not_backup");
}

TEST_CASE("a backup killed by a file-size limit leaves only a private dot-temporary, the next backup removes it") {
    BackupSite s(40);
    for (int i = 1; i <= 40; ++i) s.scan(i, "2026-11-24T11:" + std::string(i < 10 ? "0" : "") + std::to_string(i % 60));
    fs::create_directories(s.usb);
    // A live backup's temporary (its lock held here) must survive the sweep.
    fs::create_directories(s.usb / ".mealhall-partial-live01");
    int liveFd = ::open((s.usb / ".mealhall-partial-live01").c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(liveFd >= 0);
    REQUIRE(::flock(liveFd, LOCK_EX) == 0);

    // 40 kB: the keys and site.toml fit, the database does not.
    auto killed = test::runProcess({"/usr/bin/prlimit", "--fsize=40000", test::kioskExe(), "backup", "--site", s.site, "--to",
                                    s.usb.string()});
    CHECK(killed.exitCode != 0);
    std::vector<std::string> left = entries(s.usb);
    REQUIRE(left.size() == 2);
    std::string stale = left[0] == ".mealhall-partial-live01" ? left[1] : left[0];
    CHECK(stale.rfind(".mealhall-partial-", 0) == 0);
    CHECK(mode(s.usb / stale) == 0700);
    for (const auto& name : entries(s.usb / stale)) {
        CAPTURE(name);
        CHECK((mode(s.usb / stale / name) & 0077) == 0);  // keys and names never readable by others
    }

    Json b = s.backup();
    CHECK(b["records"] == 40);
    left = entries(s.usb);
    CHECK(left == std::vector<std::string>{".mealhall-partial-live01", fs::path(b["backup"].get<std::string>()).filename().string()});
    ::close(liveFd);
    // Released, it is stale too: the next backup removes it.
    ::usleep(1'100'000);
    Json again = s.backup();
    CHECK(entries(s.usb).size() == 2);
    CHECK(!fs::exists(s.usb / ".mealhall-partial-live01"));
}

TEST_CASE("a backup edited after it was made is refused with a clear reason, exit 2, nothing changed") {
    BackupSite s(3);
    s.scan(1, "2026-11-24T11:30");
    Json b = s.backup();
    const fs::path folder = b["backup"].get<std::string>();
    const std::string dbBefore = test::readFile(fs::path(s.site) / "mealhall.db");
    CHECK(Json::parse(test::readFile(folder / "manifest.json"))["seal"].get<std::string>().size() == 64);

    // The record's price changed with the sqlite3 tool (its guard trigger dropped first).
    const std::string original = test::readFile(folder / "mealhall.db");
    auto edit = test::runProcess({"/usr/bin/sqlite3", (folder / "mealhall.db").string(),
                                  "DROP TRIGGER checkins_fixed_once_written; UPDATE checkins SET price_fen = price_fen + 500, elder_fen = elder_fen + 500;"});
    REQUIRE_MESSAGE(edit.exitCode == 0, edit.err);
    auto r = kiosk({"restore", "--site", s.site, "--from", folder.string()});
    CHECK(r.exitCode == 2);
    CHECK(Json::parse(r.out)["error"] == "restore.tampered");
    CHECK(r.err.find("被改动过") != std::string::npos);
    CHECK(test::readFile(fs::path(s.site) / "mealhall.db") == dbBefore);
    // Into an empty directory too (the seal is then checked with the backup's own keys).
    auto empty = kiosk({"restore", "--site", (s.dir.path() / "new-card").string(), "--from", folder.string()});
    CHECK(empty.exitCode == 2);
    CHECK(!fs::exists(s.dir.path() / "new-card" / "mealhall.db"));

    // The database put back as it was, a rule in site.toml changed: refused as well.
    test::writeFile(folder / "mealhall.db", original);
    const std::string toml = test::readFile(folder / "site.toml");
    test::writeFile(folder / "site.toml", toml + "\n# edited\n");
    CHECK(kiosk({"restore", "--site", s.site, "--from", folder.string()}).exitCode == 2);
    test::writeFile(folder / "site.toml", toml);
    // And a manifest without its seal.
    Json m = Json::parse(test::readFile(folder / "manifest.json"));
    m.erase("seal");
    const std::string manifest = test::readFile(folder / "manifest.json");
    test::writeFile(folder / "manifest.json", m.dump());
    CHECK(kiosk({"restore", "--site", s.site, "--from", folder.string()}).exitCode == 2);
    test::writeFile(folder / "manifest.json", manifest);
    CHECK(test::readFile(fs::path(s.site) / "mealhall.db") == dbBefore);
    // Untouched, it restores.
    auto ok = kiosk({"restore", "--site", s.site, "--from", folder.string()});
    CHECK_MESSAGE(ok.exitCode == 0, ok.err);
}
