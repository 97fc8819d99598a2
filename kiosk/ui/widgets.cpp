// Text, buttons and pictures for the kiosk screens, drawn with ImDrawList in pixels from millimetres.
#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

#include <imgui_internal.h>  // ClearActiveID: a drag lets go of the button it started on

namespace mh::ui {

const DrawnRect* DrawnLayout::find(const std::string& what) const {
    for (const auto* list : {&texts, &targets, &pictures})
        for (const auto& r : *list)
            if (r.what == what) return &r;
    return nullptr;
}

ImVec2 textSize(ImFont* font, float px, const std::string& text) {
    return font->CalcTextSizeA(px, FLT_MAX, 0.0f, text.c_str(), text.c_str() + text.size());
}

float fitPx(ImFont* font, float px, float minPx, const std::string& text, float maxWidth) {
    float w = textSize(font, px, text).x;
    if (w <= maxWidth || w <= 0) return px;
    return std::max(minPx, px * maxWidth / w);
}

ImVec2 drawText(DrawContext& ctx, ImFont* font, float px, ImVec2 pos, std::uint32_t colour, const std::string& text,
                const std::string& what) {
    ImVec2 sz = textSize(font, px, text);
    ImGui::GetWindowDrawList()->AddText(font, px, pos, colour, text.c_str(), text.c_str() + text.size());
    if (ctx.layout && !what.empty()) ctx.layout->texts.push_back({what, pos, {pos.x + sz.x, pos.y + sz.y}});
    return sz;
}

ImVec2 drawTextCentred(DrawContext& ctx, ImFont* font, float px, float cx, float y, std::uint32_t colour,
                       const std::string& text, const std::string& what) {
    ImVec2 sz = textSize(font, px, text);
    return drawText(ctx, font, px, {std::round(cx - sz.x / 2), y}, colour, text, what);
}

namespace {
// Splits text into runs: digits with the separators between them (11:32, 10:30–13:30) and the rest.
struct Run {
    std::string text;
    bool digits;
};
std::vector<Run> runsOf(const std::string& t) {
    auto digitAt = [&](size_t i, size_t& len) {
        unsigned char c = static_cast<unsigned char>(t[i]);
        len = 1;
        if ((c >= '0' && c <= '9') || c == ':' || c == '.' || c == '-') return true;
        if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
            static_cast<unsigned char>(t[i + 2]) == 0x93) {  // – (en dash)
            len = 3;
            return true;
        }
        len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return false;
    };
    std::vector<Run> out;
    for (size_t i = 0; i < t.size();) {
        size_t len = 1;
        bool d = digitAt(i, len);
        if (out.empty() || out.back().digits != d) out.push_back({"", d});
        out.back().text += t.substr(i, len);
        i += len;
    }
    // A run of separators alone (a lone '-' or '.') is drawn as ordinary text.
    for (auto& r : out)
        if (r.digits && r.text.find_first_of("0123456789") == std::string::npos) r.digits = false;
    return out;
}
float ascentOf(ImFont* f, float px) { return f->Ascent * px / f->FontSize; }
}  // namespace

// The ascent and height of a mixed line's box: the tallest run decides both.
static std::pair<float, float> mixedBox(const FontSet& f, float px, const std::vector<Run>& runs) {
    float dpx = px * f.sizes.digitPx / f.sizes.bodyPx;
    float up = ascentOf(f.body, px), down = px - ascentOf(f.body, px);
    for (const auto& r : runs)
        if (r.digits) up = std::max(up, ascentOf(f.digits, dpx)), down = std::max(down, dpx - ascentOf(f.digits, dpx));
    return {up, up + down};
}

ImVec2 mixedSize(const FontSet& f, float px, const std::string& text) {
    float dpx = px * f.sizes.digitPx / f.sizes.bodyPx;
    auto runs = runsOf(text);
    float w = 0;
    for (const auto& r : runs) w += textSize(r.digits ? f.digits : f.body, r.digits ? dpx : px, r.text).x;
    return {w, mixedBox(f, px, runs).second};
}

