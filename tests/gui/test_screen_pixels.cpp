// Every screen at every panel size, rendered offscreen and measured from its pixels: right size, not
// blank, text inside the screen, the outcome word >= 20 mm tall and other elder text >= 10 mm, 7:1
// contrast, touch targets >= 20 mm (再听一遍 >= 30 mm) with 6 mm between them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>

#include <stb_image.h>

#include "gui/gui_fixture.hpp"
#include "kiosk/render/screenshot.hpp"
#include "kiosk/ui/theme.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/roster/roster_import.hpp"
#include "support/pixels.hpp"

using namespace mh;

namespace {

using DrawnRect_ = ui::DrawnRect;

struct Panel {
    int w, h;
    double inch;
};
const Panel kPanels[] = {{1024, 600, 7.0}, {1280, 800, 10.1}, {1366, 768, 15.6}, {1920, 1080, 21.5}, {1080, 1920, 21.5},
                        {800, 1280, 10.1},   // a portrait 10" tablet too
                        {1080, 1920, 15.6}}; // portrait 15.6": glyphs over 255 px once overran imgui's atlas

// The four panels of issue 23: 7", 10.1", 21.5" and a portrait 10.1" tablet.
const Panel kFourPanelsAll[] = {{1024, 600, 7.0}, {1280, 800, 10.1}, {1920, 1080, 21.5}, {800, 1280, 10.1}};

using render::isStaffScreen;
bool isStaffText(const std::string& what) {
    return what.rfind("label:key", 0) == 0 || what == "label:staff" || what == "label:back";
}

// `training`: drawn in the training frame (`run --at`), and then everything the screen draws must
// be inside the frame's inner rect, at the same sizes as without it.
void checkScreen(Site& site, const std::string& screen, const Panel& p, bool training = false) {
    render::ScreenshotOptions opt;
    opt.screen = screen;
    opt.width = p.w;
    opt.height = p.h;
    opt.diagonalInch = p.inch;
    opt.at = LocalDateTime::parse("2026-11-25T11:32");
    opt.training = training;
    auto shot = render::renderScreen(site, opt);
    REQUIRE(shot.ok());
    auto& s = **shot;
    INFO(screen << " at " << p.w << "x" << p.h << " " << p.inch << "\"" << std::string(training ? " in training" : ""));
    // The screen's own rect: the panel, or what the training frame leaves.
    float left = 0, top = 0, right = float(p.w), bottom = float(p.h);
    if (training) {
        const auto* inner = s.layout.find("training-inner");
        REQUIRE(inner != nullptr);
        left = inner->min.x, top = inner->min.y, right = inner->max.x, bottom = inner->max.y;
    }
    REQUIRE(s.canvas->width() == p.w);
    REQUIRE(s.canvas->height() == p.h);
    auto at = [&](int x, int y) { return s.canvas->rgbAt(x, y); };
    float mm = s.metrics.pxPerMm;

    // Not blank: a real share of the screen is ink.
    int inked = 0;
    for (int y = 0; y < p.h; y += 4)
        for (int x = 0; x < p.w; x += 4) inked += at(x, y) != 0xFFFFFF;
    CHECK(inked > (p.w / 4) * (p.h / 4) / 200);

    for (const auto& t : s.layout.texts) {
        INFO("text " << t.what);
        if (t.what == "training") continue;  // the frame's own words (staff-sized, on the frame)
        bool scrolls = isStaffScreen(screen) && screen != "pin";
        if (scrolls && (t.max.y > bottom || t.min.y < top)) continue;  // below the fold of a staff list
        // Inside the screen: nothing cut off at an edge, nothing under the training frame. A line's
        // box may reach under the frame's band by the blank space above its ink (the screen's
        // drawing is clipped to its rect), never its ink: measured below, from the band's edge down.
        bool overTop = t.min.y < top;
        CHECK(t.min.x >= left);
        if (!overTop) CHECK(t.min.y >= top);
        CHECK(t.max.x <= right + 1);
        CHECK(t.max.y <= bottom + 1);
        int x0 = std::max(0, int(t.min.x)), y0 = std::max(int(top), int(t.min.y));
        int x1 = std::min(p.w, int(t.max.x + 1)), y1 = std::min(p.h, int(t.max.y + 1));
        auto ink = test::measureInk(at, x0, y0, x1, y1);
        if (overTop) CHECK(ink.top > y0 + 1);  // the ink starts below the band: nothing cut
        double inkMm = ink.height() / mm;
        double k = test::contrast(ink.text, ink.background);
        CHECK(k >= 7.0);
        // Staff screens: every button label whole inside its button and at least 5 mm tall.
        if (isStaffScreen(screen) && t.what.rfind("label:", 0) == 0 && t.what.back() != '.') {
            CHECK(inkMm >= 5.0);
            if (const auto* b = s.layout.find("button:" + t.what.substr(6))) {
                CHECK(t.min.x >= b->min.x);
                CHECK(t.max.x <= b->max.x);
            }
        }
        if (t.what == "outcome" || t.what == "please-scan") CHECK(inkMm >= 20.0);
        else if (!isStaffScreen(screen) && !isStaffText(t.what)) CHECK(inkMm >= 10.0);
        // Every digit meant for elders (clock, hours, notice figures) is 10 mm too, and the waiting
        // screen says where to hold the card at every size.
        if (t.what.size() > 7 && t.what.substr(t.what.size() - 7) == ":digits") CHECK(inkMm >= 10.0);
        // Elder text stays clear of every touch target (issue 12: the hours ran under 工作人员). The
        // line box's blank space above and below the ink may touch a target; the ink may not.
        if (!isStaffScreen(screen) && t.what.rfind("label:", 0) != 0) {
            float slackTop = 0.16f * (t.max.y - t.min.y), slackBottom = 0.10f * (t.max.y - t.min.y);
            for (const auto& g : s.layout.targets) {
                INFO("against " << g.what);
                bool apart = t.max.x <= g.min.x || g.max.x <= t.min.x || t.max.y - slackBottom <= g.min.y ||
                             g.max.y <= t.min.y + slackTop;
                CHECK(apart);
            }
        }
    }
    if (training) {
        // Nothing of the screen on the frame: every pixel of it amber but the band's own words.
        const auto* words = s.layout.find("training");
        REQUIRE(words != nullptr);
        int stray = 0;
        for (int y = 0; y < p.h; y += 2)
            for (int x = 0; x < p.w; x += 2) {
                bool onFrame = x < left || x >= right || y < top || y >= bottom;
                bool onWords = x >= words->min.x && x <= words->max.x && y >= words->min.y && y <= words->max.y;
                if (onFrame && !onWords && at(x, y) != 0xF2A900) ++stray;
            }
        CHECK(stray == 0);
    }
    if (const auto* word = s.layout.find("pay"); word && s.layout.find("pay-amount")) {
        // The amount to pay is never shorter than 请付 beside it.
        auto inkOf = [&](const DrawnRect_& r) {
            return test::measureInk(at, std::max(0, int(r.min.x)), std::max(0, int(r.min.y)), std::min(p.w, int(r.max.x + 1)),
                                    std::min(p.h, int(r.max.y + 1)))
                .height();
        };
        CHECK(inkOf(*s.layout.find("pay-amount")) >= inkOf(*word));
    }
    if (screen == "checkin" || screen == "posting" || screen == "checkin-menu") CHECK(s.layout.find("please-scan") != nullptr);
    if (screen == "void-reason") CHECK(s.layout.find("button:void-cancel") != nullptr);
    if (screen == "void-confirm") {
        // The record named, 确认 and 取消 whole on the screen.
        CHECK(s.layout.find("confirm-line1") != nullptr);
        for (const char* b : {"button:confirm", "button:confirm-cancel"}) {
            const auto* r = s.layout.find(b);
            REQUIRE(r != nullptr);
            CHECK(r->min.y >= top);
            CHECK(r->max.y <= bottom);
        }
    }
    if (screen == "checkin") {
        // (A 7" panel in the training frame has no height for the hint: the picture says it.)
        if (!training || p.h > 600) CHECK(s.layout.find("hint") != nullptr);
        CHECK(s.layout.find("date:digits") != nullptr);
    }
    if (screen == "posting") {
        // The idle posting view: its title and at least two lines of figures, all elder-sized (above).
        CHECK(s.layout.find("posting-title") != nullptr);
        // (A 7" panel in the training frame has room for one line under the title.)
        CHECK(s.layout.find(training && p.h <= 600 ? "posting-line0" : "posting-line1") != nullptr);
    } else if (screen == "choose") {
        // The door's picker (issue 23): the name and what to do, a button per service at 30 mm.
        CHECK(s.layout.find("title") != nullptr);
        int picks = 0;
        for (const auto& t : s.layout.targets)
            if (t.what.rfind("button:pick:", 0) == 0) {
                ++picks;
                CHECK(std::min(t.max.x - t.min.x, t.max.y - t.min.y) / mm >= 30.0f - 0.01f);
            }
        CHECK(picks >= 2);
    } else if (screen == "checkin-menu") {
        // Today's menu (contract 14): its title and at least one line of dishes, elder-sized (above),
        // and 听菜谱 at 30 mm.
        CHECK(s.layout.find("menu-line0") != nullptr);
        CHECK(s.layout.find("menu-line1") != nullptr);
        const auto* r = s.layout.find("button:read-menu");
        REQUIRE(r != nullptr);
        CHECK(std::min(r->max.x - r->min.x, r->max.y - r->min.y) / mm >= 30.0f - 0.01f);
    } else if (screen == "feedback") {
        // The faces after a meal (contract 14): the headline, and three faces at 30 mm.
        CHECK(s.layout.find("outcome") != nullptr);
        for (const char* b : {"button:face:3", "button:face:2", "button:face:1"}) {
            const auto* r = s.layout.find(b);
            REQUIRE(r != nullptr);
            CHECK(std::min(r->max.x - r->min.x, r->max.y - r->min.y) / mm >= 30.0f - 0.01f);
        }
    } else if (screen != "checkin" && !isStaffScreen(screen)) {
        CHECK(s.layout.find("outcome") != nullptr);
        // Every result says what to pay or what to do next; nothing is dropped for lack of room.
        CHECK((s.layout.find("pay") != nullptr || s.layout.find("hint") != nullptr));
        CHECK(s.layout.find("button:replay") != nullptr);
    }

    const auto& targets = s.layout.targets;
    for (size_t i = 0; i < targets.size(); ++i) {
        const auto& a = targets[i];
        INFO("target " << a.what);
        float side = std::min(a.max.x - a.min.x, a.max.y - a.min.y) / mm;
        CHECK(side >= 20.0f - 0.01f);
        if (a.what == "button:replay") CHECK(side >= 30.0f - 0.01f);
        if (!isStaffScreen(screen) || screen == "pin") {  // staff lists scroll; the rest must fit
            CHECK(a.min.x >= left);
            CHECK(a.min.y >= top);
            CHECK(a.max.x <= right);
            CHECK(a.max.y <= bottom);
        } else if (training) {
            // Staff tabs and lists (scrolled to the top) start below the frame's band, within its sides.
            CHECK(a.min.y >= top);
            CHECK(a.min.x >= left);
            CHECK(a.max.x <= right);
        }
        for (size_t j = i + 1; j < targets.size(); ++j) {
            const auto& b = targets[j];
            float dx = std::max(b.min.x - a.max.x, a.min.x - b.max.x);
            float dy = std::max(b.min.y - a.max.y, a.min.y - b.max.y);
            INFO("and " << b.what);
            CHECK(std::max(dx, dy) / mm >= 6.0f - 0.01f);
        }
    }
}

}  // namespace

