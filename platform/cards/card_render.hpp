// Printable elder cards: one ID-1 card (85.6 x 54 mm at 300 dpi = 1011 x 638 px) or an A4 sheet
// of ten for a village's first issue. Drawn with cairo + pango so Chinese names use Noto CJK.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "shared/core/result.hpp"
#include "shared/ports/gray_image.hpp"

namespace mh {

// What is printed on a card. The full name is fine here: the card is the elder's own.
struct CardFace {
    std::string siteName;
    std::string elderName;
    std::string elderId;
    std::string serial;
    std::string village;
    std::string payload;  // signed MH1 text for the QR code
};

inline constexpr int kCardWidthPx = 1011;   // 85.6 mm at 300 dpi
inline constexpr int kCardHeightPx = 638;   // 54 mm at 300 dpi
inline constexpr int kSheetWidthPx = 2480;  // A4 210 mm at 300 dpi
inline constexpr int kSheetHeightPx = 3508; // A4 297 mm
inline constexpr int kCardsPerSheet = 10;   // 2 columns x 5 rows

// Writes one card as a PNG, 300 dpi recorded in its pHYs chunk. Error code card.write.
Status writeCardPng(const CardFace& face, const std::filesystem::path& out);

// Writes A4 sheets of up to ten cards with cut marks: `out` for the first, then out-2.png, ...
// Returns the files written. Error code card.write.
Result<std::vector<std::filesystem::path>> writeCardSheets(const std::vector<CardFace>& faces,
                                                           const std::filesystem::path& out);

// The card as a grey image, for the test corpus and the benches.
GrayImage renderCardGray(const CardFace& face);

}  // namespace mh
