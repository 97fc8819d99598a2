// The one PNG writer: each pixel layout read back as the same colours (stb_image), and the dpi
// recorded as pHYs so cards print at their real size.
#include <doctest/doctest.h>

#include <cstring>
#include <vector>

#include <stb/stb_image.h>

#include "platform/image/png_file.hpp"
#include "support/test_site.hpp"

using namespace mh;
using namespace mh::test;

namespace {

std::vector<unsigned char> loadRgb(const std::filesystem::path& p, int& w, int& h) {
    int n = 0;
    unsigned char* d = stbi_load(p.c_str(), &w, &h, &n, 3);
    REQUIRE(d != nullptr);
    std::vector<unsigned char> v(d, d + size_t(w) * size_t(h) * 3);
    stbi_image_free(d);
    return v;
}

}  // namespace

TEST_CASE("the PNG writer keeps gray, RGBA and cairo RGB24 pixels, honours the stride, and records the dpi") {
    TempDir dir;
    int w = 0, h = 0;

    // 2x2 gray with a padded stride of 4.
    const std::uint8_t gray[] = {0, 50, 9, 9, 100, 255, 9, 9};
    REQUIRE(writePng({gray, 2, 2, 4, PixelLayout::Gray8}, dir.path() / "g.png"));
    auto g = loadRgb(dir.path() / "g.png", w, h);
    CHECK(w == 2);
    CHECK(h == 2);
    CHECK(g[3] == 50);
    CHECK(g[6] == 100);
    CHECK(g[9] == 255);

    // RGBA bytes: alpha dropped, colour kept.
    const std::uint8_t rgba[] = {10, 20, 30, 0, 40, 50, 60, 128};
    REQUIRE(writePng({rgba, 2, 1, 8, PixelLayout::Rgba8}, dir.path() / "c.png"));
    auto c = loadRgb(dir.path() / "c.png", w, h);
    CHECK(std::vector<unsigned char>(c.begin(), c.end()) == std::vector<unsigned char>{10, 20, 30, 40, 50, 60});

    // cairo RGB24 words 0x00RRGGBB in native order, at 300 dpi.
    const std::uint32_t words[] = {0x00112233u, 0x00AABBCCu};
    REQUIRE(writePng({reinterpret_cast<const std::uint8_t*>(words), 2, 1, 8, PixelLayout::CairoRgb24, 300}, dir.path() / "k.png"));
    auto k = loadRgb(dir.path() / "k.png", w, h);
    CHECK(k == std::vector<unsigned char>{0x11, 0x22, 0x33, 0xAA, 0xBB, 0xCC});
    std::string bytes = readFile(dir.path() / "k.png");
    auto at = bytes.find("pHYs");
    REQUIRE(at != std::string::npos);
    const unsigned char* ppm = reinterpret_cast<const unsigned char*>(bytes.data() + at + 4);
    CHECK(((ppm[0] << 24) | (ppm[1] << 16) | (ppm[2] << 8) | ppm[3]) == 11811);  // 300 dpi in pixels per metre
    CHECK(readFile(dir.path() / "g.png").find("pHYs") == std::string::npos);

    // A folder that is not there: refused, nothing left behind.
    CHECK_FALSE(writePng({gray, 2, 2, 4, PixelLayout::Gray8}, dir.path() / "missing" / "g.png"));
}
