// A burst restarts whenever a gap is too long: a person who typed "12" slowly before a reader fired
// must not prefix the scan with "12".
#include "shared/input/wedge_recogniser.hpp"

namespace mh {

void WedgeRecogniser::onText(std::string_view text, std::int64_t tMs) {
    if (text.empty()) return;
    if (!m_any || tMs - m_lastMs > m_opt.maxGapMs) m_burst.clear();
    if (m_burst.size() + text.size() <= m_opt.maxLength) m_burst.append(text);
    else m_burst.clear();  // an endless stream is not a card: start over
    m_human.append(text);
    m_lastMs = tMs;
    m_any = true;
}

std::optional<std::string> WedgeRecogniser::onEnter(std::int64_t tMs) {
    bool fast = m_any && tMs - m_lastMs <= m_opt.maxGapMs && m_burst.size() >= m_opt.minLength;
    std::optional<std::string> scan;
    if (fast) scan = m_burst;
    clear();
    return scan;
}

void WedgeRecogniser::clear() {
    m_burst.clear();
    m_human.clear();
    m_any = false;
}

}  // namespace mh
