// Training (`run --at`, contract 3): the kiosk on a throwaway copy of the site, so practice scans at
// a made-up time never reach the real database or the county. The copy lives in a private temporary
// directory and is removed when this object dies.
#pragma once
#include <filesystem>
#include <memory>

#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

class TrainingCopy {
public:
    // Copies site.toml and the keys, and the database through SQLite's online backup (the real
    // kiosk may go on scanning meanwhile). The copy's clock check is set up for training: the site
    // counts as made at 0, and only records written during training bound the clock (the real
    // records' write times are real time, and a training time is usually earlier).
    static Result<std::unique_ptr<TrainingCopy>> make(Site& real);
    ~TrainingCopy();
    TrainingCopy(const TrainingCopy&) = delete;
    TrainingCopy& operator=(const TrainingCopy&) = delete;

    [[nodiscard]] Site& site() { return *m_site; }
    [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }

private:
    explicit TrainingCopy(std::filesystem::path dir) : m_dir(std::move(dir)) {}
    std::filesystem::path m_dir;
    std::unique_ptr<Site> m_site;
};

}  // namespace mh
