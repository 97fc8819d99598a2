// `decode IMAGE...`: reads codes from picture files through the same FrameDecoder the camera uses;
// every code in each picture (an A4 sheet of ten cards gives ten), one payload per line on stdout.
// Exit 1 when an image holds no code, 2 when a file cannot be read.
#include <iostream>

#include "cli/cli_common.hpp"
#include "platform/vision/frame_decoder.hpp"
#include "platform/vision/image_file.hpp"

namespace mh::cli {
namespace {

struct DecodeArgs {
    std::vector<std::string> images;
};

int runDecode(const DecodeArgs& a, Context& ctx) {
    // Files are not a live feed: no time budget, every pass may run; QR and Code 128 (legacy cards).
    FrameDecoder decoder(FrameDecoderOptions{0.0, true});
    int exit = kDone;
    for (const auto& path : a.images) {
        auto img = loadGrayImage(path);
        if (!img) {
            ctx.error(img.error());
            exit = kUsage;
            continue;
        }
        auto codes = decoder.decodeAll(*img);
        if (codes.empty()) {
            ctx.say(path + "：没有找到二维码或条码", path + ": no code found");
            if (exit == kDone) exit = kRefused;
            continue;
        }
        for (const auto& c : codes) std::cout << c << "\n";
    }
    std::cout.flush();
    return exit;
}

}  // namespace

void registerDecodeVerb(CLI::App& app, Context& ctx) {
    Verb<DecodeArgs>(app, ctx, "decode", "decode every QR code/barcode in PNG or JPEG files, one payload per line", runDecode)
        .required("images", &DecodeArgs::images, "image files");
}

}  // namespace mh::cli
