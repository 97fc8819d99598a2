// EDID parsing (VESA E-EDID 1.3/1.4 base block) and the sysfs look-up.
#include "platform/sdl_ui/panel_size.hpp"

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>

namespace mh::platform {

double PanelSizeMm::diagonalInch() const { return std::sqrt(width * width + height * height) / 25.4; }

std::optional<PanelSizeMm> edidPanelSize(const std::vector<std::uint8_t>& e) {
    static const std::uint8_t kHeader[8] = {0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00};
    if (e.size() < 128) return std::nullopt;
    for (int i = 0; i < 8; ++i)
        if (e[size_t(i)] != kHeader[i]) return std::nullopt;
    unsigned sum = 0;
    for (size_t i = 0; i < 128; ++i) sum += e[i];
    if (sum % 256 != 0) return std::nullopt;
    // The first descriptor (bytes 54-71) is the preferred timing when its pixel clock is not zero;
    // its image size is in millimetres (bytes 66-68), finer than the base block's centimetres.
    if (e[54] != 0 || e[55] != 0) {
        double w = e[66] | ((e[68] & 0xF0) << 4), h = e[67] | ((e[68] & 0x0F) << 8);
        // Some panels put an aspect ratio (16 x 9) here instead of a size: only trust real sizes.
        if (w >= 40 && h >= 40) return PanelSizeMm{w, h};
    }
    if (e[21] == 0 || e[22] == 0) return std::nullopt;  // unknown or variable (a projector)
    return PanelSizeMm{e[21] * 10.0, e[22] * 10.0};
}

std::optional<PanelSizeMm> connectedPanelSize(const std::filesystem::path& drmDir) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(drmDir, ec)) {
        std::ifstream status(entry.path() / "status");
        std::string s;
        if (status && std::getline(status, s) && s != "connected") continue;
        std::ifstream in(entry.path() / "edid", std::ios::binary);
        if (!in) continue;
        std::vector<std::uint8_t> edid{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (auto size = edidPanelSize(edid)) return size;
    }
    return std::nullopt;
}

}  // namespace mh::platform
