// Shared pieces of the fuzz targets: a throwaway site directory (real files, real SQLite) and a
// check that aborts, so libFuzzer records the input that broke a property, not only crashes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "shared/site/site.hpp"

namespace mh::fuzz {

// Aborts with the message when `ok` is false: the fuzzer saves the input as a crash.
void require(bool ok, const char* what);

// The bytes libFuzzer hands a target, as text.
inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A fresh temporary directory (under /dev/shm when there is one: SQLite's fsyncs cost nothing
// there), removed with everything in it when the object dies.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// A closed site directory with `toml` as its site.toml, made once: creating a site runs every
// schema migration, which costs far more than a fuzz input, so ScratchSites copy this instead.
class SiteTemplate {
public:
    explicit SiteTemplate(const std::string& toml);
    [[nodiscard]] std::filesystem::path dir() const { return m_scratch.path() / "site"; }

private:
    ScratchDir m_scratch;
};

// An open site in a fresh copy of the template, removed when the object dies.
class ScratchSite {
public:
    explicit ScratchSite(const SiteTemplate& from);
    Site& site() { return *m_site; }

private:
    ScratchDir m_scratch;  // declared first: the site closes before its directory goes
    std::unique_ptr<Site> m_site;
};

// The tests' standard policy (lunch 10:30–13:30 at 10 yuan, breakfast, a free health check, three
// rules) with legacy card numbers allowed, so every identification path is reachable.
std::string fuzzSiteToml();

// A small roster of the shapes the kiosk meets: ID numbers, birth dates only, a legacy card, an
// inactive elder. The fuzz corpora hold scans of these elders.
std::string fuzzRosterCsv();

}  // namespace mh::fuzz
