// Synthetic camera frames of our own printed cards, for the read-rate tests and benches: the card
// rendered by card_render, placed in a frame with rotation and perspective, then degraded with
// blur, noise, uneven light, glare and JPEG compression. Deterministic per (set, size, index).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "shared/cards/card_signature.hpp"
#include "shared/ports/gray_image.hpp"

namespace mh::corpus {

enum class Difficulty { Easy, Hard };

struct Distortion {
    double cardWidthFrac = 0.6;   // card width / frame width
    double rotationDeg = 0;
    double tiltX = 0, tiltY = 0;  // perspective: relative shortening of one edge (0..0.4)
    double blurSigma = 0;         // pixels
    double noiseSigma = 0;        // luma levels
    double lightGradient = 0;     // 0..1: how much darker the dim side is
    double glare = 0;             // 0..1: peak of a bright spot over the card
    int jpegQuality = 0;          // 0: none
    double contrast = 1;          // < 1: washed out print or dim room
};

struct SynthFrame {
    GrayImage image;
    std::string payload;  // what the card's QR holds
    Distortion how;
};

// Signs cards for a handful of made-up elders with `key`, renders them once, and makes frames.
class FrameSynth {
public:
    explicit FrameSynth(const CardKeyPair& key, int cards = 6);
    SynthFrame make(Difficulty d, int width, int height, std::uint32_t index) const;
    static Distortion draw(Difficulty d, std::uint32_t seed);
    SynthFrame render(const Distortion& how, int width, int height, std::uint32_t seed, int card) const;

private:
    std::vector<GrayImage> m_cards;
    std::vector<std::string> m_payloads;
};

// The same key pair for the same seed: reproducible frames (the QR code depends on the signature).
CardKeyPair fixedKey(int seed);

// Helpers exposed for tests of the synthesiser itself.
GrayImage gaussianBlur(const GrayImage& src, double sigma);
GrayImage jpegRoundTrip(const GrayImage& src, int quality);

}  // namespace mh::corpus
