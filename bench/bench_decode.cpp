// Read rate and time per frame of the kiosk's FrameDecoder against one plain ZXing call and Debian's
// zbarimg, on the same synthetic frames of our own cards (easy and hard sets, 640x480 and 1280x720),
// all measured in this one run. Usage: bench_decode [frames-per-set] [--no-zbar] [--keep DIR]
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "bench/corpus/frame_synth.hpp"
#include "platform/vision/frame_decoder.hpp"
#include "platform/vision/image_file.hpp"

using namespace mh;
namespace fs = std::filesystem;

namespace {

struct Tally {
    int read = 0, wrong = 0, n = 0;
    std::vector<double> ms;
    void add(const std::optional<std::string>& got, const std::string& want, double t) {
        ++n;
        if (got && *got == want) ++read;
        else if (got) ++wrong;
        if (t >= 0) ms.push_back(t);
    }
    [[nodiscard]] double rate() const { return n ? 100.0 * read / n : 0; }
    [[nodiscard]] double pct(double p) const {
        if (ms.empty()) return 0;
        auto v = ms;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
    }
};

std::optional<std::string> zbar(const fs::path& file) {
    std::string cmd = "zbarimg -q --raw -Sdisable -Sqrcode.enable '" + file.string() + "' 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return std::nullopt;
    std::string out;
    char buf[512];
    while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    pclose(p);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    if (out.empty()) return std::nullopt;
    return out.substr(0, out.find('\n'));
}

}  // namespace

