// `kiosk backup` / `kiosk restore` as county IT runs them (contract 3): an online copy taken while
// another process scans, a full restore after the database is lost, and every refusal.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "integration/backup_site.hpp"
#include "shared/store/backup_store.hpp"

using namespace mh;
using test::kiosk;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr int kElders = 40;
using test::BackupSite;

// Integrity and record count of a backup's database, read from a scratch copy (opening migrates).
std::pair<std::string, std::int64_t> inspect(const fs::path& backupFolder, const fs::path& scratch) {
    fs::copy_file(backupFolder / "mealhall.db", scratch, fs::copy_options::overwrite_existing);
    Database db = Database::open(scratch);
    return {integrityCheck(db), checkinRecordCount(db)};
}

// A tally's content, without the time it was printed.
Json tallyOf(const std::string& out) {
    Json t = Json::parse(out);
    t.erase("generated_at");
    return t;
}

unsigned mode(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("backup while another process scans: each copy is consistent, checked, and counts what it holds") {
    BackupSite s;
    // Another process scans all elders, one `kiosk scan` after another, while we take backups.
    std::string payloads;
    for (int i = 1; i <= kElders; ++i) payloads += s.card(i) + "\n";
    test::writeFile(s.dir.path() / "payloads", payloads);
    int scanner = test::spawnProcess(
        {"/bin/sh", "-c",
         "while read p; do \"$0\" scan --site \"$1\" --service lunch --at 2026-11-24T11:32 \"$p\" >/dev/null || exit 1; done < \"$2\"",
         test::kioskExe(), s.site, (s.dir.path() / "payloads").string()},
        (s.dir.path() / "scan.out").string(), (s.dir.path() / "scan.err").string());
    std::vector<Json> made;
    for (int i = 0; i < 3; ++i) {
        made.push_back(s.backup());
        // Names carry the second: let the next copy get its own.
        ::usleep(1'100'000);
    }
    CHECK_MESSAGE(test::waitExit(scanner) == 0, test::readFile(s.dir.path() / "scan.err"));
    made.push_back(s.backup());

    for (const Json& m : made) {
        CAPTURE(m.dump());
        fs::path folder = m["backup"].get<std::string>();
        auto [check, records] = inspect(folder, s.dir.path() / "scratch.db");
        CHECK(check == "ok");
        CHECK(records == m["records"].get<std::int64_t>());
        Json manifest = Json::parse(test::readFile(folder / "manifest.json"));
        CHECK(manifest["records"] == m["records"]);
        CHECK(manifest["site_id"] == "141022-001");
        CHECK(manifest["terminal"] == m["terminal"]);
        // Private whatever the umask: names and keys.
        CHECK(mode(folder) == 0700);
        for (const char* f : {"mealhall.db", "site.toml", "id_hash.key", "card_signing.key", "manifest.json"}) {
            CAPTURE(f);
            CHECK(mode(folder / f) == 0600);
        }
    }
    CHECK(made.back()["records"] == kElders);
    CHECK(mode(s.usb) == 0700);
    // Nothing half-made is left beside the finished copies.
    int entries = 0;
    for (const auto& e : fs::directory_iterator(s.usb)) {
        CHECK(e.path().filename().string().rfind("mealhall-141022-001-", 0) == 0);
        ++entries;
    }
    CHECK(entries == 4);
}

TEST_CASE("restore end to end: the database is lost, restored, the records and tally are intact and scans go on") {
    BackupSite s;
    for (int i = 1; i <= 5; ++i) s.scan(i, "2026-11-24T11:3" + std::to_string(i));
    auto tallyBefore = kiosk({"tally", "--site", s.site, "--date", "2026-11-24"});
    REQUIRE(tallyBefore.exitCode == 0);
    Json b = s.backup();
    CHECK(b["records"] == 5);

    fs::remove(fs::path(s.site) / "mealhall.db");
    auto lost = kiosk({"status", "--site", s.site});
    CHECK(lost.exitCode == 2);
    auto scanLost = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-25T11:30", s.card(1)});
    CHECK(scanLost.exitCode == 2);
    CHECK(scanLost.err.find("kiosk restore") != std::string::npos);

    auto r = kiosk({"restore", "--site", s.site, "--from", b["backup"].get<std::string>()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    Json rj = Json::parse(r.out);
    CHECK(rj["records"] == 5);
    CHECK(rj["kept_as"].is_null());  // there was nothing to keep
    CHECK(mode(fs::path(s.site) / "mealhall.db") == 0600);

    auto status = kiosk({"status", "--site", s.site});
    CHECK(status.exitCode == 0);
    Json st = Json::parse(status.out);
    CHECK(st["database"] == "ok");
    CHECK(st["clock"] == "ok");  // the backup's records are older than now: no refusal
    // A restored database is a new terminal (contract 11): the old id is its lineage.
    CHECK(st["terminal"] == rj["new_terminal"]);
    CHECK(st["terminal"] != b["terminal"]);
    CHECK(st["restored_from"] == Json::array({b["terminal"]}));

    // The day is held as the old terminal froze it in the backup, byte for byte, under its id.
    {
        Database db = Database::open(fs::path(s.site) / "mealhall.db");
        auto body = db.prepare("SELECT body FROM upload_outbox WHERE terminal = ?1 AND day = '2026-11-24'");
        body.bind(1, b["terminal"].get<std::string>());
        REQUIRE(body.step());
        Json frozen = Json::parse(body.text(0));
        frozen.erase("generated_at");
        CHECK(frozen == tallyOf(tallyBefore.out));
    }
    // The records are there: a second lunch the same day is a duplicate, the next day is accepted.
    auto dup = kiosk({"scan", "--site", s.site, "--service", "lunch", "--at", "2026-11-24T12:30", s.card(1)});
    CHECK(dup.exitCode == 1);
    CHECK(Json::parse(dup.out)["outcome"] == "duplicate");
    s.scan(1, "2026-11-25T11:30");

    // Restoring over a working database keeps the replaced one, records and all.
    auto again = kiosk({"restore", "--site", s.site, "--from", b["backup"].get<std::string>()});
    REQUIRE_MESSAGE(again.exitCode == 0, again.err);
    std::string kept = Json::parse(again.out)["kept_as"];
    CHECK(kept.rfind("mealhall.db.before-restore-", 0) == 0);
    {
        fs::path scratch = s.dir.path() / "kept.db";
        fs::copy_file(fs::path(s.site) / kept, scratch);
        Database db = Database::open(scratch);
        CHECK(checkinRecordCount(db) == 6);  // the scan made after the first restore is not lost
    }
    // The backup of the terminal this one was restored from is its own: no flag was needed.
    CHECK(Json::parse(kiosk({"status", "--site", s.site}).out)["restored_from"].size() == 2);
}

TEST_CASE("restore refuses another site's or terminal's backup unless told, and a damaged one") {
    BackupSite s;
    s.scan(1, "2026-11-24T11:30");
    Json mine = s.backup();
    std::string mineDir = mine["backup"];
    const std::string dbBefore = test::readFile(fs::path(s.site) / "mealhall.db");

    // Another site.
    std::string other = (s.dir.path() / "other").string();
    REQUIRE(kiosk({"init", "--site", other, "--site-id", "141022-002", "--name", "南街村老年食堂"}).exitCode == 0);
    fs::path otherUsb = s.dir.path() / "usb-other";
    auto ob = kiosk({"backup", "--site", other, "--to", otherUsb.string()});
    REQUIRE(ob.exitCode == 0);
    std::string otherDir = Json::parse(ob.out)["backup"];
    auto refused = kiosk({"restore", "--site", s.site, "--from", otherDir});
    CHECK(refused.exitCode == 1);
    CHECK(Json::parse(refused.out)["error"] == "restore.other_site");
    CHECK(refused.err.find("另一个站点") != std::string::npos);
    CHECK(test::readFile(fs::path(s.site) / "mealhall.db") == dbBefore);

    // Another terminal of the same site (same keys, its own id): our backup put on a second machine,
    // which is a terminal of its own from then on, and that machine's backup.
    const std::string second = (s.dir.path() / "second").string();
    REQUIRE(kiosk({"restore", "--site", second, "--from", mineDir}).exitCode == 0);
    auto sb = kiosk({"backup", "--site", second, "--to", (s.dir.path() / "usb-second").string()});
    REQUIRE_MESSAGE(sb.exitCode == 0, sb.err);
    Json m = Json::parse(sb.out);
    otherDir = m["backup"].get<std::string>();
    auto refusedT = kiosk({"restore", "--site", s.site, "--from", otherDir});
    CHECK(refusedT.exitCode == 1);
    CHECK(Json::parse(refusedT.out)["error"] == "restore.other_terminal");
    CHECK(test::readFile(fs::path(s.site) / "mealhall.db") == dbBefore);
    auto forced = kiosk({"restore", "--site", s.site, "--from", otherDir, "--force-other-terminal"});
    CHECK_MESSAGE(forced.exitCode == 0, forced.err);
    Json forcedStatus = Json::parse(kiosk({"status", "--site", s.site}).out);
    CHECK(forcedStatus["terminal"] != m["terminal"]);
    // The directory is one terminal: its lineage now holds both the replaced database's id and the backup's.
    CHECK(forcedStatus["restored_from"].size() == 2);
    CHECK(forcedStatus["restored_from"].dump().find(m["terminal"].get<std::string>()) != std::string::npos);
    // Back to our own: the terminal this directory was before the forced restore is in its lineage.
    CHECK(kiosk({"restore", "--site", s.site, "--from", mineDir}).exitCode == 0);

    // A damaged copy: pages in the middle overwritten.
    {
        fs::path db = fs::path(mineDir) / "mealhall.db";
        std::string bytes = test::readFile(db);
        REQUIRE(bytes.size() > 40000);
        for (size_t i = 8192; i < bytes.size() - 4096; i += 3) bytes[i] = char(0x5a);
        test::writeFile(db, bytes);
    }
    const std::string dbNow = test::readFile(fs::path(s.site) / "mealhall.db");
    auto damaged = kiosk({"restore", "--site", s.site, "--from", mineDir});
    CHECK(damaged.exitCode == 1);
    CHECK(Json::parse(damaged.out)["error"] == "restore.damaged");
    CHECK(test::readFile(fs::path(s.site) / "mealhall.db") == dbNow);
    // No staged copy left in the site directory.
    for (const auto& e : fs::directory_iterator(s.site)) CHECK(e.path().filename().string().find(".part") == std::string::npos);

    // Not a backup at all: bad usage.
    auto notBackup = kiosk({"restore", "--site", s.site, "--from", s.dir.path().string()});
    CHECK(notBackup.exitCode == 2);
}

TEST_CASE("restore refuses while a kiosk has the site's database open") {
    BackupSite s;
    s.scan(1, "2026-11-24T11:30");
    Json b = s.backup();
    {
        // A running kiosk keeps its connection for good; this test process plays it.
        Database running = Database::open(fs::path(s.site) / "mealhall.db");
        CHECK(checkinRecordCount(running) == 1);
        auto r = kiosk({"restore", "--site", s.site, "--from", b["backup"].get<std::string>()});
        CHECK(r.exitCode == 1);
        CHECK(Json::parse(r.out)["error"] == "restore.in_use");
        CHECK(r.err.find("正在使用") != std::string::npos);
        // The running kiosk goes on writing.
        s.scan(2, "2026-11-24T11:31");
    }
    auto r = kiosk({"restore", "--site", s.site, "--from", b["backup"].get<std::string>()});
    CHECK_MESSAGE(r.exitCode == 0, r.err);
}
