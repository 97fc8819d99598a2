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

// A site in a fresh directory (under /dev/shm when there is one: SQLite's fsyncs cost nothing there),
// removed when the object dies. `toml` becomes its site.toml.
class ScratchSite {
public:
    explicit ScratchSite(const std::string& toml);
    ~ScratchSite();
    ScratchSite(const ScratchSite&) = delete;
    ScratchSite& operator=(const ScratchSite&) = delete;
    Site& site() { return *m_site; }

private:
    std::filesystem::path m_dir;
    std::unique_ptr<Site> m_site;
};

// The tests' standard policy (lunch 10:30–13:30 at 10 yuan, breakfast, a free health check, three
// rules) with legacy card numbers allowed, so every identification path is reachable.
std::string fuzzSiteToml();

// A small roster of the shapes the kiosk meets: ID numbers, birth dates only, a legacy card, an
// inactive elder. The fuzz corpora hold scans of these elders.
std::string fuzzRosterCsv();

}  // namespace mh::fuzz
