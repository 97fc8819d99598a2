// The screens' layouts computed without a window (only the font atlas, for text widths): on every
// panel, landscape and portrait, the rects stay on the screen, keep apart where a finger or the eye
// needs it, and keep the millimetre minimums of the accessibility brief.
#include <doctest/doctest.h>

#include "kiosk/ui/checkin_layout.hpp"
#include "kiosk/ui/confirm_layout.hpp"
#include "kiosk/ui/first_run_layout.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/pin_layout.hpp"
#include "kiosk/ui/result_layout.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "kiosk/ui/widgets.hpp"

using namespace mh::ui;

namespace {

struct PanelSize {
    int w, h;
    double inch;
};
// The panels of the pixel tests. A 7" panel stood on end is left out: 82 mm across cannot hold a
// five-character outcome word at 20 mm ink.
const PanelSize kPanels[] = {{1024, 600, 7.0}, {1280, 800, 10.1}, {1920, 1080, 21.5}, {800, 1280, 10.1}, {1080, 1920, 21.5}};

// One panel with its fonts built, as the kiosk has them before a frame.
struct LayoutPanel {
    ImGuiSession session;
    Metrics metrics;
    FontSet fonts;
    LayoutPanel(const PanelSize& p, const std::vector<std::string>& texts) : metrics(Metrics::of(p.w, p.h, p.inch)) {
        fonts.build(metrics, texts);
    }
    [[nodiscard]] Panel panel() const { return {metrics, fonts}; }
    [[nodiscard]] float mm(const Rect& r) const { return std::min(r.width(), r.height()) / metrics.pxPerMm; }
};

Rect textBox(ImFont* font, const TextSpot& s, const std::string& text) { return Rect::at(s.at, textSize(font, s.px, text)); }

std::string nameOf(const PanelSize& p) { return std::to_string(p.w) + "x" + std::to_string(p.h); }

}  // namespace

TEST_CASE("the PIN pad's keys stay on every panel, 20 mm or more and 6 mm apart, three columns in portrait") {
    for (const auto& size : kPanels) {
        INFO(nameOf(size));
        LayoutPanel lp(size, {kPinTitle});
        PinLayout lay = computePinLayout(lp.panel());
        Rect screen = lp.panel().rect();
        std::vector<Rect> targets{lay.back};
        for (const auto& k : lay.keys) targets.push_back(k.rect);
        for (size_t i = 0; i < targets.size(); ++i) {
            INFO("target " << i);
            CHECK(screen.contains(targets[i]));
            CHECK(lp.mm(targets[i]) >= kTouchMm - 0.01f);
            for (size_t j = i + 1; j < targets.size(); ++j) CHECK(targets[i].gapTo(targets[j]) / lp.metrics.pxPerMm >= kGapMm - 0.01f);
        }
        CHECK(textBox(lp.fonts.staff, lay.title, kPinTitle).gapTo(lay.back) >= 0);
        // The keys read in order along rows: three to a row in portrait, six in landscape.
        int cols = lp.metrics.portrait() ? 3 : 6;
        CHECK(lay.keys[size_t(cols - 1)].rect.min.y == doctest::Approx(lay.keys[0].rect.min.y));
        CHECK(lay.keys[size_t(cols)].rect.min.y > lay.keys[0].rect.max.y);
        CHECK(std::string(lay.keys[11].label) == "确定");
    }
}

