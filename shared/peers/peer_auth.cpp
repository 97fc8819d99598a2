#include "shared/peers/peer_auth.hpp"

#include <sodium.h>

#include <cstring>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

namespace mh {
namespace {

constexpr std::string_view kMacLabel = "mealhall peer mac v1";
// A different label, so the encryption key and the MAC key are two unrelated keys.
constexpr std::string_view kBoxLabel = "mealhall peer box v2";
constexpr int kEnvelopeVersion = 2;
static_assert(crypto_secretbox_KEYBYTES == 32);

// Keyed BLAKE2b over a label and the card-signing secret, keyed with the ID-hash key: both are
// site secrets every terminal of the site holds, and neither is used as a MAC or box key itself.
void deriveKey(std::array<unsigned char, 32>& out, std::string_view label, const SiteKeys& keys) {
    std::string msg(label);
    msg.append(reinterpret_cast<const char*>(keys.card.sec.data()), keys.card.sec.size());
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                       keys.idHashKey.data(), keys.idHashKey.size());
    sodium_memzero(msg.data(), msg.size());
}

// base64 of a fresh random nonce and the ciphertext of `body`.
std::string sealBody(std::string_view body, const std::array<unsigned char, 32>& key) {
    std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + body.size());
    randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(body.data()),
                          body.size(), box.data(), key.data());
    std::string out(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), box.data(), box.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::string> openBody(const std::string& b64, const std::array<unsigned char, 32>& key) {
    std::vector<unsigned char> box(b64.size() / 4 * 3 + 3);
    std::size_t len = 0;
    if (sodium_base642bin(box.data(), box.size(), b64.data(), b64.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        return std::nullopt;
    std::string body(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(body.data()), box.data() + crypto_secretbox_NONCEBYTES,
                                   len - crypto_secretbox_NONCEBYTES, box.data(), key.data()) != 0)
        return std::nullopt;
    return body;
}

std::string hex(const unsigned char* p, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), p, n);
    out.pop_back();
    return out;
}

std::string randomNonce() {
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    return hex(b, sizeof b);
}

// What the MAC covers: every field, each on its own line, the body last (it may hold newlines).
std::string macInput(std::string_view purpose, const std::string& site, const std::string& from, std::int64_t ts,
                     const std::string& nonce, std::string_view body) {
    std::string s;
    s.reserve(purpose.size() + site.size() + from.size() + nonce.size() + body.size() + 40);
    s.append(purpose).append("\n").append(site).append("\n").append(from).append("\n");
    s.append(std::to_string(ts)).append("\n").append(nonce).append("\n").append(body);
    return s;
}

Error refused(const char* code, const char* zh, const char* en) { return Error{code, zh, en}; }

}  // namespace

PeerAuth::PeerAuth(std::string siteId, std::string terminalId, const SiteKeys& keys, const Clock& clock)
    : m_siteId(std::move(siteId)), m_terminalId(std::move(terminalId)), m_clock(clock) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    deriveKey(m_macKey, kMacLabel, keys);
    deriveKey(m_boxKey, kBoxLabel, keys);
}

PeerAuth::~PeerAuth() {
    sodium_memzero(m_macKey.data(), m_macKey.size());
    sodium_memzero(m_boxKey.data(), m_boxKey.size());
}

std::string PeerAuth::envelope(std::string_view purpose, std::string_view body, const std::string& nonce) const {
    std::int64_t ts = m_clock.nowUnix();
    // Encrypt, then MAC the ciphertext with every header field (and the purpose: path, request nonce).
    std::string box = sealBody(body, m_boxKey);
    std::string input = macInput(purpose, m_siteId, m_terminalId, ts, nonce, box);
    unsigned char mac[crypto_auth_BYTES];
    crypto_auth(mac, reinterpret_cast<const unsigned char*>(input.data()), input.size(), m_macKey.data());
    nlohmann::json j{{"v", kEnvelopeVersion}, {"site", m_siteId}, {"from", m_terminalId},      {"ts", ts},
                     {"nonce", nonce},         {"box", box},       {"mac", hex(mac, sizeof mac)}};
    return j.dump();
}

