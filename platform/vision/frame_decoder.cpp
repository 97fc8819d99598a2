// Pass order matters: measured on the bench corpus (bench/bench_decode), the plain tryHarder pass
// reads most frames; of the hard 640x480 frames it misses, upscaling by 1.5 rescues the most, then
// other scales. The second binarizer, contrast stretch and denoising rescued none of our synthetic
// frames but are cheap insurance for real glare and dim rooms, so they come last. A frame stops at
// its first hit or when its time budget is spent.
#include "platform/vision/frame_decoder.hpp"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <chrono>
#include <functional>

#include "platform/vision/image_ops.hpp"

namespace mh {
namespace {

using Steady = std::chrono::steady_clock;

double msSince(Steady::time_point t0) {
    return std::chrono::duration<double, std::milli>(Steady::now() - t0).count();
}

ZXing::DecodeHints hintsFor(ZXing::Binarizer b, bool linear, int maxSymbols = 1) {
    ZXing::DecodeHints h;
    // No Code 39: it has no mandatory check digit, so noise can read as a short Code 39 code.
    h.setFormats(linear ? ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::Code128
                        : ZXing::BarcodeFormats(ZXing::BarcodeFormat::QRCode));
    h.setTryHarder(true);
    h.setTryRotate(linear);  // a QR code reads at any angle; rotation only helps 1D codes
    h.setBinarizer(b);
    h.setMaxNumberOfSymbols(maxSymbols);
    return h;
}

struct Hit {
    std::string text;
    int x0, y0, x1, y1;  // in the pass image's coordinates
};

std::optional<Hit> read(const GrayImage& img, const ZXing::DecodeHints& hints) {
    if (img.empty()) return std::nullopt;
    ZXing::ImageView view(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum);
    auto r = ZXing::ReadBarcode(view, hints);
    if (!r.isValid()) return std::nullopt;
    const auto& q = r.position();
    int x0 = q[0].x, x1 = q[0].x, y0 = q[0].y, y1 = q[0].y;
    for (int i = 1; i < 4; ++i) {
        x0 = std::min(x0, q[i].x), x1 = std::max(x1, q[i].x);
        y0 = std::min(y0, q[i].y), y1 = std::max(y1, q[i].y);
    }
    return Hit{r.text(), x0, y0, x1, y1};
}

// A pass: makes its image (scale = pass image size / frame size) and the hints to read it with.
struct Pass {
    const char* name;
    std::function<GrayImage(const GrayImage&)> prepare;  // empty result: pass does not apply
    ZXing::Binarizer binarizer;
};

GrayImage scaled(const GrayImage& f, double s) {
    return resizeGray(f, std::max(1, int(f.width * s + 0.5)), std::max(1, int(f.height * s + 0.5)));
}

// A frame no wider than VGA-ish: the code in it is small, so upscaling passes apply.
bool small(const GrayImage& f) { return f.width <= 800; }

const std::vector<Pass>& passes() {
    using B = ZXing::Binarizer;
    static const std::vector<Pass> list = {
        {"plain", [](const GrayImage& f) { return f; }, B::LocalAverage},
        // Small codes in small frames: modules of 2-4 pixels binarize better after upscaling, and
        // which factor works depends on how the modules fall on the pixel grid, so try several.
        {"upscale-1.5", [](const GrayImage& f) { return small(f) ? scaled(f, 1.5) : GrayImage{}; }, B::LocalAverage},
        // Big frames: halving smooths noise and blur and makes modules the size ZXing likes best.
        {"half", [](const GrayImage& f) { return small(f) ? GrayImage{} : scaled(f, 0.5); }, B::LocalAverage},
        // The other binarizer: a global threshold survives some blur the local one does not.
        {"global-histogram", [](const GrayImage& f) { return f; }, B::GlobalHistogram},
        {"upscale-2", [](const GrayImage& f) { return small(f) ? scaled(f, 2.0) : GrayImage{}; }, B::LocalAverage},
        {"upscale-1.25", [](const GrayImage& f) { return small(f) ? scaled(f, 1.25) : GrayImage{}; }, B::LocalAverage},
        {"upscale-1.75", [](const GrayImage& f) { return small(f) ? scaled(f, 1.75) : GrayImage{}; }, B::LocalAverage},
        {"two-thirds", [](const GrayImage& f) { return scaled(f, 2.0 / 3.0); }, B::LocalAverage},
        // Washed-out or glared frames: the global threshold after a contrast stretch.
        {"stretch-global", [](const GrayImage& f) { return stretchContrast(f); }, B::GlobalHistogram},
        {"denoise-stretch-upscale-2", [](const GrayImage& f) { return small(f) ? scaled(stretchContrast(boxBlur3(f)), 2.0) : GrayImage{}; },
         B::LocalAverage},
        {"denoise", [](const GrayImage& f) { return boxBlur3(f); }, B::LocalAverage},
    };
    return list;
}

}  // namespace

const std::vector<std::string>& FrameDecoder::passNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n{"roi"};
        for (const auto& p : passes()) n.emplace_back(p.name);
        return n;
    }();
    return names;
}

