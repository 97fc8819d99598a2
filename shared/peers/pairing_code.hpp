// The serving terminal's six-digit pairing code (contract 11): what staff read off the screen (or
// `serve --code-file`) and type into `init --join` on the new terminal. There is no code until staff
// show one; it lives 10 minutes at most, is withdrawn when staff stop showing it, and is used up by
// the one join that proved it. Guessing is limited twice: 3 wrong tries per address per code (that
// address is then shut out of this code) and 6 per address per hour over all codes, so one address
// never spoils the code for another; 10 wrong tries from all addresses together kill the code (an
// attacker holding many LAN addresses), and staff show a new one. Thread-safe: the peer server checks
// it on its own threads while the staff screen reads it.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"

namespace mh {

// NotShown: no code is shown now (never was, or staff stopped showing it). TooMany: this address made
// too many wrong tries (on this code, or in the last hour); others may still use the code.
enum class CodeCheck { Ok, Wrong, Burnt, Expired, Used, NotShown, TooMany };

// What the staff screen and `serve` show. `code` stays readable after use so staff see which one it
// was; `usable` says whether a joiner can still use it.
struct PairingCodeView {
    bool shown = false;  // staff asked for a code and have not withdrawn it
    std::string code;
    bool usable = false;
    std::int64_t expiresUnix = 0;
    CodeCheck state = CodeCheck::NotShown;  // Ok while usable; else why not
    std::uint64_t serial = 0;               // counts the codes shown: a new code, a new number
};

class PairingCode {
public:
    static constexpr std::int64_t kLifetimeSeconds = 600;
    static constexpr int kTriesPerAddress = 3;    // per code
    static constexpr int kTriesPerCode = 10;      // all addresses together
    static constexpr int kTriesPerHour = 6;       // per address, over all codes
    static constexpr std::int64_t kHourSeconds = 3600;

    // No code until show(). `clock` must outlive this.
    explicit PairingCode(const Clock& clock);

    // A new random code for 10 minutes (the old one dies at once); returns it.
    std::string show();
    // Staff stopped showing the code: it dies at once.
    void hide();
    [[nodiscard]] PairingCodeView view() const;
    // A joiner could use the code now.
    [[nodiscard]] bool live() const;

    // One join attempt from `from` (the remote IP): `proves(code)` says whether the request was made
    // with this code (the caller checks the request's tag with it). Ok uses the code up; a wrong proof
    // costs `from` one try. Runs under the lock, so two joiners never both use one code.
    CodeCheck attempt(const std::string& from, const std::function<bool(const std::string& code)>& proves);

private:
    [[nodiscard]] CodeCheck stateLocked() const;
    const Clock& m_clock;
    mutable std::mutex m_mutex;
    std::string m_code;
    bool m_shown = false;
    std::uint64_t m_serial = 0;
    std::int64_t m_issuedUnix = 0;
    int m_wrong = 0;                           // on this code, all addresses
    bool m_used = false;
    std::map<std::string, int> m_wrongFrom;    // on this code, per address
    std::map<std::string, std::deque<std::int64_t>> m_recentWrong;  // per address, the last hour's
};

}  // namespace mh
