#include "platform/print/draw_failure.hpp"

#include <cerrno>

#include "shared/core/write_failure.hpp"

namespace mh::print {

Error drawFailure(const std::filesystem::path& file, cairo_status_t status, int err) {
    const std::string name = file.filename().string();
    const std::string unchanged = "原来的文件没有改动。", unchangedEn = "; any earlier file is unchanged";
    if (status == CAIRO_STATUS_NO_MEMORY) return writeFailure(file, ENOMEM);
    if (status == CAIRO_STATUS_INVALID_SIZE)
        return {"draw.too_large", "图片太大，无法生成 " + name + "（超过了画图程序的尺寸上限）。" + unchanged,
                "the picture is too large to draw: " + name + unchangedEn};
    if (err == 0 && status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
        return {"draw.failed", "无法生成 " + name + "（画图出错：" + cairo_status_to_string(status) + "）。" + unchanged,
                "cannot draw " + name + " (cairo: " + cairo_status_to_string(status) + ")" + unchangedEn};
    return writeFailure(file, err);
}

}  // namespace mh::print
