// site.toml (contract 10): the site's identity, services, subsidy policy, cards and upload settings.
// Human-edited, so every mistake is reported with its line number and in words a county IT person
// can act on.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/money.hpp"
#include "shared/core/result.hpp"

namespace mh {

enum class ServiceKind { Meal, Service, Activity };
std::string_view serviceKindKey(ServiceKind k);

struct ServiceDef {
    std::string id;    // "lunch"
    std::string name;  // "午餐"
    ServiceKind kind = ServiceKind::Meal;
    WallTime opens{0};
    WallTime closes{24 * 60};
    Fen priceFen = 0;
    // Inclusive of opens, exclusive of closes.
    [[nodiscard]] bool isOpenAt(WallTime t) const { return t >= opens && t < closes; }
};

struct RuleDef {
    std::string name;
    std::vector<std::string> categories;  // codes; empty: anyone
    int minAge = 0;
    std::optional<int> maxAge;            // extension: age on the day at most this
    std::vector<std::string> services;    // empty: every priced service
    Shares shares;                        // `elder` unused: the elder pays what is left
    int line = 0;                         // where it is in site.toml, for messages
};

enum class Unsubsidised { FullPrice, Refuse };

struct SiteConfig {
    std::string siteId;
    std::string name;
    std::string timezone = "Asia/Shanghai";
    std::string contact;                  // shown on the public posting
    WallTime endOfDay{20 * 60};           // when a day's tally is frozen for upload
    Unsubsidised unsubsidised = Unsubsidised::FullPrice;
    std::vector<ServiceDef> services;
    std::vector<RuleDef> rules;
    bool allowUnsigned = false;
    std::vector<std::string> trustedKeys;  // base32 Ed25519 public keys
    std::string uploadEndpoint;
    std::string tokenFile = "upload.token";
    std::string caBundle;                  // empty: the system's
    bool showFullNames = false;            // on screens other people can see
    double diagonalInch = 0;               // 0: from the display's DPI
    std::string postingPrinter;            // [posting] printer: lp destination; empty: do not print
    std::string inputCamera = "auto";      // [input] camera: "auto" (first camera found), "none", or a /dev path

    [[nodiscard]] const ServiceDef* findService(std::string_view id) const;
};

// Parses TOML text; `origin` names the file in messages.
Result<SiteConfig> parseSiteConfig(std::string_view text, const std::string& origin = "site.toml");
Result<SiteConfig> loadSiteConfig(const std::filesystem::path& file);

// The commented default that `init` writes.
std::string defaultSiteToml(const std::string& siteId, const std::string& name);

}  // namespace mh
