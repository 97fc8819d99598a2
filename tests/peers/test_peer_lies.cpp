// A peer is believed only about its own records (contract 11, hardened 2026-12-06). The site keys are
// on every terminal and every backup, so a thief can sign and seal: each lie here goes through the
// real PeerService (push) or the real PeerSync pull, built with a PeerAuth holding the site keys, and
// the receiver's tally JSON, its scans (a scan right after is still accepted, never "clock wrong"),
// its posting and its donation balance stay what they were.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "shared/core/money_json.hpp"
#include "shared/donations/record_donation.hpp"
#include "shared/posting/monthly_figures.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/donation_store.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/store/feed_store.hpp"
#include "shared/tally/tally_json.hpp"
#include "support/test_hall.hpp"

using namespace mh;
using nlohmann::json;

namespace {

const LocalDate kDay = LocalDate::of(2026, 11, 25);
constexpr const char* kLiarId = "zz9evil1";  // a terminal id nobody in the site has

// Someone with the site keys and a terminal id of their choosing.
struct Liar {
    test::TestHall& hall;
    std::string id;
    PeerAuth auth;
    explicit Liar(test::TestHall& h, std::string terminal = kLiarId)
        : hall(h), id(terminal), auth(h.t[0]->site->config().siteId, id, h.t[0]->site->keys(), h.clock) {}

    // A sealed push to terminal `to`; its opened reply.
    json push(int to, const json& entries) {
        std::string nonce;
        std::string env = auth.seal(kPeerPushPath, json{{"entries", entries}}.dump(), &nonce);
        PeerReply r = hall.t[size_t(to)]->service->handle({kPeerPushPath, env, "10.0.0.66"});
        REQUIRE(r.status == 200);
        auto opened = auth.openReply(kPeerPushPath, nonce, r.body);
        REQUIRE(opened.ok());
        return json::parse(opened->body);
    }
};

// A check-in entry as a terminal's feed carries it, from terminal `from`'s record `record`.
json entryOf(test::TestHall& hall, int from, std::int64_t record) {
    json e = FeedStore(hall.t[size_t(from)]->site->db()).checkinEntry(record);
    REQUIRE_FALSE(e.is_null());
    e.erase("seq");
    return e;
}

// What a lie must not change on a terminal.
struct Seen {
    std::string tally;
    std::vector<std::string> records;
    int meals = 0;
    Fen priceFen;
    Shares shares;
    Fen donationsFen;
    Fen balanceFen;
    bool operator==(const Seen&) const = default;
};

Seen seen(test::TestTerminal& t) {
    Site& site = *t.site;
    Seen s;
    s.tally = tallyJson(buildTally(site.config(), kDay, CheckinStore(site.db()).ownForDay(kDay.iso()), 1, "")).dump();
    s.records = t.recordKeys();
    MonthlyFigures f = loadMonthlyFigures(site, 2026, 11);
    s.meals = f.meals;
    s.priceFen = f.priceFen;
    s.shares = f.shares;
    s.donationsFen = f.donationsFen;
    s.balanceFen = DonationStore(site.db()).balance(kDay).balanceFen();
    return s;
}

// Two terminals that have met: a record each and a donation, all on both.
void usualMorning(test::TestHall& hall) {
    REQUIRE(hall.scan(0, "E1").outcome == Outcome::Accepted);
    REQUIRE(hall.scan(1, "E2").outcome == Outcome::Accepted);
    REQUIRE(recordDonation(hall.t[0]->site->db(), {"北关农贸公司", 200000_fen, std::nullopt, "", true, "test"}, kDay,
                           "2026-11-25T11:30:00+08:00")
                .ok());
    hall.syncAll();
    REQUIRE(hall.t[1]->recordKeys().size() == 2);
}

// After any lie: the receiver still scans (not "clock wrong") and still takes a donation.
void stillWorks(test::TestHall& hall, int i) {
    CHECK(hall.scan(i, "E4").outcome == Outcome::Accepted);
    auto d = recordDonation(hall.t[size_t(i)]->site->db(), {"村民", 100_fen, std::nullopt, "", false, "test"}, kDay,
                            "2026-11-25T11:31:00+08:00");
    CHECK(d.ok());
}

// A lying server: answers /peer/v1/feed with `entries` (seq 1..N), sealed with the site keys.
struct LyingFeed {
    Liar& liar;
    json entries;
    PeerReply operator()(const PeerRequest& r) {
        auto m = liar.auth.open(r.path, r.body);
        if (!m || r.path != kPeerFeedPath) return PeerReply{401, "{}"};
        json b = json::parse(m->body);
        std::int64_t after = b.at("after").get<std::int64_t>();
        int limit = b.value("limit", 500);
        json page = json::array();
        std::int64_t last = after;
        for (std::size_t i = 0; i < entries.size() && int(page.size()) < limit; ++i) {
            if (std::int64_t(i) + 1 <= after) continue;
            json e = entries[i];
            e["seq"] = std::int64_t(i) + 1;
            last = std::int64_t(i) + 1;
            page.push_back(std::move(e));
        }
        json reply{{"terminal", liar.id}, {"newest", std::int64_t(entries.size())}, {"last", last}, {"entries", page}};
        return PeerReply{200, liar.auth.sealReply(r.path, m->nonce, reply.dump())};
    }
};

// Terminal `i` pulls from the lying server once (its own PeerSync, the real pull code).
void pullFrom(test::TestHall& hall, int i, LyingFeed& feed) {
    hall.net.attach("liar:7443", [&feed](const PeerRequest& r) { return feed(r); });
    test::TestTerminal& t = *hall.t[size_t(i)];
    PeerSync sync(t.dir.path() / kSiteDb, *t.auth, *t.book, hall.clock, {"liar:7443"}, hall.net.factoryFor(t.address));
    CHECK(sync.syncNow());
}

}  // namespace

