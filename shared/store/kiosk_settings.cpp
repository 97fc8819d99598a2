// Kiosk settings in the kiosk_settings table (migration 5).
#include "shared/store/kiosk_settings.hpp"

#include <charconv>

namespace mh {

std::optional<std::string> KioskSettings::get(const std::string& key) {
    auto st = m_db.cached("SELECT value FROM kiosk_settings WHERE key = ?1");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void KioskSettings::set(const std::string& key, const std::string& value, const std::string& atIso) {
    auto st = m_db.cached(
        "INSERT INTO kiosk_settings(key, value, updated_at) VALUES(?1, ?2, ?3) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
    st.bind(1, key).bind(2, value).bind(3, atIso);
    st.run();
}

std::string effectivePostingPrinter(Database& db, const std::string& configured) {
    try {
        if (auto picked = KioskSettings(db).get(KioskSettings::kPrinter)) return *picked;
    } catch (const StoreError&) {
    }
    return configured;
}

std::optional<int> KioskSettings::getInt(const std::string& key, int lo, int hi) {
    auto v = get(key);
    if (!v) return std::nullopt;
    int n = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || end != v->data() + v->size() || n < lo || n > hi) return std::nullopt;
    return n;
}

}  // namespace mh
