// An AudioCue (shared/ports/audio_cue.hpp) that remembers what it was asked to say and at what volume.
#pragma once
#include <vector>

#include "shared/ports/audio_cue.hpp"

namespace mh::test {

class FakeAudioCue final : public AudioCue {
public:
    void sayResult(const ScanResult& r) override { said.push_back(r); }
    void sayPleaseScan() override { ++pleaseScans; }
    void setVolume(int percent) override { volume = percent; }

    std::vector<ScanResult> said;
    int pleaseScans = 0;
    int volume = -1;  // never set
};

}  // namespace mh::test
