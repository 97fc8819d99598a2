// Mandarin speech from libespeak-ng 1.51 into a sample buffer. The voice is cmn-latn-pinyin, fed
// tone-numbered pinyin ("qing3 shua1 ka3"): `-v cmn` reads characters with wrong syllables.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace mh::platform {

struct Pcm {
    std::vector<std::int16_t> samples;  // mono
    int rate = 22050;                   // samples per second
    [[nodiscard]] double seconds() const { return rate ? double(samples.size()) / rate : 0; }
};

class EspeakSynth {
public:
    // Initialises espeak-ng once per process (it has global state). ok() is false when the library
    // or its data is missing; the kiosk then goes on silently and tells staff.
    EspeakSynth();
    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] const std::string& problem() const { return m_problem; }
    // Synthesises pinyin text; empty Pcm on failure. Slow (tens of ms): cache the results.
    Pcm synth(const std::string& pinyin, int wordsPerMinute = 130);

private:
    bool m_ok = false;
    std::string m_problem;
    int m_rate = 22050;
};

}  // namespace mh::platform