FrameDecode FrameDecoder::decode(const GrayImage& frame) {
    FrameDecode out;
    const auto t0 = Steady::now();
    auto remember = [&](const Hit& h, double scale, int offX, int offY) {
        m_roi = Box{int(h.x0 / scale) + offX, int(h.y0 / scale) + offY, int(h.x1 / scale) + offX,
                    int(h.y1 / scale) + offY, frame.width, frame.height};
        m_roiMisses = 0;
        out.payload = h.text;
    };
    if (frame.empty()) return out;

    // Pass 0: the previous hit's region, with a margin as big as the code (it may have moved).
    if (m_roi && m_roi->w == frame.width && m_roi->h == frame.height) {
        int bw = m_roi->x1 - m_roi->x0, bh = m_roi->y1 - m_roi->y0;
        int x = m_roi->x0 - bw, y = m_roi->y0 - bh;
        GrayImage crop = cropGray(frame, x, y, 3 * bw, 3 * bh);
        ++out.passesTried;
        if (auto h = read(crop, hintsFor(ZXing::Binarizer::LocalAverage, m_opt.alsoLinear))) {
            remember(*h, 1.0, std::max(0, x), std::max(0, y));
            out.pass = 0;
            out.ms = msSince(t0);
            return out;
        }
        if (++m_roiMisses > 5) m_roi.reset();  // the card has gone: stop spending time there
    }

    const auto& list = passes();
    for (size_t i = 0; i < list.size(); ++i) {
        if (i > 0 && m_opt.budgetMs > 0 && msSince(t0) >= m_opt.budgetMs) {
            out.budgetSpent = true;
            break;
        }
        GrayImage img = list[i].prepare(frame);
        if (img.empty()) continue;
        ++out.passesTried;
        if (auto h = read(img, hintsFor(list[i].binarizer, m_opt.alsoLinear))) {
            remember(*h, double(img.width) / frame.width, 0, 0);
            out.pass = int(i) + 1;
            break;
        }
    }
    out.ms = msSince(t0);
    return out;
}

std::vector<std::string> FrameDecoder::decodeAll(const GrayImage& image) const {
    std::vector<std::string> found;
    if (image.empty()) return found;
    for (const auto& pass : passes()) {
        GrayImage img = pass.prepare(image);
        if (img.empty()) continue;
        ZXing::ImageView view(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum);
        // 255: ZXing 1.4's most symbols one call returns (its default; the field is 8 bits).
        for (const auto& r : ZXing::ReadBarcodes(view, hintsFor(pass.binarizer, m_opt.alsoLinear, 255)))
            if (r.isValid() && std::find(found.begin(), found.end(), r.text()) == found.end()) found.push_back(r.text());
    }
    return found;
}

std::optional<std::string> decodePlainZxing(const GrayImage& frame) {
    if (frame.empty()) return std::nullopt;
    ZXing::ImageView view(frame.pixels.data(), frame.width, frame.height, ZXing::ImageFormat::Lum);
    auto r = ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    if (!r.isValid()) return std::nullopt;
    return r.text();
}

}  // namespace mh
