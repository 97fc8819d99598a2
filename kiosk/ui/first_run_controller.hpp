// Drives the first-run screens (first_run_state.hpp): checks each step, and does what it says through
// the same code as the command line: FirstRunStaging (Site::init, as `kiosk init`), StaffPin::set (as
// `kiosk staff pin`), savePanelSize (kiosk_prefs.hpp, as the settings tab), importRosterFile (as
// `kiosk roster import`) and applySetupCard. Every one of them is audited with the actor "first-run".
// No SDL: tests drive it without a window.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/first_run_state.hpp"
#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/site/first_run_site.hpp"
#include "shared/site/setup_card.hpp"

namespace mh::ui {

inline constexpr const char* kFirstRunActor = "first-run";

struct FirstRunOptions {
    std::filesystem::path siteDir;
    std::vector<std::filesystem::path> usbRoots{"/media", "/run/media"};  // where USB sticks are mounted
    std::vector<PublicKey> trustedSetupKeys;  // the terminal's county setup keys
    std::string setupKeysProblem;             // the keys file could not be read: said when a card is scanned
};

// CSV files under `roots` (a few levels deep, at most `limit`, sorted), for the roster step.
std::vector<std::string> findCsvFiles(const std::vector<std::filesystem::path>& roots, std::size_t limit = 12);

class FirstRunController {
public:
    FirstRunController(FirstRunOptions options, const Clock& clock);

    [[nodiscard]] const FirstRunState& state() const { return m_state; }
    FirstRunState& state() { return m_state; }
    void apply(const FirstRunCommand& c);
    void applyAll(FirstRunQueue& q) {
        for (auto& c : q.take()) apply(c);
    }
    // The site is in place (committed): open it and run the kiosk.
    [[nodiscard]] bool finished() const { return m_state.step == FirstRunStep::Done; }

private:
    void key(const std::string& k);
    void next();
    void back();
    void skip();
    void scan(const std::string& payload);
    void importRoster(std::size_t index);
    void applyCard();
    void finish();
    void problem(const std::string& text);
    void note(const std::string& text);
    [[nodiscard]] std::string nowIso() const;

    FirstRunOptions m_opt;
    const Clock& m_clock;
    FirstRunState m_state;
    std::string m_firstPin;
    std::unique_ptr<FirstRunStaging> m_staging;  // from the site name on
    std::optional<SetupCard> m_card;             // read, waiting for the staging site or applied
};

}  // namespace mh::ui
