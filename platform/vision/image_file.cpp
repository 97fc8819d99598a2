// stb_image does the file formats; this file only converts to luma and words the errors.
#include "platform/vision/image_file.hpp"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include "shared/core/atomic_file.hpp"

namespace mh {

Result<GrayImage> loadGrayImage(const std::filesystem::path& path) {
    int w = 0, h = 0, n = 0;
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
    auto write = [&](const std::filesystem::path& t) {
        return stbi_write_png(t.c_str(), img.width, img.height, 1, img.pixels.data(), img.width) != 0;
    };
    if (!writeFileAtomic(path, write))
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
