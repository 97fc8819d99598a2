// How a card looks to a cheap kiosk camera: a projective warp of the printed card over a cluttered
// background, then the optical and sensor damage in the order it happens (light, glare, blur,
// noise, compression).
#include "bench/corpus/frame_synth.hpp"

#include <sodium.h>
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

#include "platform/cards/card_render.hpp"
#include "platform/vision/image_ops.hpp"

namespace mh::corpus {
namespace {

using Mat3 = std::array<double, 9>;

// Homography taking each dst[i] to src[i] (4 point pairs), by Gaussian elimination on the 8x8 DLT.
Mat3 homography(const std::array<std::array<double, 2>, 4>& dst, const std::array<std::array<double, 2>, 4>& src) {
    double a[8][9] = {};
    for (int i = 0; i < 4; ++i) {
        double x = dst[i][0], y = dst[i][1], u = src[i][0], v = src[i][1];
        double r0[9] = {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
        double r1[9] = {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        std::copy(r0, r0 + 9, a[2 * i]);
        std::copy(r1, r1 + 9, a[2 * i + 1]);
    }
    for (int c = 0; c < 8; ++c) {
        int p = c;
        for (int r = c + 1; r < 8; ++r)
            if (std::fabs(a[r][c]) > std::fabs(a[p][c])) p = r;
        std::swap(a[c], a[p]);
        for (int r = 0; r < 8; ++r) {
            if (r == c) continue;
            double f = a[r][c] / a[c][c];
            for (int k = c; k < 9; ++k) a[r][k] -= f * a[c][k];
        }
    }
    Mat3 h{};
    for (int i = 0; i < 8; ++i) h[i] = a[i][8] / a[i][i];
    h[8] = 1;
    return h;
}

double uniform(std::mt19937& g, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(g); }

GrayImage background(int w, int h, std::mt19937& g) {
    GrayImage bg(w, h);
    double a = uniform(g, 60, 170), b = uniform(g, 60, 170), ang = uniform(g, 0, 6.28);
    double dx = std::cos(ang) / w, dy = std::sin(ang) / h;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double t = std::clamp(0.5 + (x - w / 2.0) * dx + (y - h / 2.0) * dy, 0.0, 1.0);
            bg.at(x, y) = std::uint8_t(a + (b - a) * t);
        }
    // Clutter: a few dark and light blocks (a sleeve, a table edge, a poster behind).
    int n = std::uniform_int_distribution<int>(2, 6)(g);
    for (int i = 0; i < n; ++i) {
        int x0 = int(uniform(g, 0, w)), y0 = int(uniform(g, 0, h));
        int x1 = std::min(w, x0 + int(uniform(g, w / 10.0, w / 2.0))), y1 = std::min(h, y0 + int(uniform(g, h / 10.0, h / 2.0)));
        auto v = std::uint8_t(uniform(g, 20, 230));
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) bg.at(x, y) = v;
    }
    return bg;
}

}  // namespace

CardKeyPair fixedKey(int seed) {
    CardKeyPair key;
    unsigned char bytes[crypto_sign_SEEDBYTES] = {};
    bytes[0] = static_cast<unsigned char>(seed);
    bytes[1] = static_cast<unsigned char>(seed >> 8);
    crypto_sign_seed_keypair(key.pub.data(), key.sec.data(), bytes);
    return key;
}

GrayImage gaussianBlur(const GrayImage& src, double sigma) {
    if (sigma < 0.3) return src;
    int r = int(std::ceil(sigma * 2.5));
    std::vector<double> k(size_t(2 * r + 1));
    double sum = 0;
    for (int i = -r; i <= r; ++i) sum += k[size_t(i + r)] = std::exp(-i * i / (2 * sigma * sigma));
    for (auto& v : k) v /= sum;
    GrayImage tmp(src.width, src.height), out(src.width, src.height);
    for (int y = 0; y < src.height; ++y)
        for (int x = 0; x < src.width; ++x) {
            double acc = 0;
            for (int i = -r; i <= r; ++i) acc += k[size_t(i + r)] * src.at(std::clamp(x + i, 0, src.width - 1), y);
            tmp.at(x, y) = std::uint8_t(acc + 0.5);
        }
    for (int y = 0; y < src.height; ++y)
        for (int x = 0; x < src.width; ++x) {
            double acc = 0;
            for (int i = -r; i <= r; ++i) acc += k[size_t(i + r)] * tmp.at(x, std::clamp(y + i, 0, src.height - 1));
            out.at(x, y) = std::uint8_t(acc + 0.5);
        }
    return out;
}

GrayImage jpegRoundTrip(const GrayImage& src, int quality) {
    std::vector<unsigned char> bytes;
    stbi_write_jpg_to_func(
        [](void* ctx, void* data, int size) {
            auto* v = static_cast<std::vector<unsigned char>*>(ctx);
            v->insert(v->end(), static_cast<unsigned char*>(data), static_cast<unsigned char*>(data) + size);
        },
        &bytes, src.width, src.height, 1, src.pixels.data(), quality);
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load_from_memory(bytes.data(), int(bytes.size()), &w, &h, &n, 1);
    GrayImage out(w, h);
    std::copy(px, px + size_t(w) * h, out.pixels.begin());
    stbi_image_free(px);
    return out;
}

FrameSynth::FrameSynth(const CardKeyPair& key, int cards) {
    static const char* names[] = {"张桂兰", "王秀英", "李淑珍", "欧阳小明", "赵德胜", "孙玉梅", "周建国", "吴凤芝"};
    static const char* villages[] = {"北关村", "南关村", "西街村"};
    for (int i = 0; i < cards; ++i) {
        std::string id = "E" + std::to_string(1000 + 37 * i), serial = std::to_string(1 + i % 3);
        std::string payload = signCard(CardClaim{id, serial}, key.sec);
        m_payloads.push_back(payload);
        m_cards.push_back(renderCardGray(CardFace{"北关村老年食堂", names[i % 8], id, serial, villages[i % 3], payload}));
    }
}

Distortion FrameSynth::draw(Difficulty d, std::uint32_t seed) {
    std::mt19937 g(seed * 2654435761u + 17);
    Distortion t;
    auto coin = [&](double p) { return uniform(g, 0, 1) < p; };
    if (d == Difficulty::Easy) {
        // A card held still in front of the camera, at a sensible distance, in a lit room.
        t.cardWidthFrac = uniform(g, 0.45, 0.7);
        t.rotationDeg = uniform(g, -12, 12);
        t.tiltX = uniform(g, 0, 0.1), t.tiltY = uniform(g, 0, 0.1);
        t.blurSigma = uniform(g, 0, 1.0);
        t.noiseSigma = uniform(g, 1, 5);
        t.lightGradient = uniform(g, 0, 0.3);
        t.glare = coin(0.2) ? uniform(g, 0, 0.25) : 0;
        t.jpegQuality = int(uniform(g, 70, 95));
        t.contrast = uniform(g, 0.8, 1.0);
    } else {
        // An elder's shaky hand at arm's length: any angle, tilted, small, blurred, dim, glared.
        t.cardWidthFrac = uniform(g, 0.3, 0.65);
        t.rotationDeg = uniform(g, -180, 180);
        t.tiltX = uniform(g, 0, 0.3), t.tiltY = uniform(g, 0, 0.3);
        t.blurSigma = uniform(g, 0.3, 1.3);
        t.noiseSigma = uniform(g, 3, 10);
        t.lightGradient = uniform(g, 0.2, 0.7);
        t.glare = coin(0.5) ? uniform(g, 0.2, 0.8) : 0;
        t.jpegQuality = int(uniform(g, 35, 75));
        t.contrast = uniform(g, 0.5, 1.0);
    }
    return t;
}

SynthFrame FrameSynth::make(Difficulty d, int width, int height, std::uint32_t index) const {
    std::uint32_t seed = index * 7919u + (d == Difficulty::Hard ? 1000003u : 0u) + std::uint32_t(width);
    return render(draw(d, seed), width, height, seed, int(index % m_cards.size()));
}

SynthFrame FrameSynth::render(const Distortion& t, int W, int H, std::uint32_t seed, int which) const {
    std::mt19937 g(seed ^ 0x9e3779b9u);
    const GrayImage& full = m_cards[size_t(which)];
    int cw = std::max(8, int(t.cardWidthFrac * W)), ch = cw * full.height / full.width;
    GrayImage card = resizeGray(full, cw, ch);  // area-averaged, like optics do, before warping

    // Corners of the card in the frame: keystone the edges, rotate, place where it fits.
    std::array<std::array<double, 2>, 4> dst = {{{-cw / 2.0 * (1 - t.tiltX), -ch / 2.0 * (1 - t.tiltY)},
                                                 {cw / 2.0 * (1 - t.tiltX), -ch / 2.0},
                                                 {cw / 2.0, ch / 2.0},
                                                 {-cw / 2.0, ch / 2.0 * (1 - t.tiltY)}}};
    double a = t.rotationDeg * M_PI / 180, ca = std::cos(a), sa = std::sin(a);
    double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
    for (auto& p : dst) {
        double x = p[0] * ca - p[1] * sa, y = p[0] * sa + p[1] * ca;
        p = {x, y};
        minX = std::min(minX, x), maxX = std::max(maxX, x), minY = std::min(minY, y), maxY = std::max(maxY, y);
    }
    double cx = W / 2.0, cy = H / 2.0;
    if (maxX - minX < W) cx = uniform(g, -minX, W - maxX);
    if (maxY - minY < H) cy = uniform(g, -minY, H - maxY);
    for (auto& p : dst) p = {p[0] + cx, p[1] + cy};
    Mat3 h = homography(dst, {{{0, 0}, {double(cw), 0}, {double(cw), double(ch)}, {0, double(ch)}}});

    GrayImage img = background(W, H, g);
    std::vector<double> f(size_t(W) * H);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            double z = h[6] * x + h[7] * y + h[8];
            double u = (h[0] * x + h[1] * y + h[2]) / z - 0.5, v = (h[3] * x + h[4] * y + h[5]) / z - 0.5;
            double val = img.at(x, y);
            if (u >= -0.5 && v >= -0.5 && u < cw - 0.5 && v < ch - 0.5) {
                int x0 = std::clamp(int(std::floor(u)), 0, cw - 1), y0 = std::clamp(int(std::floor(v)), 0, ch - 1);
                int x1 = std::min(x0 + 1, cw - 1), y1 = std::min(y0 + 1, ch - 1);
                double fx = std::clamp(u - x0, 0.0, 1.0), fy = std::clamp(v - y0, 0.0, 1.0);
                double top = card.at(x0, y0) * (1 - fx) + card.at(x1, y0) * fx;
                double bot = card.at(x0, y1) * (1 - fx) + card.at(x1, y1) * fx;
                val = 128 + ((top * (1 - fy) + bot * fy) - 128) * t.contrast;
            }
            f[size_t(y) * W + x] = val;
        }