float fitMixed(const FontSet& f, float px, float minPx, const std::string& text, float maxWidth) {
    float w = mixedSize(f, px, text).x;
    if (w <= maxWidth || w <= 0) return px;
    return std::max(minPx, px * maxWidth / w);
}

ImVec2 drawMixed(DrawContext& ctx, float px, ImVec2 pos, std::uint32_t colour, const std::string& text,
                 const std::string& what) {
    const FontSet& f = ctx.fonts;
    float dpx = px * f.sizes.digitPx / f.sizes.bodyPx;
    auto runs = runsOf(text);
    float baseline = pos.y + mixedBox(f, px, runs).first;
    float x = pos.x;
    for (const auto& r : runs) {
        ImFont* font = r.digits ? f.digits : f.body;
        float size = r.digits ? dpx : px;
        ImVec2 at{x, baseline - ascentOf(font, size)};
        ImVec2 rs = drawText(ctx, font, size, at, colour, r.text, r.digits && !what.empty() ? what + ":digits" : "");
        x += rs.x;
    }
    ImVec2 sz = mixedSize(f, px, text);
    if (ctx.layout && !what.empty()) ctx.layout->texts.push_back({what, pos, {pos.x + sz.x, pos.y + sz.y}});
    return sz;
}

ImVec2 drawMixedCentred(DrawContext& ctx, float px, float cx, float y, std::uint32_t colour, const std::string& text,
                        const std::string& what) {
    return drawMixed(ctx, px, {std::round(cx - mixedSize(ctx.fonts, px, text).x / 2), y}, colour, text, what);
}

namespace {
// A button with its label centred across and placed down it at `labelY` (0: the middle, 1: the bottom).
bool labelledButton(DrawContext& ctx, const char* id, ImVec2 min, ImVec2 size, const std::string& label, ImFont* font,
                    float px, ButtonStyle style, float labelY) {
    ImGui::SetCursorScreenPos(min);
    bool pressed = ImGui::InvisibleButton(id, size);
    bool held = ImGui::IsItemActive();
    ImVec2 max{min.x + size.x, min.y + size.y};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool primary = style == ButtonStyle::Primary;
    std::uint32_t bg = primary ? (held ? kButtonDown : kButton) : (held ? kLine : kStaffButton);
    if (style == ButtonStyle::OnDark) bg = held ? kStaffButton : kBackground;  // white on a dark screen
    dl->AddRectFilled(min, max, bg, ctx.mm(3));
    // The outline inside the target, so the gap a finger sees is the full 6 mm (issue 12: 5.4 mm).
    float line = std::max(1.0f, ctx.mm(0.5f));
    if (style == ButtonStyle::Staff)
        dl->AddRect({min.x + line / 2, min.y + line / 2}, {max.x - line / 2, max.y - line / 2}, kMuted, ctx.mm(3), 0, line);
        // Elder-facing labels never shrink below the 10 mm minimum; staff labels may.
    bool forElders = font != ctx.fonts.staff;
    float fitted = fitPx(font, px, forElders ? std::min(px, ctx.fonts.sizes.minBodyPx) : std::min(px, ctx.mm(kStaffTextMm / 0.64f)),
                         label, size.x - ctx.mm(4));
    ImVec2 ts = textSize(font, fitted, label);
    ImVec2 pos{std::round(min.x + (size.x - ts.x) / 2), std::round(min.y + (size.y - ts.y) * labelY)};
    dl->AddText(font, fitted, pos, primary ? kButtonText : kText, label.c_str(), label.c_str() + label.size());
    if (ctx.layout) {
        ctx.layout->targets.push_back({std::string("button:") + id, min, max});
        ctx.layout->texts.push_back({std::string("label:") + id, pos, {pos.x + ts.x, pos.y + ts.y}});
    }
    return pressed;
}
}  // namespace

bool bigButton(DrawContext& ctx, const char* id, ImVec2 min, ImVec2 size, const std::string& label, ImFont* font,
               float px, ButtonStyle style) {
    return labelledButton(ctx, id, min, size, label, font, px, style, 0.5f);
}

