// The kiosk's own settings (shared/staff/kiosk_prefs.hpp) and the first run's skipped steps
// (shared/site/first_run_steps.hpp): each change lands with its audit entry.
#include <doctest/doctest.h>

#include "shared/site/first_run_steps.hpp"
#include "shared/staff/kiosk_prefs.hpp"
#include "shared/posting/posting_print.hpp"
#include "shared/store/audit_log.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {
constexpr const char* kAt = "2026-11-25T09:00:00+08:00";
AuditEntry lastEntry(Site& site) {
    auto log = AuditLog(site.db()).recent(1);
    REQUIRE(log.size() == 1);
    return log[0];
}
}  // namespace

TEST_CASE("a fresh site has no kiosk settings, and saved ones come back after a reopen") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    KioskPrefs none = loadKioskPrefs(*site);
    CHECK_FALSE(none.volume);
    CHECK_FALSE(none.panelInch);

    REQUIRE(saveVolume(*site, "staff-screen", kAt, 80, 60));
    REQUIRE(savePanelSize(*site, "first-run", kAt, "0", panelInchText(15.63, /*measured=*/true)));
    site.reset();
    auto reopened = Site::open(dir.path());
    REQUIRE(reopened.ok());
    KioskPrefs prefs = loadKioskPrefs(**reopened);
    CHECK(prefs.volume == 60);
    REQUIRE(prefs.panelInch);
    CHECK(*prefs.panelInch == doctest::Approx(15.6));
}

TEST_CASE("each setting change is audited with who, and before and after") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    REQUIRE(savePanelSize(*site, "staff-screen", kAt, panelInchText(0, false), panelInchText(10.1, false)));
    AuditEntry e = lastEntry(*site);
    CHECK(e.action == "kiosk.diagonal");
    CHECK(e.actor == "staff-screen");
    CHECK(e.detail == "0 -> 10.1");

    REQUIRE(saveVolume(*site, "staff-screen", kAt, 80, 70));
    CHECK(lastEntry(*site).detail == "80 -> 70");

    REQUIRE(savePostingPrinter(*site, "staff-screen", kAt, "", "office"));
    CHECK(lastEntry(*site).detail == "(none) -> office");
    CHECK(postingPrinter(*site) == "office");
    REQUIRE(savePostingPrinter(*site, "staff-screen", kAt, "office", ""));
    CHECK(lastEntry(*site).detail == "office -> (none)");
    CHECK(postingPrinter(*site).empty());  // staff chose not to print, whatever site.toml says
}

TEST_CASE("the panel size is stored as the settings tab and the first run show it") {
    CHECK(panelInchText(10.1, false) == "10.1");
    CHECK(panelInchText(21.5, false) == "21.5");
    CHECK(panelInchText(15.63, true) == "15.6");
    CHECK(panelInchText(0, false) == "0");
}

TEST_CASE("a skipped first-run step is written to the new site's audit log") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    recordFirstRunSkip(*site, FirstRunSkippable::Roster, "first-run", kAt);
    AuditEntry e = lastEntry(*site);
    CHECK(e.action == "firstrun.skip");
    CHECK(e.subject == "roster");
    CHECK(e.actor == "first-run");
    recordFirstRunSkip(*site, FirstRunSkippable::SetupCard, "first-run", kAt);
    CHECK(lastEntry(*site).subject == "setup-card");
}