TEST_CASE("every screen at every panel size passes the accessibility measurements") {
    test::GuiFixture fx;
    // Someone came to lunch, so the roster has a row; a meal was delivered, so 送餐 has its buttons.
    CheckInEngine engine(*fx.site, fx.clock);
    REQUIRE(engine.scan(ScanRequest{fx.idLow, ServiceId("lunch"), std::nullopt, false})->accepted());
    REQUIRE(engine.scan(ScanRequest{fx.idFree, ServiceId("lunch"), std::nullopt, true})->accepted());
    for (const auto& p : kPanels)
        for (const auto& screen : render::screenNames()) checkScreen(*fx.site, screen, p);
}

TEST_CASE("result screens tell outcomes apart by shape as well as colour") {
    // Same panel, the icon's square: the fill colours differ, and so does where the ink is
    // (a circle, a triangle and an octagon cover different corners).
    test::GuiFixture fx;
    auto cornerSignature = [&](const std::string& screen) {
        render::ScreenshotOptions opt;
        opt.screen = screen;
        opt.width = 1024;
        opt.height = 600;
        opt.diagonalInch = 7;
        auto shot = render::renderScreen(*fx.site, opt);
        REQUIRE(shot.ok());
        auto& s = **shot;
        const auto* word = s.layout.find("outcome");
        REQUIRE(word);
        // The icon sits left of the word, in a square as tall as the word's font.
        float side = s.fonts.sizes.wordPx * 1.05f, x0 = s.metrics.mm(4), y0 = s.metrics.mm(6);
        std::string sig;
        for (auto [fx_, fy] : {std::pair{0.12f, 0.12f}, {0.5f, 0.06f}, {0.12f, 0.88f}, {0.5f, 0.5f}, {0.95f, 0.5f}}) {
            std::uint32_t c = s.canvas->rgbAt(int(x0 + fx_ * side), int(y0 + fy * side));
            sig += c == 0xFFFFFF ? '.' : '#';
        }
        return sig;
    };
    std::string ok = cornerSignature("accepted"), dup = cornerSignature("duplicate"), no = cornerSignature("unknown");
    CHECK(ok != dup);
    CHECK(dup != no);
    CHECK(ok != no);
}