bool pictureButton(DrawContext& ctx, const std::string& id, const Rect& b, float side, const std::string& label, float labelPx,
                   const std::string& pictureName, const std::function<void(ImDrawList*, ImVec2)>& drawPicture) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ctx.fonts.body;
    ImGui::SetCursorScreenPos(b.min);
    bool tapped = ImGui::InvisibleButton(id.c_str(), b.size());
    dl->AddRectFilled(b.min, b.max, ImGui::IsItemActive() ? kButtonDown : kButton, ctx.mm(3));
    ImVec2 ls = textSize(font, labelPx, label);
    float gapY = ctx.mm(1), top = std::round(b.centreY() - (side + gapY + ls.y) / 2);
    ImVec2 pictureAt{std::round(b.centreX() - side / 2), top};
    drawPicture(dl, pictureAt);
    drawText(ctx, font, labelPx, {std::round(b.centreX() - ls.x / 2), top + side + gapY}, kButtonText, label, "label:" + id);
    if (ctx.layout) {
        ctx.layout->targets.push_back({"button:" + id, b.min, b.max});
        ctx.layout->pictures.push_back({pictureName, pictureAt, {pictureAt.x + side, pictureAt.y + side}});
    }
    return tapped;
}

bool speakerButton(DrawContext& ctx, const char* id, ImVec2 min, ImVec2 size, const std::string& label, ImFont* font, float px) {
    // The word at the bottom (its box's blank space below the ink sits in the button's margin), the
    // speaker in the space above it.
    float pad = ctx.mm(1.5f);
    bool pressed = labelledButton(ctx, id, {min.x, min.y}, size, label, font, px, ButtonStyle::Primary,
                                  std::max(0.5f, (size.y - pad - px) / std::max(1.0f, size.y - px)));
    float room = size.y - px - 2 * pad;
    float side = std::min(room, size.x - 2 * pad);
    if (side > 0) drawSpeaker(ImGui::GetWindowDrawList(), {min.x + (size.x - side) / 2, min.y + pad + (room - side) / 2}, side, kButtonText);
    return pressed;
}

void drawSpeaker(ImDrawList* dl, ImVec2 min, float side, std::uint32_t colour) {
    auto at = [&](float fx, float fy) { return ImVec2{min.x + fx * side, min.y + fy * side}; };
    // The box and cone, then two sound waves.
    ImVec2 cone[] = {at(0.10f, 0.38f), at(0.28f, 0.38f), at(0.52f, 0.16f), at(0.52f, 0.84f), at(0.28f, 0.62f), at(0.10f, 0.62f)};
    dl->AddConvexPolyFilled(cone, 6, colour);
    float w = std::max(1.0f, side * 0.07f);
    ImVec2 c = at(0.52f, 0.5f);
    dl->PathArcTo(c, side * 0.20f, -0.9f, 0.9f, 16);
    dl->PathStroke(colour, 0, w);
    dl->PathArcTo(c, side * 0.36f, -0.9f, 0.9f, 24);
    dl->PathStroke(colour, 0, w);
}

