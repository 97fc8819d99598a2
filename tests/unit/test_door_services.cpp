// Which services a card shown at the door may take (door_services.hpp, contract 10 `at_door`), on the
// demo site's day: meals, 助洁 (staff-booked), 助医 and 书法班 (issue 23).
#include <doctest/doctest.h>

#include "shared/checkin/door_services.hpp"
#include "shared/checkin/service_schedule.hpp"

using namespace mh;

namespace {
SiteConfig config(const std::string& services) {
    auto cfg = parseSiteConfig("[site]\nid = \"141022-001\"\nname = \"测试\"\n" + services);
    REQUIRE_MESSAGE(cfg.ok(), (cfg.ok() ? "" : cfg.error().message));
    return *cfg;
}
const char* kDemoDay = R"(
[[service]]
id = "lunch"
name = "午餐"
kind = "meal"
opens = "10:30"
closes = "13:30"
price_fen = 1000
[[service]]
id = "dinner"
name = "晚餐"
kind = "meal"
opens = "16:30"
closes = "18:30"
price_fen = 800
[[service]]
id = "cleaning"
name = "助洁"
kind = "service"
opens = "08:00"
closes = "17:00"
price_fen = 2000
at_door = false
[[service]]
id = "medical"
name = "助医"
kind = "service"
opens = "08:00"
closes = "17:00"
price_fen = 0
[[service]]
id = "calligraphy"
name = "书法班"
kind = "activity"
opens = "14:00"
closes = "16:30"
price_fen = 0
)";
std::string door(const SiteConfig& cfg, const char* hhmm) {
    std::string ids;
    for (const ServiceDef* s : doorServicesAt(cfg, *WallTime::parse(hhmm)).open) ids += (ids.empty() ? "" : ",") + s->id;
    return ids;
}
std::string open(const SiteConfig& cfg, const char* hhmm) {
    std::string ids;
    for (const ServiceDef* s : openServicesAt(cfg, *WallTime::parse(hhmm))) ids += (ids.empty() ? "" : ",") + s->id;
    return ids;
}
}  // namespace

TEST_CASE("the door never takes a staff-booked service, takes an open meal alone, and offers the rest to pick") {
    SiteConfig cfg = config(kDemoDay);
    CHECK_FALSE(cfg.findService("cleaning")->atDoor);
    CHECK(cfg.findService("medical")->atDoor);  // the default
    CHECK(door(cfg, "07:30").empty());           // nothing open: the scan is refused as closed
    CHECK(door(cfg, "09:00") == "medical");      // 助洁 is open but staff-booked: 助医 alone, no picker
    CHECK_FALSE(doorServicesAt(cfg, *WallTime::parse("09:00")).elderPicks());
    CHECK(door(cfg, "11:00") == "lunch");        // a meal in its window first: one scan at the lunch rush
    CHECK(door(cfg, "14:30") == "medical,calligraphy");
    CHECK(doorServicesAt(cfg, *WallTime::parse("14:30")).elderPicks());
    CHECK(door(cfg, "16:10") == "medical,calligraphy");  // issue 23: never 助洁 at 20元
    CHECK(door(cfg, "16:45") == "dinner");
    CHECK(door(cfg, "17:00") == "dinner");
    // Staff 补签 may record any service open now, the staff-booked one included.
    CHECK(open(cfg, "16:10") == "cleaning,medical,calligraphy");
    CHECK(open(cfg, "16:45") == "dinner,cleaning,medical");
}

TEST_CASE("the waiting screen's service is never one the door does not take") {
    SiteConfig cfg = config(kDemoDay);
    auto at = serviceAt(cfg, *WallTime::parse("09:00"));
    REQUIRE(at.service);
    CHECK(at.service->id == "medical");  // was 助洁, the first open service
    CHECK(at.openNow);
}

TEST_CASE("two meals open at once are both offered (the door still never picks for the elder)") {
    SiteConfig cfg = config(R"(
[[service]]
id = "breakfast"
name = "早餐"
opens = "07:00"
closes = "09:30"
[[service]]
id = "brunch"
name = "早午餐"
opens = "09:00"
closes = "11:00"
[[service]]
id = "clinic"
name = "助医"
kind = "service"
opens = "08:00"
closes = "12:00"
)");
    CHECK(door(cfg, "09:15") == "breakfast,brunch");
    CHECK(door(cfg, "11:30") == "clinic");
}

TEST_CASE("at_door must be true or false, and is refused with its line otherwise") {
    auto cfg = parseSiteConfig("[site]\nid = \"141022-001\"\nname = \"测试\"\n[[service]]\nid = \"x\"\nat_door = \"no\"\n");
    REQUIRE_FALSE(cfg.ok());
    CHECK(cfg.error().message.find("at_door") != std::string::npos);
    CHECK(cfg.error().message.find("6") != std::string::npos);  // the line of the key
}
