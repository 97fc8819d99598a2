// Issue 14's soak: elders through the real kiosk process — card pictures replayed as camera frames and
// a scanner typing into the same window at once — while the kiosk is SIGKILLed at random moments and
// restarted, and the county platform goes away and comes back. Afterwards: every scan the kiosk's
// journal called accepted is in the database, no elder is counted twice, the county holds the newest
// revision of the day with identical bodies for every repeated Idempotency-Key, and `status` shows
// nothing pending.
// MEALHALL_SOAK_SECONDS sets the length (CTest: 60; `scripts/soak`: 600, issue 14's ten minutes),
// MEALHALL_SOAK_ELDERS the number of elders (default 300 per ten minutes, at least 30),
// MEALHALL_SOAK_SEED the random schedule.
#include <doctest/doctest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "platform/cards/card_render.hpp"
#include "platform/vision/image_file.hpp"
#include "shared/cards/card_signature.hpp"
#include "shared/ports/clock.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/terminal_identity.hpp"
#include "shared/upload/upload_outbox.hpp"
#include "soak/soak_rig.hpp"
#include "support/fake_county.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"
#include "support/skip.hpp"

using namespace mh;
namespace fs = std::filesystem;
using SteadyTime = std::chrono::steady_clock::time_point;

namespace {

long envLong(const char* name, long fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::strtol(v, nullptr, 10) : fallback;
}

double secondsSince(SteadyTime t0) { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); }

// One meal open all day, and the day due for upload from midnight on (end_of_day 00:00), so every
// upload run freezes the scans since the last one as a new revision of today.
std::string soakToml(const std::string& endpoint) {
    return "[site]\nid = \"141022-001\"\nname = \"北关村老年食堂\"\ntimezone = \"Asia/Shanghai\"\nend_of_day = \"00:00\"\n\n"
           "[policy]\nunsubsidised = \"full_price\"\n\n"
           "[[service]]\nid = \"lunch\"\nname = \"午餐\"\nkind = \"meal\"\nopens = \"00:00\"\ncloses = \"24:00\"\nprice_fen = 1000\n\n"
           "[input]\ncamera = \"none\"\n\n"
           "[upload]\nendpoint = \"" + endpoint + "\"\ntoken_file = \"upload.token\"\n";
}

enum class Way { Camera, Scanner, Both };

struct Elder {
    std::string id, payload;
    fs::path card;
    Way way = Way::Scanner;
    double arriveAt = 0;      // seconds into the soak
    bool typed = false;       // the scanner read its card (or the camera folder held it)
    double retypeAt = -1;     // an impatient elder scans again after the hold: a duplicate to refuse
};

// The county platform, brought down and up at one fixed address; what it received is kept across.
class County {
public:
    County() : m_server(std::make_unique<test::FakeCounty>("secret-token")), m_port(m_server->port()) {}
    [[nodiscard]] std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/api"; }
    // Down: nothing listens (connection refused). `drop`: up, but every reply is cut mid-body.
    void cut(bool drop) {
        if (drop) m_server->setFallback(test::Reply::Drop);
        else down();
    }
    void restore() {
        if (!m_server) {
            for (int i = 0; i < 50 && !m_server; ++i) {
                try {
                    m_server = std::make_unique<test::FakeCounty>("secret-token", "", "", m_port);
                } catch (const std::exception&) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the port is still closing
                }
            }
            REQUIRE(m_server);
        }
        m_server->setFallback(test::Reply::Ok);
    }
    std::vector<test::ReceivedPost> posts() {
        auto all = m_kept;
        if (m_server)
            for (auto& p : m_server->posts()) all.push_back(p);
        return all;
    }
    std::map<std::string, std::string> stored() {
        auto all = m_keptStored;
        if (m_server)
            for (auto& [k, v] : m_server->stored()) all.emplace(k, v);
        return all;
    }

private:
    void down() {
        if (!m_server) return;
        for (auto& p : m_server->posts()) m_kept.push_back(p);
        for (auto& [k, v] : m_server->stored()) m_keptStored.emplace(k, v);
        m_server.reset();
    }
    std::unique_ptr<test::FakeCounty> m_server;
    int m_port;
    std::vector<test::ReceivedPost> m_kept;
    std::map<std::string, std::string> m_keptStored;
};

struct Figures {
    int fedCamera = 0, fedScanner = 0, fedBoth = 0, retyped = 0, swept = 0;
    int accepted = 0, duplicates = 0, otherOutcomes = 0;
    int kills = 0, starts = 0, cuts = 0;
    double startSecondsMax = 0;
};

}  // namespace

