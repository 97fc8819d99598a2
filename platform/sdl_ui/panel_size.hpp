// The panel's physical size from its EDID, so text and targets are sized in real millimetres when
// site.toml gives no [display] diagonal_inch (issue 12: a 7" panel assumed to be 96 dpi drew
// 再听一遍 51 mm wide).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace mh::platform {

struct PanelSizeMm {
    double width = 0, height = 0;
    [[nodiscard]] double diagonalInch() const;
};

// The size an EDID block states: the first detailed timing's millimetres when given, else the base
// block's bytes 21-22 (max width/height in cm). None for a malformed block (bad header or
// checksum) or one that gives no size (projectors, some adapters: 0 x 0).
std::optional<PanelSizeMm> edidPanelSize(const std::vector<std::uint8_t>& edid);

// The first connected output under drmDir (/sys/class/drm) whose edid states a size.
std::optional<PanelSizeMm> connectedPanelSize(const std::filesystem::path& drmDir = "/sys/class/drm");

}  // namespace mh::platform
