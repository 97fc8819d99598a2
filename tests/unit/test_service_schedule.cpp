// Which service the door is for at each time of day (the waiting screen and the missing list use it).
#include <doctest/doctest.h>

#include "shared/checkin/service_schedule.hpp"

using namespace mh;

namespace {
SiteConfig config(const std::string& services) {
    auto cfg = parseSiteConfig("[site]\nid = \"141022-001\"\nname = \"测试\"\n" + services);
    REQUIRE_MESSAGE(cfg.ok(), (cfg.ok() ? "" : cfg.error().message));
    return *cfg;
}
const char* kDay = R"(
[[service]]
id = "clean"
name = "助洁"
kind = "service"
opens = "09:00"
closes = "17:00"
price_fen = 0
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
opens = "17:00"
closes = "18:30"
price_fen = 800
)";
std::string at(const SiteConfig& cfg, const char* hhmm, bool* open = nullptr, bool* tomorrow = nullptr) {
    auto a = serviceAt(cfg, *WallTime::parse(hhmm));
    if (open) *open = a.openNow;
    if (tomorrow) *tomorrow = a.tomorrow;
    return a.service ? a.service->id : "";
}
}  // namespace

TEST_CASE("an open meal wins over an open service, else the open service, else the next meal") {
    SiteConfig cfg = config(kDay);
    bool open = false, tomorrow = false;
    CHECK(at(cfg, "08:00", &open, &tomorrow) == "lunch");
    CHECK_FALSE(open);
    CHECK_FALSE(tomorrow);
    CHECK(at(cfg, "09:30", &open) == "clean");
    CHECK(open);
    CHECK(at(cfg, "11:00", &open) == "lunch");
    CHECK(open);
    CHECK(at(cfg, "13:30", &open) == "clean");  // lunch closes at 13:30 exactly
    CHECK(at(cfg, "17:10", &open) == "dinner");
    CHECK(open);
    CHECK(at(cfg, "20:00", &open, &tomorrow) == "lunch");
    CHECK_FALSE(open);
    CHECK(tomorrow);
}

TEST_CASE("a site with only a free activity and no meal has nothing to wait for after it closes") {
    SiteConfig cfg = config(R"(
[[service]]
id = "class"
name = "老年大学"
kind = "activity"
opens = "14:00"
closes = "16:00"
price_fen = 0
)");
    CHECK(at(cfg, "15:00") == "class");
    CHECK(at(cfg, "17:00").empty());
}
