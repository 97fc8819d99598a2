// What every front end of the kiosk shares, the command-line verbs and the screens alike: the
// language, contract 3's exit codes, opening a site, printing for a person or a script, where the
// assets and the county's setup keys are, and the screens as main.cpp wires them in. kiosk/cli and
// kiosk/gui both include this folder and never each other.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <initializer_list>
#include <utility>

#include <nlohmann/json.hpp>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"
#include "shared/site/site_lock.hpp"

namespace mh::app {

// Contract 3's exit codes.
enum Exit : int { kDone = 0, kRefused = 1, kUsage = 2 };

inline constexpr const char* kDefaultSite = "/var/lib/mealhall";

// How `run` (and the demo) start the full-screen kiosk.
struct GuiOptions {
    std::string replay;     // --replay: a folder of card pictures in the camera's place
    bool training = false;  // a training copy: 培训模式 on screen, no uploader, no posting job
    std::string wedgeFifo;  // --wedge-fifo (tests only): lines from this named pipe typed as a scanner types
};

struct Context;

// The screens (kiosk/gui), given to the verbs by main.cpp so that kiosk/cli need not include them.
struct Screens {
    // The full-screen kiosk on an open site; returns an exit code. False in *shown when no display
    // could be opened (the caller may fall back to text). `clock` null: the context's clock.
    std::function<int(Site& site, Context& ctx, bool* shown, const Clock* clock, const GuiOptions& options)> kiosk;
    // The first-run flow on a directory never initialised. Sets *finished when the site is in place
    // (then open it and run the kiosk); the window closed early: false.
    std::function<int(const std::filesystem::path& dir, Context& ctx, const GuiOptions& options, bool* finished)> firstRun;
};

struct Context {
    std::string lang = "zh";  // --lang
    bool english = false;     // set from lang before a verb runs
    int exitCode = kDone;
    SystemClock clock;
    Screens screens;

    // Prints the error for a person on stderr in the chosen language.
    void error(const Error& e) const;
    void say(const std::string& zh, const std::string& en) const;
    // Says `e` and gives the verb's exit code: kUsage when the error is the asker's (its code is
    // one of `usageCodes`: a missing reason, a bad name), kRefused when the site refused the deed.
    int failWith(const Error& e, std::initializer_list<std::string_view> usageCodes) const;
    const std::string& pick(const std::string& zh, const std::string& en) const { return english ? en : zh; }
    // Opens the site or prints why not; nullptr then (exit 2).
    // keepLastGood: the running kiosk's open (Site::openKeepingLastGood), else a broken site.toml is refused.
    std::unique_ptr<Site> openSite(const std::filesystem::path& dir, bool keepLastGood = false) const;
    // The site for `run` or `serve` (keeping its last good site.toml) with the one-per-directory
    // lock (site_lock.hpp), held by the caller for as long as it runs; nothing, the reason said,
    // when either cannot be had.
    std::optional<std::pair<std::unique_ptr<Site>, SiteLock>> openSiteLocked(const std::filesystem::path& dir,
                                                                              const std::string& verb) const;
    // Parses --at or prints why not.
    std::optional<std::optional<LocalDateTime>> parseAt(const std::string& text) const;
    // Parses --date (YYYY-MM-DD) or prints how it must look; nothing then (exit 2).
    std::optional<LocalDate> parseDate(const std::string& text) const;
    // --date as parseDate reads it, or the site's today when it was not given.
    std::optional<LocalDate> dateOrToday(const std::string& text, const Site& site) const {
        return text.empty() ? std::optional<LocalDate>(today(site)) : parseDate(text);
    }
    LocalDate today(const Site& site) const { return site.timeZone().toLocal(clock.nowUnix()).date; }
    std::string nowIso(const Site& site) const { return site.timeZone().isoWithOffset(clock.nowUnix()); }
};

// One JSON line on stdout (scripts read it; journal lines of the running kiosk too).
void printJson(const nlohmann::ordered_json& j);

// Where assets live: $MEALHALL_ASSETS, the source tree's assets/ for a build tree, or beside the binary.
std::filesystem::path assetsDir();

// The terminal's trusted county setup keys: $MEALHALL_SETUP_KEYS, else /etc/mealhall/county-setup-keys.
std::filesystem::path setupKeysFile();

}  // namespace mh::app
