// The settings tab's printer for the monthly posting (issue 14: every staff setting audited): staff
// pick one of the printers CUPS lists, or none; each change is an audit entry "old -> new" by
// staff-screen, kept across a restart, and wins over site.toml's [posting] printer.
#include <doctest/doctest.h>

#include "kiosk/ui/kiosk_controller.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/kiosk_settings.hpp"
#include "support/test_site.hpp"

using namespace mh;
using namespace mh::ui;

namespace {
void openSettings(KioskController& ctl) {
    OpsLink link;
    link.printers = [] { return std::vector<std::string>{"hall-laser", "office-inkjet"}; };
    ctl.setOpsLink(link);
    ctl.setPinChecker([](const std::string&) { return std::string(); });
    ctl.apply(OpenStaff{});
    ctl.apply(PinSubmit{});
    ctl.apply(ShowStaffTab{StaffTab::Settings});
}
std::vector<AuditEntry> printerEntries(Site& site) {
    std::vector<AuditEntry> out;
    for (auto& e : AuditLog(site.db()).recent(100))
        if (e.action == "kiosk.printer") out.insert(out.begin(), e);
    return out;
}
}  // namespace

TEST_CASE("the posting printer staff pick is audited old to new, kept across a restart, and wins over site.toml") {
    test::TempDir tmp;
    auto site = test::makeSite(tmp.path(), test::standardToml() + "\n[posting]\nprinter = \"hall-laser\"\n");
    FakeClock clock{site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:32"))};
    {
        KioskController ctl(*site, clock);
        openSettings(ctl);
        CHECK(ctl.state().printer == "hall-laser");
        CHECK(ctl.state().printers.size() == 2);
        ctl.apply(PickPrinter{"hall-laser"});  // what is already in use: nothing to record
        CHECK(printerEntries(*site).empty());
        ctl.apply(PickPrinter{"office-inkjet"});
        ctl.apply(PickPrinter{""});
        auto es = printerEntries(*site);
        REQUIRE(es.size() == 2);
        CHECK(es[0].detail == "hall-laser -> office-inkjet");
        CHECK(es[1].detail == "office-inkjet -> (none)");
        CHECK(es[0].actor == "staff-screen");
        CHECK(ctl.state().staffMessage == "月度公示以后不送打印机");
    }
    CHECK(effectivePostingPrinter(site->db(), site->config().postingPrinter).empty());
    KioskController again(*site, clock);
    openSettings(again);
    CHECK(again.state().printer.empty());
    again.apply(PickPrinter{"office-inkjet"});
    CHECK(effectivePostingPrinter(site->db(), site->config().postingPrinter) == "office-inkjet");
}

TEST_CASE("without a staff pick the posting printer is site.toml's") {
    test::TempDir tmp;
    auto site = test::makeSite(tmp.path(), test::standardToml() + "\n[posting]\nprinter = \"hall-laser\"\n");
    CHECK(effectivePostingPrinter(site->db(), site->config().postingPrinter) == "hall-laser");
}