TEST_CASE("a record, void, donation or audit entry claiming the receiver's own terminal id is refused") {
    test::TestHall hall(2);
    usualMorning(hall);
    const Seen before = seen(*hall.t[1]);
    const std::string me = hall.t[1]->id;
    Liar liar(hall);

    // The attack as found: a record "of the receiver" for its own county tally, dated a year ahead.
    json rec = entryOf(hall, 1, 1);
    rec["record"] = 77;
    rec["elder_id"] = "E5";
    rec["at"] = "2027-11-25T11:30:00+08:00";
    rec["day"] = "2027-11-25";
    json now = rec;
    now["record"] = 78;
    now["at"] = "2026-11-25T11:29:00+08:00";
    now["day"] = "2026-11-25";
    json voidE{{"kind", "void"},        {"terminal", me},  {"record", 50},         {"record_terminal", hall.t[0]->id},
               {"record_origin", 1},   {"at", "2026-11-25T11:29:00+08:00"},       {"staff", "x"}, {"reason", "x"}};
    json gift{{"kind", "donation"}, {"terminal", me},  {"record", 60}, {"donor", "x"}, {"amount_fen", 100},
              {"day", "2026-11-25"}, {"purpose", ""}, {"named", false}, {"recorded_at", "2026-11-25T11:29:00+08:00"}};
    json audit{{"kind", "audit"}, {"terminal", me}, {"record", 70}, {"at", "2026-11-25T11:29:00+08:00"},
               {"actor", "x"},    {"action", "x"},  {"subject", "x"}, {"detail", "x"}};

    SUBCASE("pushed") {
        json r = liar.push(1, json::array({rec, now, voidE, gift, audit}));
        CHECK(r["refused"] == 5);
        CHECK(r["added"] == 0);
    }
    SUBCASE("in a feed it pulls") {
        LyingFeed feed{liar, json::array({rec, now, voidE, gift, audit})};
        pullFrom(hall, 1, feed);
        CHECK(FeedStore(hall.t[1]->site->db()).cursor(kLiarId) == 5);  // moved past, never to come back
    }
    CHECK(seen(*hall.t[1]) == before);
    CHECK(FeedStore(hall.t[1]->site->db()).heldFuture() == 0);
    CHECK_FALSE(CheckinStore(hall.t[1]->site->db()).byId(1)->voided);
    stillWorks(hall, 1);
}

TEST_CASE("an entry written more than 10 minutes after the receiver's clock is held aside and blocks no scan") {
    test::TestHall hall(2);
    usualMorning(hall);
    const Seen before = seen(*hall.t[1]);
    Liar liar(hall);
    json rec = entryOf(hall, 0, 1);
    rec["terminal"] = kLiarId;
    rec["record"] = 1;
    rec["elder_id"] = "E5";
    rec["at"] = "2027-06-01T11:30:00+08:00";
    rec["day"] = "2027-06-01";
    json gift{{"kind", "donation"}, {"terminal", kLiarId}, {"record", 2}, {"donor", "x"}, {"amount_fen", 100},
              {"day", "2026-11-25"}, {"purpose", ""}, {"named", false}, {"recorded_at", "2026-11-25T11:41:00+08:00"}};

    SUBCASE("pushed") {
        json r = liar.push(1, json::array({rec, gift}));
        CHECK(r["held"] == 2);
        CHECK(r["added"] == 0);
    }
    SUBCASE("in a feed it pulls") {
        LyingFeed feed{liar, json::array({rec, gift})};
        pullFrom(hall, 1, feed);
    }
    FeedStore feed(hall.t[1]->site->db());
    CHECK(feed.heldFuture() == 2);
    CHECK(seen(*hall.t[1]) == before);
    stillWorks(hall, 1);
    // Sent again, it is still held once, not twice.
    CHECK(liar.push(1, json::array({rec}))["held"] == 0);
    CHECK(feed.heldFuture() == 2);
    // Eleven minutes on, the donation's time has come: the next import brings it in; the record of
    // June 2027 still waits.
    hall.clock.advance(11 * 60);
    (void)liar.push(1, json::array());
    CHECK(feed.heldFuture() == 1);
    CHECK(DonationStore(hall.t[1]->site->db()).balance(kDay).receivedFen == Fen{200000 + 100 + 100});
    CHECK(hall.scan(1, "E3").outcome == Outcome::Accepted);
}

