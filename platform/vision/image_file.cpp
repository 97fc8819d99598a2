// stb_image does the file formats; this file only converts to luma and words the errors.
#include "platform/vision/image_file.hpp"

#include "platform/image/png_file.hpp"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include "shared/core/atomic_file.hpp"

namespace mh {

Result<GrayImage> loadGrayImage(const std::filesystem::path& path) {
    int w = 0, h = 0, n = 0;
    // Header only: stb would otherwise allocate the whole bitmap (and more for colour) before looking.
    if (stbi_info(path.c_str(), &w, &h, &n) && (w > kMaxImageSide || h > kMaxImageSide || (long long)w * h > kMaxImagePixels)) {
        std::string size = std::to_string(w) + "×" + std::to_string(h);
        return Error{"image.too_big",
                     "图片太大（" + size + " 像素）：最大每边 " + std::to_string(kMaxImageSide) + " 像素、共 4000 万像素，请缩小后再试：" +
                         path.string(),
                     "image too large (" + size + " px): at most " + std::to_string(kMaxImageSide) +
                         " px a side and 40 megapixels; scale it down: " + path.string()};
    }
    // Asking for 1 channel makes stb convert colour to luma itself.
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 1);
    if (!data)
        return Error{"image.read", "无法读取图片：" + path.string() + "（" + stbi_failure_reason() + "）",
                     "cannot read image: " + path.string() + " (" + stbi_failure_reason() + ")"};
    GrayImage img;
    img.width = w;
    img.height = h;
    img.pixels.assign(data, data + size_t(w) * size_t(h));
    stbi_image_free(data);
    return img;
}

Status saveGrayPng(const GrayImage& img, const std::filesystem::path& path) {
    if (!writePng({img.pixels.data(), img.width, img.height, img.width, PixelLayout::Gray8}, path))
        return Error{"image.write", "无法写入图片：" + path.string(), "cannot write image: " + path.string()};
    return okStatus();
}

Status saveGrayJpeg(const GrayImage& img, const std::filesystem::path& path, int quality) {
    auto write = [&](const std::filesystem::path& t) {
        return stbi_write_jpg(t.c_str(), img.width, img.height, 1, img.pixels.data(), quality) != 0;
    };
    if (!writeFileAtomic(path, write))
        return Error{"image.write", "无法写入图片：" + path.string(), "cannot write image: " + path.string()};
    return okStatus();
}

}  // namespace mh
