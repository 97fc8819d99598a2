// The kiosk's voice, the real AudioCue (shared/ports/audio_cue.hpp): each result spoken as its
// outcome word, what to pay (in number words) and what to do next, in Mandarin from the pinyin table
// (kiosk/ui/texts.hpp). Phrases are synthesised once and cached; with no sound card the kiosk is silent and says so on the staff screen.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "platform/sdl_ui/sdl_audio.hpp"
#include "platform/voice/espeak_synth.hpp"
#include "shared/ports/audio_cue.hpp"

namespace mh::gui {

class KioskSpeaker : public AudioCue {
public:
    // Opens the audio device (may fail: then available() is false and nothing plays).
    KioskSpeaker();
    [[nodiscard]] bool available() const { return m_audio.isOpen() && m_synth.ok(); }
    [[nodiscard]] std::string problem() const;
    void setVolume(int percent) override { m_volume = percent; }
    [[nodiscard]] int volume() const { return m_volume; }
    // Bytes of speech still waiting for the device (0 when silent or unavailable).
    [[nodiscard]] std::uint32_t queuedBytes() const { return m_audio.queuedBytes(); }
    // The loudest sample of the last phrase sent to the device (0 when silent or unavailable).
    [[nodiscard]] int lastPeak() const { return m_audio.lastPeak(); }

    void sayResult(const ScanResult& r) override;
    void sayPleaseScan() override;
    void sayChoices(const std::vector<std::string>& names) override;
    void sayFeedback(int score) override;
    void sayMenu(const std::string& sentence) override;
    // The pinyin a menu sentence is read with (ICU's Han-Latin, platform/voice/hanzi_pinyin.hpp).
    static std::string pinyinForMenu(const std::string& sentence);
    // The pinyin a tapped face is said back with: its word, then 谢谢.
    static std::string pinyinForFeedback(int score);
    // The pinyin the picker is announced with: 请点您要的一项, then each name the voice knows.
    static std::string pinyinForChoices(const std::vector<std::string>& names);
    // The pinyin a result is spoken as (tests check it without a sound card).
    static std::string pinyinFor(const ScanResult& r);
    // Synthesised samples for a phrase, cached.
    const platform::Pcm& pcm(const std::string& pinyin);

private:
    platform::EspeakSynth m_synth;
    platform::SdlAudio m_audio;
    std::map<std::string, platform::Pcm> m_cache;
    int m_volume = 80;
};

}  // namespace mh::gui
