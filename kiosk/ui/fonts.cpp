// Builds the CJK font atlas with FreeType at sizes measured in millimetres.
#include "kiosk/ui/fonts.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include <imgui_freetype.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "kiosk/ui/texts.hpp"

namespace mh::ui {

// ImGui's FreeType builder sizes a font by its line height (ascender + descender, 1.45 em for Noto
// Sans CJK); a hanzi's ink is about 0.67 of that (measured from pixels by the screen tests). Sizes
// below are line heights that give at least the required ink height.
constexpr float kInkPerEm = 0.64f;
// A digit's ink is ~0.78 of a hanzi's at the same size (measured): 1.3 times the size reaches 10 mm.
constexpr float kDigitScale = 1.3f;

FontSizes fontSizesFor(const Metrics& m) {
    // The layout is designed for a 7" 1024x600 panel (150 x 88 mm usable); bigger panels get
    // proportionally bigger text, up to twice.
    float across = m.portrait() ? m.widthMm() / 88.0f : std::min(m.widthMm() / 150.0f, m.heightMm() / 88.0f);
    float s = std::clamp(across, 1.0f, 2.0f);
    FontSizes f;
    f.scale = s;
    f.wordPx = m.mm((kOutcomeWordMm + 0.6f) * s / kInkPerEm);
    f.payPx = m.mm(19.0f * s / kInkPerEm);
    // A digit's ink is ~0.78 of a hanzi's at the same size (measured): at twice the size the amount
    // is the biggest thing in its line (1.6 times as tall as 请付), when the screen has the room.
    f.payDigitPx = f.payPx * 2.0f;
    f.bodyPx = m.mm((kElderTextMm + 0.4f) * s / kInkPerEm);
    f.digitPx = f.bodyPx * kDigitScale;
    f.staffPx = m.mm(6.5f * std::min(s, 1.4f) / kInkPerEm);
    f.minWordPx = m.mm((kOutcomeWordMm + 0.6f) / kInkPerEm);
    f.minBodyPx = m.mm((kElderTextMm + 0.4f) / kInkPerEm);
    f.minStaffPx = m.mm(kStaffTextMm / kInkPerEm);
    return f;
}

std::string cjkFontPath(bool bold) {
    for (const char* dir : {"/usr/share/fonts/opentype/noto/", "/usr/share/fonts/noto-cjk/"}) {
        std::filesystem::path p = std::string(dir) + (bold ? "NotoSansCJK-Bold.ttc" : "NotoSansCJK-Regular.ttc");
        if (std::filesystem::exists(p)) return p.string();
    }
    return {};
}

namespace {
std::vector<unsigned char> readAll(const std::string& path) {
    // Sized from the file once: a vector grown from a stream iterator holds the old and the doubled
    // buffer at once.
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return {};
    std::vector<unsigned char> data(size);
    std::ifstream in(path, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(data.data()), std::streamsize(size))) data.clear();
    return data;
}

// The .ttc files are ~20 MB each: each is read once per build and shared by the fonts made from
// it. ImGui 1.86 copies font data it does not own (AddFont: one 20 MB copy per font, 120 MB of the
// 219 MB start-up peak measured with heaptrack), so the data is handed over as "owned" to skip the
// copy, then marked not owned so ImGui never frees the caller's vector.
//
// A font is baked at no more than kMaxAtlasPx: imgui 1.86's FreeType builder copies every glyph's RGBA
// bitmap into 256 KB chunks without a bound check (ocornut/imgui#5731), so a glyph over 255 px square
// overruns the heap (a 请刷卡 on a 15.6" portrait panel aborted the kiosk). Every draw passes its own px
// and ImGui scales the baked glyphs, so a larger word only comes out a little softer.
constexpr float kMaxAtlasPx = 240.0f;

ImFont* addFont(std::vector<unsigned char>& data, float px, const ImVector<ImWchar>& ranges) {
    px = std::min(px, kMaxAtlasPx);
    ImFontConfig cfg;
    cfg.FontNo = 2;  // the Simplified Chinese face of the .ttc
    cfg.OversampleH = cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.FontDataOwnedByAtlas = true;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFont* f = atlas->AddFontFromMemoryTTF(data.data(), int(data.size()), px, &cfg, ranges.Data);
    if (!f) throw std::runtime_error("cannot load the CJK font");
    atlas->ConfigData.back().FontDataOwnedByAtlas = false;
    return f;
}
}  // namespace

