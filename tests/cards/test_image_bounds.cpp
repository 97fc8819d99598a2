// Pictures too big to decode (issue 11: a 20000×20000 PNG grew `decode` to 1.3 GB) are refused from
// their header, with the limit in the message, and the kiosk process stays small while refusing.
#include <doctest/doctest.h>
#include <zlib.h>

#include <fstream>

#include "platform/vision/image_file.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"

using namespace mh;
namespace fs = std::filesystem;

namespace {

void put32(std::string& s, std::uint32_t v) {
    for (int shift : {24, 16, 8, 0}) s += char((v >> shift) & 0xFF);
}

void writeChunk(std::ofstream& out, const char* type, const std::string& data) {
    std::string len;
    put32(len, std::uint32_t(data.size()));
    std::string body = std::string(type, 4) + data;
    std::string crc;
    put32(crc, std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()))));
    out << len << body << crc;
}

// A real, valid greyscale PNG of w×h black pixels, compressed row by row, so neither the test nor
// the file needs the bitmap in memory (a 20000×20000 one is about 400 KB on disk).
void writeBlackPng(const fs::path& path, std::uint32_t w, std::uint32_t h) {
    std::ofstream out(path, std::ios::binary);
    out << std::string("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    put32(ihdr, w);
    put32(ihdr, h);
    ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit grey, deflate, no filter, no interlace
    writeChunk(out, "IHDR", ihdr);
    z_stream z{};
    REQUIRE(deflateInit2(&z, 1, Z_DEFLATED, 15, 8, Z_RLE) == Z_OK);
    std::string row(w + 1, '\0');  // filter byte 0, then the pixels
    std::string buf(1 << 16, '\0');
    for (std::uint32_t y = 0; y <= h; ++y) {
        bool last = y == h;
        z.next_in = reinterpret_cast<Bytef*>(row.data());
        z.avail_in = last ? 0 : uInt(row.size());
        do {
            z.next_out = reinterpret_cast<Bytef*>(buf.data());
            z.avail_out = uInt(buf.size());
            deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
            size_t got = buf.size() - z.avail_out;
            if (got) writeChunk(out, "IDAT", buf.substr(0, got));
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    writeChunk(out, "IEND", "");
}

// A baseline JPEG header declaring w×h (stb reads the size from the SOF0 segment).
void writeJpegHeader(const fs::path& path, std::uint16_t w, std::uint16_t h) {
    std::string s = "\xFF\xD8\xFF\xC0";
    s += std::string("\x00\x0B\x08", 3);
    s += char(h >> 8), s += char(h & 0xFF), s += char(w >> 8), s += char(w & 0xFF);
    s += std::string("\x01\x01\x11\x00", 4);
    s += "\xFF\xD9";
    test::writeFile(path, s);
}

}  // namespace

TEST_CASE("`kiosk decode` refuses a 20000x20000 PNG from its header, in bounded memory") {
    test::TempDir tmp;
    fs::path png = tmp.path() / "huge.png";
    writeBlackPng(png, 20000, 20000);
    CHECK(fs::file_size(png) < 8u << 20);
    auto r = test::kiosk({"decode", png.string()});
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("20000×20000") != std::string::npos);
    CHECK(r.err.find("8192") != std::string::npos);
    MESSAGE("peak RSS of `kiosk decode` on a 20000x20000 PNG: " << r.maxRssKb / 1024 << " MB");
    CHECK(r.maxRssKb > 0);
    CHECK(r.maxRssKb < 200 * 1024);
}

TEST_CASE("picture limits: a side over 8192 px or over 40 megapixels is refused, a normal frame is read") {
    test::TempDir tmp;
    writeJpegHeader(tmp.path() / "wide.jpg", 9000, 100);
    auto wide = loadGrayImage(tmp.path() / "wide.jpg");
    REQUIRE_FALSE(wide.ok());
    CHECK(wide.error().code == "image.too_big");
    writeJpegHeader(tmp.path() / "big.jpg", 8000, 6000);  // 48 megapixels, each side allowed
    CHECK(loadGrayImage(tmp.path() / "big.jpg").error().code == "image.too_big");
    writeBlackPng(tmp.path() / "frame.png", 1280, 720);
    auto frame = loadGrayImage(tmp.path() / "frame.png");
    REQUIRE(frame.ok());
    CHECK(frame->width == 1280);
    CHECK(frame->height == 720);
}
