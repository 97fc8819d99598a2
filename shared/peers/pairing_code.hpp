// The serving terminal's six-digit pairing code (contract 11): what staff read off the screen (or
// `serve --code-file`) and type into `init --join` on the new terminal. Fresh at start, single use,
// dead after 10 minutes, burnt by 3 wrong tries. Thread-safe: the peer server checks it on its own
// threads while the staff screen reads it.
#pragma once
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "shared/core/dates.hpp"

namespace mh {

enum class CodeCheck { Ok, Wrong, Burnt, Expired, Used };

// What the staff screen and `serve` show. `code` stays readable after use so staff see which one it
// was; `usable` says whether a joiner can still use it.
struct PairingCodeView {
    std::string code;
    bool usable = false;
    std::int64_t expiresUnix = 0;
    CodeCheck state = CodeCheck::Ok;  // Ok while usable; else why not
};

class PairingCode {
public:
    static constexpr std::int64_t kLifetimeSeconds = 600;
    static constexpr int kTries = 3;

    // Starts with a fresh code. `clock` must outlive this.
    explicit PairingCode(const Clock& clock);

    // A new random code (the old one dies at once); returns it.
    std::string renew();
    // Renews when the code has been used or its 10 minutes are over (a burnt code waits out its 10
    // minutes, so a guesser gets 3 tries per 10 minutes). True when a new code was made.
    bool renewIfDue();
    [[nodiscard]] PairingCodeView view() const;

    // One join attempt: `proves(code)` says whether the request was made with this code (the caller
    // checks the request's tag with it). Ok uses the code up; a wrong proof costs one of the 3 tries.
    // Runs under the lock, so two joiners never both use one code.
    CodeCheck attempt(const std::function<bool(const std::string& code)>& proves);

private:
    [[nodiscard]] CodeCheck stateLocked() const;
    const Clock& m_clock;
    mutable std::mutex m_mutex;
    std::string m_code;
    std::int64_t m_issuedUnix = 0;
    int m_triesLeft = kTries;
    bool m_used = false;
};

}  // namespace mh
