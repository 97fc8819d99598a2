// Plain loops, no SIMD: frames are at most 1280x720 and each op runs only when a cheaper pass failed.
#include "platform/vision/image_ops.hpp"

#include <algorithm>
#include <array>

#include <stb_image_resize.h>

namespace mh {

GrayImage resizeGray(const GrayImage& src, int w, int h) {
    if (w <= 0 || h <= 0 || src.empty()) return {};
    GrayImage d(w, h);
    // stb_image_resize (Debian's libstb): its filters weigh every source pixel under a shrunk one,
    // so sensor noise is averaged away rather than aliased.
    if (!stbir_resize_uint8(src.pixels.data(), src.width, src.height, src.width, d.pixels.data(), w, h, w, 1)) return {};
    return d;
}

GrayImage stretchContrast(const GrayImage& src) {
    std::array<size_t, 256> hist{};
    for (auto p : src.pixels) ++hist[p];
    const size_t n = src.pixels.size(), cut = n / 50;
    int lo = 0, hi = 255;
    for (size_t acc = 0; lo < 255 && (acc += hist[lo]) <= cut;) ++lo;
    for (size_t acc = 0; hi > 0 && (acc += hist[hi]) <= cut;) --hi;
    GrayImage d = src;
    if (hi <= lo) return d;
    std::array<std::uint8_t, 256> lut{};
    for (int v = 0; v < 256; ++v) lut[v] = std::uint8_t(std::clamp((v - lo) * 255 / (hi - lo), 0, 255));
    for (auto& p : d.pixels) p = lut[p];
    return d;
}

GrayImage boxBlur3(const GrayImage& src) {
    GrayImage d = src;
    for (int y = 1; y + 1 < src.height; ++y)
        for (int x = 1; x + 1 < src.width; ++x) {
            int acc = 0;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) acc += src.at(x + dx, y + dy);
            d.at(x, y) = std::uint8_t((acc + 4) / 9);
        }
    return d;
}

GrayImage cropGray(const GrayImage& src, int x, int y, int w, int h) {
    x = std::clamp(x, 0, src.width);
    y = std::clamp(y, 0, src.height);
    w = std::clamp(w, 0, src.width - x);
    h = std::clamp(h, 0, src.height - y);
    GrayImage d(w, h);
    for (int r = 0; r < h; ++r)
        std::copy_n(&src.pixels[size_t(y + r) * src.width + x], w, &d.pixels[size_t(r) * w]);
    return d;
}

}  // namespace mh
