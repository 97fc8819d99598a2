// The picker (issue 23): a card was read while several door services are open. One big button per
// service, each with its own shape and its name, so an elder who cannot tell the colours apart still
// can; one tap records that service. 返回 (or 20 s untouched) goes back to 请刷卡 recording nothing.
// Where each goes comes from computeChooseLayout; this file only draws.
#include "kiosk/ui/choose_layout.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
// The i-th button's shape, white on the button: circle, square, triangle, diamond, hexagon.
void drawChoiceShape(ImDrawList* dl, int i, ImVec2 min, float side, std::uint32_t fill) {
    ImVec2 c{min.x + side / 2, min.y + side / 2};
    float r = side / 2;
    switch (i % 5) {
        case 0: dl->AddCircleFilled(c, r, fill, 48); break;
        case 1: dl->AddRectFilled({c.x - r * 0.85f, c.y - r * 0.85f}, {c.x + r * 0.85f, c.y + r * 0.85f}, fill); break;
        case 2: dl->AddTriangleFilled({c.x, c.y - r}, {c.x + r, c.y + r * 0.8f}, {c.x - r, c.y + r * 0.8f}, fill); break;
        case 3: dl->AddQuadFilled({c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}, fill); break;
        default: dl->AddNgonFilled(c, r, fill, 6); break;
    }
}
}  // namespace

void drawChooseScreen(const KioskState& st, DrawContext& ctx) {
    if (!st.pick) return;
    const FontSet& f = ctx.fonts;
    ChooseTexts texts;
    std::string name = drawable(st.pick->maskedName);
    texts.title = name.empty() ? std::string(kChooseOne.zh) : name + "，" + kChooseOne.zh;
    texts.shortTitle = kChooseOne.zh;
    for (const auto& o : st.pick->options) texts.names.push_back(o.name);
    ChooseLayout lay = computeChooseLayout(ctx.panel(), texts);

    drawText(ctx, f.body, lay.title.px, lay.title.at, kText, lay.shortTitle ? texts.shortTitle : texts.title, "title");
    for (size_t i = 0; i < lay.buttons.size(); ++i) {
        // The shape above the name.
        std::string id = "pick:" + st.pick->options[i].id;
        if (pictureButton(ctx, id, lay.buttons[i], lay.iconSide, texts.names[i], lay.labelPx, "shape:" + id,
                          [&](ImDrawList* dl, ImVec2 at) { drawChoiceShape(dl, int(i), at, lay.iconSide, kButtonText); }))
            ctx.out.push(PickService{st.pick->options[i].id});
    }
    if (bigButton(ctx, "back", lay.back.min, lay.back.size(), kBack.zh, f.body, f.sizes.minBodyPx, ButtonStyle::Staff))
        ctx.out.push(BackToWaiting{});
}

}  // namespace mh::ui
