// A site made on the screen at a terminal's first run (issue 14), or by `kiosk init` (site_init.hpp),
// built in a staging directory inside the site directory and moved into place only when the flow is
// finished, so a power cut halfway leaves nothing that blocks the next try and nothing that looks
// like a site.
//
// Invariants:
//  (1) DIR holds site.toml, keys or a database only after commit() (or a roll-forward) moved them in.
//  (2) The staging directory DIR/.first-run is complete once DIR/.first-run/complete exists; from
//      then on finishInterruptedFirstRun() rolls the move forward. Without the marker it is a
//      half-finished first run and the next begin() deletes it.
//  (3) Contract 2 is untouched: a DIR with site.toml or keys but no database is not a first run.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "shared/core/result.hpp"
#include "shared/site/site.hpp"
#include "shared/ports/clock.hpp"

namespace mh {

inline constexpr const char* kFirstRunStaging = ".first-run";

// True when DIR was never initialised: no site.toml, no database, no keys (a missing DIR counts).
bool needsFirstRun(const std::filesystem::path& dir);

// Completes a first run whose final move was cut short (invariant 2). Nothing to do: ok.
Status finishInterruptedFirstRun(const std::filesystem::path& dir);

class FirstRunStaging {
public:
    // Removes a half-finished staging directory, then makes the new site in DIR/.first-run through
    // initSiteInPlace (audited as `actor`). DIR must need a first run (else site.exists); a bad id or
    // name is refused before anything is written.
    static Result<std::unique_ptr<FirstRunStaging>> begin(const std::filesystem::path& dir, const std::string& siteId,
                                                          const std::string& name, const Clock& clock,
                                                          const std::string& actor);
    ~FirstRunStaging();  // not committed: the staging directory is removed
    FirstRunStaging(const FirstRunStaging&) = delete;
    FirstRunStaging& operator=(const FirstRunStaging&) = delete;

    [[nodiscard]] Site& site() { return *m_site; }
    // Audits firstrun.done (unless `firstRunDone` is false: `kiosk init`), closes the database and
    // moves every file into DIR (site.toml last). After this the object holds no site; open DIR with
    // Site::open.
    Status commit(const std::string& atIso, const std::string& actor, bool firstRunDone = true);

private:
    FirstRunStaging(std::filesystem::path dir, std::unique_ptr<Site> site);
    std::filesystem::path m_dir;
    std::unique_ptr<Site> m_site;
    bool m_committed = false;
};

}  // namespace mh