void drawOutcomeIcon(ImDrawList* dl, IconShape shape, std::uint32_t fill, ImVec2 min, float side) {
    auto at = [&](float fx, float fy) { return ImVec2{min.x + fx * side, min.y + fy * side}; };
    const std::uint32_t white = kButtonText;
    ImVec2 c = at(0.5f, 0.5f);
    switch (shape) {
        case IconShape::TickCircle: {
            dl->AddCircleFilled(c, side * 0.5f, fill, 64);
            ImVec2 tick[] = {at(0.26f, 0.52f), at(0.43f, 0.69f), at(0.75f, 0.34f)};
            dl->AddPolyline(tick, 3, white, 0, side * 0.11f);
            break;
        }
        case IconShape::Triangle: {
            dl->AddTriangleFilled(at(0.5f, 0.04f), at(0.98f, 0.92f), at(0.02f, 0.92f), fill);
            dl->AddRectFilled(at(0.455f, 0.32f), at(0.545f, 0.67f), kText, side * 0.03f);
            dl->AddCircleFilled(at(0.5f, 0.79f), side * 0.055f, kText, 24);
            break;
        }
        case IconShape::Cross: {
            // A bare thick cross: after a blur it stays an X, where a filled octagon became a disc
            // like the accepted one.
            dl->AddLine(at(0.12f, 0.12f), at(0.88f, 0.88f), fill, side * 0.2f);
            dl->AddLine(at(0.88f, 0.12f), at(0.12f, 0.88f), fill, side * 0.2f);
            break;
        }
        case IconShape::Clock: {
            // A ring and two hands, hollow, unlike the accepted filled disc.
            dl->AddCircle(c, side * 0.42f, fill, 64, side * 0.12f);
            dl->AddLine(c, at(0.5f, 0.24f), fill, side * 0.09f);
            dl->AddLine(c, at(0.7f, 0.56f), fill, side * 0.09f);
            break;
        }
        case IconShape::QuestionSquare: {
            dl->AddRect(at(0.06f, 0.06f), at(0.94f, 0.94f), fill, side * 0.12f, 0, side * 0.1f);
            // A question mark from an arc, a stem and a dot: no font needed.
            dl->PathArcTo(at(0.5f, 0.37f), side * 0.17f, float(M_PI) * 1.0f, float(M_PI) * 2.35f, 24);
            dl->PathLineTo(at(0.5f, 0.62f));
            dl->PathStroke(fill, 0, side * 0.09f);
            dl->AddCircleFilled(at(0.5f, 0.79f), side * 0.06f, fill, 24);
            break;
        }
    }
}

void drawCardToReader(ImDrawList* dl, ImVec2 min, float w, float h) {
    auto at = [&](float fx, float fy) { return ImVec2{min.x + fx * w, min.y + fy * h}; };
    float u = std::min(w, h);
    // The reader: a dark box with a lit scanning window.
    dl->AddRectFilled(at(0.08f, 0.66f), at(0.92f, 0.98f), rgb(0x333333), u * 0.05f);
    dl->AddRectFilled(at(0.26f, 0.71f), at(0.74f, 0.80f), rgb(0x3FD46B), u * 0.02f);
    // The card, held above the window.
    ImVec2 c0 = at(0.20f, 0.06f), c1 = at(0.80f, 0.46f);
    dl->AddRectFilled(c0, c1, rgb(0xFFFFFF), u * 0.04f);
    dl->AddRect(c0, c1, kBlue, u * 0.04f, 0, u * 0.025f);
    // A QR code on the card: three finder squares and some modules.
    float q = (c1.y - c0.y) * 0.62f;
    ImVec2 q0{c0.x + (c1.x - c0.x - q) / 2, c0.y + (c1.y - c0.y - q) / 2};
    float m = q / 7;
    auto finder = [&](float fx, float fy) {
        ImVec2 a{q0.x + fx * m, q0.y + fy * m};
        dl->AddRectFilled(a, {a.x + 2.6f * m, a.y + 2.6f * m}, kText);
        dl->AddRectFilled({a.x + 0.5f * m, a.y + 0.5f * m}, {a.x + 2.1f * m, a.y + 2.1f * m}, rgb(0xFFFFFF));
        dl->AddRectFilled({a.x + 0.9f * m, a.y + 0.9f * m}, {a.x + 1.7f * m, a.y + 1.7f * m}, kText);
    };
    finder(0, 0);
    finder(4.4f, 0);
    finder(0, 4.4f);
    for (auto [fx, fy] : {std::pair{3.3f, 1.0f}, {3.3f, 3.3f}, {4.6f, 3.5f}, {5.8f, 4.6f}, {4.4f, 5.8f}, {1.2f, 3.4f}})
        dl->AddRectFilled({q0.x + fx * m, q0.y + fy * m}, {q0.x + (fx + 0.9f) * m, q0.y + (fy + 0.9f) * m}, kText);
    // A thumb over the card's left edge and fingers behind its right edge: it is being held.
    std::uint32_t skin = rgb(0xE8B48A), skinLine = rgb(0x9A6440);
    dl->AddRectFilled(at(0.10f, 0.24f), at(0.27f, 0.36f), skin, u * 0.06f);
    dl->AddRect(at(0.10f, 0.24f), at(0.27f, 0.36f), skinLine, u * 0.06f, 0, u * 0.012f);
    for (int i = 0; i < 3; ++i) {
        float y = 0.14f + i * 0.10f;
        dl->AddRectFilled(at(0.76f, y), at(0.90f, y + 0.085f), skin, u * 0.04f);
        dl->AddRect(at(0.76f, y), at(0.90f, y + 0.085f), skinLine, u * 0.04f, 0, u * 0.012f);
    }
    // An arrow from the card down to the window.
    dl->AddRectFilled(at(0.47f, 0.49f), at(0.53f, 0.56f), kBlue);
    dl->AddTriangleFilled(at(0.40f, 0.56f), at(0.60f, 0.56f), at(0.50f, 0.64f), kBlue);
}

}  // namespace mh::ui

