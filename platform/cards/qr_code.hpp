// QR encoding of a card payload into a module grid (ZXing's writer), and drawing that grid with cairo
// for every printed card (elder cards, county setup cards).
#pragma once
#include <cairo.h>

#include <string>
#include <vector>

namespace mh {

struct QrModules {
    int size = 0;               // modules per side, without quiet zone
    std::vector<bool> dark;     // size*size, row-major
    [[nodiscard]] bool at(int x, int y) const { return dark[size_t(y) * size_t(size) + size_t(x)]; }
};

// Error correction M: a card payload (~120 characters, alphanumeric mode) fits version 5 (37x37),
// keeping modules large enough for a cheap camera at arm's length; M still survives a scuffed
// corner. Throws std::invalid_argument for text no QR version can hold (never a card payload).
QrModules encodeQr(const std::string& text);

// Fills the dark modules in black, `module` whole pixels each (so the print is crisp), with the grid's
// top-left corner 4 modules (the quiet zone) inside (qx, qy). Leaves cairo's antialias as it found it
// (the default).
void drawQrModules(cairo_t* cr, const QrModules& q, double qx, double qy, int module);

}  // namespace mh
