// Contract 11: what crosses the LAN is encrypted as well as signed. Every request and reply of two
// terminals doing a morning's work (claims, pushes, feed pages, a void, a donation) is recorded at
// the PeerRequest/PeerReply boundary — the bytes the transport moves — and no elder name, category
// or rule name is found in them, while the same facts are in the feed before it is sealed.
#include <doctest/doctest.h>

#include <mutex>

#include <nlohmann/json.hpp>

#include "shared/donations/record_donation.hpp"
#include "shared/store/feed_store.hpp"
#include "support/test_hall.hpp"

using namespace mh;

TEST_CASE("no elder name, category or rule name is readable in any peer request or reply") {
    test::TestHall hall(2);
    std::mutex mutex;
    std::string wire;
    int messages = 0;
    for (auto& t : hall.t) {
        PeerService* service = t->service.get();
        hall.net.attach(t->address, [&, service](const PeerRequest& r) {
            PeerReply reply = service->handle(r);
            std::lock_guard lock(mutex);
            wire += r.path + "\n" + r.body + "\n" + reply.body + "\n";
            ++messages;
            return reply;
        });
    }
    for (const char* e : {"E1", "E3"}) REQUIRE(hall.scan(0, e).outcome == Outcome::Accepted);
    REQUIRE(hall.scan(1, "E2").outcome == Outcome::Accepted);
    REQUIRE(hall.t[0]->engine->voidRecord(2, "刷错了人", "李").ok());
    REQUIRE(recordDonation(hall.t[0]->site->db(), {"北关农贸公司", 200000_fen, std::nullopt, "助餐", true, "test"},
                           LocalDate::of(2026, 11, 25), "2026-11-25T11:30:00+08:00")
                .ok());
    hall.syncAll();
    REQUIRE(hall.t[1]->recordKeys() == hall.t[0]->recordKeys());
    REQUIRE(hall.t[1]->recordKeys().size() == 3);

    // Without the seal these would be on the wire: the feeds the peers exchanged hold every one.
    const std::vector<std::string> secrets = {"张桂兰", "王秀英", "李淑珍", "dibao", "tekun", "特困",
                                              "低保",   "北关农贸公司", "刷错了人"};
    std::string plain;
    for (auto& t : hall.t) plain += FeedStore(t->site->db()).readAfter(0, 1000).entries.dump();
    for (const auto& s : secrets) {
        CAPTURE(s);
        CHECK(plain.find(s) != std::string::npos);
    }
    std::lock_guard lock(mutex);
    CHECK(messages >= 6);  // claims both ways, pushes and feed pages
    for (const auto& s : secrets) {
        CAPTURE(s);
        CHECK(wire.find(s) == std::string::npos);
    }
    // Sealed, not merely escaped: no JSON field of an entry is visible either.
    CHECK(wire.find("elder_name") == std::string::npos);
    CHECK(wire.find("categories") == std::string::npos);
    CHECK(wire.find("\"box\"") != std::string::npos);
}
