#include "platform/image/png_file.hpp"

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include <png.h>

#include "shared/core/atomic_file.hpp"

namespace mh {
namespace {

// One output row in libpng's layout (gray or RGB bytes) from a source row.
void convertRow(const PngPixels& px, const std::uint8_t* src, std::vector<png_byte>& row) {
    switch (px.layout) {
        case PixelLayout::Gray8:
            std::memcpy(row.data(), src, size_t(px.width));
            break;
        case PixelLayout::Rgba8:
            for (int x = 0; x < px.width; ++x) std::memcpy(&row[size_t(x) * 3], src + size_t(x) * 4, 3);
            break;
        case PixelLayout::CairoRgb24: {
            const auto* words = reinterpret_cast<const std::uint32_t*>(src);
            for (int x = 0; x < px.width; ++x) {
                row[size_t(x) * 3] = png_byte((words[x] >> 16) & 0xff);
                row[size_t(x) * 3 + 1] = png_byte((words[x] >> 8) & 0xff);
                row[size_t(x) * 3 + 2] = png_byte(words[x] & 0xff);
            }
            break;
        }
    }
}

// libpng reports failure by longjmp: nothing with a destructor may live in this frame's scope
// between setjmp and the end, so the row buffer is the caller's.
// libpng's own handlers print "libpng error: Write Error" on stderr; the caller says the cause in
// words instead, so failures only jump back to writeRows.
void quietError(png_structp png, png_const_charp) { png_longjmp(png, 1); }
void quietWarning(png_structp, png_const_charp) {}

bool writeRows(const PngPixels& px, FILE* f, std::vector<png_byte>& row) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, quietError, quietWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, f);
    const bool gray = px.layout == PixelLayout::Gray8;
    png_set_IHDR(png, info, png_uint_32(px.width), png_uint_32(px.height), 8, gray ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (px.dpi > 0) {
        auto perMetre = png_uint_32(px.dpi / 0.0254 + 0.5);  // 300 dpi = 11811 px/m
        png_set_pHYs(png, info, perMetre, perMetre, PNG_RESOLUTION_METER);
    }
    png_write_info(png, info);
    for (int y = 0; y < px.height; ++y) {
        convertRow(px, px.data + size_t(y) * size_t(px.stride), row);
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

}  // namespace

bool encodePng(const PngPixels& px, const std::filesystem::path& file, int* errnoOut) {
    // errno is read right where a call failed: later calls (fclose, free) may change it.
    auto failed = [&](int err) {
        if (errnoOut) *errnoOut = err;
        return false;
    };
    if (!px.data || px.width <= 0 || px.height <= 0) return failed(EINVAL);
    errno = 0;
    FILE* f = std::fopen(file.c_str(), "wb");
    if (!f) return failed(errno);
    std::vector<png_byte> row(size_t(px.width) * (px.layout == PixelLayout::Gray8 ? 1 : 3));
    errno = 0;
    bool ok = writeRows(px, f, row) && std::fflush(f) == 0;
    int err = errno;
    if (std::fclose(f) != 0 && ok) {
        ok = false;
        err = errno;
    }
    return ok || failed(err);
}

Status writePng(const PngPixels& px, const std::filesystem::path& file) {
    if (auto written = writeFileAtomic(file, [&](const std::filesystem::path& t) { return encodePng(px, t); }); !written)
        return outputWriteError(file);
    return okStatus();
}

}  // namespace mh
