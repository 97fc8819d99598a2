// QR encoding of a card payload into a module grid (ZXing's writer), for drawing at any size.
#pragma once
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

}  // namespace mh
