// An 8-bit grey picture (one luma byte per pixel): what a camera frame, an image file or a rendered
// card becomes before decoding. Owning and plain so shared/ code and tests can hold frames.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mh {

struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // row-major, stride == width

    GrayImage() = default;
    GrayImage(int w, int h, std::uint8_t fill = 0) : width(w), height(h), pixels(std::size_t(w) * std::size_t(h), fill) {}
    [[nodiscard]] bool empty() const { return width <= 0 || height <= 0; }
    std::uint8_t& at(int x, int y) { return pixels[std::size_t(y) * std::size_t(width) + std::size_t(x)]; }
    [[nodiscard]] std::uint8_t at(int x, int y) const { return pixels[std::size_t(y) * std::size_t(width) + std::size_t(x)]; }
};

}  // namespace mh
