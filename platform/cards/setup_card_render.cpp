// Layout of the county setup card, in pixels at 300 dpi: title band, the QR code as large as the
// page allows (a terminal's camera reads it at arm's length), then the plain words under it.
#include "platform/cards/setup_card_render.hpp"

#include <cairo.h>

#include <algorithm>
#include <memory>

#include "platform/cards/card_text.hpp"
#include "platform/cards/qr_code.hpp"
#include "platform/image/png_file.hpp"

namespace mh {
namespace {

// The setup card's lines: grey ink (0 black .. 1 white), never below 14 px.
double drawText(cairo_t* cr, const std::string& text, double x, double y, double px, bool bold, double maxWidth,
                double grey = 0.1) {
    return drawFittedText(cr, text, x, y, px, bold, maxWidth, 14, CardInk{grey, grey, grey});
}

}  // namespace

Status writeSetupCardPng(const SetupCardFace& f, const std::filesystem::path& out) {
    const double W = kSetupCardWidthPx, margin = 70, band = 190;
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, kSetupCardWidthPx, kSetupCardHeightPx), &cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> crp(cairo_create(s.get()), &cairo_destroy);
    cairo_t* cr = crp.get();
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    // Title band in the blue of county IT's forms, so it is not mistaken for an elder's red card.
    cairo_set_source_rgb(cr, 0.10, 0.27, 0.55);
    cairo_rectangle(cr, 0, 0, W, band);
    cairo_fill(cr);
    drawText(cr, "县平台接入卡", margin, 45, 92, true, W - 2 * margin, 1.0);

    // QR: whole pixels per module, 4-module quiet zone, centred.
    QrModules q = encodeQr(f.payload);
    // Room kept under the code for five lines of words.
    const double box = std::min(W - 2 * margin, double(kSetupCardHeightPx) - band - 40 - 560);
    const int module = std::max(1, int(box / (q.size + 8)));
    const double side = module * (q.size + 8);
    const double qx = (W - side) / 2, qy = band + 40;
    drawQrModules(cr, q, qx, qy, module);

    double y = qy + side + 30;
    const double tw = W - 2 * margin;
    y += drawText(cr, "站点 ID  " + f.siteId, margin, y, 58, true, tw) + 16;
    if (!f.siteName.empty()) y += drawText(cr, "站点名称  " + f.siteName, margin, y, 50, false, tw) + 12;
    y += drawText(cr, "地址  " + f.endpoint, margin, y, 40, false, tw, 0.2) + 12;
    // The last day on the same line: the card's words keep their five lines.
    std::string dates = "签发日期  " + f.issued + (f.expires.empty() ? "" : "    有效到  " + f.expires);
    y += drawText(cr, dates, margin, y, 36, false, tw, 0.3) + 30;
    drawText(cr, "用法：自助机第一次开机设置时，或工作人员“设置”页上，把此卡对准扫描口。", margin, y, 32, false, tw, 0.3);
    y += 50;
    drawText(cr, "此卡含本站上报口令，请妥善保管，设置完成后锁好或销毁。", margin, y, 32, false, tw, 0.55);

    cairo_surface_flush(s.get());
    PngPixels px{cairo_image_surface_get_data(s.get()), kSetupCardWidthPx, kSetupCardHeightPx,
                 cairo_image_surface_get_stride(s.get()), PixelLayout::CairoRgb24, 300};
    if (!writePng(px, out)) return Error{"setup.write", "无法写入文件：" + out.string(), "cannot write file: " + out.string()};
    return okStatus();
}

}  // namespace mh