TEST_CASE("a void names a record of the site: held until that record arrives, never applied to another") {
    test::TestHall hall(2);
    usualMorning(hall);
    Liar liar(hall);
    auto voidOf = [&](const std::string& recTerminal, std::int64_t recOrigin, std::int64_t record) {
        return json{{"kind", "void"},
                    {"terminal", kLiarId},
                    {"record", record},
                    {"record_terminal", recTerminal},
                    {"record_origin", recOrigin},
                    {"at", "2026-11-25T11:29:00+08:00"},
                    {"staff", "x"},
                    {"reason", "x"}};
    };

    SUBCASE("a record with an invented terminal id voids nothing, not even a record with that number here") {
        const Seen before = seen(*hall.t[1]);
        json r = liar.push(1, json::array({voidOf("qq0fake0", 1, 1), voidOf("qq0fake0", 2, 2)}));
        CHECK(r["held"] == 2);
        CHECK(seen(*hall.t[1]) == before);
        CHECK(FeedStore(hall.t[1]->site->db()).heldVoids() == 2);
        CHECK(FeedStore(hall.t[1]->site->db()).heldFuture() == 0);  // not a clock matter: staff are not asked
        stillWorks(hall, 1);
    }
    SUBCASE("a void of a record not here yet waits, and voids that record (and only it) when it comes") {
        // Terminal 1 records E3; terminal 2 has not pulled it yet.
        ScanResult e3 = hall.scan(0, "E3");
        REQUIRE(e3.outcome == Outcome::Accepted);
        const std::int64_t origin = CheckinStore(hall.t[0]->site->db()).byId(*e3.recordId)->originRecord;
        const Seen before = seen(*hall.t[1]);
        json r = liar.push(1, json::array({voidOf(hall.t[0]->id, origin, 1)}));
        CHECK(r["held"] == 1);
        CHECK(seen(*hall.t[1]) == before);
        hall.syncAll();
        CHECK(FeedStore(hall.t[1]->site->db()).heldVoids() == 0);
        auto keys = hall.t[1]->recordKeys();
        CHECK(std::count(keys.begin(), keys.end(), hall.t[0]->id + "/" + std::to_string(origin) + "v") == 1);
        CHECK(std::count(keys.begin(), keys.end(), hall.t[0]->id + "/1") == 1);
        CHECK(std::count(keys.begin(), keys.end(), hall.t[1]->id + "/1") == 1);
        // The receiver's own tally never saw terminal 1's record.
        CHECK(seen(*hall.t[1]).tally == before.tally);
    }
}

TEST_CASE("elders unknown to the roster arrive as flagged stubs, at most the roster's size plus 100 per push or pull") {
    test::TestHall hall(2);
    usualMorning(hall);
    const Seen before = seen(*hall.t[1]);
    Liar liar(hall);
    const int allowance = 5 + kStubSlack;  // the hall's roster has five elders
    auto madeUp = [&](int n) {
        json all = json::array();
        for (int i = 0; i < n; ++i) {
            json e = entryOf(hall, 0, 1);
            e["terminal"] = kLiarId;
            e["record"] = 1000 + i;
            e["elder_id"] = "N" + std::to_string(10000 + i);
            e["elder_name"] = "假人" + std::to_string(i);
            all.push_back(std::move(e));
        }
        return all;
    };
    auto stubs = [&](int i) {
        auto st = hall.t[size_t(i)]->site->db().prepare("SELECT COUNT(*) FROM elders WHERE updated_at = ?1 AND active = 0");
        st.bind(1, kPeerStubMark);
        st.step();
        return int(st.i64(0));
    };

    SUBCASE("one push of 2000") {
        json r = liar.push(1, madeUp(2000));
        CHECK(r["added"] == allowance);
        CHECK(r["refused"] == 2000 - allowance);
        CHECK(stubs(1) == allowance);
        // What spreads on to the other terminal is bounded the same way.
        hall.syncAll();
        CHECK(stubs(0) <= allowance);
    }
    SUBCASE("a pull stops its page at the allowance and goes on next time") {
        LyingFeed feed{liar, madeUp(300)};
        pullFrom(hall, 1, feed);
        CHECK(stubs(1) == allowance);
        CHECK(FeedStore(hall.t[1]->site->db()).cursor(kLiarId) == allowance);
        pullFrom(hall, 1, feed);
        CHECK(stubs(1) == 2 * allowance);
    }
    Seen after = seen(*hall.t[1]);
    CHECK(after.tally == before.tally);
    CHECK(after.balanceFen == before.balanceFen);
    CHECK(after.meals <= before.meals + 2 * allowance);
    // The made-up elders cannot scan here.
    auto n0 = ElderStore(hall.t[1]->site->db()).byElderId(ElderId("N10000"));
    REQUIRE(n0);
    CHECK_FALSE(n0->active);
    stillWorks(hall, 1);
}

