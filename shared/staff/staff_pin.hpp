// The staff PIN that opens the kiosk's staff screens: stored as an argon2id hash (libsodium
// crypto_pwhash_str), never as digits; five wrong PINs in a row lock the pad for five minutes,
// kept in the database so that restarting the kiosk does not reset the count.
#pragma once
#include <cstdint>
#include <string>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/core/result.hpp"
#include "shared/store/database.hpp"

namespace mh {

// The PINs an attacker tries first: one digit repeated, runs up or down (1234, 987654), a short block
// repeated (1212, 520520) and a few favourites (1314, 2580).
bool commonPin(const std::string& pin);

class StaffPin {
public:
    static constexpr int kMaxFailures = 5;
    static constexpr std::int64_t kLockSeconds = 5 * 60;

    StaffPin(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    // 4 to 12 digits, not one of the commonest (commonPin). Errors: pin.format, pin.weak (usage).
    // Replacing a PIN also clears a lockout; audited.
    Status set(const std::string& pin, const std::string& atIso, const std::string& actor);
    [[nodiscard]] bool isSet();

    enum class Verdict { Ok, Wrong, Locked, NotSet };
    struct Check {
        Verdict verdict = Verdict::NotSet;
        int attemptsLeft = 0;          // after a wrong PIN
        std::int64_t lockedSeconds = 0;  // while locked
        bool lockedNow = false;          // this wrong PIN was the one that started the lockout
        [[nodiscard]] std::string sentence() const;  // Chinese, for the PIN pad; empty when Ok
    };
    // While locked, the PIN is not even checked (no guessing during the lockout).
    Check verify(const std::string& pin);

private:
    Database& m_db;
    const Clock& m_clock;
};

}  // namespace mh
