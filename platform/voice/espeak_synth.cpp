// espeak-ng in synchronous mode: samples arrive through the synth callback into a buffer.
#include "platform/voice/espeak_synth.hpp"

#include <mutex>

#include <espeak-ng/speak_lib.h>

namespace mh::platform {

namespace {
std::mutex g_mutex;                         // espeak-ng is one global engine
std::vector<std::int16_t>* g_sink = nullptr;  // where the callback writes, under g_mutex

int onSamples(short* wav, int count, espeak_EVENT*) {
    if (wav && g_sink && count > 0) g_sink->insert(g_sink->end(), wav, wav + count);
    return 0;  // 0: go on
}
}  // namespace

EspeakSynth::EspeakSynth() {
    std::lock_guard lock(g_mutex);
    static int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        m_problem = "espeak-ng could not start (is espeak-ng-data installed?)";
        return;
    }
    m_rate = rate;
    espeak_SetSynthCallback(onSamples);
    if (espeak_SetVoiceByName("cmn-latn-pinyin") != EE_OK) {
        m_problem = "espeak-ng has no cmn-latn-pinyin voice";
        return;
    }
    m_ok = true;
}

Pcm EspeakSynth::synth(const std::string& pinyin, int wordsPerMinute) {
    Pcm out;
    out.rate = m_rate;
    if (!m_ok || pinyin.empty()) return out;
    std::lock_guard lock(g_mutex);
    espeak_SetVoiceByName("cmn-latn-pinyin");
    espeak_SetParameter(espeakRATE, wordsPerMinute, 0);
    g_sink = &out.samples;
    espeak_Synth(pinyin.c_str(), pinyin.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    espeak_Synchronize();
    g_sink = nullptr;
    return out;
}

}  // namespace mh::platform
