// The back office behind the staff PIN and the idle screen's posting rotation: reads the upload status
// and the donation balance, records a donation typed on the keypad (with its audit entry), wakes the
// uploader when a frozen day changes, and decides when the waiting screen shows the monthly posting.
// No SDL, no threads: KioskController drives it, tests drive it with a FakeClock.
#pragma once
#include <cstdint>
#include <optional>

#include "kiosk/ui/kiosk_state.hpp"
#include "kiosk/ui/ops_state.hpp"
#include "shared/core/money.hpp"
#include "shared/ports/clock.hpp"
#include "shared/site/site.hpp"

namespace mh::ui {

struct KioskState;

class OpsPanel {
public:
    // The waiting screen shows the posting after this long without a tap or a scan, then for
    // kPostingShownSeconds out of every kPostingCycleSeconds, so a passer-by sees 请刷卡 most of the time.
    static constexpr int kIdleBeforePostingSeconds = 120;
    static constexpr int kPostingCycleSeconds = 45;
    static constexpr int kPostingShownSeconds = 15;

    OpsPanel(Site& site, const Clock& clock) : m_site(site), m_clock(clock), m_lastActivity(clock.nowUnix()) {}

    void setLink(OpsLink link) { m_link = std::move(link); }
    // The printers staff may pick on the settings tab (none without a running kiosk's link).
    [[nodiscard]] std::vector<std::string> printers() const {
        return m_link.printers ? m_link.printers() : std::vector<std::string>{};
    }

    // Refreshes the upload view and the posting job's status (the settings tab opens, the uploader
    // finished a run), and the donation view.
    void loadUpload(OpsState& ops);
    void loadDonation(OpsState& ops, LocalDate today);

    // Applies one staff command; may switch the staff tab (the donation form).
    void apply(const OpsCommand& c, KioskState& st);
    // What staff are asked before the donation form is saved (amount, donor, honour roll), or none
    // when the form is not complete: then st.staffMessage says what is missing.
    std::optional<StaffConfirmation> donationQuestion(KioskState& st) const;

    // A tap or a scan: the idle rotation starts again from the waiting screen.
    void noteActivity() { m_lastActivity = m_clock.nowUnix(); }
    // A record of `day` was added or voided through the kiosk: when that day's tally is already due
    // (a past day, or today after the end of day), the uploader is woken to send the new revision.
    // Returns true when it was woken.
    bool recordChanged(LocalDate day, const LocalDateTime& now);

    // Takes a new posting summary, moves the idle rotation and notices a finished upload run.
    // True when anything visible changed.
    bool tick(KioskState& st);
    // Seconds until tick() may change what is shown without any input.
    [[nodiscard]] std::int64_t secondsToNextChange(const KioskState& st) const;

private:
    void saveDonation(KioskState& st);
    // The typed amount in fen when the form can be saved; else none, with st.staffMessage set.
    static std::optional<Fen> checkedDonation(KioskState& st);

    Site& m_site;
    const Clock& m_clock;
    OpsLink m_link;
    std::int64_t m_lastActivity;
    int m_runsSeen = -1;
};

// "500", "12.5", "0.05" typed on the keypad -> fen; nullopt for anything else or nothing.
std::optional<Fen> parseTypedYuan(const std::string& typed);
// The keypad's next text for `key`: at most 8 integer digits, one point, two decimals.
std::string typeYuanKey(const std::string& typed, const std::string& key);
// A back-office message as a staff screen shows it: one naming a file, a setting key or a command
// becomes plain words for the administrator.
std::string staffWords(const std::string& message);
// "2026-11-24T20:01:05+08:00" -> "11月24日 20:01"; the input unchanged when it is not such a time.
std::string shortLocalTime(const std::string& iso);

}  // namespace mh::ui
