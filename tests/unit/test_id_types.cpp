// ElderId and ServiceId are two types (issue #22): a use case taking an elder and a service does
// not accept them swapped, nor bare strings; the ids still hash, compare and read as their text.
#include <doctest/doctest.h>

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/checkin/scan_preview.hpp"
#include "shared/core/ids.hpp"
#include "shared/roster/issue_cards.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/eats_store.hpp"
#include "shared/tally/tally_json.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {

// Not convertible into each other, nor from or to a string without saying so.
static_assert(!std::is_convertible_v<ElderId, ServiceId> && !std::is_convertible_v<ServiceId, ElderId>);
static_assert(!std::is_constructible_v<ElderId, ServiceId> && !std::is_constructible_v<ServiceId, ElderId>);
static_assert(!std::is_convertible_v<std::string, ElderId> && !std::is_convertible_v<std::string, ServiceId>);
static_assert(!std::is_convertible_v<const char*, ElderId> && !std::is_convertible_v<std::string_view, ServiceId>);
static_assert(!std::is_convertible_v<ElderId, std::string> && !std::is_convertible_v<ServiceId, std::string>);
static_assert(std::is_constructible_v<ElderId, std::string> && std::is_constructible_v<ServiceId, std::string_view>);
static_assert(!std::equality_comparable_with<ElderId, ServiceId>);
static_assert(!std::equality_comparable_with<ElderId, std::string>);

// The check-in use cases, asked whether a call would compile: the right order does, the swapped
// order and bare strings do not (a line that must not compile cannot be written in the test itself).
template <typename E, typename S>
constexpr bool manualCheckInTakes = requires(CheckInEngine& engine, E elder, S service) {
    engine.checkInManually(elder, service, std::nullopt, false, std::string());
};
static_assert(manualCheckInTakes<ElderId, ServiceId>);
static_assert(!manualCheckInTakes<ServiceId, ElderId>);
static_assert(!manualCheckInTakes<std::string, std::string>);
static_assert(!manualCheckInTakes<ElderId, std::string> && !manualCheckInTakes<std::string, ServiceId>);

template <typename E, typename S>
constexpr bool explainTakes = requires(Site& site, E elder, S service, LocalDateTime at) {
    explainScan(site, elder, service, at);
};
static_assert(explainTakes<ElderId, ServiceId>);
static_assert(!explainTakes<ServiceId, ElderId> && !explainTakes<std::string, std::string>);

template <typename S>
constexpr bool readCardTakes = requires(CheckInEngine& engine, S service) { engine.readCard(std::string(), service); };
static_assert(readCardTakes<ServiceId> && !readCardTakes<ElderId> && !readCardTakes<std::string>);

template <typename E>
constexpr bool cardsFor = requires(Site& site, E elder) { cardsToIssue(site, elder); };
static_assert(cardsFor<ElderId> && !cardsFor<ServiceId> && !cardsFor<std::string>);

// A scan names its service by type: `ScanRequest{payload, "lunch"}` no longer compiles.
template <typename S>
constexpr bool scanRequestTakes = requires(std::string payload, S service) { ScanRequest{payload, service}; };
static_assert(scanRequestTakes<ServiceId>);
static_assert(!scanRequestTakes<const char*> && !scanRequestTakes<std::string> && !scanRequestTakes<ElderId>);

// What a scan comes to, and what it records, carry the ids as their types, not as strings.
static_assert(std::is_same_v<decltype(ScanResult::elderId), ElderId> &&
              std::is_same_v<decltype(ScanResult::service), ServiceId>);
static_assert(!std::is_convertible_v<decltype(ScanResult::elderId), std::string>);
static_assert(std::is_same_v<decltype(CheckinRecord::elderId), ElderId> &&
              std::is_same_v<decltype(CheckinRecord::service), ServiceId>);
static_assert(std::is_same_v<decltype(ServiceTally::id), ServiceId>);

// The store's look-up of an elder's counted use of a service: the pair cannot be given swapped.
template <typename E, typename S>
constexpr bool countedTakes = requires(CheckinStore& store, E elder, S service) {
    store.counted(elder, service, std::string());
};
static_assert(countedTakes<ElderId, ServiceId>);
static_assert(!countedTakes<ServiceId, ElderId> && !countedTakes<std::string, std::string>);
static_assert(!countedTakes<ElderId, std::string> && !countedTakes<std::string, ServiceId>);