TEST_CASE("`kiosk screenshot` writes a PNG of the asked size and refuses an unknown screen") {
    test::GuiFixture fx;
    std::string out = (fx.dir.path() / "shot.png").string();
    std::string cmd = std::string(KIOSK_EXE) + " screenshot --site " + fx.dir.path().string() +
                      " --screen duplicate --size 1080x1920 --out " + out + " > " + (fx.dir.path() / "o.json").string();
    REQUIRE(std::system(cmd.c_str()) == 0);
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(out.c_str(), &w, &h, &n, 3);
    REQUIRE(px);
    CHECK(w == 1080);
    CHECK(h == 1920);
    stbi_image_free(px);
    CHECK(test::readFile(fx.dir.path() / "o.json").find("\"screen\":\"duplicate\"") != std::string::npos);

    std::string bad = std::string(KIOSK_EXE) + " screenshot --site " + fx.dir.path().string() +
                      " --screen nosuch --out " + out + " 2>/dev/null";
    int rc = std::system(bad.c_str());
    CHECK(WEXITSTATUS(rc) == 2);
}

TEST_CASE("`kiosk demo` with no display prints the sample lunch and exits 0 instead of opening a window") {
    test::TempDir dir;
    std::string out = (dir.path() / "out.txt").string();
    std::string cmd = "env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER= " + std::string(KIOSK_EXE) + " demo --site " +
                      (dir.path() / "site").string() + " > " + out + " 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string text = test::readFile(out);
    CHECK(text.find("今日午餐") != std::string::npos);
    CHECK(text.find("没有显示器") != std::string::npos);
}