TEST_CASE("a result's icon, word, name, amount and 再听一遍 stay on every panel and never overlap") {
    // The longest texts each part can get: a two-line hint, a hint too wide beside the button, the
    // closed meal's hours on the name line.
    const ResultTexts cases[] = {{"签到成功", "李*珍  午餐", "请付 12.5 元", "祝您用餐愉快"},
                                 {"没有登记", "", "", kRegistrationStopped.zh},
                                 {"读不出来", "", "", kCardUnreadable.zh},
                                 {"找工作人员", "", "", kStorageFull.zh},
                                 {"已经签到", "王*国  午餐", "", "今天已经签过了，不要再刷了"},
                                 {"不在时间", "王*国  午餐 10:30–13:00", "", "请按时间再来"}};
    std::vector<std::string> glyphs;
    for (const auto& t : cases) glyphs.insert(glyphs.end(), {t.word, t.name, t.pay, t.hint});
    for (const auto& size : kPanels) {
        LayoutPanel lp(size, glyphs);
        const FontSet& f = lp.fonts;
        Rect screen = lp.panel().rect();
        for (const auto& t : cases) {
            INFO(nameOf(size) << " " << t.word);
            ResultLayout lay = computeResultLayout(lp.panel(), t);
            std::vector<std::pair<std::string, Rect>> parts{{"icon", lay.icon}, {"word", textBox(f.word, lay.word, t.word)},
                                                            {"replay", lay.replay}};
            if (!t.name.empty()) parts.push_back({"name", Rect::at(lay.name.at, mixedSize(f, lay.name.px, lay.nameText))});
            if (lay.name2.px > 0) parts.push_back({"name2", Rect::at(lay.name2.at, mixedSize(f, lay.name2.px, lay.name2Text))});
            if (!t.pay.empty()) parts.push_back({"pay", Rect::at(lay.payAt, {lay.pay.width(f), lay.pay.height()})});
            for (size_t i = 0; i < lay.hint.size(); ++i)
                parts.push_back({"hint" + std::to_string(i), textBox(f.body, lay.hint[i].spot, lay.hint[i].text)});
            // Two hint lines are stacked by their ink: their line boxes may touch, nothing else may.
            for (size_t i = 0; i < parts.size(); ++i) {
                INFO(parts[i].first);
                // The word's line box may start above the screen by the blank space over its ink
                // (a row too short for it; drawing is clipped there, the pixel tests see the ink).
                Rect box = parts[i].second;
                if (parts[i].first == "word") box.min.y += 0.16f * lay.word.px;
                CHECK(screen.contains(box, 1.0f));
                for (size_t j = i + 1; j < parts.size(); ++j) {
                    INFO("against " << parts[j].first);
                    bool hints = parts[i].first.rfind("hint", 0) == 0 && parts[j].first.rfind("hint", 0) == 0;
                    CHECK(parts[i].second.gapTo(parts[j].second) >= (hints ? -0.25f * lay.hint[0].spot.px : 0.0f));
                }
            }
            CHECK(lp.mm(lay.replay) >= kMainTouchMm - 0.01f);
            CHECK(lay.word.px >= f.sizes.minWordPx - 0.01f);
            CHECK(lay.icon.width() >= lp.metrics.mm(12) - 0.01f);
            for (const auto& l : lay.hint) CHECK(l.spot.px >= f.sizes.minBodyPx - 0.01f);
            if (!t.pay.empty()) CHECK(lay.pay.digitPx >= lay.pay.px);
            // Landscape: the button beside the message; portrait: under it, across the width.
            if (lp.metrics.portrait()) CHECK(lay.replay.width() >= screen.width() - lp.metrics.mm(8) - 1);
            else CHECK(lay.replay.min.x > screen.width() / 2);
        }
    }
}

