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
#include "shared/policy/policy_config.hpp"

namespace mh {

enum class ServiceKind { Meal, Service, Activity };
std::string_view serviceKindKey(ServiceKind k);

struct ServiceDef {
    std::string id;    // "lunch"
    std::string name;  // "午餐"
    ServiceKind kind = ServiceKind::Meal;
    WallTime opens{0};
    WallTime closes{24 * 60};
    Fen priceFen;
    Fen deliveryFen;  // added to the price of a delivered meal (送餐费, contract 10 policy v3)
    // A card shown at the door may check in to it (contract 10, at_door). False: only staff 补签 and
    // `scan --service` record it (a service staff book, so the door never charges for it by accident).
    bool atDoor = true;
    // Contract 12: what a guest, a member of staff or a volunteer pays for one (none: price_fen).
    std::optional<Fen> guestPriceFen, staffPriceFen, volunteerPriceFen;
    // Inclusive of opens, exclusive of closes.
    [[nodiscard]] bool isOpenAt(WallTime t) const { return t >= opens && t < closes; }
};

struct SiteConfig {
    std::string siteId;
    std::string name;
    std::string timezone = "Asia/Shanghai";
    std::string contact;                  // shown on the public posting
    WallTime endOfDay{20 * 60};           // when a day's tally is frozen for upload
    std::vector<ServiceDef> services;
    // [policy], [[rule]], [[operating]], [calendar] and each service's price as the policy sees it:
    // read by the policy's own parser (shared/policy/policy_toml.hpp) from the table handed to it.
    PolicyConfig policy;
    bool allowUnsigned = false;
    std::vector<std::string> trustedKeys;  // base32 Ed25519 public keys
    std::string uploadEndpoint;
    std::string tokenFile = "upload.token";
    std::string caBundle;                  // empty: the system's
    bool showFullNames = false;            // on screens other people can see
    double diagonalInch = 0;               // 0: from the display's DPI
    bool feedbackEnabled = false;          // [feedback] enabled: three faces after an accepted meal (contract 14)
    std::string postingPrinter;            // [posting] printer: lp destination; empty: do not print
    std::string backupTo;                  // [backup] to: folder of the nightly backup; empty: none
    int backupKeep = 7;                    // [backup] keep: how many nightly backups stay
    std::string inputCamera = "auto";      // [input] camera: "auto" (first camera found), "none", or a /dev path
    std::vector<std::string> peerAddresses;  // [peers] addresses: the site's other terminals, "host:port"
    std::string peerListen = "0.0.0.0:7443"; // [peers] listen: where this terminal serves them (contract 11)
    // [peers] claim_wait_ms: how long a scan waits for the other terminals' answers before it counts a
    // silent one as away (contract 11's 300 ms); a slow LAN may need more, each scan then waits longer.
    int peerClaimWaitMs = 300;
    bool proxyAllowed = false;             // [proxy] allowed: a meal may be collected for the elder (代领, contract 12)
    int proxyPerMonth = 0;                 // [proxy] per_month: such collections per elder per month; 0: no limit

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