TEST_CASE("the amount to pay is drawn in bigger digits than 请付 and 元 where the panel has room") {
    test::GuiFixture fx;  // the accepted sample pays 2 yuan
    auto inkMm = [](const render::Shot& s, const char* what) {
        const auto* r = s.layout.find(what);
        REQUIRE(r);
        auto ink = test::measureInk([&](int x, int y) { return s.canvas->rgbAt(x, y); }, int(r->min.x), int(r->min.y),
                                    int(r->max.x + 1), int(r->max.y + 1));
        return ink.height() / s.metrics.pxPerMm;
    };
    for (const auto& p : kPanels) {
        render::ScreenshotOptions opt;
        opt.screen = "accepted";
        opt.width = p.w;
        opt.height = p.h;
        opt.diagonalInch = p.inch;
        opt.at = LocalDateTime::parse("2026-11-25T11:32");
        auto shot = render::renderScreen(*fx.site, opt);
        REQUIRE(shot.ok());
        double word = inkMm(**shot, "pay"), amount = inkMm(**shot, "pay-amount"), unit = inkMm(**shot, "pay-unit");
        INFO(p.w << "x" << p.h << " " << p.inch << "\": 请付 " << word << " mm, amount " << amount << " mm, 元 " << unit << " mm");
        CHECK(word > 10.0);
        CHECK(unit > 10.0);
        // At one size a digit's ink is ~0.78 of a hanzi's: never smaller than that (the 7" and 10" panels
        // have no height to spare), and half again as tall as 请付 on the 21.5" panels, which do.
        CHECK(amount >= 0.75 * word);
        if (p.inch >= 20) CHECK(amount > 1.5 * std::max(word, unit));
    }
}

TEST_CASE("training draws its frame in its own space: every screen inside it at the four panels, at its full sizes") {
    // Issue 23: the band was drawn over the top 22.5 mm of every screen and taps passed through it.
    test::GuiFixture fx;
    CheckInEngine engine(*fx.site, fx.clock);
    REQUIRE(engine.scan(ScanRequest{fx.idLow, ServiceId("lunch"), std::nullopt, false})->accepted());
    for (const auto& p : kFourPanelsAll)
        for (const auto& screen : render::screenNames()) checkScreen(*fx.site, screen, p, true);
}

