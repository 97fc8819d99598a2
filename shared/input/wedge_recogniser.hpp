// Tells a keyboard-wedge scanner from a person at the keyboard. A USB QR or ID-card reader "types"
// its payload as a fast burst of key presses ending in Enter; people type far slower. Pure logic:
// the window layer feeds it characters with their times.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mh {

struct WedgeOptions {
    // Longest pause between two characters of one scan. Readers measured in the field send a
    // character every 1-15 ms; the fastest human bursts are ~60 ms apart.
    std::int64_t maxGapMs = 35;
    // Fewer characters than this is not a scan (a stray key), whatever the speed.
    std::size_t minLength = 4;
    std::size_t maxLength = 512;
};

class WedgeRecogniser {
public:
    explicit WedgeRecogniser(WedgeOptions opt = {}) : m_opt(opt) {}

    // A printable character (UTF-8, usually one ASCII byte) typed at tMs.
    void onText(std::string_view text, std::int64_t tMs);
    // Enter at tMs: returns the scan when the characters before it came as one fast burst.
    // Otherwise nothing, and the text stays the person's (see humanText()).
    std::optional<std::string> onEnter(std::int64_t tMs);
    // Characters typed at human speed since the last Enter, for the screen's own text field.
    [[nodiscard]] const std::string& humanText() const { return m_human; }
    void clear();

private:
    WedgeOptions m_opt;
    std::string m_burst;   // the current fast run
    std::string m_human;   // everything typed since the last Enter
    std::int64_t m_lastMs = 0;
    bool m_any = false;
};

}  // namespace mh
