// Small key/value settings the kiosk's staff screens change and a restart must keep (the volume).
// Delivered-meal mode is deliberately not kept: a kiosk restarted in it would record every elder
// at the counter as a delivered meal.
#pragma once
#include <optional>
#include <string>

#include "shared/store/database.hpp"

namespace mh {

class KioskSettings {
public:
    static constexpr const char* kVolume = "volume";
    static constexpr const char* kDiagonal = "diagonal_inch";  // the panel size staff picked, inches
    static constexpr const char* kPrinter = "posting_printer";  // the posting's printer staff picked; "": none

    explicit KioskSettings(Database& db) : m_db(db) {}
    [[nodiscard]] std::optional<std::string> get(const std::string& key);
    // Joins the caller's transaction when there is one (the setting and its audit entry together).
    void set(const std::string& key, const std::string& value, const std::string& atIso);
    // The stored integer within [lo, hi]; nullopt when missing or not a whole number in range.
    [[nodiscard]] std::optional<int> getInt(const std::string& key, int lo, int hi);

private:
    Database& m_db;
};

// The printer the monthly posting goes to: the one staff picked on the settings tab (empty: they
// chose not to print), else `configured` (site.toml's [posting] printer). An unreadable setting
// counts as not picked.
std::string effectivePostingPrinter(Database& db, const std::string& configured);

}  // namespace mh
