// Reading and writing picture files (PNG, JPEG) as grey images, through Debian's stb_image.
#pragma once
#include <filesystem>
#include <string>

#include "shared/core/result.hpp"
#include "shared/ports/gray_image.hpp"

namespace mh {

// PNG, JPEG (and the other formats stb_image knows) to luma. Error code image.read when the file
// is missing, unreadable or not a picture.
Result<GrayImage> loadGrayImage(const std::filesystem::path& path);

// Error code image.write. quality is used for JPEG only (1-100).
Status saveGrayPng(const GrayImage& img, const std::filesystem::path& path);
Status saveGrayJpeg(const GrayImage& img, const std::filesystem::path& path, int quality);

}  // namespace mh