TEST_CASE("the training frame is amber all round, says 培训模式 on its band, and leaves the screen's colours alone") {
    test::GuiFixture fx;
    for (const auto& screen : render::screenNames()) {
        render::ScreenshotOptions opt;
        opt.screen = screen;
        opt.at = LocalDateTime::parse("2026-11-25T11:32");
        opt.training = true;
        INFO(screen);
        std::uint32_t innerColour = 0;
        {
            // One rendered screen (and its ImGui context) at a time.
            auto shot = render::renderScreen(*fx.site, opt);
            REQUIRE(shot.ok());
            const auto& s = **shot;
            const auto* words = s.layout.find("training");
            const auto* band = s.layout.find("training-band");
            const auto* inner = s.layout.find("training-inner");
            REQUIRE(words != nullptr);
            REQUIRE(band != nullptr);
            REQUIRE(inner != nullptr);
            CHECK(band->max.y <= inner->min.y);
            CHECK(words->max.y <= band->max.y + 1);
            CHECK(band->max.y <= s.fonts.sizes.staffPx + s.metrics.mm(2.5f));  // slim: staff-sized words
            // Amber on every side, whatever the screen drew.
            for (int x : {2, opt.width / 2 - 200, opt.width - 3}) CHECK(s.canvas->rgbAt(x, 1) == 0xF2A900);
            for (int y : {int(inner->min.y) + 5, opt.height / 2, opt.height - 2}) {
                CHECK(s.canvas->rgbAt(0, y) == 0xF2A900);
                CHECK(s.canvas->rgbAt(opt.width - 1, y) == 0xF2A900);
            }
            CHECK(s.canvas->rgbAt(opt.width / 2, opt.height - 1) == 0xF2A900);
            innerColour = s.canvas->rgbAt(int(inner->min.x) + 2, opt.height / 2);
        }
        opt.training = false;
        auto plain = render::renderScreen(*fx.site, opt);
        REQUIRE(plain.ok());
        CHECK((*plain)->layout.find("training") == nullptr);
        CHECK((*plain)->layout.find("training-band") == nullptr);
        if (!isStaffScreen(screen)) CHECK((*plain)->canvas->rgbAt(2, opt.height / 2) == innerColour);  // its own background
    }
    render::ScreenshotOptions opt;
    opt.databaseProblem = "数据库检查发现损坏";
    auto waiting = render::renderScreen(*fx.site, opt);
    REQUIRE(waiting.ok());
    CHECK((*waiting)->layout.find("database-mark") != nullptr);
}

namespace {
std::unique_ptr<render::Shot> shotOf(Site& site, const std::string& screen, const Panel& p) {
    render::ScreenshotOptions opt;
    opt.screen = screen;
    opt.width = p.w;
    opt.height = p.h;
    opt.diagonalInch = p.inch;
    opt.at = LocalDateTime::parse("2026-11-25T11:32");
    auto shot = render::renderScreen(site, opt);
    REQUIRE(shot.ok());
    return std::move(*shot);
}

const Panel kFourPanels[] = {{1024, 600, 7.0}, {1280, 800, 10.1}, {1920, 1080, 21.5}, {1080, 1920, 21.5}};
const char* const kRefusals[] = {"duplicate", "unknown", "invalid", "revoked", "closed", "ineligible"};

// Mean WCAG relative luminance of the whole screen, as a grayscale screenshot would show it.
double meanLuminance(const render::Shot& s) {
    double sum = 0;
    int n = 0;
    for (int y = 0; y < s.canvas->height(); y += 3)
        for (int x = 0; x < s.canvas->width(); x += 3, ++n) sum += test::luminance(s.canvas->rgbAt(x, y));
    return sum / n;
}

// The icon's ink (anything clearly unlike the screen's background) on a 12 x 12 grid, each cell
// the share of ink within a box 2.5 mm either side of its centre: the icon as a cataract sees it.
std::vector<double> blurredIcon(const render::Shot& s) {
    const auto* r = s.layout.find("icon");
    REQUIRE(r);
    std::uint32_t bg = s.canvas->rgbAt(1, s.canvas->height() / 2);
    int radius = std::max(1, int(s.metrics.mm(2.5f)));
    std::vector<double> out;
    for (int gy = 0; gy < 12; ++gy)
        for (int gx = 0; gx < 12; ++gx) {
            int cx = int(r->min.x + (gx + 0.5f) * (r->max.x - r->min.x) / 12);
            int cy = int(r->min.y + (gy + 0.5f) * (r->max.y - r->min.y) / 12);
            int ink = 0, all = 0;
            for (int y = cy - radius; y <= cy + radius; y += 2)
                for (int x = cx - radius; x <= cx + radius; x += 2) {
                    if (x < 0 || y < 0 || x >= s.canvas->width() || y >= s.canvas->height()) continue;
                    ++all;
                    ink += test::contrast(s.canvas->rgbAt(x, y), bg) > 1.5;
                }
            out.push_back(all ? double(ink) / all : 0);
        }
    return out;
}
}  // namespace

