// Offscreen pictures of the first-run steps (`kiosk screenshot --screen firstrun-...`), each from a
// sample state as a county IT person would see it halfway through that step. No site is needed.
#include "kiosk/render/screenshot.hpp"
#include "kiosk/ui/screen_first_run.hpp"

namespace mh::render {

const std::vector<std::string>& firstRunScreenNames() {
    static const std::vector<std::string> names{"firstrun-id",      "firstrun-name",   "firstrun-letters",
                                                "firstrun-pin",     "firstrun-pin-refused", "firstrun-panel",
                                                "firstrun-roster",  "firstrun-card"};
    return names;
}

namespace {
ui::FirstRunState sampleState(const std::string& screen, const ui::Metrics& m) {
    using ui::FirstRunStep;
    ui::FirstRunState st;
    st.screenW = m.width;
    st.screenH = m.height;
    st.barPx = m.mm(100);
    st.siteId = "141022-0";
    if (screen == "firstrun-id") return st;
    st.siteId = "141022-001";
    st.step = FirstRunStep::SiteName;
    st.siteName = "北关村老年食堂";
    st.cardRead = true;
    st.message = "已读县平台接入卡：站点编号 141022-001，名称 北关村老年食堂";
    if (screen == "firstrun-name") return st;
    // No card: the name typed with the letter keys.
    if (screen == "firstrun-letters") {
        st.cardRead = false;
        st.message.clear();
        st.siteName = "BEIGUAN";
        st.letters = true;
        return st;
    }
    st.message.clear();
    st.step = FirstRunStep::Pin;
    st.pinDigits = "4827";
    if (screen == "firstrun-pin") return st;
    if (screen == "firstrun-pin-refused") {
        st.pinDigits.clear();
        st.message = "这个密码太好猜了（1234），请换一个";
        st.messageIsProblem = true;
        return st;
    }
    st.pinDigits.clear();
    st.step = FirstRunStep::PanelSize;
    if (screen == "firstrun-panel") return st;
    st.step = FirstRunStep::Roster;
    st.csvFiles = {"/media/kiosk/U盘/北关村名单2026.csv", "/media/kiosk/U盘/南关村名单.csv"};
    st.rosterImported = true;
    st.rosterSummary = "新增 57 人，退回 2 行";
    st.rosterLines = {"第14行：身份证号 14102219500101123 不是18位", "第31行：缺少姓名"};
    st.message = "请在表格里改好退回的行，再导入一次";
    if (screen == "firstrun-roster") return st;
    st.message.clear();
    st.step = FirstRunStep::SetupCard;
    return st;
}
}  // namespace

Result<std::unique_ptr<Shot>> renderFirstRunScreen(const ScreenshotOptions& opt) {
    bool known = false;
    for (const auto& n : firstRunScreenNames()) known = known || n == opt.screen;
    if (!known) return Error{"screen.unknown", "没有叫 " + opt.screen + " 的画面", "no screen named " + opt.screen};
    if (opt.width < 320 || opt.height < 320 || opt.width > 4096 || opt.height > 4096)
        return Error{"screen.size", "画面尺寸应在 320 到 4096 像素之间", "size must be 320..4096 pixels"};
    auto shot = std::make_unique<Shot>();
    shot->session = std::make_unique<ui::ImGuiSession>();
    shot->metrics = ui::Metrics::choose(opt.width, opt.height, opt.diagonalInch, 0, 0, 0, nullptr);
    ui::FirstRunState st = sampleState(opt.screen, shot->metrics);
    ui::ensureFirstRunFonts(shot->fonts, shot->metrics, st);
    ui::FirstRunQueue ignored;
    paintShot(*shot, opt, [&](ui::DrawnLayout* layout) { ui::buildFirstRunFrame(st, shot->fonts, shot->metrics, ignored, layout); });
    return shot;
}

}  // namespace mh::render
