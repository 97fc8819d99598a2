// Plays sample buffers through SDL audio. No sound card is not an error: open() says false and
// the kiosk goes on silently (staff see it).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace mh::platform {

// `samples` at `volume` percent (clamped to 0..100): what play() queues.
std::vector<std::int16_t> scaledSamples(const std::vector<std::int16_t>& samples, int volume);

class SdlAudio {
public:
    SdlAudio() = default;
    ~SdlAudio();
    SdlAudio(const SdlAudio&) = delete;
    SdlAudio& operator=(const SdlAudio&) = delete;

    // Opens the default device for mono 16-bit at `rate`. False (with problem()) when there is none.
    bool open(int rate);
    [[nodiscard]] bool isOpen() const { return m_dev != 0; }
    [[nodiscard]] const std::string& problem() const { return m_problem; }
    // Replaces whatever is playing with `samples` at `volume` percent (0..100).
    void play(const std::vector<std::int16_t>& samples, int volume);
    // Samples still queued (tests: something was sent).
    [[nodiscard]] std::uint32_t queuedBytes() const;
    // The loudest sample of the last buffer queued (tests: the volume reached the device).
    [[nodiscard]] int lastPeak() const { return m_lastPeak; }

private:
    std::uint32_t m_dev = 0;
    int m_lastPeak = 0;
    std::string m_problem;
};

}  // namespace mh::platform
