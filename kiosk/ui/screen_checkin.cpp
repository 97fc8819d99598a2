// The waiting screen: today's date and time, which service is open, a huge 请刷卡 and a picture of
// a card held to the reader, for elders who cannot read.
#include <algorithm>
#include <cstdio>

#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
std::string dateLine(const LocalDateTime& t) {
    auto wd = std::chrono::weekday{std::chrono::sys_days{t.date.ymd}}.c_encoding();
    char buf[96];
    std::snprintf(buf, sizeof buf, "%u月%u日 %s %02d:%02d", t.date.month(), t.date.day(), weekdayZh(int(wd)).c_str(),
                  t.hour, t.minute);
    return buf;
}

std::string serviceLine(const CurrentService& s, bool delivered) {
    if (s.id.empty()) return kNothingOpen.zh;
    std::string what = s.name + (delivered ? "送餐" : "");
    if (s.openNow) return what + " " + s.hours;
    return (s.tomorrow ? "明天" : "下一个：") + what + " " + s.hours;
}
}  // namespace

void drawCheckinScreen(const KioskState& st, DrawContext& ctx) {
    const Metrics& m = ctx.metrics;
    const FontSet& f = ctx.fonts;
    float margin = ctx.mm(4), gap = ctx.mm(6);
    float W = float(m.width), H = float(m.height);
    float minBody = f.sizes.minBodyPx;

    // Date and time across the top.
    std::string date = dateLine(st.now);
    float datePx = fitPx(f.body, f.sizes.bodyPx, minBody, date, W - 2 * margin);
    ImVec2 dateSz = drawText(ctx, f.body, datePx, {margin, margin}, kText, date, "date");
    float top = margin + dateSz.y + ctx.mm(2);

    // The staff button: bottom-right, grey, small for elders but 20 mm for a finger.
    float staffSide = ctx.mm(kTouchMm);
    float staffW = std::max(staffSide * 1.4f, textSize(f.staff, f.sizes.staffPx, kStaff.zh).x + ctx.mm(6));
    ImVec2 staffMin{W - margin - staffW, H - margin - staffSide};
    if (bigButton(ctx, "staff", staffMin, {staffW, staffSide}, kStaff.zh, f.staff, f.sizes.staffPx,
                  ButtonStyle::Staff))
        ctx.out.push(OpenStaff{});

    std::string svc = serviceLine(st.service, st.deliveredMode);
    std::uint32_t svcColour = st.service.openNow ? kGreenText : kBlueText;
    if (!m.portrait()) {
        // Landscape: picture on the left, words on the right.
        float picH = H - top - margin;
        float picW = std::min(picH * 0.95f, W * 0.36f);
        drawCardToReader(ImGui::GetWindowDrawList(), {margin, top}, picW, picH);
        float x = margin + picW + gap, colW = W - x - margin;
        // The words stay clear of the staff button below them; 请刷卡 grows only where there is room.
        float avail = H - top - margin - staffSide - gap;
        float svcPx = fitPx(f.body, f.sizes.bodyPx, minBody, svc, colW);
        float hintPx = fitPx(f.body, f.sizes.bodyPx, minBody, kHoldCard.zh, colW);
        bool hintFits = textSize(f.body, hintPx, kHoldCard.zh).x <= colW;
        float rest = gap + svcPx * 1.2f;
        if (hintFits && rest + gap + hintPx * 1.2f + f.sizes.wordPx <= avail) rest += gap + hintPx * 1.2f;
        else hintFits = false;
        float wordPx = std::clamp(avail - rest, f.sizes.minWordPx, f.sizes.wordPx);
        wordPx = fitPx(f.word, wordPx, f.sizes.minWordPx, kPleaseScan.zh, colW);
        ImVec2 wsz = textSize(f.word, wordPx, kPleaseScan.zh);
        float block = wsz.y + rest;
        float y = top + std::max(0.0f, (avail - block) / 2);
        float cx = x + colW / 2;
        drawTextCentred(ctx, f.word, wordPx, cx, y, kText, kPleaseScan.zh, "please-scan");
        y += wsz.y + gap;
        drawTextCentred(ctx, f.body, svcPx, cx, y, svcColour, svc, "service");
        y += svcPx * 1.2f + gap;
        if (hintFits) drawTextCentred(ctx, f.body, hintPx, cx, y, kMuted, kHoldCard.zh, "hint");
    } else {
        // Portrait: service, picture, then the words under it.
        float cx = W / 2;
        float svcPx = fitPx(f.body, f.sizes.bodyPx, minBody, svc, W - 2 * margin);
        drawTextCentred(ctx, f.body, svcPx, cx, top + gap, svcColour, svc, "service");
        float y = top + gap + svcPx * 1.2f + gap;
        float wordPx = fitPx(f.word, f.sizes.wordPx, f.sizes.minWordPx, kPleaseScan.zh, W - 2 * margin);
        float hintPx = fitPx(f.body, f.sizes.bodyPx, minBody, kHoldCard.zh, W - 2 * margin);
        float below = wordPx * 1.1f + gap + hintPx * 1.2f + staffSide + gap;
        float pic = std::min(W - 2 * margin, H - y - below - gap);
        drawCardToReader(ImGui::GetWindowDrawList(), {cx - pic / 2, y}, pic, pic);
        y += pic + gap;
        ImVec2 wsz = drawTextCentred(ctx, f.word, wordPx, cx, y, kText, kPleaseScan.zh, "please-scan");
        y += wsz.y + gap;
        drawTextCentred(ctx, f.body, hintPx, cx, y, kMuted, kHoldCard.zh, "hint");
    }
}

}  // namespace mh::ui