    // Light falls off across the frame; glare is a bright spot somewhere on the card.
    double la = uniform(g, 0, 6.28), lx = std::cos(la), ly = std::sin(la);
    double gx = uniform(g, std::max(0.0, cx - cw / 2.0), std::min(double(W), cx + cw / 2.0));
    double gy = uniform(g, std::max(0.0, cy - ch / 2.0), std::min(double(H), cy + ch / 2.0));
    double gs = cw * uniform(g, 0.08, 0.2);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            double tpos = std::clamp(0.5 + ((x - W / 2.0) * lx + (y - H / 2.0) * ly) / std::max(W, H), 0.0, 1.0);
            double& v = f[size_t(y) * W + x];
            v *= 1 - t.lightGradient * tpos;
            if (t.glare > 0) {
                double r2 = ((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (2 * gs * gs);
                if (r2 < 12) v += t.glare * 255 * std::exp(-r2);
            }
            img.at(x, y) = std::uint8_t(std::clamp(v, 0.0, 255.0));
        }

    img = gaussianBlur(img, t.blurSigma);
    std::normal_distribution<double> noise(0, std::max(1e-6, t.noiseSigma));
    for (auto& p : img.pixels) p = std::uint8_t(std::clamp(p + noise(g), 0.0, 255.0));
    if (t.jpegQuality > 0) img = jpegRoundTrip(img, t.jpegQuality);
    return SynthFrame{std::move(img), m_payloads[size_t(which)], t};
}

}  // namespace mh::corpus
