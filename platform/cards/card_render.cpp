// Layout of the card, in pixels at 300 dpi. Large type and a large QR code: elders have weak eyes
// and kiosk cameras are cheap. The QR sits on white with a 4-module quiet zone, away from the
// coloured band so the binarizer sees clean contrast.
#include "platform/cards/card_render.hpp"

#include <cairo.h>
#include "platform/image/png_file.hpp"
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include "platform/cards/card_text.hpp"
#include "platform/cards/qr_code.hpp"
#include "shared/core/atomic_file.hpp"

namespace mh {
namespace {

struct SurfaceDel {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDel {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDel>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDel>;

// The elder card's lines: never below 12 px.
double drawText(cairo_t* cr, const std::string& text, double x, double y, double px, bool bold, double maxWidth,
                double r = 0.1, double g = 0.1, double b = 0.1) {
    return drawFittedText(cr, text, x, y, px, bold, maxWidth, 12, CardInk{r, g, b});
}

void roundedRect(cairo_t* cr, double x, double y, double w, double h, double r) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
    cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

// One card with its top-left corner at the current origin.
void drawCard(cairo_t* cr, const CardFace& f) {
    const double W = kCardWidthPx, H = kCardHeightPx, band = 118;
    cairo_save(cr);
    roundedRect(cr, 0, 0, W, H, 38);  // ID-1 corner radius 3.18 mm
    cairo_clip_preserve(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill(cr);

    // Header band: deep red, the colour of official notices, with the site name in white.
    cairo_set_source_rgb(cr, 0.70, 0.11, 0.11);
    cairo_rectangle(cr, 0, 0, W, band);
    cairo_fill(cr);
    drawText(cr, f.siteName, 40, 22, 56, true, W - 290, 1, 1, 1);
    drawText(cr, "助餐卡", W - 215, 30, 50, true, 190, 1, 0.92, 0.6);

    // QR code: whole pixels per module so the print is crisp; quiet zone of 4 modules.
    QrModules q = encodeQr(f.payload);
    const double qrBox = H - band - 40;  // square area left of the text
    const int module = std::max(1, int(qrBox / (q.size + 8)));
    const double side = module * (q.size + 8);
    const double qx = 24, qy = band + (H - band - side) / 2;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, qx, qy, side, side);
    cairo_fill(cr);
    drawQrModules(cr, q, qx, qy, module);

    // Text column: the name big enough to read without glasses, then the numbers staff ask for.
    const double tx = qx + side + 20, tw = W - tx - 36;
    double y = band + 36;
    drawText(cr, "姓名", tx, y, 30, false, tw, 0.45, 0.45, 0.45);
    y += 42;
    y += drawText(cr, f.elderName, tx, y, 104, true, tw) + 14;
    if (!f.village.empty()) y += drawText(cr, f.village, tx, y, 38, false, tw, 0.25, 0.25, 0.25) + 18;
    y = std::max(y, band + 300.0);
    y += drawText(cr, "编号  " + f.elderId, tx, y, 32, false, tw, 0.25, 0.25, 0.25) + 6;
    drawText(cr, "卡号  " + f.serial, tx, y, 32, false, tw, 0.25, 0.25, 0.25);
    drawText(cr, "签到时请把二维码对准扫描口", tx, H - 62, 27, false, tw, 0.55, 0.1, 0.1);

    // Border, so a card cut from a sheet or printed on white stock shows its edge.
    cairo_reset_clip(cr);
    roundedRect(cr, 1.5, 1.5, W - 3, H - 3, 37);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 3);
    cairo_stroke(cr);
    cairo_restore(cr);
}

// Through the PNG writer rather than cairo_surface_write_to_png, to record 300 dpi (pHYs): a viewer
// or print dialog then prints the card at its real 85.6 x 54 mm instead of guessing 96 dpi.
// Written under a temporary name and renamed when whole (contract 2).
Status writePng(cairo_surface_t* s, const std::filesystem::path& out) {
    cairo_surface_flush(s);
    PngPixels px{cairo_image_surface_get_data(s), cairo_image_surface_get_width(s), cairo_image_surface_get_height(s),
                 cairo_image_surface_get_stride(s), PixelLayout::CairoRgb24, 300};
    if (!mh::writePng(px, out)) return Error{"card.write", "无法写入文件：" + out.string(), "cannot write file: " + out.string()};
    return okStatus();
}

SurfacePtr newSurface(int w, int h) { return SurfacePtr(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)); }

}  // namespace

Status writeCardPng(const CardFace& face, const std::filesystem::path& out) {
    auto s = newSurface(kCardWidthPx, kCardHeightPx);
    CairoPtr cr(cairo_create(s.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);  // outside the rounded corners: paper white
    cairo_paint(cr.get());
    drawCard(cr.get(), face);
    return writePng(s.get(), out);
}

Result<std::vector<std::filesystem::path>> writeCardSheets(const std::vector<CardFace>& faces,
                                                           const std::filesystem::path& out) {
    std::vector<std::filesystem::path> written;
    const double gapX = 120, gapY = 50;
    const double x0 = (kSheetWidthPx - 2 * kCardWidthPx - gapX) / 2;
    const double y0 = (kSheetHeightPx - 5 * kCardHeightPx - 4 * gapY) / 2;
    for (size_t first = 0, page = 1; first < faces.size(); first += kCardsPerSheet, ++page) {
        auto s = newSurface(kSheetWidthPx, kSheetHeightPx);
        CairoPtr cr(cairo_create(s.get()));
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        for (size_t i = first; i < std::min(faces.size(), first + kCardsPerSheet); ++i) {
            int slot = int(i - first), col = slot % 2, row = slot / 2;
            double x = x0 + col * (kCardWidthPx + gapX), y = y0 + row * (kCardHeightPx + gapY);
            // Cut marks at the four corners, outside the card.
            cairo_set_source_rgb(cr.get(), 0.3, 0.3, 0.3);
            cairo_set_line_width(cr.get(), 2);
            for (double cx : {x, x + kCardWidthPx})
                for (double cy : {y, y + kCardHeightPx}) {
                    double dx = cx == x ? -1 : 1, dy = cy == y ? -1 : 1;
                    cairo_move_to(cr.get(), cx + dx * 8, cy);
                    cairo_line_to(cr.get(), cx + dx * 40, cy);
                    cairo_move_to(cr.get(), cx, cy + dy * 8);
                    cairo_line_to(cr.get(), cx, cy + dy * 40);
                }
            cairo_stroke(cr.get());
            cairo_save(cr.get());
            cairo_translate(cr.get(), x, y);
            drawCard(cr.get(), faces[i]);
            cairo_restore(cr.get());
        }
        std::filesystem::path file = out;
        if (page > 1) file.replace_filename(out.stem().string() + "-" + std::to_string(page) + out.extension().string());
        if (auto st = writePng(s.get(), file); !st) return st.error();
        written.push_back(file);
    }
    return written;
}

GrayImage renderCardGray(const CardFace& face) {
    auto s = newSurface(kCardWidthPx, kCardHeightPx);
    CairoPtr cr(cairo_create(s.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    drawCard(cr.get(), face);
    cairo_surface_flush(s.get());
    GrayImage g(kCardWidthPx, kCardHeightPx);
    const unsigned char* data = cairo_image_surface_get_data(s.get());
    const int stride = cairo_image_surface_get_stride(s.get());
    for (int y = 0; y < g.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + size_t(y) * stride);
        for (int x = 0; x < g.width; ++x) {
            std::uint32_t p = row[x];
            unsigned r = (p >> 16) & 0xff, gg = (p >> 8) & 0xff, b = p & 0xff;
            g.at(x, y) = std::uint8_t((306 * r + 601 * gg + 117 * b + 0x200) >> 10);
        }
    }
    return g;
}

}  // namespace mh
