#include "support/test_hall.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "shared/roster/roster_import.hpp"
#include "shared/store/terminal_identity.hpp"

namespace mh::test {
namespace fs = std::filesystem;

std::string hallRoster() {
    return "elder_id,name,id_number,birth_date,categories,card_serial\n"
           "E1,张桂兰," + makeIdNumber("19400102", 11) + ",,dibao,1\n"
           "E2,王秀英," + makeIdNumber("19600607", 12) + ",,,1\n"
           "E3,李淑珍,,1930-05-05,tekun,1\n"
           "E4,刘玉兰,,1950-01-01,,1\n"
           "E5,赵凤英,,1945-03-03,,1\n";
}

PeerSyncOptions TestHall::fastOptions() {
    PeerSyncOptions o;
    o.interval = std::chrono::milliseconds(50);
    return o;
}

TestTerminal::Extra TestTerminal::another(const Clock& clock) {
    Extra x;
    auto s = Site::open(dir.path());
    REQUIRE(s.ok());
    x.site = std::move(*s);
    x.engine = std::make_unique<CheckInEngine>(*x.site, clock, sync.get());
    return x;
}

std::vector<std::string> TestTerminal::recordKeys() {
    std::vector<std::string> out;
    auto st = site->db().prepare("SELECT origin_terminal, origin_record, voided FROM checkins");
    while (st.step()) out.push_back(st.text(0) + "/" + std::to_string(st.i64(1)) + (st.i64(2) ? "v" : ""));
    std::sort(out.begin(), out.end());
    return out;
}

TestHall::TestHall(int n, PeerSyncOptions options) {
    for (int i = 0; i < n; ++i) {
        auto term = std::make_unique<TestTerminal>();
        term->site = makeSite(term->dir.path());
        if (i > 0) {
            // A joined terminal: the first one's keys (init --join copies them), its own database.
            for (const char* f : {kIdHashKeyFile, kCardKeyFile})
                fs::copy_file(t[0]->dir.path() / f, term->dir.path() / f, fs::copy_options::overwrite_existing);
            term->site.reset();
            auto reopened = Site::open(term->dir.path());
            REQUIRE(reopened.ok());
            term->site = std::move(*reopened);
        }
        auto r = importRoster(*term->site, hallRoster(), LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test");
        REQUIRE(r.ok());
        REQUIRE(r->rejected.empty());
        term->id = loadTerminalIdentity(term->site->db()).id;
        term->address = "t" + std::to_string(i + 1) + ":7443";
        t.push_back(std::move(term));
    }
    clock.set(t[0]->site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:30")));
    for (auto& term : t) {
        term->book = std::make_unique<ClaimBook>(term->dir.path() / kSiteDb, term->id);
        term->auth = std::make_unique<PeerAuth>(term->site->config().siteId, term->id, term->site->keys(), clock);
        term->service = std::make_unique<PeerService>(term->dir.path() / kSiteDb, *term->auth, *term->book);
        net.attach(term->address, term->service->handler());
    }
    for (auto& term : t) {
        std::vector<std::string> others;
        for (auto& o : t)
            if (o != term) others.push_back(o->address);
        term->sync = std::make_unique<PeerSync>(term->dir.path() / kSiteDb, *term->auth, *term->book, clock, others,
                                                net.factoryFor(term->address), options);
        term->engine = std::make_unique<CheckInEngine>(*term->site, clock, term->sync.get());
    }
}

TestHall::~TestHall() {
    for (auto& term : t) term->engine.reset();
    for (auto& term : t) term->sync.reset();
}

std::string TestHall::card(const std::string& elder) const { return signCard({elder, "1"}, t[0]->site->keys().card.sec); }

ScanResult TestHall::scan(int i, const std::string& elder, const std::string& service) {
    auto r = t[size_t(i)]->engine->scan({card(elder), ServiceId(service), std::nullopt, false});
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}

void TestHall::syncAll() {
    for (int round = 0; round < 2; ++round)
        for (auto& term : t) term->sync->syncNow();
}

}  // namespace mh::test
