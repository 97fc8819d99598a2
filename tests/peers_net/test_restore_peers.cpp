// Issue 21 as it happened, with real processes on loopback: a backup of a running terminal is
// restored onto a second machine (an empty directory) while the original goes on; both serve, both
// scan different elders. The restored one is a new terminal id (contract 11), so each ends with both
// records under their own origins, and the county platform never sees one Idempotency-Key with two
// different bodies.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "shared/cards/card_signature.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/site/peers_toml.hpp"
#include "shared/site/site.hpp"
#include "support/fake_county.hpp"
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
constexpr auto kPoll = std::chrono::milliseconds(100);

// `kiosk serve` on a fixed loopback address, stopped with SIGTERM.
struct Served {
    int pid = -1;
    Served(const fs::path& dir, const std::string& listen, const fs::path& scratch) {
        auto out = scratch / (dir.filename().string() + ".out"), err = scratch / (dir.filename().string() + ".err");
        pid = spawnKiosk({"serve", "--site", dir.string(), "--listen", listen}, out.string(), err.string());
        bool up = waitUntil([&] { return readFile(out).find('}') != std::string::npos; }, kProcessWait, kPoll);
        INFO(readFile(err));
        REQUIRE(up);
    }
    ~Served() { stop(); }
    void stop() {
        if (pid <= 0) return;
        ::kill(pid, SIGTERM);
        CHECK(waitExit(pid) == 0);
        pid = -1;
    }
};

// (origin terminal, elder) of every check-in, read through SQLite beside the running serve (WAL).
std::set<std::pair<std::string, std::string>> records(const fs::path& dir) {
    Database db = Database::open(dir / kSiteDb);
    std::set<std::pair<std::string, std::string>> out;
    auto st = db.prepare("SELECT origin_terminal, elder_id FROM checkins WHERE voided = 0");
    while (st.step()) out.emplace(st.text(0), st.text(1));
    return out;
}

}  // namespace

TEST_CASE("a backup restored while the original runs: both scan, each ends with both records, no key has two bodies") {
    TempDir scratch;
    FakeCounty county;
    const fs::path a = scratch.path() / "a", b = scratch.path() / "b";
    const std::string listenA = "127.0.0.1:" + std::to_string(freePort());
    const std::string listenB = "127.0.0.1:" + std::to_string(freePort());
    const std::string extra = "\n[upload]\nendpoint = \"" + county.endpoint() + "\"\ntoken_file = \"upload.token\"\n";
    SecretKey cardKey{};
    {
        auto site = makeSite(a, withPeersInToml(standardToml(extra), {listenB}, listenA));
        std::string csv = "elder_id,name,birth_date\nE1,张桂兰,1940-01-02\nE2,王秀英,1944-03-04\nE3,李淑珍,1930-05-05\n";
        REQUIRE(importRoster(*site, csv, LocalDate::of(2026, 11, 24), "2026-11-24T08:00:00+08:00", "test"));
        cardKey = site->keys().card.sec;
    }
    writeFile(a / "upload.token", "secret-token\n");
    auto scan = [&](const fs::path& dir, const char* elder, const char* at) {
        auto r = kiosk({"scan", "--site", dir.string(), "--service", "lunch", "--at", at, signCard({elder, "1"}, cardKey)});
        INFO(r.err);
        CHECK(r.exitCode == 0);
        return J::parse(r.out);
    };
    scan(a, "E1", "2026-11-24T11:30");

    Served serveA(a, listenA, scratch.path());
    // The online backup of the running original, restored onto a second machine's empty directory.
    auto bk = kiosk({"backup", "--site", a.string(), "--to", (scratch.path() / "usb").string()});
    REQUIRE_MESSAGE(bk.exitCode == 0, bk.err);
    const std::string idA = J::parse(bk.out).at("terminal");
    auto rs = kiosk({"restore", "--site", b.string(), "--from", (scratch.path() / "usb").string()});
    REQUIRE_MESSAGE(rs.exitCode == 0, rs.err);
    const std::string idB = J::parse(rs.out).at("new_terminal");
    REQUIRE(idB != idA);
    // The second machine's own address; the original's address as its peer.
    writeFile(b / kSiteToml, withPeersInToml(readFile(b / kSiteToml), {listenA}, listenB));
    Served serveB(b, listenB, scratch.path());

    // Different elders at the two doors, the same day.
    CHECK(scan(a, "E2", "2026-11-24T11:40").at("outcome") == "accepted");
    CHECK(scan(b, "E3", "2026-11-24T11:41").at("outcome") == "accepted");
    // E2, taken at the original, is a duplicate at the restored door: the two claim books talk.
    {
        auto dup = kiosk({"scan", "--site", b.string(), "--service", "lunch", "--at", "2026-11-24T11:50", signCard({"E2", "1"}, cardKey)});
        CHECK(dup.exitCode == 1);
    }

    const std::set<std::pair<std::string, std::string>> all{{idA, "E1"}, {idA, "E2"}, {idB, "E3"}};
    bool met = waitUntil([&] { return records(a) == all && records(b) == all; }, kProcessWait, kPoll);
    CAPTURE(J(records(a)).dump());
    CAPTURE(J(records(b)).dump());
    CHECK(met);

    serveA.stop();
    serveB.stop();
    for (const fs::path& d : {a, b}) {
        auto up = kiosk({"upload", "--site", d.string(), "--retry-delay-ms", "20", "--timeout-ms", "3000"});
        CHECK_MESSAGE(up.exitCode == 0, up.err);
    }

    // No Idempotency-Key with two different bodies.
    std::map<std::string, std::set<std::string>> bodies;
    for (const auto& p : county.posts()) bodies[p.key].insert(p.body);
    REQUIRE(!bodies.empty());
    for (const auto& [key, set] : bodies) {
        CAPTURE(key);
        CHECK(set.size() == 1);
    }
    // What the county keeps (the newest revision of each terminal and day) counts each lunch once.
    std::map<std::string, std::pair<int, J>> newest;  // site/terminal/date -> revision, body
    for (const auto& [key, body] : county.stored()) {
        J t = J::parse(body);
        const std::string slot = t.at("terminal").get<std::string>() + "/" + t.at("date").get<std::string>();
        if (!newest.count(slot) || newest[slot].first < t.at("revision").get<int>()) newest[slot] = {t.at("revision").get<int>(), t};
    }
    std::multiset<std::string> counted;
    for (const auto& [slot, rt] : newest)
        for (const auto& r : rt.second.at("records")) counted.insert(r.at("elder_id").get<std::string>());
    CHECK(counted == std::multiset<std::string>{"E1", "E2", "E3"});
    CHECK(newest.count(idB + "/2026-11-24") == 1);
}
