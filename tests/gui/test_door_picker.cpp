// The door's service picker (issue 23) without a window: its layout on every panel (buttons of 30 mm
// and more, 6 mm apart, names at elder size, one shape each), the controller on a fake clock (the
// picker only after a good card, the timeout, another card taking over), and staff 补签 picking
// the service among the open ones.
#include <doctest/doctest.h>

#include "gui/gui_fixture.hpp"
#include "kiosk/gui/kiosk_speaker.hpp"
#include "kiosk/ui/choose_layout.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "kiosk/ui/widgets.hpp"
#include "shared/store/checkin_store.hpp"
#include "support/fake_audio_cue.hpp"

using namespace mh;
using namespace mh::ui;

namespace {

// The demo's afternoon: 助洁 staff-booked, 助医 and 书法班 at the door.
const char* kAfternoon = R"(
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

struct Afternoon : test::GuiFixture {
    Afternoon() {
        // The standard site's all-day health check is made staff-booked too, so the door has the demo's two.
        std::string toml = test::readFile(dir.path() / "site.toml");
        auto at = toml.find("id = \"health\"");
        REQUIRE(at != std::string::npos);
        toml.insert(toml.find('\n', at) + 1, "at_door = false\n");
        test::writeFile(dir.path() / "site.toml", toml + kAfternoon);
        auto reopened = Site::open(dir.path());
        REQUIRE_MESSAGE(reopened.ok(), (reopened.ok() ? "" : reopened.error().message));
        site = std::move(*reopened);
        clock.set(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T16:10")));
    }
    std::vector<std::string> recordsOf(const std::string& elderId) {
        std::vector<std::string> out;
        for (const auto& r : CheckinStore(site->db()).forDay("2026-11-25"))
            if (r.elderId.str() == elderId && !r.voided) out.push_back(r.service.str());
        return out;
    }
};

struct PanelSize {
    int w, h;
    double inch;
};
const PanelSize kPanels[] = {{1024, 600, 7.0}, {1280, 800, 10.1}, {1920, 1080, 21.5}, {800, 1280, 10.1}, {1080, 1920, 21.5}};

}  // namespace

TEST_CASE("the picker's buttons are 30 mm or more, 6 mm apart, on screen, with names at elder size on every panel") {
    for (const auto& size : kPanels) {
        for (int n = 2; n <= 4; ++n) {
            INFO(size.w << "x" << size.h << " with " << n << " services");
            ImGuiSession session;
            Metrics m = Metrics::of(size.w, size.h, size.inch);
            FontSet fonts;
            // A 7" panel holds four short names in a row; the bigger ones four long ones too.
            // (On a 7" panel three names of three characters take two rows of 30 mm: four services
            // there fit with names of two.)
            std::vector<std::string> all = size.inch >= 8 ? std::vector<std::string>{"助医", "书法班", "量血压", "健康讲座"}
                                           : n < 4        ? std::vector<std::string>{"助医", "书法班", "理发"}
                                                          : std::vector<std::string>{"助医", "理发", "助浴", "体检"};
            ChooseTexts t{std::string("张*兰，") + kChooseOne.zh, kChooseOne.zh, {all.begin(), all.begin() + n}};
            fonts.build(m, {t.title, "助医书法班量血压健康讲座理发浴体检张*兰"});
            Panel p{m, fonts};
            ChooseLayout lay = computeChooseLayout(p, t);
            REQUIRE(lay.buttons.size() == size_t(n));
            CHECK(lay.title.px >= fonts.sizes.minBodyPx - 0.01f);
            CHECK(lay.labelPx >= fonts.sizes.minBodyPx - 0.01f);
            Rect title = Rect::at(lay.title.at, textSize(fonts.body, lay.title.px, lay.shortTitle ? t.shortTitle : t.title));
            CHECK(p.rect().contains(title));
            std::vector<Rect> targets = lay.buttons;
            targets.push_back(lay.back);
            for (size_t i = 0; i < targets.size(); ++i) {
                INFO("target " << i);
                CHECK(p.rect().contains(targets[i]));
                float minSide = std::min(targets[i].width(), targets[i].height()) / m.pxPerMm;
                CHECK(minSide >= (i < lay.buttons.size() ? kMainTouchMm : kTouchMm) - 0.01f);
                CHECK(title.gapTo(targets[i]) >= 0);
                for (size_t j = i + 1; j < targets.size(); ++j) CHECK(targets[i].gapTo(targets[j]) / m.pxPerMm >= kGapMm - 0.01f);
            }
            // Each name fits its button, its shape above it.
            CHECK(lay.iconSide >= p.mm(6) - 0.01f);
            for (size_t i = 0; i < lay.buttons.size(); ++i) {
                ImVec2 ls = textSize(fonts.body, lay.labelPx, t.names[i]);
                CHECK(ls.x <= lay.buttons[i].width() - p.mm(6) + 0.5f);
                CHECK(lay.iconSide + p.mm(1) + ls.y <= lay.buttons[i].height() + 0.5f);
            }
        }
    }
}

TEST_CASE("a refused card never reaches the picker, another elder's card takes it over, and it times out recording nothing") {
    Afternoon fx;
    test::FakeAudioCue voice;
    KioskController ctl(*fx.site, fx.clock, &voice);
    REQUIRE(ctl.state().doorServices.size() == 2);
    CHECK(ctl.state().doorServices[0].id == "medical");
    CHECK(ctl.state().doorServices[1].id == "calligraphy");

    ctl.apply(ScanCommand{"HELLO-WORLD"});  // garbage: refused at once, as before
    REQUIRE(ctl.state().screen == ScreenId::Result);
    CHECK(ctl.state().result->outcome == Outcome::Invalid);

    ctl.apply(ScanCommand{fx.idLow});
    REQUIRE(ctl.state().screen == ScreenId::Choose);
    CHECK(ctl.state().pick->maskedName == "张*兰");
    CHECK(ctl.state().pick->options.size() == 2);
    CHECK(ctl.secondsToNextChange() <= KioskController::kPickSeconds);
    // Another elder's card while it is up: that elder picks now; nothing recorded for either.
    ctl.apply(ScanCommand{fx.idFree});
    REQUIRE(ctl.state().screen == ScreenId::Choose);
    CHECK(ctl.state().pick->elderId == "E0002");
    // A service no button offered is not recorded (a stale tap from another screen).
    ctl.apply(PickService{"cleaning"});
    CHECK(ctl.state().screen == ScreenId::Choose);
    fx.clock.advance(KioskController::kPickSeconds - 1);
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Choose);
    fx.clock.advance(1);
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Checkin);
    CHECK_FALSE(ctl.state().pick);
    // The tap that comes too late records nothing.
    ctl.apply(PickService{"medical"});
    CHECK(ctl.state().screen == ScreenId::Checkin);
    CHECK(fx.recordsOf("E0001").empty());
    CHECK(fx.recordsOf("E0002").empty());

    // A pick records exactly that service, for the elder whose card was read.
    ctl.apply(ScanCommand{fx.idLow});
    ctl.apply(PickService{"calligraphy"});
    REQUIRE(ctl.state().screen == ScreenId::Result);
    CHECK(ctl.state().result->service.str() == "calligraphy");
    CHECK(fx.recordsOf("E0001") == std::vector<std::string>{"calligraphy"});
}

