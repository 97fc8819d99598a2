// Measuring rendered screens: ink extent and contrast inside a box, from real pixels.
#pragma once
#include <cstdint>
#include <functional>

namespace mh::test {

// WCAG relative luminance of 0xRRGGBB and the contrast ratio of two colours (1..21).
double luminance(std::uint32_t rgb);
double contrast(std::uint32_t a, std::uint32_t b);

struct Ink {
    int top = -1, bottom = -1;   // rows with ink, inclusive; -1 when none
    std::uint32_t background = 0xFFFFFF;
    std::uint32_t text = 0xFFFFFF;  // the ink colour with the most contrast against the background
    [[nodiscard]] int height() const { return top < 0 ? 0 : bottom - top + 1; }
};

// Scans [x0,x1) x [y0,y1) of an image given by `at(x, y)`: the background is the most common
// colour, ink is any pixel differing from it clearly (contrast > 1.5).
Ink measureInk(const std::function<std::uint32_t(int, int)>& at, int x0, int y0, int x1, int y1);

// How alike the ink of two images is inside [x0,x1) x [y0,y1): pixels that are ink in both over
// pixels that are ink in either (1: the same shapes, 0: nothing in common), each image's ink found
// against its own background as measureInk does — so white-on-red and black-on-white text compare.
double inkAgreement(const std::function<std::uint32_t(int, int)>& a, const std::function<std::uint32_t(int, int)>& b,
                    int x0, int y0, int x1, int y1);

}  // namespace mh::test
