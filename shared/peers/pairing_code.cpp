// The pairing code's life: shown, used, expired, withdrawn or burnt (see pairing_code.hpp).
#include "shared/peers/pairing_code.hpp"

#include <sodium.h>

#include <cstdio>
#include <stdexcept>

namespace mh {

PairingCode::PairingCode(const Clock& clock) : m_clock(clock) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string PairingCode::show() {
    std::lock_guard lock(m_mutex);
    char buf[8];
    // Uniform over 000000..999999 (randombytes_uniform has no modulo bias).
    std::snprintf(buf, sizeof buf, "%06u", unsigned(randombytes_uniform(1000000)));
    m_code = buf;
    m_shown = true;
    ++m_serial;
    m_issuedUnix = m_clock.nowUnix();
    m_wrong = 0;
    m_wrongFrom.clear();  // the hourly tally per address stays: a new code is no new chance to guess
    m_used = false;
    return m_code;
}

void PairingCode::hide() {
    std::lock_guard lock(m_mutex);
    m_shown = false;
}

CodeCheck PairingCode::stateLocked() const {
    if (!m_shown) return CodeCheck::NotShown;
    if (m_used) return CodeCheck::Used;
    if (m_clock.nowUnix() >= m_issuedUnix + kLifetimeSeconds) return CodeCheck::Expired;
    if (m_wrong >= kTriesPerCode) return CodeCheck::Burnt;
    return CodeCheck::Ok;
}

PairingCodeView PairingCode::view() const {
    std::lock_guard lock(m_mutex);
    PairingCodeView v;
    v.shown = m_shown;
    v.code = m_shown ? m_code : "";
    v.state = stateLocked();
    v.usable = v.state == CodeCheck::Ok;
    v.expiresUnix = m_issuedUnix + kLifetimeSeconds;
    v.serial = m_serial;
    return v;
}

bool PairingCode::live() const {
    std::lock_guard lock(m_mutex);
    return stateLocked() == CodeCheck::Ok;
}

CodeCheck PairingCode::attempt(const std::string& from, const std::function<bool(const std::string&)>& proves) {
    std::lock_guard lock(m_mutex);
    if (CodeCheck s = stateLocked(); s != CodeCheck::Ok) return s;
    const std::int64_t now = m_clock.nowUnix();
    // Only wrong tries are ever stored, at most kTriesPerCode per code shown, and forgotten after an
    // hour: the map stays small.
    std::erase_if(m_recentWrong, [now](const auto& e) { return e.second.empty() || e.second.back() <= now - kHourSeconds; });
    auto& recent = m_recentWrong[from];
    while (!recent.empty() && recent.front() <= now - kHourSeconds) recent.pop_front();
    int& onThisCode = m_wrongFrom[from];
    if (onThisCode >= kTriesPerAddress || int(recent.size()) >= kTriesPerHour) return CodeCheck::TooMany;
    if (!proves(m_code)) {
        ++onThisCode;
        ++m_wrong;
        recent.push_back(now);
        return CodeCheck::Wrong;
    }
    m_used = true;
    return CodeCheck::Ok;
}

}  // namespace mh
