// The waiting screen's rects (see checkin_layout.hpp).
#include "kiosk/ui/checkin_layout.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"
#include "shared/core/text.hpp"

namespace mh::ui {

namespace {
// A line's box holds blank space above and below the ink (Noto CJK: ~17% above, ~10% below);
// lines are stacked by their ink so a 90 mm tall 7" panel holds them all.
float inkTop(float px) { return 0.16f * px; }
float inkBottom(float px) { return 0.90f * px; }

// The full hint where it fits the width, else the short one. A pixel of slack: at the smallest
// size the full hint on a portrait 10" panel is as wide as the panel to a rounding error, and the
// short one at a bigger size reads better there.
const char* pickHint(const FontSet& f, float width, float* px) {
    const char* hint = kHoldCard.zh;
    *px = fitPx(f.body, f.sizes.bodyPx, f.sizes.minBodyPx, hint, width);
    if (textSize(f.body, *px, hint).x > width - 1) hint = kHoldCardShort.zh, *px = fitPx(f.body, f.sizes.bodyPx, f.sizes.minBodyPx, hint, width);
    return hint;
}

// 请刷卡 and the picture side by side across the top; returns the area under them, its top where the
// ink of a first body line there clears the picture.
Rect wordBand(const Panel& p, CheckinLayout& out, Rect area, float gap) {
    const FontSet& f = p.fonts;
    float W = area.width();
    // The picture as tall as the word's ink; the word shrinks (never below 20 mm) on a narrow panel.
    float minPic = p.mm(20);
    float wordPx = fitPx(f.word, f.sizes.wordPx, f.sizes.minWordPx, kPleaseScan.zh, W);
    float wpx = fitPx(f.word, wordPx, f.sizes.minWordPx, kPleaseScan.zh, W - gap - minPic);
    ImVec2 wsz = textSize(f.word, wpx, kPleaseScan.zh);
    float ink = inkBottom(wsz.y) - inkTop(wsz.y);
    float pic = std::clamp(ink, minPic, std::max(minPic, W - gap - wsz.x));
    // The band as tall as the taller of the two, so the notice starts under both (a portrait
    // panel's word is wider than its picture is tall).
    float bandW = pic + gap + wsz.x, bandH = std::max(pic, ink);
    // The word's line box must not start above the screen: the band moves down instead.
    area.min.y = std::max(area.min.y, inkTop(wsz.y) - (bandH - ink) / 2);
    Rect band = cutTop(area, bandH, gap);
    out.picture = Rect::at({std::max(band.min.x, band.centreX() - bandW / 2), band.centreY() - pic / 2}, {pic, pic});
    float wordTop = band.centreY() - (inkTop(wsz.y) + inkBottom(wsz.y)) / 2;
    out.word = {{out.picture.max.x + gap, wordTop}, wpx};
    area.min.y -= inkTop(f.sizes.bodyPx * 1.3f);
    return area;
}

// The notice under the band: beside the staff button in a row; above it in a column, where height
// is plenty.
void noticeView(const Panel& p, CheckinLayout& out, Rect area, float gap, float touchGap) {
    area = wordBand(p, out, area, gap);
    if (p.flow() == Axis::Row) area.max.x = out.staff.min.x - touchGap;
    else area.max.y = out.staff.min.y - gap;
    out.notice = area;
}

// Today's menu under the band. 听菜谱 is a speaker over its word, at least 30 mm: in a row above the
// staff button where the height allows (the menu then has the width beside both), else beside it.
void menuView(const Panel& p, CheckinLayout& out, Rect area, float gap, float touchGap, const std::vector<MenuText>& menu) {
    const FontSet& f = p.fonts;
    const FontSizes& z = f.sizes;
    area = wordBand(p, out, area, gap);
    float labelW = textSize(f.body, z.bodyPx, kReadMenu.zh).x;
    ImVec2 btn{std::max(p.mm(kMainTouchMm), labelW + p.mm(6)), std::max(p.mm(kMainTouchMm), z.bodyPx * 2.0f + p.mm(3))};
    const Rect& staff = out.staff;
    float below = staff.min.y - touchGap;  // the lowest a button above the staff button may end
    bool above = p.flow() == Axis::Row && below - btn.y >= area.min.y + inkTop(z.bodyPx);
    if (above) {
        out.readMenu = Rect::at({staff.max.x - btn.x, below - btn.y}, btn);
        area.max.x = out.readMenu.min.x - touchGap;
    } else {
        out.readMenu = Rect::at({staff.min.x - touchGap - btn.x, staff.max.y - btn.y}, btn);
        if (p.flow() == Axis::Row) area.max.x = out.readMenu.min.x - touchGap;
        else area.max.y = out.readMenu.min.y - gap;
    }
    // Lines stacked by ink (a line's box is mostly blank above and below its characters); a meal
    // starts only where its title and first line fit.
    float px = z.bodyPx, pitch = px * 0.95f, y = area.min.y, W = area.width();
    auto fits = [&](float top) { return top + inkBottom(mixedSize(f, px, "今").y) <= area.max.y; };
    for (const auto& m : menu) {
        std::vector<std::string> lines = wrapDishes(f, px, m.dishes, W);
        if (lines.empty() || !fits(y + pitch)) break;
        float titlePx = fitMixed(f, px, z.minBodyPx, m.title, W);
        out.menuLines.push_back({{{area.min.x, y}, titlePx}, m.title, true});
        y += pitch;
        for (std::size_t i = 0; i < lines.size(); ++i, y += pitch) {
            bool last = i + 1 == lines.size();
            if (!last && !fits(y + pitch)) {
                // The rest does not fit: this line says so.
                std::vector<std::string> cps = splitCodePoints(lines[i]);
                auto joined = [&] {
                    std::string s;
                    for (const auto& c : cps) s += c;
                    return s;
                };
                while (!cps.empty() && (cps.back() == "、" || mixedSize(f, px, joined() + "…").x > W)) cps.pop_back();
                out.menuLines.push_back({{{area.min.x, y}, px}, joined() + "…", false});
                return;
            }
            if (lines[i].size() >= 3 && last && lines[i].compare(lines[i].size() - 3, 3, "、") == 0) lines[i].resize(lines[i].size() - 3);
            out.menuLines.push_back({{{area.min.x, y}, px}, lines[i], false});
        }
    }
}
}  // namespace

std::vector<std::string> wrapDishes(const FontSet& f, float px, const std::vector<std::string>& dishes, float width) {
    std::vector<std::string> lines;
    std::string line;
    for (std::size_t i = 0; i < dishes.size(); ++i) {
        std::string piece = dishes[i] + (i + 1 < dishes.size() ? "、" : "");
        if (mixedSize(f, px, line + piece).x <= width) {
            line += piece;
            continue;
        }
        if (!line.empty()) lines.push_back(std::exchange(line, {}));
        if (mixedSize(f, px, piece).x <= width) {
            line = piece;
            continue;
        }
        // Wider than a line by itself: broken between characters.
        for (const auto& cp : splitCodePoints(piece)) {
            if (!line.empty() && mixedSize(f, px, line + cp).x > width) lines.push_back(std::exchange(line, {}));
            line += cp;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

CheckinLayout computeCheckinLayout(const Panel& p, const CheckinTexts& t) {
    const FontSet& f = p.fonts;
    const FontSizes& z = f.sizes;
    CheckinLayout out;
    bool row = p.flow() == Axis::Row;
    float margin = p.mm(4), touchGap = p.mm(kGapMm);
    Rect area = p.rect().inset(margin);
    float W = p.rect().width();

    // The staff button: bottom-right, grey, small for elders but 20 mm for a finger.
    float staffSide = p.mm(kTouchMm);
    float staffW = std::max(staffSide * 1.4f, textSize(f.staff, z.staffPx, kStaff.zh).x + p.mm(6));
    out.staff = Rect::at({area.max.x - staffW, area.max.y - staffSide}, {staffW, staffSide});
    if (t.notice) {
        noticeView(p, out, area, p.mm(4), touchGap);
        return out;
    }
    if (!t.menu.empty()) {
        menuView(p, out, area, p.mm(4), touchGap, t.menu);
        return out;
    }

    // A 7" landscape panel is 88 mm tall: lines sit 2.5 mm apart (ink to ink) so each keeps its 10 mm.
    float gap = row ? p.mm(2.5f) * z.scale : p.mm(4);
    float maxW = area.width();

    // The date across the top, with the weekday where it fits.
    out.dateShort = !row && mixedSize(f, z.bodyPx, t.dateLong).x > maxW;
    const std::string& date = out.dateShort ? t.dateShort : t.dateLong;
    float datePx = fitMixed(f, z.bodyPx, z.minBodyPx, date, maxW);
    float dateH = mixedSize(f, datePx, date).y;
    Rect dateR = cutTop(area, row ? inkBottom(dateH) : dateH, row ? gap : 0);
    out.date = {{std::round(dateR.centreX() - mixedSize(f, datePx, date).x / 2), dateR.min.y}, datePx};

    // The service line: in a row beside the staff button, its ink clear of the middle; in a column
    // under the date, and the staff button's row below everything.
    if (row) {
        float svcPx = fitMixed(f, z.bodyPx, z.minBodyPx, t.service, out.staff.min.x - touchGap - margin);
        float svcH = mixedSize(f, svcPx, t.service).y;
        float svcY = std::min(out.staff.min.y + (staffSide - svcH) / 2, area.max.y - svcH);
        out.service = {{area.min.x, std::round(svcY)}, svcPx};
        area.max.y = std::min(out.staff.min.y - p.mm(1), svcY + inkTop(svcH) - gap);
    } else {
        float svcPx = fitMixed(f, z.bodyPx, z.minBodyPx, t.service, maxW);
        ImVec2 svc = mixedSize(f, svcPx, t.service);
        Rect svcR = cutTop(area, svc.y, gap);
        out.service = {{std::round(svcR.centreX() - svc.x / 2), svcR.min.y}, svcPx};
        cutBottom(area, staffSide, touchGap);
    }

    // The middle: the picture, then 请刷卡 and the hint, along the flow.
    if (row) {
        Rect pic = cutLeft(area, std::min(area.height() * 1.1f, W * 0.3f), gap);
        out.picture = pic;
        float colW = area.width(), cx = area.centreX(), hintPx = 0;
        out.hintText = pickHint(f, colW, &hintPx);
        float wpx = fitPx(f.word, z.wordPx, z.minWordPx, kPleaseScan.zh, colW);
        auto block = [&](float w) { return (inkBottom(w) - inkTop(w)) + gap + (inkBottom(hintPx) - inkTop(hintPx)); };
        while (wpx > z.minWordPx && block(wpx) > area.height()) wpx = std::max(z.minWordPx, wpx * 0.97f);
        // Shorter still (a 7" panel inside the training frame): the picture says what the hint
        // says, and 请刷卡 keeps its 20 mm; the hint goes rather than shrink below 10 mm.
        if (block(wpx) > area.height()) {
            float y = area.min.y + std::max(0.0f, (area.height() - (inkBottom(wpx) - inkTop(wpx))) / 2) - inkTop(wpx);
            out.word = {{std::round(cx - textSize(f.word, wpx, kPleaseScan.zh).x / 2), y}, wpx};
            return out;
        }
        float y = area.min.y + std::max(0.0f, (area.height() - block(wpx)) / 2) - inkTop(wpx);
        out.word = {{std::round(cx - textSize(f.word, wpx, kPleaseScan.zh).x / 2), y}, wpx};
        y += inkBottom(wpx) + gap - inkTop(hintPx);
        // Beside the staff button's height the hint ends before it.
        float hw = textSize(f.body, hintPx, out.hintText).x, hx = cx - hw / 2;
        if (y + inkBottom(hintPx) > out.staff.min.y - p.mm(1)) hx = std::max(area.min.x, std::min(hx, out.staff.min.x - touchGap - hw));
        out.hint = {{std::round(hx), y}, hintPx};
    } else {
        float hintPx = 0;
        out.hintText = pickHint(f, maxW, &hintPx);
        float wordPx = fitPx(f.word, z.wordPx, z.minWordPx, kPleaseScan.zh, maxW);
        float words = wordPx * 0.95f + gap + hintPx + gap;
        float side = std::min(maxW, area.height() - words);
        out.picture = Rect::at({area.centreX() - side / 2, area.min.y}, {side, side});
        cutTop(area, side, gap);
        float cx = area.centreX();
        out.word = {{std::round(cx - textSize(f.word, wordPx, kPleaseScan.zh).x / 2), area.min.y}, wordPx};
        float y = area.min.y + textSize(f.word, wordPx, kPleaseScan.zh).y * 0.95f;
        out.hint = {{std::round(cx - textSize(f.body, hintPx, out.hintText).x / 2), y}, hintPx};
    }
    return out;
}

}  // namespace mh::ui
