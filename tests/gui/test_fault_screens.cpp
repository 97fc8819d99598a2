// Issue 14 asked whether the faults already handled in the engine (full disk, a clock at 1970) reach
// the screen, not only the CLI: the kiosk's own loop draws each as the elder's result, with the
// sentence that sends them to staff.
#include <doctest/doctest.h>

#include <SDL.h>

#include <cstdlib>

#include "gui/gui_fixture.hpp"
#include "kiosk/gui/kiosk_loop.hpp"
#include "kiosk/gui/kiosk_speaker.hpp"
#include "kiosk/render/screenshot.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/cards/card_signature.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/checkin_store.hpp"
#include "support/pixels.hpp"

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

// Every pixel of the drawn screen, kept before the canvas is used to draw references.
std::vector<std::uint32_t> pixelsOf(const render::Shot& shot) {
    std::vector<std::uint32_t> px;
    for (int y = 0; y < shot.canvas->height(); ++y)
        for (int x = 0; x < shot.canvas->width(); ++x) px.push_back(shot.canvas->rgbAt(x, y));
    return px;
}

// How much the screen's ink inside `box` (a text box the screen recorded, with a little margin)
// looks like `text` drawn alone there, black on white, with `font` at the box's height — on the
// shot's own canvas and font texture, so the two differ only in what was drawn.
double looksLike(render::Shot& shot, const std::vector<std::uint32_t>& screen, ImFont* font, const ui::DrawnRect& box,
                 const std::string& text) {
    const int w = shot.canvas->width(), h = shot.canvas->height();
    ImGui::GetIO().DisplaySize = {float(w), float(h)};
    ImGui::NewFrame();
    ImGui::GetForegroundDrawList()->AddText(font, box.max.y - box.min.y, box.min, IM_COL32(0, 0, 0, 255), text.c_str(),
                                            text.c_str() + text.size());
    ImGui::Render();
    shot.canvas->drawImGui();
    const int pad = 3;
    return test::inkAgreement([&](int x, int y) { return screen[size_t(y) * size_t(w) + size_t(x)]; },
                              [&](int x, int y) { return shot.canvas->rgbAt(x, y); }, std::max(0, int(box.min.x) - pad),
                              std::max(0, int(box.min.y) - pad), std::min(w, int(box.max.x) + pad + 1),
                              std::min(h, int(box.max.y) + pad + 1));
}

}  // namespace

TEST_CASE("a full disk reaches the screen: the drawn result sends the elder to staff, saying the storage is full") {
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
    const ScanResult& r = *fx.ctl.state().result;
    CHECK(r.outcome != Outcome::Accepted);
    CHECK(r.storeFault == StoreFault::Full);
    CHECK(r.message.find("存储空间已满") != std::string::npos);  // the log line's words (scanResultJson)
    CHECK(fx.loop.layout().find("outcome") != nullptr);
    CHECK(fx.loop.layout().find("hint") != nullptr);
    CHECK(int(CheckinStore(fx.site->db()).forDay("2026-11-25").size()) == accepted);  // the earlier ones all kept
    // The voice says it too.
    std::string said = gui::KioskSpeaker::pinyinFor(r);
    CHECK(said.find(ui::kGoToStaff.pinyin) != std::string::npos);
    CHECK(said.find("cun2 chu3 yi3 man3") != std::string::npos);

    // What the elder sees: the state the real scan reached, drawn as the kiosk draws it, and its
    // pixels compared with the words drawn alone — the screen must show 找工作人员 huge, with
    // 存储已满 under it, on the red of every "go to staff" screen (issue 21: it drew 没有读出 /
    // 请再刷一次 while a field nobody draws said the disk was full).
    struct Panel {
        int w, h;
        double inch;
    };
    // Each shot has its own ImGui context; the loop's is made current again when they are gone.
    ImGuiContext* loopContext = ImGui::GetCurrentContext();
    const std::uint32_t stopRed = [&] {
        render::ScreenshotOptions o;
        o.screen = "ineligible";
        o.width = 1024;
        o.height = 600;
        o.diagonalInch = 7.0;
        auto ineligible = render::renderScreen(*fx.site, o);
        REQUIRE(ineligible.ok());
        return (*ineligible)->canvas->rgbAt(2, 2);
    }();
    const ui::KioskState state = fx.ctl.state();
    for (Panel p : {Panel{1024, 600, 7.0}, Panel{1280, 800, 10.1}}) {
        INFO(p.w << "x" << p.h);
        render::ScreenshotOptions o;
        o.width = p.w;
        o.height = p.h;
        o.diagonalInch = p.inch;
        auto shot = render::renderState(state, o, 0);
        if (const char* dir = std::getenv("MEALHALL_SHOT_DIR"))
            shot->canvas->savePng(std::string(dir) + "/storage-full-" + std::to_string(p.w) + "x" + std::to_string(p.h) + ".png");
        CHECK(shot->canvas->rgbAt(2, 2) == stopRed);
        const std::vector<std::uint32_t> screen = pixelsOf(*shot);
        const ui::DrawnRect* word = shot->layout.find("outcome");
        REQUIRE(word != nullptr);
        CHECK(looksLike(*shot, screen, shot->fonts.word, *word, ui::kGoToStaff.zh) > 0.85);
        CHECK(looksLike(*shot, screen, shot->fonts.word, *word, "没有读出") < 0.5);  // the comparison tells words apart
        // The outcome word's ink at least 20 mm tall, as every result's (test_screen_pixels).
        auto ink = test::measureInk([&](int x, int y) { return screen[size_t(y) * size_t(p.w) + size_t(x)]; }, std::max(0, int(word->min.x)),
                                    std::max(0, int(word->min.y)), std::min(p.w, int(word->max.x) + 1),
                                    std::min(p.h, int(word->max.y) + 1));
        CHECK(ink.height() / shot->metrics.pxPerMm >= 20.0);
        const ui::DrawnRect* hint = shot->layout.find("hint");
        REQUIRE(hint != nullptr);
        if (const ui::DrawnRect* second = shot->layout.find("hint2")) {
            CHECK(looksLike(*shot, screen, shot->fonts.body, *hint, "存储已满，") > 0.85);
            CHECK(looksLike(*shot, screen, shot->fonts.body, *second, "这次没有记上") > 0.85);
        } else {
            CHECK(looksLike(*shot, screen, shot->fonts.body, *hint, ui::kStorageFull.zh) > 0.85);
        }
        CHECK(looksLike(*shot, screen, shot->fonts.body, *hint, "请再刷一次") < 0.5);
    }
    ImGui::SetCurrentContext(loopContext);
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
