// The voice: pinyin for each result, synthesis to a buffer, and silence (not failure) without a
// sound card. Tests run with SDL's dummy audio driver.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "kiosk/gui/kiosk_speaker.hpp"
#include "kiosk/ui/texts.hpp"

using namespace mh;

TEST_CASE("a result is spoken as its outcome word, then what to pay in number words") {
    ScanResult r;
    r.outcome = Outcome::Accepted;
    r.priceFen = 1000_fen;
    r.shares = Shares{600_fen, 200_fen, 0_fen, 0_fen, 200_fen};
    CHECK(gui::KioskSpeaker::pinyinFor(r) == "qian1 dao4 cheng2 gong1, qing3 fu4 liang3 yuan2");
    r.outcome = Outcome::Unknown;
    CHECK(gui::KioskSpeaker::pinyinFor(r) == "mei2 you3 deng1 ji4, qing3 zhao3 gong1 zuo4 ren2 yuan2");
    r.registrationStopped = true;  // an inactive elder (active=0): the screen's hint and the voice say so
    CHECK(std::string(ui::outcomeHint(r).zh) == "登记已停用，请找工作人员");
    CHECK(gui::KioskSpeaker::pinyinFor(r) ==
          "mei2 you3 deng1 ji4, deng1 ji4 yi3 ting2 yong4, qing3 zhao3 gong1 zuo4 ren2 yuan2");
}

TEST_CASE("espeak-ng synthesises 请刷卡 from pinyin into about a second of samples, once") {
    gui::KioskSpeaker speaker;
    platform::EspeakSynth probe;
    REQUIRE_MESSAGE(probe.ok(), probe.problem());
    const auto& pcm = speaker.pcm(ui::kPleaseScan.pinyin);
    CHECK(pcm.seconds() > 0.5);
    CHECK(pcm.seconds() < 3.0);
    int loud = 0;
    for (auto s : pcm.samples) loud += (s > 2000 || s < -2000);
    CHECK(loud > 1000);  // speech, not silence
    CHECK(&speaker.pcm(ui::kPleaseScan.pinyin) == &pcm);  // cached
}

TEST_CASE("with SDL's dummy driver the speaker opens and plays a result at a set volume") {
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    gui::KioskSpeaker speaker;
    REQUIRE(speaker.available());
    ScanResult r;
    r.outcome = Outcome::Duplicate;
    speaker.setVolume(100);
    speaker.sayResult(r);
    const int full = speaker.lastPeak();
    REQUIRE(full > 2000);  // speech went to the device, not silence
    speaker.setVolume(50);
    speaker.sayResult(r);
    const auto& pcm = speaker.pcm(gui::KioskSpeaker::pinyinFor(r));
    REQUIRE_FALSE(pcm.samples.empty());
    // The phrase went to the device (the dummy driver may already have taken some of it) ...
    std::uint32_t queued = speaker.queuedBytes();
    CHECK(queued > 0);
    CHECK(queued <= pcm.samples.size() * sizeof(std::int16_t));
    // ... at the volume set: half as loud, and nothing at 0.
    CHECK(std::abs(speaker.lastPeak() - full / 2) <= 1);
    speaker.setVolume(0);
    speaker.sayResult(r);
    CHECK(speaker.lastPeak() == 0);
}

TEST_CASE("the volume scales the spoken samples: half is half as loud, 0 is silent, over 100 is 100") {
    auto peak = [](const std::vector<std::int16_t>& v) {
        int p = 0;
        for (auto s : v) p = std::max(p, std::abs(int(s)));
        return p;
    };
    std::vector<std::int16_t> tone{0, 12000, -20000, 8000, -4000};
    CHECK(peak(platform::scaledSamples(tone, 100)) == 20000);
    CHECK(peak(platform::scaledSamples(tone, 50)) == 10000);
    CHECK(peak(platform::scaledSamples(tone, 0)) == 0);
    CHECK(platform::scaledSamples(tone, 250) == tone);
    CHECK(platform::scaledSamples(tone, 50).size() == tone.size());
}

TEST_CASE("no sound card is not an error: the speaker is unavailable and stays silent") {
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    gui::KioskSpeaker speaker;
    CHECK_FALSE(speaker.available());
    CHECK_FALSE(speaker.problem().empty());
    ScanResult r;
    speaker.sayResult(r);  // must not throw or crash
    setenv("SDL_AUDIODRIVER", "dummy", 1);
}

TEST_CASE("a menu's polyphones are read as a canteen says them, not with ICU's commonest reading") {
    CHECK(gui::KioskSpeaker::pinyinForMenu("干煸豆角、炸鸡、烧茄子、地三鲜") == "gan1 bian1 dou4 jiao3, zha2 ji1, shao1 qie2 zi, di4 san1 xian1");
    CHECK(gui::KioskSpeaker::pinyinForMenu("炒长豆角、豆腐干、炸酱面") == "chao3 chang2 dou4 jiao3, dou4 fu3 gan1, zha2 jiang4 mian4");
    // A phrase wins over its characters, and a word without a polyphone keeps ICU's reading.
    CHECK(gui::KioskSpeaker::pinyinForMenu("重庆小面、绿豆汤") == "chong2 qing4 xiao3 mian4, lü4 dou4 tang1");
}

TEST_CASE("today's menu is read from the dishes staff typed: ICU pinyin through the same voice, at the set volume") {
    CHECK(gui::KioskSpeaker::pinyinForMenu("今天午餐：红烧豆腐、青菜、米饭") ==
          "jin1 tian1 wu3 can1, hong2 shao1 dou4 fu3, qing1 cai4, mi3 fan4");
    CHECK(gui::KioskSpeaker::pinyinForMenu("今天晚餐：小米粥。") == "jin1 tian1 wan3 can1, xiao3 mi3 zhou1");
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    gui::KioskSpeaker speaker;
    REQUIRE(speaker.available());
    speaker.setVolume(100);
    speaker.sayMenu("今天午餐：红烧豆腐、青菜、米饭");
    CHECK(speaker.lastPeak() > 2000);  // speech went to the device
    const auto& pcm = speaker.pcm(gui::KioskSpeaker::pinyinForMenu("今天午餐：红烧豆腐、青菜、米饭"));
    CHECK(pcm.seconds() > 2.0);  // four words and three dishes, not one syllable
}
