// A site made by `kiosk init` for the backup and restore tests: the standard policy, `elders` 特困
// elders E1..En, and helpers that scan and back up through the real executable.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "shared/cards/card_signature.hpp"
#include "shared/site/site_keys.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"

namespace mh::test {

struct BackupSite {
    TempDir dir;
    std::string site;
    std::filesystem::path usb;
    // `extraToml`: appended to the standard site.toml (an [upload] table, [peers]).
    explicit BackupSite(int elders = 40, const std::string& extraToml = "") {
        site = (dir.path() / "site").string();
        usb = dir.path() / "usb";
        auto init = kiosk({"init", "--site", site, "--site-id", "141022-001", "--name", "北关村老年食堂"});
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        writeFile(dir.path() / "site/site.toml", standardToml(extraToml));
        std::string csv = "elder_id,name,categories\n";
        for (int i = 1; i <= elders; ++i) csv += "E" + std::to_string(i) + ",王秀英,tekun\n";
        writeFile(dir.path() / "roster.csv", csv);
        auto imp = kiosk({"roster", "import", "--site", site, (dir.path() / "roster.csv").string()});
        REQUIRE_MESSAGE(imp.exitCode == 0, imp.err);
    }
    std::string card(int elder) const {
        auto keys = SiteKeys::load(dir.path() / "site");
        REQUIRE(keys.ok());
        return signCard({"E" + std::to_string(elder), "1"}, keys->card.sec);
    }
    // A lunch scan at `at` on `siteDir` (default: this site), which must be accepted.
    void scan(int elder, const std::string& at, const std::string& siteDir = "") const {
        auto r = kiosk({"scan", "--site", siteDir.empty() ? site : siteDir, "--service", "lunch", "--at", at, card(elder)});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    }
    nlohmann::json backup(const std::string& siteDir = "") const {
        auto r = kiosk({"backup", "--site", siteDir.empty() ? site : siteDir, "--to", usb.string()});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return nlohmann::json::parse(r.out);
    }
    nlohmann::json status(const std::string& siteDir = "") const {
        auto r = kiosk({"status", "--site", siteDir.empty() ? site : siteDir});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return nlohmann::json::parse(r.out);
    }
};

}  // namespace mh::test
