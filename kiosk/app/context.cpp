// The shared front-end plumbing (see context.hpp).
#include "kiosk/app/context.hpp"

#include <sys/statvfs.h>

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "shared/site/first_run_site.hpp"
#include "shared/site/setup_card_keys.hpp"

namespace mh::app {
namespace fs = std::filesystem;

void Context::error(const Error& e) const { std::cerr << e.text(english) << "\n"; }

void Context::say(const std::string& zh, const std::string& en) const { std::cerr << pick(zh, en) << "\n"; }

std::unique_ptr<Site> Context::openSite(const fs::path& dir, bool keepLastGood) const {
    // An init or first run whose final move was cut short is finished before the site is opened.
    if (auto rolled = finishInterruptedFirstRun(dir); !rolled) {
        error(rolled.error());
        return nullptr;
    }
    auto site = keepLastGood ? Site::openKeepingLastGood(dir) : Site::open(dir);
    if (!site) {
        error(site.error());
        // SQLite only says "unable to open database file"; a read-only file system (a failing SD card
        // or disk that the kernel remounted read-only) needs a technician, not a restore: say which.
        struct statvfs fsInfo {};
        if (::statvfs(dir.c_str(), &fsInfo) == 0 && (fsInfo.f_flag & ST_RDONLY))
            say("站点目录所在的磁盘是只读的（" + dir.string() + "），签到无法记录。请技术人员检查存储卡或硬盘；修好之前请在纸上登记，之后用 scan --at 补录",
                "the site directory is on a read-only file system (" + dir.string() +
                    "): check-ins cannot be recorded. Have the storage checked; meanwhile record on paper and enter later with scan --at");
        return nullptr;
    }
    return std::move(*site);
}

int Context::failWith(const Error& e, std::initializer_list<std::string_view> usageCodes) const {
    error(e);
    for (std::string_view code : usageCodes)
        if (e.code == code) return kUsage;
    return kRefused;
}

std::optional<std::pair<std::unique_ptr<Site>, SiteLock>> Context::openSiteLocked(const fs::path& dir,
                                                                                 const std::string& verb) const {
    auto site = openSite(dir, /*keepLastGood=*/true);
    if (!site) return std::nullopt;
    auto lock = SiteLock::take(site->dir(), verb);
    if (!lock) {
        error(lock.error());
        return std::nullopt;
    }
    std::optional<std::pair<std::unique_ptr<Site>, SiteLock>> held;
    held.emplace(std::move(site), std::move(*lock));
    return held;
}

std::optional<std::optional<LocalDateTime>> Context::parseAt(const std::string& text) const {
    if (text.empty()) return std::optional<LocalDateTime>{};
    auto at = LocalDateTime::parse(text);
    if (!at) {
        say("--at 的时间应写成 2026-11-24T11:32（站点当地时间）", "--at must look like 2026-11-24T11:32 (site local time)");
        return std::nullopt;
    }
    return std::optional<LocalDateTime>{*at};
}

std::optional<LocalDate> Context::parseDate(const std::string& text) const {
    auto day = LocalDate::parse(text);
    if (!day) say("--date 应写成 2026-11-24", "--date must look like 2026-11-24");
    return day;
}

void printJson(const nlohmann::ordered_json& j) { std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << std::endl; }

fs::path assetsDir() {
    if (const char* env = std::getenv("MEALHALL_ASSETS"); env && *env) return env;
    std::error_code ec;
    // An installed kiosk (bin/kiosk beside share/mealhall/assets, wherever the tree was unpacked) uses
    // its own assets before the source tree it was built from, which may be gone or newer.
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    fs::path installedBeside = exe.parent_path() / "../share/mealhall/assets";
    for (fs::path p : {installedBeside, fs::path(MEALHALL_ASSETS_DIR), fs::path(MEALHALL_INSTALLED_ASSETS_DIR),
                       exe.parent_path() / "../../assets"})
        if (fs::is_directory(p, ec)) return p;
    return MEALHALL_ASSETS_DIR;
}

fs::path setupKeysFile() {
    const char* env = std::getenv("MEALHALL_SETUP_KEYS");
    return env && *env ? fs::path(env) : fs::path(kDefaultSetupKeysFile);
}

}  // namespace mh::app
