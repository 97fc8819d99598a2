// The decode pipeline on synthetic frames of our own cards: every easy frame reads and every
// payload read verifies; the region of the previous hit is tried first on the next frame.
#include <doctest/doctest.h>

#include "bench/corpus/frame_synth.hpp"
#include "platform/cards/card_render.hpp"
#include "platform/vision/frame_decoder.hpp"
#include "platform/vision/image_ops.hpp"

using namespace mh;

TEST_CASE("40 easy 640x480 frames all read, and every payload read verifies with the site key") {
    CardKeyPair key = corpus::fixedKey(7);
    corpus::FrameSynth synth(key);
    FrameDecoder decoder;
    int read = 0;
    for (std::uint32_t i = 0; i < 40; ++i) {
        auto f = synth.make(corpus::Difficulty::Easy, 640, 480, i);
        decoder.reset();
        auto d = decoder.decode(f.image);
        if (!d.payload) continue;
        ++read;
        CHECK(*d.payload == f.payload);
        CHECK(verifyCard(*d.payload, {key.pub}).ok());
    }
    CHECK(read == 40);
}

TEST_CASE("hard frames: the multi-pass decoder reads more than one plain ZXing call reads") {
    CardKeyPair key = corpus::fixedKey(7);
    corpus::FrameSynth synth(key);
    FrameDecoder decoder(FrameDecoderOptions{0.0, false});
    int kiosk = 0, plain = 0;
    for (std::uint32_t i = 0; i < 20; ++i) {
        auto f = synth.make(corpus::Difficulty::Hard, 640, 480, i);
        decoder.reset();
        auto d = decoder.decode(f.image);
        auto p = decodePlainZxing(f.image);
        if (d.payload) {
            CHECK(*d.payload == f.payload);  // never a wrong read
            ++kiosk;
        }
        if (p) ++plain;
    }
    // The frames are seeded, so these counts are fixed; a pipeline that stops reading fails here.
    CHECK(plain > 0);
    CHECK(kiosk > plain);
    MESSAGE("hard 640x480: multi-pass " << kiosk << "/20, plain ZXing " << plain << "/20");
}

TEST_CASE("after a hit the next frame is read from the previous code's region first") {
    CardKeyPair key = corpus::fixedKey(7);
    corpus::FrameSynth synth(key, 1);
    corpus::Distortion still = corpus::FrameSynth::draw(corpus::Difficulty::Easy, 5);
    auto a = synth.render(still, 640, 480, 11, 0), b = synth.render(still, 640, 480, 11, 0);
    FrameDecoder decoder;
    auto first = decoder.decode(a.image);
    REQUIRE(first.payload);
    CHECK(first.pass > 0);
    auto second = decoder.decode(b.image);
    REQUIRE(second.payload);
    CHECK(second.pass == 0);
    CHECK(FrameDecoder::passNames()[size_t(second.pass)] == "roi");
    // A frame without the card: the region pass misses and the full passes still run (and miss).
    auto empty = decoder.decode(GrayImage(640, 480, 128));
    CHECK_FALSE(empty.payload);
    CHECK(empty.passesTried > 1);
}

TEST_CASE("a blank, tiny or empty frame decodes to nothing without crashing") {
    FrameDecoder decoder;
    CHECK_FALSE(decoder.decode(GrayImage{}).payload);
    CHECK_FALSE(decoder.decode(GrayImage(1, 1, 0)).payload);
    CHECK_FALSE(decoder.decode(GrayImage(17, 3, 255)).payload);
}

TEST_CASE("the time budget stops the passes of a frame with no code") {
    FrameDecoder decoder(FrameDecoderOptions{0.001, false});
    GrayImage noise(640, 480);
    for (size_t i = 0; i < noise.pixels.size(); ++i) noise.pixels[i] = std::uint8_t((i * 2654435761u) >> 24);
    auto d = decoder.decode(noise);
    CHECK_FALSE(d.payload);
    CHECK(d.budgetSpent);
    CHECK(d.passesTried == 1);
}

TEST_CASE("the printed card is ID-1 size at 300 dpi and its QR reads straight off the render") {
    CardKeyPair key = corpus::fixedKey(7);
    std::string payload = signCard(CardClaim{"E0042", "3"}, key.sec);
    GrayImage card = renderCardGray(CardFace{"北关村老年食堂", "欧阳小明", "E0042", "3", "北关村", payload});
    CHECK(card.width == 1011);
    CHECK(card.height == 638);
    FrameDecoder decoder;
    auto d = decoder.decode(card);
    REQUIRE(d.payload);
    CHECK(*d.payload == payload);
    CHECK(d.pass == 1);  // a clean print needs no rescue pass
}
