// The keyboard-wedge scan recogniser.
#include "kiosk/ui/wedge_recogniser.hpp"

namespace mh::ui {

void WedgeRecogniser::text(const std::string& utf8, std::int64_t ms) {
    if (!m_buffer.empty() && ms - m_last > kMaxGapMs) m_buffer.clear();
    if (m_buffer.size() < 512) m_buffer += utf8;  // a stuck key must not grow without bound
    m_last = ms;
}

std::optional<std::string> WedgeRecogniser::enter(std::int64_t ms) {
    std::string got = std::move(m_buffer);
    m_buffer.clear();
    if (got.size() < kMinLength || ms - m_last > kMaxGapMs) return std::nullopt;
    return got;
}

}  // namespace mh::ui
