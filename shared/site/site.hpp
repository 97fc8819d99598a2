// An opened site directory (contract 2): its configuration, time zone, keys and database.
// Everything a verb or the GUI needs to serve one installation.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "shared/cards/card_signature.hpp"
#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site_config.hpp"
#include "shared/site/site_keys.hpp"
#include "shared/store/database.hpp"

namespace mh {

inline constexpr const char* kSiteToml = "site.toml";
inline constexpr const char* kSiteDb = "mealhall.db";

// Why the site's database cannot be used because it is gone (missing or 0 bytes): the sentence
// says the records are lost and how to restore them. None when the file is there.
std::optional<Error> missingDatabase(const std::filesystem::path& dir);

class Site {
public:
    // Why a new site cannot be made with this id and name (none when it can): checked before anything
    // is written.
    static std::optional<Error> checkNewSite(const std::string& siteId, const std::string& name);
    // Creates the directory (if needed), site.toml, keys and database, in place: a kill halfway leaves
    // a half-made site. The verbs and the first run use initSite (site_init.hpp), which builds in a
    // staging directory and moves it into place; this is for that staging directory and for tests.
    // Refuses a directory that already holds a site.
    static Result<std::unique_ptr<Site>> init(const std::filesystem::path& dir, const std::string& siteId,
                                              const std::string& name);
    // `init --join` (contract 11): a second terminal of an existing site. Writes the site's own
    // site.toml and secret files (`files`: name in the directory -> content, 0600) into an empty or
    // missing directory, then creates this terminal's database (a new terminal id) and opens it.
    // Refuses a directory that holds anything, and a site.toml that does not load.
    static Result<std::unique_ptr<Site>> initJoined(const std::filesystem::path& dir, const std::string& siteToml,
                                                    const std::vector<std::pair<std::string, std::string>>& files);
    // Fails with a plain sentence for a missing directory, a broken site.toml, missing keys or an
    // unreadable database; a missing or empty database is `site.db.gone` and nothing is created.
    static Result<std::unique_ptr<Site>> open(const std::filesystem::path& dir);
    // The same for the running kiosk, which must not stop elders eating over a typo: a site.toml that
    // does not load falls back to the last one that did (kept beside it as site.toml.last-good), and
    // configProblem() says so. Other verbs use open() and refuse, so the mistake gets fixed.
    static Result<std::unique_ptr<Site>> openKeepingLastGood(const std::filesystem::path& dir);

    // Empty, or a plain sentence for staff: the configuration in use is the last good one.
    [[nodiscard]] const std::string& configProblem() const { return m_configProblem; }
    // What was wrong with site.toml, with its line, for the log (not for the staff screen).
    [[nodiscard]] const std::string& configDetail() const { return m_configDetail; }

    [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }
    [[nodiscard]] const SiteConfig& config() const { return m_config; }
    [[nodiscard]] const TimeZone& timeZone() const { return m_tz; }
    [[nodiscard]] const SiteKeys& keys() const { return m_keys; }
    [[nodiscard]] Database& db() { return m_db; }
    // The site's own key first, then [cards] trusted_keys.
    [[nodiscard]] const std::vector<PublicKey>& trustedKeys() const { return m_trusted; }

private:
    static Result<std::unique_ptr<Site>> openWith(const std::filesystem::path& dir, bool keepLastGood);
    Site(std::filesystem::path dir, SiteConfig cfg, TimeZone tz, SiteKeys keys, Database db);
    std::filesystem::path m_dir;
    SiteConfig m_config;
    TimeZone m_tz;
    SiteKeys m_keys;
    Database m_db;
    std::vector<PublicKey> m_trusted;
    std::string m_configProblem, m_configDetail;
};

inline constexpr const char* kLastGoodSiteToml = "site.toml.last-good";

}  // namespace mh
