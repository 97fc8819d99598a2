// Two terminals of one site as processes on loopback (`kiosk serve` on each, `init --join`): each
// has its own chain, the rows it receives keep their origin's chain position (journal_chain.hpp (5)),
// and `journal verify` passes on both; a received row changed by hand is named against its origin.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "shared/cards/card_signature.hpp"
#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
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

constexpr auto kProcessWait = std::chrono::seconds(20);  // kiosk processes start slowly on a loaded machine
constexpr auto kPoll = std::chrono::milliseconds(50);

// One terminal: its site dir, its listen address and, while it runs, its serve (as in peers_net's hall).
struct Door {
    fs::path dir;
    std::string listen;
    int pid = -1;
    ~Door() { stop(); }
    void serve(const fs::path& scratch) {
        auto out = scratch / (dir.filename().string() + ".out"), err = scratch / (dir.filename().string() + ".err");
        fs::remove(out);
        pid = spawnKiosk({"serve", "--site", dir.string(), "--listen", listen, "--code-file",
                          (scratch / (dir.filename().string() + ".code")).string()},
                         out.string(), err.string());
        bool up = waitUntil([&] { return readFile(out).find('}') != std::string::npos; }, kProcessWait, kPoll);
        INFO(readFile(err));
        REQUIRE(up);
    }
    void stop() {
        if (pid <= 0) return;
        ::kill(pid, SIGTERM);
        waitExit(pid);
        pid = -1;
    }
    J run(const std::vector<std::string>& args, int expectExit) const {
        std::vector<std::string> full = args;  // --site after the verb (and its sub-verb)
        const bool group = args[0] == "donation" || args[0] == "journal";
        full.insert(full.begin() + (group ? 2 : 1), {"--site", dir.string()});
        auto r = kiosk(full);
        INFO(args[0], " ", r.out, r.err);
        CHECK(r.exitCode == expectExit);
        return r.out.empty() ? J() : J::parse(r.out);
    }
};

}  // namespace