namespace mh::ui {

int buttonGrid(DrawContext& ctx, const std::string& idPrefix, const std::vector<std::string>& labels, float width,
               ImVec2 cell, ButtonStyle style, float gapMm) {
    float gap = ctx.mm(gapMm);
    int cols = std::max(1, int((width + gap) / (cell.x + gap)));
    ImVec2 origin = ImGui::GetCursorScreenPos();
    int tapped = -1;
    for (size_t i = 0; i < labels.size(); ++i) {
        ImVec2 at{origin.x + (i % cols) * (cell.x + gap), origin.y + (i / cols) * (cell.y + gap)};
        std::string id = idPrefix + labels[i];
        if (bigButton(ctx, id.c_str(), at, cell, labels[i], ctx.fonts.staff, ctx.fonts.sizes.staffPx, style))
            tapped = int(i);
    }
    int rows = labels.empty() ? 0 : int((labels.size() + cols - 1) / cols);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy({width, rows * (cell.y + gap)});
    return tapped;
}

}  // namespace mh::ui

namespace mh::ui {

void dragToScroll(DrawContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    // Kept in the child window's own storage: each list drags on its own, frame after frame.
    ImGuiStorage* store = ImGui::GetStateStorage();
    const ImGuiID pressed = ImGui::GetID("##drag-pressed"), dragging = ImGui::GetID("##drag-on"),
                  startY = ImGui::GetID("##drag-scroll-y");
    // A press on the scrollbar is the scrollbar's own drag (ImGui handles it in BeginChild, before this).
    const bool onScrollbar = ImGui::GetActiveID() != 0 &&
                             ImGui::GetActiveID() == ImGui::GetWindowScrollbarID(ImGui::GetCurrentWindow(), ImGuiAxis_Y);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !onScrollbar &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows)) {
        store->SetBool(pressed, true);
        store->SetBool(dragging, false);
        store->SetFloat(startY, ImGui::GetScrollY());
    }
    if (!io.MouseDown[ImGuiMouseButton_Left]) {
        store->SetBool(pressed, false);
        store->SetBool(dragging, false);
        return;
    }
    if (!store->GetBool(pressed)) return;
    ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
    float dy = d.y;
    // Up or down more than across: a sideways drag (the first run's 10 cm bar) stays its control's.
    if (!store->GetBool(dragging) && (std::fabs(dy) < ctx.mm(kDragStartMm) || std::fabs(dy) <= std::fabs(d.x))) return;
    store->SetBool(dragging, true);
    ImGui::SetScrollY(std::clamp(store->GetFloat(startY) - dy, 0.0f, ImGui::GetScrollMaxY()));
    // The finger is scrolling, not tapping: the button it went down on lets go, so the release taps nothing.
    if (ImGui::GetActiveID() != 0 && ImGui::GetActiveID() != ImGui::GetCurrentWindow()->MoveId) ImGui::ClearActiveID();
}

}  // namespace mh::ui
