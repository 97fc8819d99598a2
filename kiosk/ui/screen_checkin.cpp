// The waiting screen: today's date and time, which service is open, a huge 请刷卡 and a picture of
// a card held to the reader, for elders who cannot read. After a while idle the month's notice takes
// the screen's lower part; 请刷卡 and the picture stay at elder size above it (issue 12).
#include <algorithm>
#include <cstdio>

#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/texts.hpp"
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

std::string serviceLine(const CurrentService& s, bool delivered) {
    if (s.id.empty()) return kNothingOpen.zh;
    std::string what = s.name + (delivered ? "送餐" : "");
    if (s.openNow) return what + " " + s.hours;
    return (s.tomorrow ? "明天" : "下一个：") + what + " " + s.hours;
}

// A line's box holds blank space above and below the ink (Noto CJK: ~17% above, ~10% below);
// lines are stacked by their ink so a 90 mm tall 7" panel holds them all.
float inkTop(float px) { return 0.16f * px; }
float inkBottom(float px) { return 0.90f * px; }
}  // namespace

void drawCheckinScreen(const KioskState& st, DrawContext& ctx) {
    const Metrics& m = ctx.metrics;
    const FontSet& f = ctx.fonts;
    float margin = ctx.mm(4), gap = ctx.mm(4), touchGap = ctx.mm(kGapMm);
    float W = float(m.width), H = float(m.height);
    float minBody = f.sizes.minBodyPx;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool notice = st.ops.postingShown && st.ops.posting;

    // The staff button: bottom-right, grey, small for elders but 20 mm for a finger.
    float staffSide = ctx.mm(kTouchMm);
    float staffW = std::max(staffSide * 1.4f, textSize(f.staff, f.sizes.staffPx, kStaff.zh).x + ctx.mm(6));
    ImVec2 staffMin{W - margin - staffW, H - margin - staffSide};
    if (bigButton(ctx, "staff", staffMin, {staffW, staffSide}, kStaff.zh, f.staff, f.sizes.staffPx, ButtonStyle::Staff))
        ctx.out.push(OpenStaff{});

    std::string svc = serviceLine(st.service, st.deliveredMode);
    std::uint32_t svcColour = st.service.openNow ? kGreenText : kBlueText;
    float wordPx = fitPx(f.word, f.sizes.wordPx, f.sizes.minWordPx, kPleaseScan.zh, W - 2 * margin);

    if (notice) {
        // 请刷卡 and the picture side by side across the top, the notice under them.
        // The picture as tall as the word's ink; the word shrinks (never below 20 mm) on a narrow panel.
        float minPic = ctx.mm(20);
        float wpx = fitPx(f.word, wordPx, f.sizes.minWordPx, kPleaseScan.zh, W - 2 * margin - gap - minPic);
        ImVec2 wsz = textSize(f.word, wpx, kPleaseScan.zh);
        float pic = std::clamp(inkBottom(wsz.y) - inkTop(wsz.y), minPic, std::max(minPic, W - 2 * margin - gap - wsz.x));
        float bandW = pic + gap + wsz.x, x = std::max(margin, (W - bandW) / 2), y = margin;
        drawCardToReader(dl, {x, y}, pic, pic);
        float wordTop = y + pic / 2 - (inkTop(wsz.y) + inkBottom(wsz.y)) / 2;
        drawText(ctx, f.word, wpx, {x + pic + gap, std::max(0.0f, wordTop)}, kText, kPleaseScan.zh, "please-scan");
        float top = y + pic + gap - inkTop(f.sizes.bodyPx * 1.3f);
        // Beside the staff button in landscape; above it in portrait, where height is plenty.
        ImVec2 nMin{margin, top}, nMax{m.portrait() ? W - margin : staffMin.x - touchGap,
                                       m.portrait() ? staffMin.y - gap : H - margin};
        drawNotice(st, ctx, nMin, nMax);
        return;
    }

    if (!m.portrait()) {
        // Landscape, three bands stacked by ink: the date across the top; the picture with 请刷卡 and
        // the hint beside it; the service line beside the staff button at the bottom. A 7" panel is
        // 88 mm tall: lines sit 2.5 mm apart (ink to ink) so every one keeps its 10 mm.
        float maxW = W - 2 * margin;
        gap = ctx.mm(2.5f) * ctx.s();
        std::string date = dateLine(st.now, true);
        float datePx = fitMixed(f, f.sizes.bodyPx, minBody, date, maxW);
        drawMixedCentred(ctx, datePx, W / 2, margin, kText, date, "date");
        float midTop = margin + inkBottom(mixedSize(f, datePx, date).y) + gap;
        float svcW = staffMin.x - touchGap - margin;
        float svcPx = fitMixed(f, f.sizes.bodyPx, minBody, svc, svcW);
        float svcH = mixedSize(f, svcPx, svc).y;
        float svcY = std::min(staffMin.y + (staffSide - svcH) / 2, H - margin - svcH);
        drawMixed(ctx, svcPx, {margin, std::round(svcY)}, svcColour, svc, "service");
        float midBottom = std::min(staffMin.y - ctx.mm(1), svcY + inkTop(svcH) - gap);
        // The picture takes what the words leave; the full hint where it fits, else the short one.
        float mid = midBottom - midTop;
        float picW = std::min(mid * 1.1f, W * 0.3f);
        drawCardToReader(dl, {margin, midTop}, picW, mid);
        float x = margin + picW + gap, colW = W - margin - x, cx = x + colW / 2;
        const char* hint = kHoldCard.zh;
        float hintPx = fitPx(f.body, f.sizes.bodyPx, minBody, hint, colW);
        if (textSize(f.body, hintPx, hint).x > colW) hint = kHoldCardShort.zh, hintPx = fitPx(f.body, f.sizes.bodyPx, minBody, hint, colW);
        float wpx = fitPx(f.word, f.sizes.wordPx, f.sizes.minWordPx, kPleaseScan.zh, colW);
        auto block = [&](float w) { return (inkBottom(w) - inkTop(w)) + gap + (inkBottom(hintPx) - inkTop(hintPx)); };
        while (wpx > f.sizes.minWordPx && block(wpx) > mid) wpx = std::max(f.sizes.minWordPx, wpx * 0.97f);
        float y = midTop + std::max(0.0f, (mid - block(wpx)) / 2) - inkTop(wpx);
        drawTextCentred(ctx, f.word, wpx, cx, y, kText, kPleaseScan.zh, "please-scan");
        y += inkBottom(wpx) + gap - inkTop(hintPx);
        // Beside the staff button's height the hint ends before it.
        float hw = textSize(f.body, hintPx, hint).x, hx = cx - hw / 2;
        if (y + inkBottom(hintPx) > staffMin.y - ctx.mm(1)) hx = std::max(x, std::min(hx, staffMin.x - touchGap - hw));
        drawText(ctx, f.body, hintPx, {std::round(hx), y}, kMuted, hint, "hint");
    } else {
        // Portrait: date, service, picture, then the words under it; the staff button below all.
        float cx = W / 2, y = margin, maxW = W - 2 * margin;
        std::string date = dateLine(st.now, true);
        if (mixedSize(f, f.sizes.bodyPx, date).x > maxW) date = dateLine(st.now, false);
        float datePx = fitMixed(f, f.sizes.bodyPx, minBody, date, maxW);
        y += drawMixedCentred(ctx, datePx, cx, y, kText, date, "date").y;
        float svcPx = fitMixed(f, f.sizes.bodyPx, minBody, svc, maxW);
        y += drawMixedCentred(ctx, svcPx, cx, y, svcColour, svc, "service").y + gap;
        const char* hint = kHoldCard.zh;
        float hintPx = fitPx(f.body, f.sizes.bodyPx, minBody, hint, maxW);
        if (textSize(f.body, hintPx, hint).x > maxW) hint = kHoldCardShort.zh, hintPx = fitPx(f.body, f.sizes.bodyPx, minBody, hint, maxW);
        float below = wordPx * 0.95f + gap + hintPx + gap + staffSide + touchGap;
        float pic = std::min(maxW, H - margin - y - below);
        drawCardToReader(dl, {cx - pic / 2, y}, pic, pic);
        y += pic + gap;
        y += drawTextCentred(ctx, f.word, wordPx, cx, y, kText, kPleaseScan.zh, "please-scan").y * 0.95f;
        drawTextCentred(ctx, f.body, hintPx, cx, y, kMuted, hint, "hint");
    }
}

}  // namespace mh::ui
