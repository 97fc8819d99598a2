// The panel's size from its EDID: a fixture blob of a 7" 1024x600 panel, the fall-back to the base
// block's centimetres, blocks that give no size, and the sysfs look-up of the connected output.
#include <doctest/doctest.h>

#include <fstream>

#include "platform/sdl_ui/panel_size.hpp"
#include "support/test_site.hpp"

using namespace mh;
using platform::edidPanelSize;

namespace {

// A 7" 1024x600 panel's base block as such panels ship it: 15 x 9 cm, and 154 x 86 mm in the
// preferred timing descriptor.
std::vector<std::uint8_t> sevenInchEdid() {
    std::vector<std::uint8_t> e(128, 0);
    const std::uint8_t head[] = {0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x31, 0xD8, 0x34, 0x12};
    std::copy(std::begin(head), std::end(head), e.begin());
    e[18] = 1, e[19] = 3;    // EDID 1.3
    e[20] = 0x80;            // digital input
    e[21] = 15, e[22] = 9;   // cm
    e[54] = 0x64, e[55] = 0x19;  // 65 MHz pixel clock: a timing, not a text descriptor
    e[56] = 0x00, e[58] = 0x40;  // 1024 wide (upper nibble 4 of byte 58)
    e[59] = 0x58, e[61] = 0x20;  // 600 high
    e[66] = 154, e[67] = 86, e[68] = 0x00;  // mm
    return e;
}

void fixChecksum(std::vector<std::uint8_t>& e) {
    unsigned sum = 0;
    for (size_t i = 0; i < 127; ++i) sum += e[i];
    e[127] = std::uint8_t((256 - sum % 256) % 256);
}

}  // namespace

TEST_CASE("a 7-inch panel's EDID gives its millimetres and a 7-inch diagonal") {
    auto e = sevenInchEdid();
    fixChecksum(e);
    auto s = edidPanelSize(e);
    REQUIRE(s);
    CHECK(s->width == 154);
    CHECK(s->height == 86);
    CHECK(s->diagonalInch() == doctest::Approx(6.94).epsilon(0.01));
}

TEST_CASE("without millimetres in the timing descriptor the base block's centimetres are used") {
    auto e = sevenInchEdid();
    e[66] = 16, e[67] = 9;  // an aspect ratio where the size should be
    fixChecksum(e);
    auto s = edidPanelSize(e);
    REQUIRE(s);
    CHECK(s->width == 150);
    CHECK(s->height == 90);
}

TEST_CASE("an EDID that gives no size, a bad checksum or a short block gives nothing") {
    auto none = sevenInchEdid();
    none[21] = none[22] = 0;
    none[66] = none[67] = 0;
    fixChecksum(none);
    CHECK_FALSE(edidPanelSize(none));
    auto bad = sevenInchEdid();
    fixChecksum(bad);
    bad[30] ^= 1;
    CHECK_FALSE(edidPanelSize(bad));
    CHECK_FALSE(edidPanelSize(std::vector<std::uint8_t>(64, 0)));
}

TEST_CASE("the connected output's EDID is found under /sys/class/drm, a disconnected one skipped") {
    test::TempDir drm;
    auto write = [&](const std::string& name, const std::string& status, const std::vector<std::uint8_t>& edid) {
        std::filesystem::create_directories(drm.path() / name);
        std::ofstream(drm.path() / name / "status") << status << "\n";
        std::ofstream out(drm.path() / name / "edid", std::ios::binary);
        out.write(reinterpret_cast<const char*>(edid.data()), std::streamsize(edid.size()));
    };
    auto big = sevenInchEdid();
    big[66] = 0x40, big[67] = 0x0C, big[68] = 0x11;  // 320 x 268 mm
    fixChecksum(big);
    auto seven = sevenInchEdid();
    fixChecksum(seven);
    write("card0-HDMI-A-1", "disconnected", big);
    write("card0-DSI-1", "connected", seven);
    auto s = platform::connectedPanelSize(drm.path());
    REQUIRE(s);
    CHECK(s->width == 154);
    CHECK_FALSE(platform::connectedPanelSize(drm.path() / "nothing-here"));
}
