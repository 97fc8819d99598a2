// The pairing code's life: fresh, used, expired or burnt (see pairing_code.hpp).
#include "shared/peers/pairing_code.hpp"

#include <sodium.h>

#include <cstdio>
#include <stdexcept>

namespace mh {

PairingCode::PairingCode(const Clock& clock) : m_clock(clock) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    renew();
}

std::string PairingCode::renew() {
    std::lock_guard lock(m_mutex);
    char buf[8];
    // Uniform over 000000..999999 (randombytes_uniform has no modulo bias).
    std::snprintf(buf, sizeof buf, "%06u", unsigned(randombytes_uniform(1000000)));
    m_code = buf;
    m_issuedUnix = m_clock.nowUnix();
    m_triesLeft = kTries;
    m_used = false;
    return m_code;
}

bool PairingCode::renewIfDue() {
    {
        std::lock_guard lock(m_mutex);
        if (!m_used && m_clock.nowUnix() < m_issuedUnix + kLifetimeSeconds) return false;
    }
    renew();
    return true;
}

CodeCheck PairingCode::stateLocked() const {
    if (m_used) return CodeCheck::Used;
    if (m_clock.nowUnix() >= m_issuedUnix + kLifetimeSeconds) return CodeCheck::Expired;
    if (m_triesLeft <= 0) return CodeCheck::Burnt;
    return CodeCheck::Ok;
}

PairingCodeView PairingCode::view() const {
    std::lock_guard lock(m_mutex);
    PairingCodeView v;
    v.code = m_code;
    v.state = stateLocked();
    v.usable = v.state == CodeCheck::Ok;
    v.expiresUnix = m_issuedUnix + kLifetimeSeconds;
    return v;
}

CodeCheck PairingCode::attempt(const std::function<bool(const std::string&)>& proves) {
    std::lock_guard lock(m_mutex);
    if (CodeCheck s = stateLocked(); s != CodeCheck::Ok) return s;
    if (!proves(m_code)) {
        --m_triesLeft;
        return CodeCheck::Wrong;
    }
    m_used = true;
    return CodeCheck::Ok;
}

}  // namespace mh
