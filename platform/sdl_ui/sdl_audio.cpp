// SDL2 audio queue, mono S16.
#include "platform/sdl_ui/sdl_audio.hpp"

#include <algorithm>
#include <cstdlib>

#include <SDL.h>

namespace mh::platform {

SdlAudio::~SdlAudio() {
    if (m_dev) SDL_CloseAudioDevice(m_dev);
    if (m_dev) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool SdlAudio::open(int rate) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        m_problem = std::string("no audio: ") + SDL_GetError();
        return false;
    }
    SDL_AudioSpec want{}, have{};
    want.freq = rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 2048;
    m_dev = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (!m_dev) {
        m_problem = std::string("no sound device: ") + SDL_GetError();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return false;
    }
    SDL_PauseAudioDevice(m_dev, 0);
    return true;
}

std::vector<std::int16_t> scaledSamples(const std::vector<std::int16_t>& samples, int volume) {
    volume = std::clamp(volume, 0, 100);
    std::vector<std::int16_t> scaled(samples.size());
    for (size_t i = 0; i < samples.size(); ++i) scaled[i] = std::int16_t(int(samples[i]) * volume / 100);
    return scaled;
}

void SdlAudio::play(const std::vector<std::int16_t>& samples, int volume) {
    if (!m_dev) return;
    auto scaled = scaledSamples(samples, volume);
    m_lastPeak = 0;
    for (auto s : scaled) m_lastPeak = std::max(m_lastPeak, std::abs(int(s)));
    SDL_ClearQueuedAudio(m_dev);  // a new result interrupts the last one
    SDL_QueueAudio(m_dev, scaled.data(), std::uint32_t(scaled.size() * sizeof(std::int16_t)));
}

std::uint32_t SdlAudio::queuedBytes() const { return m_dev ? SDL_GetQueuedAudioSize(m_dev) : 0; }

}  // namespace mh::platform
