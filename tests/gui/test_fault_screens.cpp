// Issue 14 asked whether the faults already handled in the engine (full disk, a clock at 1970) reach
// the screen, not only the CLI: the kiosk's own loop draws each as the elder's result, with the
// sentence that sends them to staff.
#include <doctest/doctest.h>

#include <SDL.h>

#include "gui/gui_fixture.hpp"
#include "kiosk/gui/kiosk_loop.hpp"
#include "shared/cards/card_signature.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/checkin_store.hpp"

using namespace mh;

namespace {

// The kiosk's loop on SDL's offscreen driver with no scan inputs: scans are applied as the inbox would.
struct LoopFixture : test::GuiFixture {
    ui::ImGuiSession session;
    platform::SdlWindow win{"test", 1024, 600};
    ui::KioskController ctl{*site, clock};
    gui::KioskLoop loop{win, ctl, 7.0, {}};

    // One scan, then frames until the result is drawn.
    void scanAndDraw(const std::string& payload) {
        ctl.apply(ui::ScanCommand{payload});
        SDL_Event wake{};
        wake.type = SDL_USEREVENT;
        REQUIRE(SDL_PushEvent(&wake) == 1);
        for (int i = 0; i < 3; ++i) loop.step(10);
    }
};

}  // namespace

TEST_CASE("a full disk reaches the screen: the result says the storage is full and sends the elder to staff") {
    LoopFixture fx;
    std::string csv = "elder_id,name\n";
    for (int i = 0; i < 400; ++i) csv += "F" + std::to_string(1000 + i) + ",老人\n";
    REQUIRE(importRoster(*fx.site, csv, LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test").ok());
    // SQLite reports SQLITE_FULL once the file may not grow: the same error as a full disk. Elders scan
    // until the disk is full; the one it happens to sees it on the screen.
    auto pages = fx.site->db().prepare("PRAGMA page_count");
    REQUIRE(pages.step());
    fx.site->db().exec("PRAGMA max_page_count=" + std::to_string(pages.i64(0) + 2));
    int accepted = 0;
    for (int i = 0; i < 400; ++i) {
        fx.scanAndDraw(signCard({"F" + std::to_string(1000 + i), "1"}, fx.site->keys().card.sec));
        if (fx.ctl.state().result->outcome != Outcome::Accepted) break;
        ++accepted;
    }
    REQUIRE(fx.ctl.state().screen == ui::ScreenId::Result);
    CHECK(fx.ctl.state().result->outcome != Outcome::Accepted);
    CHECK(fx.ctl.state().result->message.find("存储空间已满") != std::string::npos);
    CHECK(fx.loop.layout().find("outcome") != nullptr);
    CHECK(fx.loop.layout().find("hint") != nullptr);
    CHECK(int(CheckinStore(fx.site->db()).forDay("2026-11-25").size()) == accepted);  // the earlier ones all kept
}

TEST_CASE("a clock at 1970 reaches the screen: nothing recorded, the result asks staff to set the clock") {
    LoopFixture fx;
    // The site was set up the day before; then the clock battery went flat.
    fx.site->db().exec("UPDATE terminal SET created_at = " + std::to_string(fx.clock.nowUnix() - 86400));
    fx.clock.set(fx.site->timeZone().toUnix(*LocalDateTime::parse("1970-01-01T11:30")));
    fx.scanAndDraw(fx.idLow);
    REQUIRE(fx.ctl.state().screen == ui::ScreenId::Result);
    CHECK(fx.ctl.state().result->outcome == Outcome::Closed);
    CHECK(fx.ctl.state().result->message.find("时钟") != std::string::npos);
    CHECK(fx.loop.layout().find("outcome") != nullptr);
    CHECK(fx.loop.layout().find("hint") != nullptr);
}