TEST_CASE("with one door service open the card records it at once, and staff-booked services never at the door") {
    Afternoon fx;
    fx.clock.set(fx.site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T16:40")));  // 书法班 closed
    KioskController ctl(*fx.site, fx.clock);
    ctl.apply(ScanCommand{fx.idLow});
    REQUIRE(ctl.state().screen == ScreenId::Result);
    CHECK(ctl.state().result->service.str() == "medical");
    CHECK(ctl.state().result->priceFen.value_or(Fen{-1}) == 0_fen);
    CHECK(fx.recordsOf("E0001") == std::vector<std::string>{"medical"});
}

TEST_CASE("the voice announces the picker with the names it knows how to say") {
    CHECK(servicePinyin("助医") == "zhu4 yi1");
    CHECK(servicePinyin("没听过的服务").empty());
    Afternoon fx;
    test::FakeAudioCue voice;
    KioskController ctl(*fx.site, fx.clock, &voice);
    ctl.apply(ScanCommand{fx.idLow});
    REQUIRE(ctl.state().screen == ScreenId::Choose);
    CHECK(voice.choices == std::vector<std::string>{"助医", "书法班"});
}

TEST_CASE("staff 补签 picks the service among every open one, the staff-booked 助洁 included") {
    Afternoon fx;
    KioskController ctl(*fx.site, fx.clock);
    ctl.setPinChecker([](const std::string&) { return PinAnswer{""}; });
    ctl.apply(OpenStaff{});
    ctl.apply(PinSubmit{});
    REQUIRE(ctl.state().screen == ScreenId::Roster);
    ctl.apply(StaffCommand{ShowStaffTab{StaffTab::Manual}});
    auto& st = ctl.state();
    REQUIRE(st.manualServices.size() == 4);  // health, 助洁, 助医, 书法班
    CHECK(st.manualServices[1].id == "cleaning");
    CHECK(st.manualServiceId.empty());  // several open: staff must say which
    ctl.apply(StaffCommand{ManualCheckIn{"E0001"}});
    CHECK(st.staffMessage.find("补签哪一项") != std::string::npos);
    CHECK(fx.recordsOf("E0001").empty());
    ctl.apply(StaffCommand{PickManualService{"cleaning"}});
    ctl.apply(StaffCommand{ManualCheckIn{"E0001"}});
    // The confirmation names the service staff picked; only 确认补签 records it.
    REQUIRE(st.confirming);
    CHECK(fx.recordsOf("E0001").empty());
    bool named = false;
    for (const auto& line : st.confirming->lines) named = named || line.find("助洁") != std::string::npos;
    CHECK(named);
    ctl.apply(StaffCommand{ConfirmStaffAction{}});
    CHECK(fx.recordsOf("E0001") == std::vector<std::string>{"cleaning"});
    ctl.apply(StaffCommand{PickManualService{"medical"}});
    ctl.apply(StaffCommand{ManualCheckIn{"E0001"}});
    ctl.apply(StaffCommand{ConfirmStaffAction{}});
    CHECK(fx.recordsOf("E0001") == std::vector<std::string>{"cleaning", "medical"});
}

TEST_CASE("the real voice says 请点您要的一项 and each name it has pinyin for") {
    CHECK(gui::KioskSpeaker::pinyinForChoices({"助医", "书法班"}) == "qing3 dian3 nin2 yao4 de yi2 xiang4, zhu4 yi1, shu1 fa3 ban1");
    CHECK(gui::KioskSpeaker::pinyinForChoices({"助医", "没听过的服务"}) == "qing3 dian3 nin2 yao4 de yi2 xiang4, zhu4 yi1");
}