TEST_CASE("two terminals syncing over loopback: each verifies, and the rows each received keep their origin's chain") {
    TempDir scratch;
    Door a{scratch.path() / "a", "127.0.0.1:" + std::to_string(freePort())};
    Door b{scratch.path() / "b", "127.0.0.1:" + std::to_string(freePort())};
    SecretKey key{};
    {
        auto site = makeSite(a.dir);
        std::string csv = "elder_id,name,birth_date\n";
        for (int i = 1; i <= 10; ++i) csv += "E" + std::to_string(i) + ",张桂兰,1940-01-" + std::to_string(10 + i) + "\n";
        REQUIRE(importRoster(*site, csv, LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test"));
        key = site->keys().card.sec;
    }
    a.serve(scratch.path());
    const fs::path codeFile = scratch.path() / "a.code";
    REQUIRE(waitUntil([&] { return fs::exists(codeFile) && readFile(codeFile).size() >= 6; }, kProcessWait, kPoll));
    const std::string code = readFile(codeFile).substr(0, 6);
    auto join = kiosk({"init", "--site", b.dir.string(), "--join", a.listen, "--code", code, "--listen", b.listen});
    INFO(join.err);
    REQUIRE(join.exitCode == 0);
    b.serve(scratch.path());
    auto card = [&](int i) { return signCard({"E" + std::to_string(i), "1"}, key); };

    // Meals, a void and a donation at both doors; each scan asks the other terminal first.
    for (int i = 1; i <= 4; ++i) a.run({"scan", "--service", "lunch", "--at", "2026-11-25T11:3" + std::to_string(i), card(i)}, 0);
    for (int i = 5; i <= 8; ++i) b.run({"scan", "--service", "lunch", "--at", "2026-11-25T11:4" + std::to_string(i), card(i)}, 0);
    b.run({"scan", "--service", "lunch", "--at", "2026-11-25T11:50", card(1)}, 1);  // a's meal: duplicate at b
    a.run({"void", "--record", "2", "--reason", "刷错", "--staff", "李"}, 0);
    b.run({"donation", "add", "--donor", "王五", "--amount-fen", "5000", "--date", "2026-11-25"}, 0);
    // `status` syncs with the peers first (contract 11): after a round each way both have everything.
    J sa = a.run({"status"}, 0), sb = b.run({"status"}, 0);
    sa = a.run({"status"}, 0);
    CHECK(sa["journal"] == "ok");
    CHECK(sb["journal"] == "ok");
    const std::string idA = sa["terminal"], idB = sb["terminal"];

    J va = a.run({"journal", "verify"}, 0), vb = b.run({"journal", "verify"}, 0);
    // Each terminal holds its own chain first, and the other's entries that came with its rows.
    REQUIRE(va["chains"].size() == 2);
    REQUIRE(vb["chains"].size() == 2);
    CHECK(va["chains"][0]["terminal"] == idA);
    CHECK(va["chains"][1]["terminal"] == idB);
    CHECK(vb["chains"][0]["terminal"] == idB);
    // a holds b's chain only up to what travelled (b's refused duplicate did not).
    CHECK(va["chains"][1]["seq"].get<int>() <= vb["chains"][0]["seq"].get<int>());
    auto tb = kiosk({"tally", "--site", b.dir.string(), "--date", "2026-11-25"});
    REQUIRE(tb.exitCode == 0);
    CHECK(J::parse(tb.out)["journal"]["sig"].is_string());

    // a's records at b sit in a's chain, at a's positions: the same seq and hash on both.
    auto entryAt = [&](const Door& d, const std::string& origin) {
        return runProcess({"/usr/bin/sqlite3", (d.dir / "mealhall.db").string(),
                           "SELECT j.seq || ' ' || j.hash FROM journal j JOIN checkins c ON j.tbl = 'checkins' AND "
                           "j.row_key = CAST(c.record_id AS TEXT) WHERE c.origin_terminal = '" + origin +
                           "' AND c.origin_record = 3"}).out;
    };
    CHECK_FALSE(entryAt(a, idA).empty());
    CHECK(entryAt(a, idA) == entryAt(b, idA));

    // The review (contract 13) at either door: a double made while the two were apart, and an entry
    // from b's clock a day ahead, which a holds aside.
    a.stop();
    b.stop();
    a.run({"scan", "--service", "lunch", "--at", "2026-11-25T12:00", card(9)}, 0);
    b.run({"scan", "--service", "lunch", "--at", "2026-11-25T12:01", card(9)}, 0);
    // Tomorrow at 12:00 (lunch is open) on b's clock only: relative to the real date, because b's
    // earlier rows were written at the real time and a fixed instant would one day fall behind them
    // (read as a clock set back).
    const TimeZone zone = TimeZone::load("Asia/Shanghai").value();
    const LocalDate tomorrow = zone.toLocal(SystemClock().nowUnix()).date.plusDays(1);
    const std::int64_t aheadUnix = zone.toUnix(LocalDateTime{tomorrow, 12, 0, 0});
    const std::string aheadDate = tomorrow.iso();
    auto ahead = runProcess({"/usr/bin/faketime", "@" + std::to_string(aheadUnix), kioskExe(), "scan", "--site",
                             b.dir.string(), "--service", "lunch", card(10)});
    INFO(ahead.out);
    REQUIRE_MESSAGE(ahead.exitCode == 0, ahead.err);
    a.serve(scratch.path());
    b.serve(scratch.path());
    a.run({"status"}, 0);
    b.run({"status"}, 0);
    auto review = [&](const Door& d, const std::string& date) {
        auto r = kiosk({"review", "--site", d.dir.string(), "--date", date});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        return J::parse(r.out);
    };
    J ra = review(a, "2026-11-25"), rb = review(b, "2026-11-25");
    auto doubleIn = [](const J& r) {
        for (const J& i : r["items"])
            if (i["kind"] == "double") return i;
        return J();
    };
    REQUIRE_FALSE(doubleIn(ra).is_null());
    CHECK(doubleIn(ra)["elder_id"] == "E9");
    CHECK(doubleIn(ra)["records"].size() == 2);
    CHECK(doubleIn(ra)["id"] == doubleIn(rb)["id"]);  // one id for one double, at both doors
    J held = review(a, aheadDate);
    REQUIRE(held["items"].size() == 1);
    CHECK(held["items"][0]["kind"] == "held_peer_entry");
    CHECK(held["items"][0]["terminal"] == idB);
    a.run({"journal", "verify"}, 0);
    b.run({"journal", "verify"}, 0);

    // A received row changed by hand at b is named against a's chain.
    a.stop();
    b.stop();
    auto edit = runProcess({"/usr/bin/sqlite3", (b.dir / "mealhall.db").string(),
                            "DROP TRIGGER checkins_fixed_once_written; UPDATE checkins SET price_fen = price_fen + 500, "
                            "elder_fen = elder_fen + 500 WHERE origin_terminal = '" + idA + "' AND origin_record = 3"});
    REQUIRE_MESSAGE(edit.exitCode == 0, edit.err);
    J bad = b.run({"journal", "verify"}, 1);
    CHECK(bad["journal"] == "changed");
    CHECK(bad["problem"]["terminal"] == idA);
    CHECK(bad["problem"]["table"] == "checkins");
}