TEST_CASE("accepted and every refusal differ in the whole screen's brightness, at least 2:1") {
    // Issue 12: in grayscale the accepted and refused icons were the same grey (73 vs 74).
    test::GuiFixture fx;
    for (const auto& p : kFourPanels) {
        double ok = meanLuminance(*shotOf(*fx.site, "accepted", p));
        for (const char* refusal : kRefusals) {
            double no = meanLuminance(*shotOf(*fx.site, refusal, p));
            INFO(refusal << " at " << p.w << "x" << p.h << ": accepted " << ok << ", refused " << no);
            CHECK((ok + 0.05) / (no + 0.05) >= 2.0);
        }
    }
}

TEST_CASE("the outcome icons keep distinct shapes under a 2.5 mm blur, and warning colours stand 3:1 on their screen") {
    test::GuiFixture fx;
    for (const auto& p : kFourPanels) {
        // One shot at a time: each has its own ImGui context.
        std::vector<std::vector<double>> shapes;
        for (const char* screen : {"accepted", "duplicate", "unknown", "invalid", "closed"})
            shapes.push_back(blurredIcon(*shotOf(*fx.site, screen, p)));
        for (size_t i = 0; i < shapes.size(); ++i)
            for (size_t j = i + 1; j < shapes.size(); ++j) {
                double diff = 0;
                for (size_t k = 0; k < shapes[i].size(); ++k) diff += std::abs(shapes[i][k] - shapes[j][k]);
                diff /= double(shapes[i].size());
                INFO(p.w << "x" << p.h << " shapes " << i << " and " << j << " differ by " << diff);
                CHECK(diff >= 0.15);
            }
    }
    for (Outcome o : {Outcome::Accepted, Outcome::Duplicate, Outcome::Unknown, Outcome::Invalid, Outcome::Closed,
                      Outcome::Revoked, Outcome::Ineligible}) {
        ui::OutcomeLook look = ui::lookOf(o);
        auto rgbOf = [](std::uint32_t abgr) { return ((abgr & 0xFF) << 16) | (abgr & 0xFF00) | ((abgr >> 16) & 0xFF); };
        INFO(outcomeKey(o));
        CHECK(test::contrast(rgbOf(look.fill), rgbOf(look.background)) >= 3.0);
        CHECK(test::contrast(rgbOf(look.text), rgbOf(look.background)) >= 7.0);
    }
}

TEST_CASE("the 7-inch staff roster shows three whole rows with their void buttons at once") {
    // Issue 12: the 7" roster showed one row at a time; issue 23: two are not enough.
    test::GuiFixture fx;
    CheckInEngine engine(*fx.site, fx.clock);
    REQUIRE(engine.scan(ScanRequest{fx.idLow, ServiceId("lunch"), std::nullopt, false})->accepted());
    REQUIRE(engine.scan(ScanRequest{fx.idFree, ServiceId("lunch"), std::nullopt, false})->accepted());
    // Two more elders at lunch.
    std::string more[] = {test::makeIdNumber("19460202", 40, true), test::makeIdNumber("19470303", 41, false)};
    std::string csv = "elder_id,name,id_number,categories\nE0003,赵秀英," + more[0] + ",dibao\nE0004,钱国华," + more[1] + ",dibao\n";
    REQUIRE(importRoster(*fx.site, csv, LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test").ok());
    for (const auto& id : more) REQUIRE(engine.scan(ScanRequest{id, ServiceId("lunch"), std::nullopt, false})->accepted());
    auto s = shotOf(*fx.site, "roster", {1024, 600, 7.0});
    int whole = 0;
    for (const auto& t : s->layout.targets)
        if (t.what.rfind("button:void", 0) == 0 && t.min.y >= 0 && t.max.y <= 600) ++whole;
    CHECK(whole >= 3);
}
