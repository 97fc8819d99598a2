// The keyboard-wedge scanner as a scan input: the window layer forwards every text and Enter key
// event with its time; recognised bursts, de-bounced, come out as ScanEvents (source Wedge). Human
// typing is left alone for the screen's own fields.
#pragma once
#include "shared/input/scan_debouncer.hpp"
#include "shared/input/wedge_recogniser.hpp"
#include "shared/ports/scan_source.hpp"

namespace mh {

class WedgeInput {
public:
    // Scanners in "continuous" mode re-send a card held under them; the de-bouncer folds those.
    explicit WedgeInput(ScanSink sink, WedgeOptions opt = {}, std::int64_t debounceMs = kScanHoldMs)
        : m_sink(std::move(sink)), m_recogniser(opt), m_debouncer(debounceMs) {}

    void onText(std::string_view text, std::int64_t tMs) { m_recogniser.onText(text, tMs); }
    // True when the Enter completed a scan (the screen should then not treat it as its own Enter).
    bool onEnter(std::int64_t tMs) {
        auto scan = m_recogniser.onEnter(tMs);
        if (!scan) return false;
        if (m_debouncer.admit(*scan, tMs)) m_sink(ScanEvent{*scan, ScanSourceKind::Wedge, tMs});
        return true;
    }
    [[nodiscard]] const std::string& humanText() const { return m_recogniser.humanText(); }

private:
    ScanSink m_sink;
    WedgeRecogniser m_recogniser;
    ScanDebouncer m_debouncer;
};

}  // namespace mh
