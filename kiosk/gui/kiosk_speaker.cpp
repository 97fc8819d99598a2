// Speaks results through espeak-ng and SDL audio.
#include "kiosk/gui/kiosk_speaker.hpp"

#include "kiosk/ui/texts.hpp"
#include "platform/voice/hanzi_pinyin.hpp"

namespace mh::gui {

KioskSpeaker::KioskSpeaker() {
    if (m_synth.ok()) m_audio.open(22050);
}

std::string KioskSpeaker::problem() const {
    if (!m_synth.ok()) return m_synth.problem();
    return m_audio.problem();
}

std::string KioskSpeaker::pinyinFor(const ScanResult& r) {
    std::string out = ui::resultWord(r).pinyin;
    std::string pay = ui::payPinyin(r);
    if (!pay.empty()) out += ", " + pay;
    else out += std::string(", ") + ui::outcomeHint(r).pinyin;
    return out;
}

const platform::Pcm& KioskSpeaker::pcm(const std::string& pinyin) {
    auto it = m_cache.find(pinyin);
    if (it == m_cache.end()) it = m_cache.emplace(pinyin, m_synth.synth(pinyin)).first;
    return it->second;
}

void KioskSpeaker::sayResult(const ScanResult& r) {
    if (!available()) return;
    m_audio.play(pcm(pinyinFor(r)).samples, m_volume);
}

void KioskSpeaker::sayPleaseScan() {
    if (!available()) return;
    m_audio.play(pcm(ui::kPleaseScan.pinyin).samples, m_volume);
}

}  // namespace mh::gui

namespace mh::gui {

std::string KioskSpeaker::pinyinForChoices(const std::vector<std::string>& names) {
    std::string out = ui::kChooseOne.pinyin;
    for (const auto& n : names)
        if (std::string py = ui::servicePinyin(n); !py.empty()) out += ", " + py;
    return out;
}

void KioskSpeaker::sayChoices(const std::vector<std::string>& names) {
    if (!available()) return;
    m_audio.play(pcm(pinyinForChoices(names)).samples, m_volume);
}

std::string KioskSpeaker::pinyinForFeedback(int score) {
    return std::string(ui::facePhrase(score).pinyin) + ", " + ui::kThanks.pinyin;
}

void KioskSpeaker::sayFeedback(int score) {
    if (!available()) return;
    m_audio.play(pcm(pinyinForFeedback(score)).samples, m_volume);
}

}  // namespace mh::gui

namespace mh::gui {

std::string KioskSpeaker::pinyinForMenu(const std::string& sentence) { return platform::hanziToPinyin(sentence); }

void KioskSpeaker::sayMenu(const std::string& sentence) {
    if (!available()) return;
    std::string py = pinyinForMenu(sentence);
    if (py.empty()) return;
    m_audio.play(pcm(py).samples, m_volume);
}

}  // namespace mh::gui
