// Reading and writing picture files (PNG, JPEG) as grey images, through Debian's stb_image.
#pragma once
#include <filesystem>
#include <string>

#include "shared/core/result.hpp"
#include "shared/ports/gray_image.hpp"

namespace mh {

// The biggest picture decoded (`decode`, the replay folder): a side of 8192 px and 40 megapixels.
// The size is read from the file's header first, so a 20000×20000 PNG is refused before a pixel is
// allocated; within the limit a colour picture peaks at about 5 bytes a pixel while it is converted.
inline constexpr int kMaxImageSide = 8192;
inline constexpr long long kMaxImagePixels = 40'000'000;

// PNG, JPEG (and the other formats stb_image knows) to luma. Error code image.read when the file
// is missing, unreadable or not a picture; image.too_big beyond the limits above.
Result<GrayImage> loadGrayImage(const std::filesystem::path& path);

// Error code image.write. quality is used for JPEG only (1-100).
Status saveGrayPng(const GrayImage& img, const std::filesystem::path& path);
Status saveGrayJpeg(const GrayImage& img, const std::filesystem::path& path, int quality);

}  // namespace mh
