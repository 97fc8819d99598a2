// libsodium calls behind pairing_crypto.hpp.
#include "shared/peers/pairing_crypto.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace mh::pairing {

BoxKeyPair BoxKeyPair::generate() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    BoxKeyPair kp;
    crypto_box_keypair(kp.pub.data(), kp.sec.data());
    return kp;
}

std::optional<CodeKeys> deriveCodeKeys(const std::string& code, const Key32& joinerPub) {
    if (sodium_init() < 0) return std::nullopt;
    unsigned char salt[crypto_pwhash_SALTBYTES];
    crypto_generichash(salt, sizeof salt, joinerPub.data(), joinerPub.size(),
                       reinterpret_cast<const unsigned char*>("mealhall-join-v1"), 16);
    unsigned char out[64];
    // 16 MiB and 3 passes: about 50 ms here, cheap for one join, dear for a million guesses.
    if (crypto_pwhash(out, sizeof out, code.data(), code.size(), salt, 3, 16u << 20, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::nullopt;
    CodeKeys k;
    std::copy(out, out + 32, k.request.begin());
    std::copy(out + 32, out + 64, k.reply.begin());
    sodium_memzero(out, sizeof out);
    return k;
}

std::string hex(const unsigned char* p, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), p, n);
    out.pop_back();
    return out;
}

std::optional<Key32> key32FromHex(std::string_view h) {
    Key32 k{};
    size_t len = 0;
    if (sodium_hex2bin(k.data(), k.size(), h.data(), h.size(), nullptr, &len, nullptr) != 0 || len != k.size())
        return std::nullopt;
    return k;
}

std::string tagHex(std::string_view message, const Key32& key) {
    unsigned char tag[crypto_auth_BYTES];
    crypto_auth(tag, reinterpret_cast<const unsigned char*>(message.data()), message.size(), key.data());
    return hex(tag, sizeof tag);
}

bool tagMatches(std::string_view message, const Key32& key, std::string_view h) {
    unsigned char tag[crypto_auth_BYTES];
    size_t len = 0;
    if (sodium_hex2bin(tag, sizeof tag, h.data(), h.size(), nullptr, &len, nullptr) != 0 || len != sizeof tag) return false;
    return crypto_auth_verify(tag, reinterpret_cast<const unsigned char*>(message.data()), message.size(), key.data()) == 0;
}

std::string sealBase64(std::string_view plain, const Key32& pub) {
    std::vector<unsigned char> c(plain.size() + crypto_box_SEALBYTES);
    crypto_box_seal(c.data(), reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), pub.data());
    std::string out(sodium_base64_encoded_len(c.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), c.data(), c.size(), sodium_base64_VARIANT_ORIGINAL);
    out.pop_back();  // the terminating NUL
    return out;
}

std::optional<std::string> openSealedBase64(std::string_view b64, const BoxKeyPair& kp) {
    std::vector<unsigned char> c(b64.size());
    size_t len = 0;
    if (sodium_base642bin(c.data(), c.size(), b64.data(), b64.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len < crypto_box_SEALBYTES)
        return std::nullopt;
    std::string plain(len - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), c.data(), len, kp.pub.data(), kp.sec.data()) != 0)
        return std::nullopt;
    return plain;
}

std::string requestMessage(std::string_view pubHex, int listenPort) {
    return "mealhall-join-v1|" + std::string(pubHex) + "|" + std::to_string(listenPort);
}

std::string doneMessage(std::string_view pubHex, std::string_view terminal) {
    return "mealhall-join-done-v1|" + std::string(pubHex) + "|" + std::string(terminal);
}

}  // namespace mh::pairing
