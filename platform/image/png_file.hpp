// The one PNG writer of the kiosk (libpng): the decoder's gray debug frames, screenshots, the cards
// at 300 dpi and the posting's long picture all go through it, in whatever pixel layout they hold.
#pragma once
#include <cstdint>
#include <filesystem>

#include "shared/core/result.hpp"

namespace mh {

enum class PixelLayout {
    Gray8,      // one byte a pixel
    Rgba8,      // bytes R, G, B, A (SDL's ABGR8888 surface); alpha is dropped: outputs are opaque
    CairoRgb24  // cairo's CAIRO_FORMAT_RGB24: native-endian 32-bit words 0x00RRGGBB
};

struct PngPixels {
    const std::uint8_t* data = nullptr;
    int width = 0, height = 0;
    int stride = 0;  // bytes from one row to the next
    PixelLayout layout = PixelLayout::Gray8;
    int dpi = 0;     // recorded as pHYs when > 0, so a print dialog prints at the real size
};

// Writes `px` to exactly `file` (for callers already writing under an AtomicFile's temporary name).
// False when the file cannot be written; then `errnoOut` (when given) holds why (ENOSPC, EACCES …,
// 0 when unknown), so the caller can say the real cause rather than guess.
bool encodePng(const PngPixels& px, const std::filesystem::path& file, int* errnoOut = nullptr);

// Writes `px` to `file` complete or not at all (contract 2: temporary name, fsync, rename; 0600).
Status writePng(const PngPixels& px, const std::filesystem::path& file);

}  // namespace mh
