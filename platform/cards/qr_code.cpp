// ZXing 1.4's MultiFormatWriter: eccLevel is on a 0-8 scale for QR (4 = M), margin 0 here because
// the card layout draws its own quiet zone.
#include "platform/cards/qr_code.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace mh {

QrModules encodeQr(const std::string& text) {
    ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setEccLevel(4).setMargin(0).encode(text, 1, 1);
    QrModules q;
    q.size = m.width();
    q.dark.resize(size_t(q.size) * size_t(q.size));
    for (int y = 0; y < q.size; ++y)
        for (int x = 0; x < q.size; ++x) q.dark[size_t(y) * size_t(q.size) + size_t(x)] = m.get(x, y);
    return q;
}

void drawQrModules(cairo_t* cr, const QrModules& q, double qx, double qy, int module) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    for (int y = 0; y < q.size; ++y)
        for (int x = 0; x < q.size; ++x)
            if (q.at(x, y)) cairo_rectangle(cr, qx + (x + 4) * module, qy + (y + 4) * module, module, module);
    cairo_fill(cr);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT);
}

}  // namespace mh