void FontSet::build(const Metrics& m, const std::vector<std::string>& dynamicTexts) {
    std::string regular = cjkFontPath(false), bold = cjkFontPath(true);
    if (regular.empty()) throw std::runtime_error("fonts-noto-cjk is not installed");
    if (bold.empty()) bold = regular;
    for (const auto& t : dynamicTexts)
        if (std::find(m_dynamic.begin(), m_dynamic.end(), t) == m_dynamic.end()) m_dynamic.push_back(t);
    sizes = fontSizesFor(m);

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->TexDesiredWidth = 2048;

    const ImWchar ascii[] = {0x0020, 0x007E, 0x2013, 0x2014, 0x3000, 0x3002, 0xFF01, 0xFF1F, 0};
    ImFontGlyphRangesBuilder wordB, payB, bodyB;
    wordB.AddRanges(ascii);
    for (Outcome o : {Outcome::Accepted, Outcome::Invalid, Outcome::Unknown, Outcome::Revoked, Outcome::Closed,
                      Outcome::Duplicate, Outcome::Ineligible}) {
        wordB.AddText(outcomeWord(o, false).zh);
        wordB.AddText(outcomeWord(o, true).zh);
    }
    wordB.AddText(kPleaseScan.zh);
    wordB.AddText(kGoToStaff.zh);  // the word of a scan the store could not write (resultWord)
    payB.AddRanges(ascii);
    payB.AddText("请付元免费角");
    bodyB.AddRanges(ascii);
    for (const auto& t : allFixedTexts()) bodyB.AddText(t.c_str());
    for (const auto& t : m_dynamic) bodyB.AddText(t.c_str());
    m_wordRanges.clear();
    m_payRanges.clear();
    m_bodyRanges.clear();
    m_digitRanges.clear();
    m_bodyDigitRanges.clear();
    // ' ' and '?' as well: ImGui wants a fallback glyph in every font.
    for (ImWchar c : {ImWchar(0x0020), ImWchar(0x0020), ImWchar('.'), ImWchar('9'), ImWchar('?'), ImWchar('?'), ImWchar(0)})
        m_digitRanges.push_back(c);
    for (ImWchar c : {ImWchar(0x0020), ImWchar(0x0020), ImWchar('-'), ImWchar(':'), ImWchar('?'), ImWchar('?'),
                      ImWchar(0x2013), ImWchar(0x2013), ImWchar(0)})
        m_bodyDigitRanges.push_back(c);
    wordB.BuildRanges(&m_wordRanges);
    payB.BuildRanges(&m_payRanges);
    bodyB.BuildRanges(&m_bodyRanges);

    std::vector<unsigned char> regularData = readAll(regular);
    std::vector<unsigned char> boldData = bold == regular ? std::vector<unsigned char>{} : readAll(bold);
    auto& boldRef = boldData.empty() ? regularData : boldData;
    body = addFont(regularData, sizes.bodyPx, m_bodyRanges);  // first font: ImGui's default
    word = addFont(boldRef, sizes.wordPx, m_wordRanges);
    pay = addFont(boldRef, sizes.payPx, m_payRanges);
    payDigits = addFont(boldRef, sizes.payDigitPx, m_digitRanges);
    staff = addFont(regularData, sizes.staffPx, m_bodyRanges);
    digits = addFont(regularData, sizes.digitPx, m_bodyDigitRanges);
    if (!io.Fonts->Build()) throw std::runtime_error("font atlas build failed");
    io.Fonts->ClearInputData();  // the glyphs are in the atlas now; the font files can go
    if (std::getenv("MEALHALL_DEBUG")) std::fprintf(stderr, "atlas %dx%d\n", io.Fonts->TexWidth, io.Fonts->TexHeight);
}

bool FontSet::covers(const std::vector<std::string>& texts) const {
    if (!body) return false;
    for (const auto& t : texts) {
        const char* p = t.c_str();
        const char* end = p + t.size();
        while (p < end) {
            unsigned int c = 0;
            int n = ImTextCharFromUtf8(&c, p, end);
            if (n <= 0) break;
            p += n;
            if (c >= 0x10000 || c < 0x20) continue;  // beyond ImWchar: shown masked instead (see platform notes); line breaks are no glyphs
            if (!body->FindGlyphNoFallback(ImWchar(c))) return false;
        }
    }
    return true;
}

}  // namespace mh::ui