int main(int argc, char** argv) {
    int frames = 150;
    bool useZbar = true, diag = false;
    double budget = FrameDecoderOptions{}.budgetMs;  // ms per frame, as the live camera path uses
    fs::path keep;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--no-zbar") useZbar = false;
        else if (a == "--diag") diag = true;
        else if (a == "--budget" && i + 1 < argc) budget = std::stod(argv[++i]);
        else if (a == "--keep" && i + 1 < argc) keep = argv[++i];
        else frames = std::max(1, std::stoi(a));
    }
    bool haveZbar = useZbar && std::system("command -v zbarimg >/dev/null 2>&1") == 0;
    fs::path dir = keep.empty() ? fs::temp_directory_path() / ("mealhall-bench-decode-" + std::to_string(getpid())) : keep;
    fs::create_directories(dir);

    // A fixed key: the same frames (and QR codes) every run, so runs compare.
    CardKeyPair key = corpus::fixedKey(42);
    corpus::FrameSynth synth(key);
    std::printf("decode bench: %d frames per set, synthetic frames of our own cards (QR, EC level M)\n", frames);
    std::printf("%-10s %-5s | %-22s | %-22s | %-8s | %s\n", "size", "set", "FrameDecoder read  ms50  ms99",
                "plain ZXing read ms50 ms99", "zbarimg", "kiosk/plain  kiosk/zbar");
    for (auto [w, h] : {std::pair{640, 480}, std::pair{1280, 720}}) {
        for (auto d : {corpus::Difficulty::Easy, corpus::Difficulty::Hard}) {
            Tally kiosk, plain, zb;
            std::vector<int> byPass(FrameDecoder::passNames().size(), 0);
            int budgetCut = 0;
            FrameDecoder decoder(FrameDecoderOptions{budget, false});
            for (int i = 0; i < frames; ++i) {
                auto f = synth.make(d, w, h, std::uint32_t(i));
                auto t0 = std::chrono::steady_clock::now();
                auto p = decodePlainZxing(f.image);
                auto t1 = std::chrono::steady_clock::now();
                decoder.reset();  // independent frames: no region carried over from the previous one
                auto k = decoder.decode(f.image);
                auto t2 = std::chrono::steady_clock::now();
                plain.add(p, f.payload, std::chrono::duration<double, std::milli>(t1 - t0).count());
                kiosk.add(k.payload, f.payload, std::chrono::duration<double, std::milli>(t2 - t1).count());
                if (k.pass >= 0) ++byPass[size_t(k.pass)];
                if (k.budgetSpent) ++budgetCut;
                if (diag && !k.payload)
                    std::printf("  miss %d: frac %.2f rot %.0f tilt %.2f/%.2f blur %.2f noise %.1f light %.2f glare %.2f jpeg %d contrast %.2f\n",
                                i, f.how.cardWidthFrac, f.how.rotationDeg, f.how.tiltX, f.how.tiltY, f.how.blurSigma,
                                f.how.noiseSigma, f.how.lightGradient, f.how.glare, f.how.jpegQuality, f.how.contrast);
                if (diag && !k.payload && !keep.empty())
                    (void)saveGrayPng(f.image, keep / ("miss-" + std::to_string(w) + "-" + std::to_string(i) + ".png"));
                if (haveZbar) {
                    fs::path file = dir / ((d == corpus::Difficulty::Easy ? "easy-" : "hard-") + std::to_string(w) + "-" +
                                           std::to_string(i) + ".png");
                    (void)saveGrayPng(f.image, file);
                    zb.add(zbar(file), f.payload, -1);
                    if (keep.empty()) fs::remove(file);
                }
            }
            char zs[32] = "n/a";
            if (haveZbar) std::snprintf(zs, sizeof zs, "%5.1f%%", zb.rate());
            std::printf("%4dx%-5d %-5s | %5.1f%% %6.2f %6.2f   | %5.1f%% %6.2f %6.2f   | %-8s | %5.2fx  %s\n", w, h,
                        d == corpus::Difficulty::Easy ? "easy" : "hard", kiosk.rate(), kiosk.pct(0.5), kiosk.pct(0.99),
                        plain.rate(), plain.pct(0.5), plain.pct(0.99), zs, plain.read ? double(kiosk.read) / plain.read : 0.0,
                        haveZbar && zb.read ? (std::to_string(double(kiosk.read) / zb.read).substr(0, 4) + "x").c_str() : "n/a");
            std::printf("  hits by pass:");
            for (size_t p = 0; p < byPass.size(); ++p)
                if (byPass[p]) std::printf(" %s %d", FrameDecoder::passNames()[p].c_str(), byPass[p]);
            std::printf("; time budget cut %d frames\n", budgetCut);
            if (kiosk.wrong + plain.wrong + zb.wrong)
                std::printf("  WRONG payloads: kiosk %d plain %d zbar %d\n", kiosk.wrong, plain.wrong, zb.wrong);
            std::fflush(stdout);
        }
    }
    // A card held up in front of the camera: 10 frames (a third of a second) of the same hard pose
    // with fresh sensor noise, through the live decoder (region of the last hit, time budget).
    std::printf("held card, hard pose, 10 frames at 640x480 (fresh noise each frame): cards read within the 10 frames\n");
    {
        const int cards = std::max(10, frames / 3);
        int kioskCards = 0, plainCards = 0;
        std::vector<double> framesToRead;
        FrameDecoder live(FrameDecoderOptions{budget, false});
        for (int c = 0; c < cards; ++c) {
            auto seed = std::uint32_t(5000 + c);
            auto how = corpus::FrameSynth::draw(corpus::Difficulty::Hard, seed);
            bool k = false, p = false;
            live.reset();
            for (int f = 0; f < 10 && !(k && p); ++f) {
                auto fr = synth.render(how, 640, 480, seed * 31u + std::uint32_t(f), c % 6);
                if (!k) {
                    auto d = live.decode(fr.image);
                    if (d.payload && *d.payload == fr.payload) k = true, framesToRead.push_back(f + 1);
                }
                if (!p) {
                    auto q = decodePlainZxing(fr.image);
                    p = q && *q == fr.payload;
                }
            }
            kioskCards += k, plainCards += p;
        }
        Tally t;
        t.ms = framesToRead;
        std::printf("  FrameDecoder %5.1f%% (median %.0f frames to the read)   plain ZXing on every frame %5.1f%%\n",
                    100.0 * kioskCards / cards, t.pct(0.5), 100.0 * plainCards / cards);
    }
    if (keep.empty()) fs::remove_all(dir);
    return 0;
}
