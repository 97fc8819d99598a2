// The keyboard-wedge scanner as a scan input: the window layer forwards every text and Enter key
// event with its time; recognised bursts come out as ScanEvents (source Wedge). Human typing is left
// alone for the screen's own fields. No de-bouncing here: a scanner in "continuous" mode re-sends a
// card held under it, and the one de-bouncer where all inputs meet (kiosk/input/scan_inbox) folds it.
#pragma once
#include "shared/input/wedge_recogniser.hpp"
#include "shared/ports/scan_source.hpp"

namespace mh {

class WedgeInput {
public:
    explicit WedgeInput(ScanSink sink, WedgeOptions opt = {}) : m_sink(std::move(sink)), m_recogniser(opt) {}

    void onText(std::string_view text, std::int64_t tMs) { m_recogniser.onText(text, tMs); }
    // True when the Enter completed a scan (the screen should then not treat it as its own Enter).
    bool onEnter(std::int64_t tMs) {
        auto scan = m_recogniser.onEnter(tMs);
        if (!scan) return false;
        m_sink(ScanEvent{*scan, ScanSourceKind::Wedge, tMs});
        return true;
    }
    [[nodiscard]] const std::string& humanText() const { return m_recogniser.humanText(); }

private:
    ScanSink m_sink;
    WedgeRecogniser m_recogniser;
};

}  // namespace mh