TEST_CASE("the waiting screen's date, service, picture, 请刷卡, hint and staff button stay apart on every panel") {
    // Not yet here: "下一个：晚餐 16:30–18:00" is wider than a 7" panel leaves beside the staff
    // button, and than an 800 px portrait panel at 10 mm; it runs under the button today.
    const CheckinTexts cases[] = {{"11月25日 星期三 11:32", "11月25日 11:32", "午餐 10:30–13:30", false},
                                  {"11月25日 星期三 11:32", "11月25日 11:32", "助洁 08:00–17:00", false},
                                  {"11月25日 星期三 11:32", "11月25日 11:32", "午餐 10:30–13:30", true}};
    std::vector<std::string> glyphs{kHoldCard.zh, kHoldCardShort.zh, kPleaseScan.zh, kStaff.zh};
    for (const auto& t : cases) glyphs.insert(glyphs.end(), {t.dateLong, t.service});
    for (const auto& size : kPanels) {
        LayoutPanel lp(size, glyphs);
        const FontSet& f = lp.fonts;
        Rect screen = lp.panel().rect();
        for (const auto& t : cases) {
            INFO(nameOf(size) << " " << t.service << std::string(t.notice ? " with the notice" : ""));
            CheckinLayout lay = computeCheckinLayout(lp.panel(), t);
            // Text boxes by their ink (~16% blank above, ~10% below): the screen stacks lines by ink.
            auto ink = [](Rect r) {
                float h = r.height();
                r.min.y += 0.16f * h, r.max.y -= 0.10f * h;
                return r;
            };
            std::vector<std::pair<std::string, Rect>> parts{{"staff", lay.staff}, {"picture", lay.picture},
                                                            {"word", ink(textBox(f.word, lay.word, kPleaseScan.zh))}};
            if (t.notice) {
                // The notice's box starts where its first line's box does; its ink starts lower.
                Rect notice = lay.notice;
                notice.min.y += 0.16f * 1.3f * f.sizes.bodyPx;
                parts.push_back({"notice", notice});
            } else {
                const std::string& date = lay.dateShort ? t.dateShort : t.dateLong;
                parts.push_back({"date", ink(Rect::at(lay.date.at, mixedSize(f, lay.date.px, date)))});
                parts.push_back({"service", ink(Rect::at(lay.service.at, mixedSize(f, lay.service.px, t.service)))});
                parts.push_back({"hint", ink(textBox(f.body, lay.hint, lay.hintText))});
                CHECK(lay.date.px >= f.sizes.minBodyPx - 0.01f);
                CHECK(lay.service.px >= f.sizes.minBodyPx - 0.01f);
                CHECK(lay.hint.px >= f.sizes.minBodyPx - 0.01f);
            }
            for (size_t i = 0; i < parts.size(); ++i) {
                INFO(parts[i].first);
                // The word's line box may start above the screen by the blank space over its ink
                // (a row too short for it; drawing is clipped there, the pixel tests see the ink).
                Rect box = parts[i].second;
                if (parts[i].first == "word") box.min.y += 0.16f * lay.word.px;
                CHECK(screen.contains(box, 1.0f));
                for (size_t j = i + 1; j < parts.size(); ++j) {
                    INFO("against " << parts[j].first);
                    CHECK(parts[i].second.gapTo(parts[j].second) >= 0);
                }
            }
            CHECK(lp.mm(lay.staff) >= kTouchMm - 0.01f);
            CHECK(lay.word.px >= f.sizes.minWordPx - 0.01f);
            CHECK(lp.mm(lay.picture) >= 15.0f);
        }
    }
}

TEST_CASE("the staff tabs stay on every panel, 20 mm and 6 mm apart with labels of 5 mm ink, above or beside the scrolling area") {
    std::vector<std::string> glyphs(kStaffTabs.begin(), kStaffTabs.end());
    for (const auto& size : kPanels) {
        INFO(nameOf(size));
        LayoutPanel lp(size, glyphs);
        StaffLayout lay = computeStaffLayout(lp.panel());
        Rect screen = lp.panel().rect();
        // Noto CJK's ink is ~0.64 of the line box.
        CHECK(lay.tabPx * 0.64f / lp.metrics.pxPerMm >= kStaffTextMm - 0.01f);
        for (size_t i = 0; i < lay.tabs.size(); ++i) {
            INFO("tab " << kStaffTabs[i]);
            CHECK(screen.contains(lay.tabs[i]));
            CHECK(lp.mm(lay.tabs[i]) >= kTouchMm - 0.01f);
            CHECK(textSize(lp.fonts.staff, lay.tabPx, lay.labels[i]).x <= lay.tabs[i].width());
            CHECK(textSize(lp.fonts.staff, lay.tabPx, lay.labels[i]).y <= lay.tabs[i].height());
            if (lay.tabsAtSide) CHECK(lay.tabs[i].max.x <= lay.content.min.x);
            else CHECK(lay.tabs[i].max.y <= lay.content.min.y);
            for (size_t j = i + 1; j < lay.tabs.size(); ++j)
                CHECK(lay.tabs[i].gapTo(lay.tabs[j]) / lp.metrics.pxPerMm >= kGapMm - 0.01f);
        }
        CHECK(screen.contains(lay.content));
        CHECK(lay.width > 0);
        CHECK(lay.width <= lay.content.width());
        // Room for the date line and three roster rows (a finger tall, 6 mm apart) at once (issue 23).
        float key = lp.metrics.mm(kTouchMm), gap = lp.metrics.mm(kGapMm);
        CHECK(lay.content.height() >= lp.fonts.sizes.staffPx + 3 * key + 2 * gap);
        CHECK(lay.tabsAtSide == (size.w == 1024));  // only the 7" panel lacks the height
    }
}

