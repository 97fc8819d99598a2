// The audio port: the kiosk says each result and "please scan" aloud. The real one is espeak-ng
// through SDL audio (kiosk/gui/kiosk_speaker); tests count the calls (tests/support/fake_audio_cue.hpp).
// No cue at all is allowed: a kiosk with no sound card checks in silently.
#pragma once
#include <string>
#include <vector>

#include "shared/core/scan_result.hpp"

namespace mh {

class AudioCue {
public:
    virtual ~AudioCue() = default;
    virtual void sayResult(const ScanResult& r) = 0;
    virtual void sayPleaseScan() {}
    // The picker is up: "please choose", and each service's name where the voice knows how to say it.
    virtual void sayChoices(const std::vector<std::string>& /*names*/) {}
    // An elder tapped a face after a meal (contract 14): its word said back (3 好, 2 一般, 1 不好).
    virtual void sayFeedback(int /*score*/) {}
    // An elder tapped 听菜谱 on the waiting screen (contract 14): today's menu as one Chinese sentence,
    // "今天午餐：红烧豆腐、青菜、米饭" (the dishes are what staff typed, so the voice reads the text).
    virtual void sayMenu(const std::string& /*sentence*/) {}
    // 0..100, as staff set it on the settings tab.
    virtual void setVolume(int /*percent*/) {}
};

}  // namespace mh
