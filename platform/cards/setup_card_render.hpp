// The printable county setup card (`kiosk setup-card`): an A6 page at 300 dpi with a large QR code
// and, in plain words, what it is for: 县平台接入卡, the site id and name, the county address and the
// issue date. The upload token is only inside the QR code, never printed as text.
#pragma once
#include <filesystem>
#include <string>

#include "shared/core/result.hpp"

namespace mh {

struct SetupCardFace {
    std::string siteId, siteName, endpoint, issued;  // issued: YYYY-MM-DD
    std::string payload;                             // the signed MHS2 text for the QR code
    std::string expires;                             // YYYY-MM-DD: the last day a terminal takes it; empty: not shown
};

inline constexpr int kSetupCardWidthPx = 1240;   // A6 105 mm at 300 dpi
inline constexpr int kSetupCardHeightPx = 1748;  // 148 mm

// Writes the card as a PNG (300 dpi recorded), temporary name then rename. Error code setup.write.
Status writeSetupCardPng(const SetupCardFace& face, const std::filesystem::path& out);

}  // namespace mh
