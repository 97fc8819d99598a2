// An AudioCue (shared/ports/audio_cue.hpp) that remembers what it was asked to say and at what volume.
#pragma once
#include <string>
#include <vector>

#include "shared/ports/audio_cue.hpp"

namespace mh::test {

class FakeAudioCue final : public AudioCue {
public:
    void sayResult(const ScanResult& r) override { said.push_back(r); }
    void sayPleaseScan() override { ++pleaseScans; }
    void setVolume(int percent) override { volume = percent; }
    void sayChoices(const std::vector<std::string>& names) override { choices = names; }
    void sayFeedback(int score) override { feedback.push_back(score); }
    void sayMenu(const std::string& sentence) override { menus.push_back(sentence); }

    std::vector<ScanResult> said;
    std::vector<std::string> choices;  // the last picker announced
    std::vector<int> feedback;         // each face tapped, as said back
    std::vector<std::string> menus;    // each menu read aloud
    int pleaseScans = 0;
    int volume = -1;  // never set
};

}  // namespace mh::test
