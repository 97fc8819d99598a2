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
    // A card shown at the door may check in to it (contract 10, at_door). False: only staff 补签 and
    // `scan --service` record it (a service staff book, so the door never charges for it by accident).
    bool atDoor = true;
    // Inclusive of opens, exclusive of closes.
    [[nodiscard]] bool isOpenAt(WallTime t) const { return t >= opens && t < closes; }
};

// One [[rule]] of site.toml (contract 10, "How the policy decides"). Conditions that are not written
// hold for everyone; limits that are not written do not limit.
struct RuleDef {
    std::string name;
    std::string group = "main";               // at most one rule of a group applies to a use
    std::vector<std::string> categories;      // codes; the elder has any of these; empty: anyone
    std::vector<std::string> allCategories;   // the elder has every one of these
    std::vector<std::string> notCategories;   // the elder has none of these
    int minAge = 0;
    std::optional<int> maxAge;                // age on the day at most this
    std::vector<std::string> villages;        // the roster's village is one of these; empty: any
    std::vector<std::string> services;        // empty: every priced service
    std::optional<LocalDate> from, until;     // in force from / until these days, inclusive
    std::optional<int> perDay, perMonth;      // uses of this rule per elder per day / calendar month
    std::optional<Fen> monthCapFen;           // what this rule pays per elder per calendar month, at most
    Shares shares;                            // fixed shares; `elder` unused: the elder pays what is left
    std::optional<Fen> elderFen;              // instead of fixed shares: the elder pays this much...
    Share remainder = Share::Government;      // ...and this share pays what the other rules leave
    int line = 0;                             // where it is in site.toml, for messages

    // No money written at all: the rule only says who may eat (it applies, pays nothing, uses limits).
    [[nodiscard]] bool eligibilityOnly() const { return !elderFen && shares.total() == 0; }
    [[nodiscard]] bool inForceOn(LocalDate day) const {
        return (!from || *from <= day) && (!until || day <= *until);
    }
};

enum class Pick { First, Highest };

enum class Unsubsidised { FullPrice, Refuse };

struct SiteConfig {
    std::string siteId;
    std::string name;
    std::string timezone = "Asia/Shanghai";
    std::string contact;                  // shown on the public posting
    WallTime endOfDay{20 * 60};           // when a day's tally is frozen for upload
    Unsubsidised unsubsidised = Unsubsidised::FullPrice;
    Pick pick = Pick::First;              // [policy] pick: which candidate of a group applies
    std::optional<int> subsidisedPerDay;  // [policy] subsidised_per_day: 每人每天限补贴N次
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
    std::string backupTo;                  // [backup] to: folder of the nightly backup; empty: none
    int backupKeep = 7;                    // [backup] keep: how many nightly backups stay
    std::string inputCamera = "auto";      // [input] camera: "auto" (first camera found), "none", or a /dev path
    std::vector<std::string> peerAddresses;  // [peers] addresses: the site's other terminals, "host:port"
    std::string peerListen = "0.0.0.0:7443"; // [peers] listen: where this terminal serves them (contract 11)

    [[nodiscard]] const ServiceDef* findService(std::string_view id) const;
};

// Parses TOML text; `origin` names the file in messages.
// Contract 10's site id: the six-digit county code (行政区划代码), `-`, and the site's number (1-8
// digits), e.g. 141022-001. The same rule at `init`, the first run, a setup card and site.toml.
bool isValidSiteId(std::string_view id);
// The sentence naming the rule, for a refused id.
Error siteIdError(const std::string& whereZh, const std::string& whereEn, std::string_view id);

Result<SiteConfig> parseSiteConfig(std::string_view text, const std::string& origin = "site.toml");
Result<SiteConfig> loadSiteConfig(const std::filesystem::path& file);

// "192.168.1.21:7443" split into host and port; none for anything else (no port, port 0 or over
// 65535, spaces, a scheme such as "http://"). IPv6 needs brackets: "[fe80::1]:7443". Port 0 ("any
// free port", for tests) only where allowed: a listen address, never a peer's.
struct HostPort {
    std::string host;
    int port = 0;
    [[nodiscard]] std::string text() const;  // back to "host:port" ("[v6]:port")
};
std::optional<HostPort> parseHostPort(std::string_view text, bool allowPortZero = false);

// The commented default that `init` writes.
std::string defaultSiteToml(const std::string& siteId, const std::string& name);

}  // namespace mh