TEST_CASE("the void's reasons keep out of the 作废 column, and a confirmation's 确认 keeps away from every reason and from 取消") {
    std::vector<std::string> glyphs(kStaffTabs.begin(), kStaffTabs.end());
    glyphs.insert(glyphs.end(), voidReasons().begin(), voidReasons().end());
    glyphs.push_back("作废这条记录，原因是：取消确认作废");
    for (const auto& size : kPanels) {
        INFO(nameOf(size));
        LayoutPanel lp(size, glyphs);
        float mm = lp.metrics.pxPerMm, key = lp.metrics.mm(kTouchMm);
        StaffLayout staff = computeStaffLayout(lp.panel());
        ReasonLayout reasons = computeReasonLayout(lp.panel(), staff, int(voidReasons().size()));
        ConfirmLayout confirm = computeConfirmLayout(lp.panel(), staff, 3);
        Rect screen = lp.panel().rect();
        REQUIRE(reasons.reasons.size() == voidReasons().size());
        for (size_t i = 0; i < reasons.reasons.size(); ++i) {
            const Rect& r = reasons.reasons[i];
            INFO(voidReasons()[i]);
            CHECK(screen.contains(r));
            CHECK(lp.mm(r) >= kTouchMm - 0.01f);
            CHECK(textSize(lp.fonts.staff, lp.metrics.mm(kStaffTextMm / 0.64f), voidReasons()[i]).x <= r.width() - lp.metrics.mm(4));
            // A second tap on 作废 picks no reason; a second tap on the reason cannot confirm.
            CHECK(r.max.x + lp.metrics.mm(kGapMm) <= staff.voidColumn.min.x + 0.5f);
            CHECK(confirm.confirm.gapTo(r) / mm >= kGapMm - 0.01f);
            CHECK(r.gapTo(reasons.cancel) / mm >= kGapMm - 0.01f);
        }
        CHECK(screen.contains(reasons.cancel));
        CHECK(screen.contains(confirm.confirm));
        CHECK(screen.contains(confirm.cancel));
        CHECK(lp.mm(confirm.confirm) >= kTouchMm - 0.01f);
        CHECK(lp.mm(confirm.cancel) >= kTouchMm - 0.01f);
        CHECK(confirm.confirm.gapTo(confirm.cancel) / mm >= kGapMm - 0.01f);
        // Nothing that asks (a 补签 name, 记录这笔捐赠, 时间已调对) reaches the confirm button's column.
        CHECK(staff.content.min.x + staff.askWidth + lp.metrics.mm(kGapMm) <= confirm.confirm.min.x + 0.5f);
        CHECK(staff.askWidth >= lp.metrics.mm(40));
        for (const TextSpot& l : confirm.lines) CHECK(l.at.y + l.px <= confirm.cancel.min.y + 0.5f);
        CHECK(confirm.confirm.height() >= key - 0.5f);
    }
}

TEST_CASE("a first-run step's title, content and 上一步 跳过 下一步 stay on every panel and apart") {
    const std::string title = "首次设置 · 第 1 步（共 7 步）：从U盘导入老人名单";
    for (const auto& size : kPanels) {
        INFO(nameOf(size));
        LayoutPanel lp(size, {title, "上一步跳过，完成下一步"});
        FirstRunLayout lay = computeFirstRunLayout(lp.panel(), title);
        Rect screen = lp.panel().rect();
        std::string whole;
        for (const auto& l : lay.title) {
            Rect titleBox = textBox(lp.fonts.staff, l.spot, l.text);
            CHECK(screen.contains(titleBox, 1.0f));
            CHECK(titleBox.max.y <= lay.content.min.y + 0.5f);
            whole += l.text;
        }
        CHECK(whole == title);
        const Rect buttons[] = {lay.back, lay.skip, lay.next};
        for (size_t i = 0; i < 3; ++i) {
            INFO("button " << i);
            CHECK(screen.contains(buttons[i]));
            // Staff buttons at full size, 14 mm on a panel under 100 mm tall so the keypad fits above them.
            float least = screen.height() < lp.metrics.mm(100) ? 14.0f : kTouchMm;
            CHECK(lp.mm(buttons[i]) >= least - 0.01f);
            CHECK(buttons[i].min.y >= lay.content.max.y);
            for (size_t j = i + 1; j < 3; ++j) CHECK(buttons[i].gapTo(buttons[j]) / lp.metrics.pxPerMm >= kGapMm - 0.01f);
        }
        CHECK(lay.content.height() > lp.metrics.mm(30));
    }
}