std::string PeerAuth::seal(std::string_view path, std::string_view body, std::string* nonceOut) const {
    std::string nonce = randomNonce();
    if (nonceOut) *nonceOut = nonce;
    return envelope(std::string("req ") + std::string(path), body, nonce);
}

std::string PeerAuth::sealReply(std::string_view path, std::string_view requestNonce, std::string_view body) const {
    return envelope(std::string("rep ") + std::string(path) + " " + std::string(requestNonce), body, randomNonce());
}

Result<OpenedMessage> PeerAuth::check(std::string_view purpose, std::string_view text) const {
    auto j = nlohmann::json::parse(text, nullptr, false);
    auto str = [&](const char* k) { return j.is_object() && j.contains(k) && j[k].is_string(); };
    // Version 1 (signed, body in clear) is refused: both terminals of a site run the same version.
    if (j.is_discarded() || !str("site") || !str("from") || !str("nonce") || !str("box") || !str("mac") ||
        !j.contains("ts") || !j["ts"].is_number_integer() || !j.contains("v") ||
        !j["v"].is_number_integer() || j["v"].get<std::int64_t>() != kEnvelopeVersion)
        return refused("peer.malformed", "收到的消息格式不对", "malformed peer message");
    OpenedMessage m{j["from"].get<std::string>(), j["nonce"].get<std::string>(), j["ts"].get<std::int64_t>(), {}};
    const std::string box = j["box"].get<std::string>();
    std::string site = j["site"].get<std::string>();
    if (site != m_siteId) return refused("peer.site", "消息来自另一个站点的机器", "the message is from another site");
    std::string macHex = j["mac"].get<std::string>();
    unsigned char mac[crypto_auth_BYTES];
    std::size_t macLen = 0;
    if (macHex.size() != 2 * sizeof mac ||
        sodium_hex2bin(mac, sizeof mac, macHex.data(), macHex.size(), nullptr, &macLen, nullptr) != 0 ||
        macLen != sizeof mac)
        return refused("peer.signature", "消息的签名不对", "bad message signature");
    std::string input = macInput(purpose, site, m.from, m.sentUnix, m.nonce, box);
    if (crypto_auth_verify(mac, reinterpret_cast<const unsigned char*>(input.data()), input.size(), m_macKey.data()) != 0)
        return refused("peer.signature", "消息的签名不对", "bad message signature");
    auto body = openBody(box, m_boxKey);
    if (!body) return refused("peer.signature", "消息的签名不对", "bad message signature");
    m.body = std::move(*body);
    if (m.from == m_terminalId) return refused("peer.self", "消息来自本机自己", "the message is from this terminal itself");
    std::int64_t skew = m.sentUnix - m_clock.nowUnix();
    if (skew > kPeerClockSlackSeconds || skew < -kPeerClockSlackSeconds)
        return refused("peer.clock", "两台机器的时间相差超过15分钟，请工作人员校准时间",
                       "the two terminals' clocks differ by more than 15 minutes");
    return m;
}

Result<OpenedMessage> PeerAuth::open(std::string_view path, std::string_view text) {
    auto m = check(std::string("req ") + std::string(path), text);
    if (!m) return m;
    std::int64_t now = m_clock.nowUnix();
    std::lock_guard lock(m_mutex);
    // Anything older than the window is refused by its timestamp already: forget it.
    std::erase_if(m_seen, [&](const auto& kv) { return kv.second < now - kPeerClockSlackSeconds - 60; });
    if (!m_seen.emplace(m->nonce, m->sentUnix).second)
        return refused("peer.replay", "重复收到同一条消息，已拒绝", "a replayed message was refused");
    return m;
}

Result<OpenedMessage> PeerAuth::openReply(std::string_view path, std::string_view requestNonce,
                                          std::string_view text) const {
    return check(std::string("rep ") + std::string(path) + " " + std::string(requestNonce), text);
}

std::size_t PeerAuth::noncesRemembered() {
    std::lock_guard lock(m_mutex);
    return m_seen.size();
}

}  // namespace mh
