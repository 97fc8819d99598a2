// A throwaway site directory for tests: real files, real SQLite, removed afterwards.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "shared/site/site.hpp"

namespace mh::test {

// A fresh empty directory under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// The policy used across tests: lunch 10:30–13:30 at 10 yuan, breakfast, a free health check,
// 特困 free, 低保 80+ 6+2 yuan, 80+ 3+1+1 yuan.
std::string standardToml(const std::string& extra = "");

// Creates a site in `dir` with `toml` as site.toml; fails the test if anything goes wrong.
std::unique_ptr<Site> makeSite(const std::filesystem::path& dir, const std::string& toml = standardToml());

// An 18-digit ID number with a correct check digit: region 141022, the birth date, a sequence.
std::string makeIdNumber(const std::string& yyyymmdd, int seq = 12, bool female = true);

std::string readFile(const std::filesystem::path& p);
void writeFile(const std::filesystem::path& p, const std::string& text);

}  // namespace mh::test
