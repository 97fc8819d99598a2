#include "shared/peers/claim_book.hpp"

namespace mh {

const char* claimAnswerName(ClaimAnswer a) {
    switch (a) {
        case ClaimAnswer::Granted: return "granted";
        case ClaimAnswer::Held: return "held";
        case ClaimAnswer::Has: break;
    }
    return "has";
}

ClaimBook::ClaimBook(std::string ownTerminal, std::chrono::milliseconds grantLife)
    : m_own(std::move(ownTerminal)), m_grantLife(grantLife) {}

void ClaimBook::dropExpired(Entry& e, std::chrono::steady_clock::time_point now) {
    std::erase_if(e.grants, [&](const auto& g) { return g.second <= now; });
}

std::optional<std::string> ClaimBook::takeOwn(const ClaimKey& key) {
    std::lock_guard lock(m_mutex);
    Entry& e = m_entries[key];
    dropExpired(e, std::chrono::steady_clock::now());
    if (!e.grants.empty()) return e.grants.begin()->first;  // the grant stays: so does the refusal
    ++e.own;
    return std::nullopt;
}

void ClaimBook::releaseOwn(const ClaimKey& key) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it == m_entries.end()) return;
    if (it->second.own > 0) --it->second.own;
    dropExpired(it->second, std::chrono::steady_clock::now());
    if (it->second.own == 0 && it->second.grants.empty()) m_entries.erase(it);
}

ClaimAnswer ClaimBook::grant(const ClaimKey& key, const std::string& requester) {
    std::lock_guard lock(m_mutex);
    auto now = std::chrono::steady_clock::now();
    // Keys nobody touches again would otherwise stay: sweep now and then (a few hundred a day at most).
    if (m_entries.size() > 256)
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            dropExpired(it->second, now);
            it = it->second.own == 0 && it->second.grants.empty() ? m_entries.erase(it) : std::next(it);
        }
    Entry& e = m_entries[key];
    dropExpired(e, now);
    if (e.own > 0 && m_own < requester) return ClaimAnswer::Held;
    e.grants[requester] = now + m_grantLife;
    return ClaimAnswer::Granted;
}

void ClaimBook::withdraw(const ClaimKey& key, const std::string& requester) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it == m_entries.end()) return;
    it->second.grants.erase(requester);
    if (it->second.own == 0 && it->second.grants.empty()) m_entries.erase(it);
}

void ClaimBook::recordArrived(const ClaimKey& key) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it == m_entries.end()) return;
    it->second.grants.clear();
    if (it->second.own == 0) m_entries.erase(it);
}

int ClaimBook::liveGrants() {
    std::lock_guard lock(m_mutex);
    auto now = std::chrono::steady_clock::now();
    int n = 0;
    for (auto& [k, e] : m_entries) {
        dropExpired(e, now);
        n += int(e.grants.size());
    }
    return n;
}

int ClaimBook::ownClaims() {
    std::lock_guard lock(m_mutex);
    int n = 0;
    for (const auto& [k, e] : m_entries) n += e.own;
    return n;
}

}  // namespace mh
