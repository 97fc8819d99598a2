// The keyboard-burst recogniser: the input is a stream of key events (a byte of time gap and a
// character, 0x0A for Enter). A scan it recognises is one fast burst typed just before the Enter,
// within the length bounds; human text is what was typed since the last Enter.
#include "fuzz_site.hpp"
#include "shared/input/wedge_recogniser.hpp"

using namespace mh;
using fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    WedgeOptions opt;
    WedgeRecogniser wedge(opt);
    std::int64_t t = 0;
    std::string typed;        // every character since the last Enter, as the oracle sees it
    std::string burst;        // the characters of the current fast run
    std::int64_t last = -1;   // when the last character came
    for (std::size_t i = 0; i + 1 < size; i += 2) {
        t += data[i];  // 0..255 ms after the previous event
        char c = char(data[i + 1]);
        if (c == '\n') {
            auto scan = wedge.onEnter(t);
            bool fast = last >= 0 && t - last <= opt.maxGapMs && burst.size() >= opt.minLength;
            require(scan.has_value() == fast, "a scan exactly when a long enough fast burst ends in Enter");
            if (scan) {
                require(*scan == burst, "the scan is the burst");
                require(scan->size() >= opt.minLength && scan->size() <= opt.maxLength, "within the length bounds");
                require(typed.size() >= scan->size() && typed.compare(typed.size() - scan->size(), scan->size(), *scan) == 0,
                        "the scan is what was typed last");
            }
            require(wedge.humanText().empty(), "Enter ends the human text");
            typed.clear();
            burst.clear();
            last = -1;
            continue;
        }
        wedge.onText(std::string_view(&c, 1), t);
        if (last < 0 || t - last > opt.maxGapMs) burst.clear();
        if (burst.size() + 1 <= opt.maxLength) burst += c;
        else burst.clear();
        typed += c;
        last = t;
        require(wedge.humanText() == typed, "human text is everything typed since Enter");
    }
    return 0;
}