TEST_CASE("soak: elders through camera and scanner at once, the kiosk killed and the county cut, nothing lost or doubled") {
    const long seconds = envLong("MEALHALL_SOAK_SECONDS", 60);
    const long nElders = std::max(30L, envLong("MEALHALL_SOAK_ELDERS", 300 * seconds / 600));
    const unsigned seed = unsigned(envLong("MEALHALL_SOAK_SEED", long(std::random_device{}() % 1000000)));
    std::mt19937 rng(seed);
    auto uniform = [&rng](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
    MESSAGE("soak: " << seconds << " s, " << nElders << " elders, seed " << seed);

    soak::VirtualDisplay display;
    if (!display.ok()) {
        return mh::test::skipTest("no Xvfb: the soak needs `kiosk run` on a display and is skipped here");
    }
    test::TempDir dir;
    if (std::getenv("MEALHALL_SOAK_KEEP")) std::printf("soak directory %s (kept)\n", dir.path().c_str());
    const fs::path site = dir.path() / "site";
    County county;

    // The site, 300 elders and their printed cards.
    std::vector<Elder> elders(static_cast<size_t>(nElders));
    std::string today;
    {
        auto s = test::makeSite(site, soakToml(county.endpoint()));
        test::writeFile(site / "upload.token", "secret-token\n");
        std::string csv = "elder_id,name,birth_date,village\n";
        for (long i = 0; i < nElders; ++i) {
            char id[32];
            std::snprintf(id, sizeof id, "S%04ld", i + 1);
            elders[size_t(i)].id = id;
            csv += std::string(id) + ",老人" + std::to_string(i + 1) + ",1940-03-0" + std::to_string(1 + i % 9) + ",北关村\n";
        }
        SystemClock clock;
        LocalDateTime now = s->timeZone().toLocal(clock.nowUnix());
        today = now.date.iso();
        auto imported = importRoster(*s, csv, now.date, s->timeZone().isoWithOffset(clock.nowUnix()), "soak");
        REQUIRE(imported.ok());
        REQUIRE(imported->added == int(nElders));
        fs::create_directories(dir.path() / "cards");
        for (auto& e : elders) {
            e.payload = signCard({e.id, "1"}, s->keys().card.sec);
            e.card = dir.path() / "cards" / (e.id + ".png");
            REQUIRE(writeCardPng({"北关村老年食堂", "老人", e.id, "1", "北关村", e.payload}, e.card).ok());
        }
    }
    REQUIRE(saveGrayPng(GrayImage(640, 480, 200), dir.path() / "blank.png").ok());

    // Who comes when, and how: 40% hold the card to the camera, 40% use the scanner, 20% both at once;
    // one in ten scanner users scans again after the 5 s hold (the engine must refuse it).
    Figures fig;
    std::shuffle(elders.begin(), elders.end(), rng);
    for (size_t i = 0; i < elders.size(); ++i) {
        auto& e = elders[i];
        double r = uniform(0, 1);
        e.way = r < 0.4 ? Way::Camera : r < 0.8 ? Way::Scanner : Way::Both;
        e.arriveAt = double(i) * double(seconds) * 0.9 / double(elders.size());
        if (e.way != Way::Camera && uniform(0, 1) < 0.1) e.retypeAt = e.arriveAt + uniform(6, 9);
        (e.way == Way::Camera ? fig.fedCamera : e.way == Way::Scanner ? fig.fedScanner : fig.fedBoth)++;
    }

    // The kiosk as systemd runs it (Type=notify), on the virtual display, with no sound card.
    soak::NotifySocket notify(dir.path() / "notify.sock");
    soak::WedgePipe wedge(dir.path() / "wedge.fifo");
    ::setenv("DISPLAY", display.name().c_str(), 1);
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    ::setenv("MEALHALL_WINDOW", "800x480", 1);
    ::setenv("NOTIFY_SOCKET", notify.path().c_str(), 1);
    ::unsetenv("WATCHDOG_USEC");
    std::vector<fs::path> journals;
    std::set<std::string> acceptedElders;  // from the journals read so far
    auto readJournals = [&] {
        std::vector<soak::JournalScan> all;
        for (auto& j : journals)
            for (auto& s : soak::readJournalScans(j)) all.push_back(s);
        acceptedElders.clear();
        for (auto& s : all)
            if (s.outcome == "accepted") acceptedElders.insert(s.elderId);
        return all;
    };
    int pid = -1;
    auto startKiosk = [&](double plannedEnd, double now) {
        // The camera sees the cards of everyone due before this run's planned end who has not been
        // checked in yet: replay folders are read once at start.
        readJournals();
        fs::path replay = dir.path() / ("replay-" + std::to_string(fig.starts));
        fs::create_directories(replay);
        fs::create_hard_link(dir.path() / "blank.png", replay / "0-blank.png");
        for (auto& e : elders)
            if (e.way != Way::Scanner && e.arriveAt <= plannedEnd && !acceptedElders.count(e.id))
                fs::create_hard_link(e.card, replay / (e.id + ".png"));
        fs::path out = dir.path() / ("kiosk-" + std::to_string(fig.starts) + ".out");
        journals.push_back(out);
        auto t0 = std::chrono::steady_clock::now();
        pid = test::spawnKiosk({"run", "--site", site.string(), "--replay", replay.string(), "--wedge-fifo", wedge.path()},
                               out.string(), (dir.path() / ("kiosk-" + std::to_string(fig.starts) + ".err")).string());
        ++fig.starts;
        fs::path err = dir.path() / ("kiosk-" + std::to_string(fig.starts - 1) + ".err");
        REQUIRE_MESSAGE(notify.waitReady(60'000), "the kiosk did not put its first frame up within 60 s (start "
                                                      << fig.starts << " at " << now << " s): " << test::readFile(err));
        fig.startSecondsMax = std::max(fig.startSecondsMax, secondsSince(t0));
    };
    auto killKiosk = [&] {
        ::kill(pid, SIGKILL);
        CHECK(test::waitExit(pid) == -SIGKILL);
        pid = -1;
        ++fig.kills;
    };

    // The soak: a kill every 1/20-1/8 of the run (at least 10-20 s apart), a county outage every
    // 1/15-1/6 lasting 1/30-1/10 (at least 5 s), alternately refused connections and cut replies.
    const double T = double(seconds);
    auto nextKillGap = [&] { return uniform(std::max(10.0, T / 20), std::max(20.0, T / 8)); };
    auto t0 = std::chrono::steady_clock::now();
    double killAt = nextKillGap();
    double cutAt = uniform(std::max(5.0, T / 15), std::max(10.0, T / 6)), restoreAt = -1;
    startKiosk(killAt, 0);
    size_t nextElder = 0;
    while (secondsSince(t0) < T) {
        double now = secondsSince(t0);
        if (now >= killAt) {
            killKiosk();
            killAt = now + nextKillGap();
            startKiosk(std::min(killAt, T), now);
            continue;
        }
        if (restoreAt < 0 && now >= cutAt && cutAt < T * 0.8) {
            county.cut(fig.cuts % 2 == 1);
            ++fig.cuts;
            restoreAt = now + uniform(std::max(5.0, T / 30), std::max(8.0, T / 10));
        } else if (restoreAt >= 0 && now >= restoreAt) {
            county.restore();
            restoreAt = -1;
            cutAt = now + uniform(std::max(5.0, T / 15), std::max(10.0, T / 6));
        }
        for (; nextElder < elders.size() && elders[nextElder].arriveAt <= now; ++nextElder) {
            auto& e = elders[nextElder];
            if (e.way != Way::Camera) REQUIRE(wedge.type(e.payload));
            e.typed = true;
        }
        for (auto& e : elders)
            if (e.retypeAt >= 0 && e.retypeAt <= now) {
                REQUIRE(wedge.type(e.payload));
                e.retypeAt = -1;
                ++fig.retyped;
            }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (restoreAt >= 0) county.restore();

    // The sweep: anyone whose scan was lost (typed into a kiosk as it was killed, or a camera card
    // not read before the kill) comes back to the scanner, as an elder would try again.
    auto countedElders = [&] {
        auto s = Site::open(site);
        REQUIRE(s.ok());
        std::set<std::string> got;
        auto st = (*s)->db().prepare("SELECT elder_id FROM checkins WHERE voided = 0 AND service = 'lunch'");
        while (st.step()) got.insert(st.text(0));
        return got;
    };
    for (int round = 0; round < 6; ++round) {
        auto counted = countedElders();
        std::vector<const Elder*> missing;
        for (auto& e : elders)
            if (!counted.count(e.id)) missing.push_back(&e);
        if (missing.empty()) break;
        std::printf("sweep round %d at %.0f s: %zu not checked in:", round, secondsSince(t0), missing.size());
        for (auto* e : missing) std::printf(" %s(%s)", e->id.c_str(), e->way == Way::Camera ? "camera" : e->way == Way::Scanner ? "scanner" : "both");
        std::printf("\n");
        std::fflush(stdout);
        for (auto* e : missing) {
            REQUIRE(wedge.type(e->payload));
            ++fig.swept;
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
        }
        std::this_thread::sleep_for(std::chrono::seconds(5));
    }

    // The running kiosk delivers what is left: its uploader looks for newly due scans every minute
    // and backs off after the outages, so allow a few minutes.
    auto delivered = [&]() -> std::optional<std::string> {
        auto s = Site::open(site);
        REQUIRE(s.ok());
        UploadOutbox outbox(**s);
        auto day = LocalDate::parse(today);
        REQUIRE(day);
        int rev = outbox.currentRevision(*day);
        std::string key = "141022-001/" + loadTerminalIdentity((*s)->db()).id + "/" + today + "/" + std::to_string(rev);
        if (outbox.pendingDays() == 0 && county.stored().count(key)) return key;
        return std::nullopt;
    };
    std::optional<std::string> newestKey;
    auto drainStart = std::chrono::steady_clock::now();
    while (!(newestKey = delivered()) && secondsSince(drainStart) < 240)
        std::this_thread::sleep_for(std::chrono::seconds(1));
    double drainSeconds = secondsSince(drainStart);
    ::kill(pid, SIGTERM);  // SDL turns it into closing the window: a clean stop
    int exitCode = test::waitExit(pid);
    CHECK(exitCode == 0);
    const double totalSeconds = secondsSince(t0);
    REQUIRE_MESSAGE(newestKey, "the running kiosk did not deliver the day's newest revision within 240 s");

    // The journals against the database.
    auto scans = readJournals();
    auto s = Site::open(site);
    REQUIRE(s.ok());
    std::map<std::int64_t, std::string> stored;  // record id -> elder, counted records
    std::map<std::string, int> perElderDay;
    {
        auto st = (*s)->db().prepare("SELECT record_id, elder_id, service, day FROM checkins WHERE voided = 0");
        while (st.step()) {
            stored[st.i64(0)] = st.text(1);
            ++perElderDay[st.text(1) + "/" + st.text(2) + "/" + st.text(3)];
        }
    }
    std::set<std::int64_t> reported;
    for (auto& sc : scans) {
        if (sc.outcome == "accepted") {
            ++fig.accepted;
            reported.insert(sc.recordId);
            CHECK_MESSAGE(stored.count(sc.recordId) == 1, "accepted record " << sc.recordId << " of " << sc.elderId << " is lost");
            if (stored.count(sc.recordId)) CHECK(stored[sc.recordId] == sc.elderId);
        } else if (sc.outcome == "duplicate") {
            ++fig.duplicates;
        } else {
            ++fig.otherOutcomes;  // a line cut by a kill reads as an invalid card
        }
    }
    for (auto& [key, n] : perElderDay) CHECK_MESSAGE(n == 1, key << " counted " << n << " times");
    CHECK(stored.size() == elders.size());  // everyone ate once
    // A record committed in the instant before a kill, before its journal line: at most one a kill.
    size_t unreported = 0;
    for (auto& [id, elder] : stored) unreported += reported.count(id) ? 0 : 1;
    CHECK(unreported <= size_t(fig.kills));

    // The county: each key's body the same on every send; the newest revision holds exactly the records.
    std::map<std::string, std::set<std::string>> bodies;
    auto posts = county.posts();
    for (auto& p : posts) bodies[p.key].insert(p.body);
    for (auto& [key, b] : bodies) CHECK_MESSAGE(b.size() == 1, key << " was sent with " << b.size() << " different bodies");
    auto newest = nlohmann::json::parse(county.stored().at(*newestKey));
    std::set<std::int64_t> inTally;
    for (auto& r : newest["records"]) inTally.insert(r["record_id"].get<std::int64_t>());
    std::set<std::int64_t> inDb;
    for (auto& [id, elder] : stored) inDb.insert(id);
    CHECK(inTally == inDb);
    std::set<std::string> revisions;
    for (auto& [key, body] : county.stored()) revisions.insert(key);

    // `status`, as staff and monitoring see it.
    auto status = test::kiosk({"status", "--site", site.string()});
    auto sj = nlohmann::json::parse(status.out, nullptr, false);
    REQUIRE_FALSE(sj.is_discarded());
    CHECK(sj["pending_days"] == 0);
    CHECK(sj["refused_days"].empty());
    CHECK(sj["database"] == "ok");

    std::printf("soak figures: %ld s planned, %.0f s in all (drain %.0f s); elders %zu (camera %d, scanner %d, both at once %d); "
                "scanner re-scans %d, sweep re-scans %d; journal: accepted %d, duplicates refused %d, other %d; "
                "records %zu (not journalled: %zu); kills %d, starts %d (slowest to first frame %.1f s); county cuts %d; "
                "tally posts %zu, revisions stored %zu, newest %s\n",
                seconds, totalSeconds, drainSeconds, elders.size(), fig.fedCamera, fig.fedScanner, fig.fedBoth, fig.retyped,
                fig.swept, fig.accepted, fig.duplicates, fig.otherOutcomes, stored.size(), unreported, fig.kills, fig.starts,
                fig.startSecondsMax, fig.cuts, posts.size(), revisions.size(), newestKey->c_str());
    std::fflush(stdout);
    if (const char* keep = std::getenv("MEALHALL_SOAK_KEEP")) {  // the kiosk's journals, for a person to read
        fs::create_directories(keep);
        for (auto& j : journals) fs::copy_file(j, fs::path(keep) / j.filename(), fs::copy_options::overwrite_existing);
    }
}
