// Signing and checking the hello of a newly joined terminal (see pairing_hello.hpp).
#include "shared/peers/pairing_hello.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "shared/peers/pairing_crypto.hpp"

namespace mh {
namespace {
std::string signedPart(int port, const std::string& terminal, std::int64_t at) {
    return "mealhall-hello-v1|" + std::to_string(port) + "|" + terminal + "|" + std::to_string(at);
}
}  // namespace

std::string makeHello(const SiteKeys& keys, int listenPort, const std::string& terminal, std::int64_t nowUnix) {
    std::string msg = signedPart(listenPort, terminal, nowUnix);
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), keys.card.sec.data());
    return nlohmann::json{{"listen_port", listenPort}, {"terminal", terminal}, {"at", nowUnix},
                          {"sig", pairing::hex(sig, sizeof sig)}}
        .dump();
}

std::optional<int> checkHello(const std::string& body, const SiteKeys& keys, std::int64_t nowUnix) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    try {
        int port = j.at("listen_port").get<int>();
        std::string terminal = j.at("terminal").get<std::string>();
        std::int64_t at = j.at("at").get<std::int64_t>();
        std::string sigHex = j.at("sig").get<std::string>();
        if (port < 1 || port > 65535 || at < nowUnix - kHelloFreshSeconds || at > nowUnix + kHelloFreshSeconds)
            return std::nullopt;
        unsigned char sig[crypto_sign_BYTES];
        size_t len = 0;
        if (sodium_hex2bin(sig, sizeof sig, sigHex.data(), sigHex.size(), nullptr, &len, nullptr) != 0 || len != sizeof sig)
            return std::nullopt;
        std::string msg = signedPart(port, terminal, at);
        if (crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), keys.card.pub.data()) != 0)
            return std::nullopt;
        return port;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

}  // namespace mh
