#include "support/pixels.hpp"

#include <cmath>
#include <map>

namespace mh::test {

double luminance(std::uint32_t rgb) {
    auto ch = [](std::uint32_t v) {
        double c = double(v & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * ch(rgb >> 16) + 0.7152 * ch(rgb >> 8) + 0.0722 * ch(rgb);
}

double contrast(std::uint32_t a, std::uint32_t b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

Ink measureInk(const std::function<std::uint32_t(int, int)>& at, int x0, int y0, int x1, int y1) {
    std::map<std::uint32_t, int> counts;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) ++counts[at(x, y)];
    Ink ink;
    int best = 0;
    for (auto [c, n] : counts)
        if (n > best) best = n, ink.background = c;
    double bestContrast = 1;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            std::uint32_t c = at(x, y);
            double k = contrast(c, ink.background);
            if (k <= 1.5) continue;
            if (ink.top < 0) ink.top = y;
            ink.bottom = y;
            if (k > bestContrast) bestContrast = k, ink.text = c;
        }
    return ink;
}

double inkAgreement(const std::function<std::uint32_t(int, int)>& a, const std::function<std::uint32_t(int, int)>& b,
                    int x0, int y0, int x1, int y1) {
    const std::uint32_t bgA = measureInk(a, x0, y0, x1, y1).background, bgB = measureInk(b, x0, y0, x1, y1).background;
    long both = 0, either = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            bool inkA = contrast(a(x, y), bgA) > 1.5, inkB = contrast(b(x, y), bgB) > 1.5;
            both += inkA && inkB;
            either += inkA || inkB;
        }
    return either == 0 ? 0.0 : double(both) / double(either);
}

}  // namespace mh::test
