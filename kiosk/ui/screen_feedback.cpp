// The faces after an accepted meal (contract 14): the result's headline, then 好 / 一般 / 不好 as big
// buttons, each a face whose mouth smiles, lies straight or frowns (and a green, amber or red ring),
// so an elder who sees no colour still tells them apart; the word under each. One tap scores the
// meal; the controller says the word back. Where each goes comes from computeFeedbackLayout.
#include "kiosk/ui/feedback_layout.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"

#include <numbers>

namespace mh::ui {

namespace {
// A face in a square of `side` at `min`: a white disc with a coloured ring, two eyes, and a mouth
// for the score (3 smiling, 2 straight, 1 frowning).
void drawFace(ImDrawList* dl, int score, ImVec2 min, float side) {
    constexpr float pi = std::numbers::pi_v<float>;
    ImVec2 c{min.x + side / 2, min.y + side / 2};
    float r = side / 2, stroke = std::max(2.0f, side * 0.07f);
    std::uint32_t ring = score >= 3 ? kGreen : score == 2 ? kAmber : kRed;
    dl->AddCircleFilled(c, r, ring, 64);
    dl->AddCircleFilled(c, r - stroke * 1.2f, kButtonText, 64);
    for (float dx : {-0.33f, 0.33f}) dl->AddCircleFilled({c.x + dx * r, c.y - 0.22f * r}, 0.1f * r + 1, kText, 24);
    if (score >= 3) {
        dl->PathArcTo({c.x, c.y + 0.02f * r}, 0.48f * r, 0.18f * pi, 0.82f * pi, 24);
    } else if (score == 2) {
        dl->PathLineTo({c.x - 0.4f * r, c.y + 0.36f * r});
        dl->PathLineTo({c.x + 0.4f * r, c.y + 0.36f * r});
    } else {
        dl->PathArcTo({c.x, c.y + 0.85f * r}, 0.5f * r, 1.18f * pi, 1.82f * pi, 24);
    }
    dl->PathStroke(kText, 0, stroke);
}
}  // namespace

// The faces in the order drawn, as scores.
inline constexpr int kFaceScores[] = {3, 2, 1};

void drawFeedbackScreen(const KioskState& st, DrawContext& ctx) {
    if (!st.result || !st.feedback) return;
    const ScanResult& r = *st.result;
    const FontSet& f = ctx.fonts;
    FeedbackTexts texts;
    texts.word = resultWord(r).zh;
    std::string name = drawable(st.showFullNames && !r.fullName.empty() ? r.fullName : r.maskedName);
    std::string svc = r.serviceName.empty() ? r.service.str() : r.serviceName;
    texts.line = (name.empty() ? "" : name + "  ") + svc + "  " + payText(r);
    texts.question = kHowWasTheMeal.zh;
    for (int s : kFaceScores) texts.labels.push_back(facePhrase(s).zh);
    FeedbackLayout lay = computeFeedbackLayout(ctx.panel(), texts);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    OutcomeLook look = lookOf(r);
    drawOutcomeIcon(dl, look.shape, look.fill, lay.icon.min, lay.icon.width());
    if (ctx.layout) ctx.layout->pictures.push_back({"icon", lay.icon.min, lay.icon.max});
    drawText(ctx, f.word, lay.word.px, lay.word.at, look.text, texts.word, "outcome");
    if (lay.line.px > 0) drawMixed(ctx, lay.line.px, lay.line.at, look.body, texts.line, "name");
    if (lay.question.px > 0) drawText(ctx, f.body, lay.question.px, lay.question.at, kText, texts.question, "question");
    for (size_t i = 0; i < lay.faces.size(); ++i) {
        // The face above its word.
        int score = kFaceScores[i];
        std::string id = "face:" + std::to_string(score);
        if (pictureButton(ctx, id, lay.faces[i], lay.faceSide, texts.labels[i], lay.labelPx, id,
                          [&](ImDrawList* dl, ImVec2 at) { drawFace(dl, score, at, lay.faceSide); }))
            ctx.out.push(GiveFeedback{score});
    }
}

}  // namespace mh::ui