TEST_CASE("money out of bounds is refused, and the receiver's donation add and posting keep working") {
    test::TestHall hall(2);
    usualMorning(hall);
    const Seen before = seen(*hall.t[1]);
    Liar liar(hall);
    auto gift = [&](json amount, std::int64_t record) {
        return json{{"kind", "donation"}, {"terminal", kLiarId}, {"record", record}, {"donor", "x"},
                    {"amount_fen", amount}, {"day", "2026-11-25"}, {"purpose", ""}, {"named", false},
                    {"recorded_at", "2026-11-25T11:29:00+08:00"}};
    };
    json entries = json::array({gift(INT64_MAX, 1), gift(std::uint64_t(UINT64_MAX), 2), gift(-5, 3), gift(0, 4),
                                gift(kMaxDonationFen.value() + 1, 5), gift(1.5e30, 6)});
    json meal = entryOf(hall, 0, 1);
    meal["terminal"] = kLiarId;
    meal["elder_id"] = "E5";
    json huge = meal;
    huge["record"] = 11;
    huge["price_fen"] = INT64_MAX;
    huge["shares"]["elder"] = INT64_MAX;
    entries.push_back(huge);
    json uneven = meal;  // the shares do not add up to the price
    uneven["record"] = 12;
    uneven["shares"]["government"] = uneven["shares"]["government"].get<Fen>() + 5000_fen;
    entries.push_back(uneven);
    json negative = meal;
    negative["record"] = 13;
    negative["shares"]["government"] = -1000;
    negative["shares"]["elder"] = meal["price_fen"].get<Fen>() + 1000_fen - meal["shares"]["government"].get<Fen>() -
                                  meal["shares"]["collective"].get<Fen>() - meal["shares"]["donation"].get<Fen>() -
                                  meal["shares"]["family"].get<Fen>();
    entries.push_back(negative);

    json r = liar.push(1, entries);
    CHECK(r["refused"] == 9);
    CHECK(r["added"] == 0);
    CHECK(seen(*hall.t[1]) == before);
    stillWorks(hall, 1);
    CHECK(loadMonthlyFigures(*hall.t[1]->site, 2026, 11).donationsFen == Fen{200000 + 100});
}

TEST_CASE("one bad row already in a database (from before these checks) cannot break a balance or a posting") {
    test::TestHall hall(1);
    Database& db = hall.t[0]->site->db();
    db.exec("INSERT INTO donations(donor, amount_fen, day, purpose, named, recorded_at, origin_terminal, origin_record)"
            " VALUES('x', 9223372036854775807, '2026-11-20', '', 0, '2026-11-20T10:00:00+08:00', 'zz9evil1', 1)");
    db.exec("INSERT INTO donations(donor, amount_fen, day, purpose, named, recorded_at, origin_terminal, origin_record)"
            " VALUES('y', 9223372036854775807, '2026-11-21', '', 0, '2026-11-21T10:00:00+08:00', 'zz9evil1', 2)");
    REQUIRE(hall.scan(0, "E1").outcome == Outcome::Accepted);
    DonationBalance b = DonationStore(db).balance(kDay);
    CHECK(b.receivedFen == Fen{INT64_MAX});  // saturated, not wrapped, not thrown
    CHECK(b.balanceFen() > 0_fen);
    CHECK(recordDonation(db, {"村民", 100_fen, std::nullopt, "", false, "test"}, kDay, "2026-11-25T11:31:00+08:00").ok());
    MonthlyFigures f = loadMonthlyFigures(*hall.t[0]->site, 2026, 11);
    CHECK(f.donationsFen == Fen{INT64_MAX});
    CHECK(f.meals == 1);
    CHECK(formatYuan2(Fen{INT64_MIN}) == "-92233720368547758.08");
}
