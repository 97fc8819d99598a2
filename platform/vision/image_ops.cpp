// Plain loops, no SIMD: frames are at most 1280x720 and each op runs only when a cheaper pass failed.
#include "platform/vision/image_ops.hpp"

#include <algorithm>
#include <array>

namespace mh {
namespace {

GrayImage boxHalve(const GrayImage& s) {
    GrayImage d(s.width / 2, s.height / 2);
    for (int y = 0; y < d.height; ++y) {
        const std::uint8_t* r0 = &s.pixels[size_t(2 * y) * s.width];
        const std::uint8_t* r1 = r0 + s.width;
        std::uint8_t* o = &d.pixels[size_t(y) * d.width];
        for (int x = 0; x < d.width; ++x) o[x] = std::uint8_t((r0[2 * x] + r0[2 * x + 1] + r1[2 * x] + r1[2 * x + 1] + 2) / 4);
    }
    return d;
}

}  // namespace

GrayImage resizeGray(const GrayImage& src, int w, int h) {
    if (w <= 0 || h <= 0 || src.empty()) return {};
    if (w * 2 <= src.width && h * 2 <= src.height) return resizeGray(boxHalve(src), w, h);
    GrayImage d(w, h);
    // Fixed point 16.16 source coordinates of each pixel centre.
    const std::int64_t fx = (std::int64_t(src.width) << 16) / w, fy = (std::int64_t(src.height) << 16) / h;
    for (int y = 0; y < h; ++y) {
        std::int64_t sy = std::max<std::int64_t>(0, (y * fy) + fy / 2 - (1 << 15));
        int y0 = std::min(int(sy >> 16), src.height - 1), y1 = std::min(y0 + 1, src.height - 1);
        int wy = int(sy & 0xffff) >> 8;
        const std::uint8_t* r0 = &src.pixels[size_t(y0) * src.width];
        const std::uint8_t* r1 = &src.pixels[size_t(y1) * src.width];
        std::uint8_t* o = &d.pixels[size_t(y) * w];
        for (int x = 0; x < w; ++x) {
            std::int64_t sx = std::max<std::int64_t>(0, (x * fx) + fx / 2 - (1 << 15));
            int x0 = std::min(int(sx >> 16), src.width - 1), x1 = std::min(x0 + 1, src.width - 1);
            int wx = int(sx & 0xffff) >> 8;
            int top = r0[x0] * (256 - wx) + r0[x1] * wx;
            int bot = r1[x0] * (256 - wx) + r1[x1] * wx;
            o[x] = std::uint8_t((top * (256 - wy) + bot * wy + (1 << 15)) >> 16);
        }
    }
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
