// Writes the synthetic card-frame corpus to a folder, for looking at or for trying other decoders:
// {easy,hard}-{640,1280}-N.png plus manifest.tsv (file, expected payload, distortion). Frames are
// generated, never committed. Usage: make_corpus OUT_DIR [frames-per-set]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "bench/corpus/frame_synth.hpp"
#include "platform/vision/image_file.hpp"

using namespace mh;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_corpus OUT_DIR [frames-per-set]\n");
        return 2;
    }
    std::filesystem::path out = argv[1];
    int frames = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
    std::filesystem::create_directories(out);
    CardKeyPair key = corpus::fixedKey(42);  // same frames as bench_decode
    corpus::FrameSynth synth(key);
    std::ofstream manifest(out / "manifest.tsv");
    manifest << "file\tpayload\tcard_width_frac\trotation_deg\ttilt_x\ttilt_y\tblur_sigma\tnoise_sigma\tlight_gradient\tglare\tjpeg_quality\tcontrast\n";
    for (auto [w, h] : {std::pair{640, 480}, std::pair{1280, 720}})
        for (auto d : {corpus::Difficulty::Easy, corpus::Difficulty::Hard})
            for (int i = 0; i < frames; ++i) {
                auto f = synth.make(d, w, h, std::uint32_t(i));
                std::string name = std::string(d == corpus::Difficulty::Easy ? "easy-" : "hard-") + std::to_string(w) + "-" +
                                   std::to_string(i) + ".png";
                if (auto st = saveGrayPng(f.image, out / name); !st) {
                    std::fprintf(stderr, "%s\n", st.error().en.c_str());
                    return 2;
                }
                const auto& t = f.how;
                manifest << name << '\t' << f.payload << '\t' << t.cardWidthFrac << '\t' << t.rotationDeg << '\t' << t.tiltX << '\t'
                         << t.tiltY << '\t' << t.blurSigma << '\t' << t.noiseSigma << '\t' << t.lightGradient << '\t' << t.glare
                         << '\t' << t.jpegQuality << '\t' << t.contrast << '\n';
            }
    std::printf("%d frames and manifest.tsv in %s\n", frames * 4, out.c_str());
    return 0;
}
