// The first run on a 7" panel (issue 23), drawn headless as the screen draws it: every typing step's
// keys and its hint fit above 下一步 without scrolling, a refusal takes the hint's place and moves no
// key, and the 10 cm bar follows a finger dragged sideways.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "kiosk/ui/screen_first_run.hpp"
#include "kiosk/ui/ui_frame.hpp"

using namespace mh;
using namespace mh::ui;

namespace {

// Frames with no backend: the finger is set straight into ImGui's input, as in test_screen_logic.
struct HeadlessFirstRun {
    ImGuiSession session;
    Metrics metrics = Metrics::of(1024, 600, 7.0);
    FontSet fonts;
    DrawnLayout layout;

    explicit HeadlessFirstRun(const FirstRunState& st) {
        ensureFirstRunFonts(fonts, metrics, st);
        unsigned char* px;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    FirstRunQueue frame(const FirstRunState& st, ImVec2 mouse = {-1, -1}, bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        FirstRunQueue q;
        layout = {};
        buildFirstRunFrame(st, fonts, metrics, q, &layout);
        return q;
    }
    std::map<std::string, DrawnRect> keys() const {
        std::map<std::string, DrawnRect> out;
        for (const auto& t : layout.targets)
            if (t.what.rfind("button:key", 0) == 0) out.emplace(t.what, t);
        return out;
    }
};

FirstRunState typingStep(FirstRunStep step, bool letters) {
    FirstRunState st;
    st.screenW = 1024;
    st.screenH = 600;
    st.step = step;
    st.siteId = "141022-0";
    st.siteName = "BEIGUAN";
    st.letters = letters;
    return st;
}

}  // namespace

TEST_CASE("at 7 inches every typing step shows all its keys and its hint above 下一步, and a refusal moves no key") {
    struct Case {
        const char* name;
        FirstRunStep step;
        bool letters;
        size_t keys;
    };
    for (const Case& c : {Case{"site id", FirstRunStep::SiteId, false, 13}, Case{"site id, letters", FirstRunStep::SiteId, true, 29},
                          Case{"name, letters", FirstRunStep::SiteName, true, 30}, Case{"PIN", FirstRunStep::Pin, false, 11},
                          Case{"PIN again", FirstRunStep::PinAgain, false, 11}}) {
        INFO(std::string(c.name));
        FirstRunState st = typingStep(c.step, c.letters);
        HeadlessFirstRun ui(st);
        ui.frame(st);
        ui.frame(st);
        const DrawnRect* next = ui.layout.find("button:next");
        REQUIRE(next != nullptr);
        auto calm = ui.keys();
        CHECK(calm.size() == c.keys);
        float lastKey = 0;
        for (const auto& [what, r] : calm) {
            INFO(what);
            CHECK(r.min.y >= 0);
            CHECK(r.max.y <= next->min.y);
            CHECK((r.max.x - r.min.x) / ui.metrics.pxPerMm >= 13.0f - 0.01f);
            CHECK((r.max.y - r.min.y) / ui.metrics.pxPerMm >= 10.0f - 0.01f);
            lastKey = std::max(lastKey, r.max.y);
        }
        const DrawnRect* hint = ui.layout.find("hint");
        REQUIRE(hint != nullptr);
        CHECK(hint->min.y >= lastKey);
        CHECK(hint->max.y <= next->min.y + 0.5f);
        // At least one line of staff text at its smallest fits in the hint's place.
        CHECK(hint->max.y - hint->min.y >= ui.fonts.sizes.minStaffPx);

        st.message = "这个密码太好猜了（1234），请换一个";
        st.messageIsProblem = true;
        ui.frame(st);
        ui.frame(st);
        CHECK(ui.layout.find("message") != nullptr);
        CHECK(ui.layout.find("hint") == nullptr);
        auto refused = ui.keys();
        REQUIRE(refused.size() == calm.size());
        for (const auto& [what, r] : calm) {
            INFO(what);
            CHECK(refused.at(what).min.x == r.min.x);
            CHECK(refused.at(what).min.y == r.min.y);
        }
    }
}

TEST_CASE("at 7 inches the 10 cm bar follows a finger dragged sideways, and 短一点 长一点 sit above 下一步") {
    FirstRunState st = typingStep(FirstRunStep::PanelSize, false);
    HeadlessFirstRun ui(st);
    st.barPx = ui.metrics.mm(90);
    ui.frame(st);
    ui.frame(st);
    const DrawnRect* next = ui.layout.find("button:next");
    REQUIRE(next != nullptr);
    for (const char* b : {"button:bar短一点", "button:bar长一点"}) {
        const DrawnRect* r = ui.layout.find(b);
        REQUIRE_MESSAGE(r != nullptr, b);
        CHECK(r->max.y <= next->min.y);
    }
    const DrawnRect* bar = ui.layout.find("bar10cm");
    REQUIRE(bar != nullptr);
    float y = (bar->min.y + bar->max.y) / 2, end = bar->max.x;
    // Down on the bar's end, then 40 px to the right, a little jitter up and down on the way.
    ui.frame(st, {end, y}, false);
    ui.frame(st, {end, y}, true);
    float applied = st.barPx;
    for (int i = 1; i <= 4; ++i) {
        auto q = ui.frame(st, {end + 10.0f * float(i), y + (i % 2 ? 3.0f : -3.0f)}, true);
        for (const auto& c : q.take())
            if (const auto* b = std::get_if<FrBar>(&c)) applied = b->px;
        st.barPx = applied;
    }
    ui.frame(st, {end + 40, y}, false);
    CHECK(applied == doctest::Approx(ui.metrics.mm(90) + 40).epsilon(0.01));
}
