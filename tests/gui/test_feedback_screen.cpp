// The faces after an accepted meal (contract 14, [feedback] enabled), without a window: the
// controller on a fake clock shows them only after an accepted meal, one tap scores it and says the
// word back, 5 s untouched or the next card ends them scoring nothing; and the screen as rendered at
// 7" and 10.1": three faces at least 30 mm, 6 mm apart, told apart by their mouths without colour.
#include <doctest/doctest.h>

#include "gui/gui_fixture.hpp"
#include "kiosk/render/screenshot.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/feedback/feedback_book.hpp"
#include "support/fake_audio_cue.hpp"
#include "support/pixels.hpp"

using namespace mh;
using namespace mh::ui;

namespace {

struct FeedbackSite {
    test::TempDir dir;
    std::unique_ptr<Site> site;
    std::string idLow = test::makeIdNumber("19400101", 12, true), idFree = test::makeIdNumber("19500303", 14, false);
    FakeClock clock{0};

    explicit FeedbackSite(bool enabled = true) {
        site = test::makeSite(dir.path(), test::standardToml(enabled ? "[feedback]\nenabled = true\n" : ""));
        clock.set(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:32")));
        std::string csv = "elder_id,name,id_number,categories\nE0001,张桂兰," + idLow + ",dibao\nE0002,王建国," + idFree + ",tekun\n";
        REQUIRE(importRoster(*site, csv, LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test").ok());
    }
    FeedbackCounts lunch() { return feedbackCounts(site->db(), "2026-11-01", "2026-11-30")["lunch"]; }
};

}  // namespace

TEST_CASE("with feedback on, an accepted lunch shows the faces, and one tap scores that meal and says the word") {
    FeedbackSite fx;
    test::FakeAudioCue voice;
    KioskController ctl(*fx.site, fx.clock, &voice);
    ctl.apply(ScanCommand{fx.idLow});
    REQUIRE(ctl.state().screen == ScreenId::Feedback);
    REQUIRE(ctl.state().result);
    CHECK(ctl.state().result->accepted());
    REQUIRE(ctl.state().feedback);
    CHECK(ctl.state().feedback->recordId == *ctl.state().result->recordId);
    CHECK(voice.said.size() == 1);  // the result is still said as always
    CHECK(ctl.secondsToNextChange() <= KioskController::kFeedbackSeconds);

    ctl.apply(GiveFeedback{3});
    CHECK(ctl.state().screen == ScreenId::Checkin);
    CHECK_FALSE(ctl.state().feedback);
    CHECK(voice.feedback == std::vector<int>{3});
    CHECK(fx.lunch().good == 1);
    // A tap that arrives after the faces went (a double tap) scores nothing more.
    ctl.apply(GiveFeedback{1});
    CHECK(fx.lunch().total() == 1);
    CHECK(voice.feedback.size() == 1);
}

TEST_CASE("the faces go after 5 s untouched, and a card shown while they are up is checked in at once") {
    FeedbackSite fx;
    KioskController ctl(*fx.site, fx.clock);
    ctl.apply(ScanCommand{fx.idLow});
    REQUIRE(ctl.state().screen == ScreenId::Feedback);
    fx.clock.advance(KioskController::kFeedbackSeconds - 1);
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Feedback);
    fx.clock.advance(1);
    CHECK(ctl.tick());
    CHECK(ctl.state().screen == ScreenId::Checkin);
    CHECK(fx.lunch().total() == 0);

    // E0002 eats while E0001's faces are still up: E0002 is checked in and gets the faces of their
    // own meal; E0001's meal stays unscored.
    std::int64_t before = 0;
    fx.clock.advance(30);
    ctl.apply(ScanCommand{fx.idLow});  // already checked in: 已经签过, no faces
    CHECK(ctl.state().screen == ScreenId::Result);
    CHECK(ctl.state().result->outcome == Outcome::Duplicate);
    FeedbackSite fy;
    KioskController ctl2(*fy.site, fy.clock);
    ctl2.apply(ScanCommand{fy.idLow});
    REQUIRE(ctl2.state().screen == ScreenId::Feedback);
    before = ctl2.state().feedback->recordId;
    ctl2.apply(ScanCommand{fy.idFree});
    REQUIRE(ctl2.state().screen == ScreenId::Feedback);
    CHECK(ctl2.state().result->accepted());
    CHECK(ctl2.state().feedback->recordId != before);
    ctl2.apply(GiveFeedback{1});
    CHECK(fy.lunch().bad == 1);
    CHECK(fy.lunch().total() == 1);
}

TEST_CASE("no faces with feedback off, for a service that is not a meal, or for a refusal") {
    FeedbackSite off(false);
    KioskController a(*off.site, off.clock);
    a.apply(ScanCommand{off.idLow});
    CHECK(a.state().screen == ScreenId::Result);
    CHECK(a.state().result->accepted());

    FeedbackSite on;
    KioskController b(*on.site, on.clock);
    b.apply(ScanCommand{"not a card"});
    CHECK(b.state().screen == ScreenId::Result);
    // 助医 (a service, not a meal), recorded at 15:00 when it alone is open at the door.
    on.clock.set(on.site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T15:00")));
    b.tick();
    b.apply(ScanCommand{on.idFree});
    REQUIRE(b.state().result);
    CHECK(b.state().result->service.str() == "health");
    CHECK(b.state().screen == ScreenId::Result);
}

namespace {
struct ShotPanel {
    int w, h;
    double inch;
};

std::unique_ptr<render::Shot> facesAt(Site& site, const ShotPanel& p, bool training = false) {
    render::ScreenshotOptions opt;
    opt.screen = "feedback";
    opt.width = p.w;
    opt.height = p.h;
    opt.diagonalInch = p.inch;
    opt.training = training;
    opt.at = LocalDateTime::parse("2026-11-25T11:32");
    auto shot = render::renderScreen(site, opt);
    REQUIRE(shot.ok());
    return std::move(*shot);
}
}  // namespace

TEST_CASE("the faces at 7 and 10.1 inches: three buttons of 30 mm or more, 6 mm apart, faces told apart without colour") {
    FeedbackSite fx;
    for (const ShotPanel& p : {ShotPanel{1024, 600, 7.0}, ShotPanel{1280, 800, 10.1}, ShotPanel{800, 1280, 10.1}}) {
        for (bool training : {false, true}) {
            INFO(p.w << "x" << p.h << " " << p.inch << "\"" << (training ? " in training" : ""));
            auto s = facesAt(*fx.site, p, training);
            float mm = s->metrics.pxPerMm;
            CHECK(s->layout.find("outcome") != nullptr);
            std::vector<ui::DrawnRect> buttons;
            for (int score : {3, 2, 1}) {
                const auto* b = s->layout.find("button:face:" + std::to_string(score));
                REQUIRE(b != nullptr);
                CHECK(std::min(b->max.x - b->min.x, b->max.y - b->min.y) / mm >= 30.0f - 0.01f);
                CHECK(b->min.x >= 0);
                CHECK(b->max.x <= float(p.w));
                CHECK(b->max.y <= float(p.h));
                CHECK(s->layout.find("label:face:" + std::to_string(score)) != nullptr);
                // The word under the face is elder-sized: 10 mm of ink.
                const auto* l = s->layout.find("label:face:" + std::to_string(score));
                auto at = [&](int x, int y) { return s->canvas->rgbAt(x, y); };
                auto ink = test::measureInk(at, int(l->min.x), int(l->min.y), int(l->max.x) + 1, int(l->max.y) + 1);
                CHECK(ink.height() / mm >= 10.0);
                buttons.push_back(*b);
            }
            for (size_t i = 0; i + 1 < buttons.size(); ++i) {
                float dx = std::max(buttons[i + 1].min.x - buttons[i].max.x, buttons[i].min.x - buttons[i + 1].max.x);
                float dy = std::max(buttons[i + 1].min.y - buttons[i].max.y, buttons[i].min.y - buttons[i + 1].max.y);
                CHECK(std::max(dx, dy) / mm >= 6.0f - 0.01f);
            }
            // Inside each face (the white disc, ring left out), the mouths' ink differs, so the three are
            // told apart in grey.
            auto inner = [&](int score) {
                const auto* f = s->layout.find("face:" + std::to_string(score));
                REQUIRE(f != nullptr);
                return *f;
            };
            for (std::pair<int, int> ab : {std::pair{3, 2}, std::pair{2, 1}, std::pair{3, 1}}) {
                int a = ab.first, b = ab.second;
                auto fa = inner(a), fb = inner(b);
                int side = int(fa.max.x - fa.min.x);
                CHECK(side / mm >= 8.0f);
                auto pa = [&](int x, int y) { return s->canvas->rgbAt(int(fa.min.x) + x, int(fa.min.y) + y); };
                auto pb = [&](int x, int y) { return s->canvas->rgbAt(int(fb.min.x) + x, int(fb.min.y) + y); };
                // The mouth's band: under the eyes, inside the white disc (the coloured ring left out).
                double alike = test::inkAgreement(pa, pb, side / 4, side * 55 / 100, side * 3 / 4, side * 80 / 100);
                INFO("faces " << a << " and " << b);
                CHECK(alike < 0.6);
            }
        }
    }
}
