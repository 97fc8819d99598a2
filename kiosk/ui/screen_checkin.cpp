// The waiting screen: today's date and time, which service is open, a huge 请刷卡 and a picture of
// a card held to the reader, for elders who cannot read. After a while idle the month's notice takes
// the screen's lower part; 请刷卡 and the picture stay at elder size above it (issue 12). With a menu
// set for today (contract 14) the menu takes that part instead, with 听菜谱 to hear it.
// Where each goes comes from computeCheckinLayout; this file only draws.
#include <algorithm>
#include <cstdio>

#include "kiosk/ui/checkin_layout.hpp"
#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/today_menu.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
std::string dateLine(const LocalDateTime& t, bool weekday) {
    auto wd = std::chrono::weekday{std::chrono::sys_days{t.date.ymd}}.c_encoding();
    char buf[96];
    std::snprintf(buf, sizeof buf, "%u月%u日 %s%02d:%02d", t.date.month(), t.date.day(),
                  weekday ? (weekdayZh(int(wd)) + " ").c_str() : "", t.hour, t.minute);
    return buf;
}

// Every service the door takes now (issue 23: the screen showed only 助洁 of three open); with one,
// its hours too.
std::string serviceLine(const CurrentService& s, const std::vector<ServiceChoice>& door, bool delivered) {
    if (door.size() > 1) {
        std::string all;
        for (const auto& c : door) all += (all.empty() ? "" : "  ") + c.name + (delivered ? "送餐" : "");
        return all;
    }
    if (door.size() == 1) return door.front().name + (delivered ? "送餐" : "") + " " + door.front().hours;
    if (s.id.empty()) return kNothingOpen.zh;
    std::string what = s.name + (delivered ? "送餐" : "");
    if (s.openNow) return what + " " + s.hours;
    return (s.tomorrow ? "明天" : "下一个：") + what + " " + s.hours;
}
// The menu takes the service line's place only where it says the same: the door takes one meal (or
// none is open and the next is today's meal) and that meal has a menu. Where the door takes several
// services (助医 and 书法班 at 16:10) the elder must see them all (issue 23), so the line stays.
bool menuStandsFor(const KioskState& st) {
    if (st.doorServices.size() > 1 || st.service.tomorrow) return false;
    const std::string& now = st.doorServices.size() == 1 ? st.doorServices.front().id : st.service.id;
    return std::any_of(st.todayMenu.begin(), st.todayMenu.end(), [&](const MealMenu& m) { return m.serviceId == now; });
}
}  // namespace

void drawCheckinScreen(const KioskState& st, DrawContext& ctx) {
    const FontSet& f = ctx.fonts;
    CheckinTexts texts{dateLine(st.now, true), dateLine(st.now, false), serviceLine(st.service, st.doorServices, st.deliveredMode),
                       st.ops.postingShown && st.ops.posting};
    if (!texts.notice && menuStandsFor(st))
        for (const auto& m : st.todayMenu) texts.menu.push_back({menuTitle(m), m.dishes});
    CheckinLayout lay = computeCheckinLayout(ctx.panel(), texts);

    if (bigButton(ctx, "staff", lay.staff.min, lay.staff.size(), kStaff.zh, f.staff, f.sizes.staffPx, ButtonStyle::Staff))
        ctx.out.push(OpenStaff{});
    drawCardToReader(ImGui::GetWindowDrawList(), lay.picture.min, lay.picture.width(), lay.picture.height());
    drawText(ctx, f.word, lay.word.px, lay.word.at, kText, kPleaseScan.zh, "please-scan");
    if (texts.notice) {
        drawNotice(st, ctx, lay.notice.min, lay.notice.max);
        return;
    }
    if (!texts.menu.empty()) {
        int n = 0;
        for (const auto& l : lay.menuLines)
            drawMixed(ctx, l.spot.px, l.spot.at, l.title ? kBlueText : kText, l.text, "menu-line" + std::to_string(n++));
        if (speakerButton(ctx, "read-menu", lay.readMenu.min, lay.readMenu.size(), kReadMenu.zh, f.body, f.sizes.bodyPx))
            ctx.out.push(ReadMenu{});
        return;
    }
    drawMixed(ctx, lay.date.px, lay.date.at, kText, lay.dateShort ? texts.dateShort : texts.dateLong, "date");
    drawMixed(ctx, lay.service.px, lay.service.at, st.service.openNow || !st.doorServices.empty() ? kGreenText : kBlueText, texts.service, "service");
    if (lay.hint.px > 0) drawText(ctx, f.body, lay.hint.px, lay.hint.at, kMuted, lay.hintText, "hint");
}

}  // namespace mh::ui
