// The one decode pipeline for camera frames and image files: several ZXing passes over one frame
// (tryHarder, two binarizers, scales, contrast stretch, region of the previous hit), cheapest first,
// stopping at the first hit or when the frame's time budget is spent.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "shared/ports/gray_image.hpp"

namespace mh {

struct FrameDecoderOptions {
    // Wall time one frame may take; 0 = no limit (files). Kept under the 33 ms between camera frames:
    // with 40 ms the worker was still busy on an empty scene when a card came into view, and the
    // scan-latency bench's p99 rose from 17 to 62 ms. A card is held for many frames, so a frame
    // cut short costs little: the next one gets the same passes.
    double budgetMs = 20.0;
    // QR only by default: the kiosk's cards are QR. Code 128 as well where legacy barcode cards
    // are allowed (and for `decode`): it adds the 1D scan (with rotation) to every pass.
    bool alsoLinear = false;
};

struct FrameDecode {
    std::optional<std::string> payload;  // the first code found
    int pass = -1;                       // which pass found it (index into passNames()), -1 none
    int passesTried = 0;
    double ms = 0;
    bool budgetSpent = false;
};

class FrameDecoder {
public:
    explicit FrameDecoder(FrameDecoderOptions opt = {}) : m_opt(opt) {}

    // Decodes one frame. Remembers where a code was found so the next frame tries that region
    // first (a card held in front of the camera barely moves between frames).
    FrameDecode decode(const GrayImage& frame);

    // Forget the previous hit (a new, unrelated image: e.g. the next file of `kiosk decode`).
    void reset() { m_roi.reset(); }

    // Every code in a still picture (`kiosk decode` of an A4 sheet of ten cards), each once, in the
    // order the passes found them: every pass runs (no time budget, no region memory), since a
    // code one pass misses another may read. Slow on purpose; never for camera frames.
    [[nodiscard]] std::vector<std::string> decodeAll(const GrayImage& image) const;

    static const std::vector<std::string>& passNames();

private:
    struct Box {
        int x0, y0, x1, y1;
        int w, h;  // frame size the box belongs to
    };
    FrameDecoderOptions m_opt;
    std::optional<Box> m_roi;
    int m_roiMisses = 0;
};

// One plain ZXing call (ReadBarcode with default hints, QR only): the baseline in benchmarks.
std::optional<std::string> decodePlainZxing(const GrayImage& frame);

}  // namespace mh
