// Shared plumbing of the command-line verbs: language, exit codes, opening a site, output.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh::cli {

// Contract 3's exit codes.
enum Exit : int { kDone = 0, kRefused = 1, kUsage = 2 };

struct Context {
    std::string lang = "zh";  // --lang
    bool english = false;     // set from lang before a verb runs
    int exitCode = kDone;
    SystemClock clock;

    // Prints the error for a person on stderr in the chosen language.
    void error(const Error& e) const;
    void say(const std::string& zh, const std::string& en) const;
    const std::string& pick(const std::string& zh, const std::string& en) const { return english ? en : zh; }
    // Opens the site or prints why not; nullptr then (exit 2).
    // keepLastGood: the running kiosk's open (Site::openKeepingLastGood), else a broken site.toml is refused.
    std::unique_ptr<Site> openSite(const std::filesystem::path& dir, bool keepLastGood = false) const;
    // Parses --at or prints why not.
    std::optional<std::optional<LocalDateTime>> parseAt(const std::string& text) const;
    LocalDate today(const Site& site) const { return site.timeZone().toLocal(clock.nowUnix()).date; }
    std::string nowIso(const Site& site) const { return site.timeZone().isoWithOffset(clock.nowUnix()); }
};

void printJson(const nlohmann::ordered_json& j);

// Where assets live: $MEALHALL_ASSETS, the source tree's assets/ for a build tree, or beside the binary.
std::filesystem::path assetsDir();

// Each file registers its verbs on the app; callbacks store their exit code in ctx.
void registerSiteVerbs(CLI::App& app, Context& ctx);     // init, roster import
void registerCheckinVerbs(CLI::App& app, Context& ctx);  // scan, void, tally
void registerDemoVerb(CLI::App& app, Context& ctx);      // demo
void registerPostingVerbs(CLI::App& app, Context& ctx);  // posting, donation add
void registerUploadVerb(CLI::App& app, Context& ctx);    // upload
void registerStatusVerb(CLI::App& app, Context& ctx);    // status
void registerScreenshotVerb(CLI::App& app, Context& ctx);  // screenshot
void registerRunVerb(CLI::App& app, Context& ctx);       // run (the full-screen kiosk)
void registerStaffVerbs(CLI::App& app, Context& ctx);    // staff pin
void registerPolicyVerbs(CLI::App& app, Context& ctx);   // policy explain
void registerBackupVerbs(CLI::App& app, Context& ctx);   // backup, restore

// The full-screen kiosk on an open site; returns an exit code. False in *shown when no display
// could be opened (the caller may fall back to text).
// `clock` null: the system clock.
struct GuiOptions {
    std::string replay;     // --replay: a folder of card pictures in the camera's place
    bool training = false;  // a training copy: 培训模式 on screen, no uploader, no posting job
    std::string wedgeFifo;  // --wedge-fifo (tests only): lines from this named pipe typed as a scanner types
};
int runKioskGui(Site& site, Context& ctx, bool* shown = nullptr, const Clock* clock = nullptr,
                const GuiOptions& options = {});
// `run` on a directory never initialised (first_run_site.hpp): the first-run flow on the screen. Sets
// *finished when the site is in place (then open it and run the kiosk); the window closed early: false.
int runFirstRunGui(const std::filesystem::path& dir, Context& ctx, const GuiOptions& options, bool* finished);
// The terminal's trusted county setup keys: $MEALHALL_SETUP_KEYS, else /etc/mealhall/county-setup-keys.
std::filesystem::path setupKeysFile();
void registerCardVerb(CLI::App& app, Context& ctx);      // card issue
void registerDecodeVerb(CLI::App& app, Context& ctx);    // decode
void registerListenVerb(CLI::App& app, Context& ctx);    // listen (camera / replay)
void registerServeVerb(CLI::App& app, Context& ctx);     // serve (headless terminal for the site's peers)
void registerSetupCardVerb(CLI::App& app, Context& ctx); // setup-card (county IT)
void registerClockVerb(CLI::App& app, Context& ctx);     // clock confirm

inline constexpr const char* kDefaultSite = "/var/lib/mealhall";

}  // namespace mh::cli