template <typename E>
constexpr bool elderHistoryTakes = requires(CheckinStore& checkins, EatsStore& eats, E elder, std::string d) {
    checkins.countedUses(elder, d, d);
    eats.proxyUses(elder, d, d);
};
static_assert(elderHistoryTakes<ElderId> && !elderHistoryTakes<ServiceId> && !elderHistoryTakes<std::string>);

}  // namespace

TEST_CASE("id types: an elder id and a service id compare, hash and read as their text") {
    const ElderId a("E0001"), b(std::string("E0002")), a2(std::string_view("E0001"));
    CHECK(a == a2);
    CHECK(a != b);
    CHECK(a < b);
    CHECK(a.str() == "E0001");
    CHECK(ElderId().empty());
    std::unordered_set<ElderId> seen{a, b, a2};
    CHECK(seen.size() == 2);
    CHECK(std::hash<ServiceId>{}(ServiceId("lunch")) == std::hash<std::string>{}("lunch"));
}

namespace {
// A site with one elder, E1, and an engine at 2026-11-25 11:30 (lunch is open).
struct OneElder {
    test::TempDir dir;
    std::unique_ptr<Site> site = test::makeSite(dir.path());
    FakeClock clock;
    CheckInEngine engine{*site, clock};
    OneElder() {
        auto roster = importRoster(*site, "elder_id,name,id_number,birth_date,categories,card_serial,legacy_card\n"
                                          "E1,张桂兰,,1940-01-02,dibao,1,\n",
                                   LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test");
        REQUIRE(roster.ok());
        clock.set(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:30")));
    }
    // E1's lunch checked in by staff, as the 补签 page does.
    Result<ScanResult> manualLunch() {
        return engine.checkInManually(ElderId("E1"), ServiceId("lunch"), std::nullopt, false, "王站长");
    }
};
}  // namespace

TEST_CASE("id types: a manual check-in named by ElderId and ServiceId records that elder for that service") {
    OneElder fx;
    auto r = fx.manualLunch();
    REQUIRE(r.ok());
    CHECK(r->outcome == Outcome::Accepted);
    CHECK(r->elderId.str() == "E1");
    // The elder's id where the service's belongs names no service: refused before anything is read.
    auto swapped = fx.engine.checkInManually(ElderId("E1"), ServiceId("E1"), std::nullopt, false, "王站长");
    REQUIRE_FALSE(swapped.ok());
    CHECK(swapped.error().code == "usage.service");
}

TEST_CASE("id types: a scan named by ServiceId is found by the store under its ids and written to the tally as the same text") {
    OneElder fx;
    auto& site = fx.site;
    auto r = fx.manualLunch();
    REQUIRE(r.ok());
    REQUIRE(r->accepted());
    CHECK(r->service == ServiceId("lunch"));

    CheckinStore store(site->db());
    auto found = store.counted(ElderId("E1"), ServiceId("lunch"), "2026-11-25");
    REQUIRE(found.has_value());
    CHECK(found->recordId == *r->recordId);
    CHECK(found->elderId == ElderId("E1"));
    CHECK(found->service == ServiceId("lunch"));
    CHECK_FALSE(store.counted(ElderId("E1"), ServiceId("supper"), "2026-11-25").has_value());
    CHECK(store.countedUses(ElderId("E1"), "2026-11-01", "2026-11-30").size() == 1);

    // Contract 7 and 8 JSON: the ids are the strings they were before they had types.
    auto scanJson = scanResultJson(*r, false);
    CHECK(scanJson["elder_id"] == "E1");
    CHECK(scanJson["service"] == "lunch");
    auto tally = buildTally(site->config(), LocalDate::of(2026, 11, 25), store.forDay("2026-11-25"), 1,
                            "2026-11-25T20:00:00+08:00");
    auto j = tallyJson(tally);
    REQUIRE(j["records"].size() == 1);
    CHECK(j["records"][0]["elder_id"] == "E1");
    CHECK(j["records"][0]["service"] == "lunch");
    bool lunchListed = false;
    for (const auto& s : j["services"]) lunchListed = lunchListed || (s["id"] == "lunch" && s["count"] == 1);
    CHECK(lunchListed);
}
