// Staff queries over elders and check-ins.
#include "shared/staff/staff_queries.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "shared/core/text.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {

std::vector<MissingRegular> regularsMissing(Database& db, const ServiceId& serviceId, LocalDate today, int window) {
    const std::string& service = serviceId.str();
    std::string from = today.plusDays(-window).iso(), to = today.plusDays(-1).iso();
    auto st = db.prepare(
        "SELECT e.elder_id, e.name, e.village, e.phone, COUNT(DISTINCT c.day) AS n FROM elders e"
        " JOIN checkins c ON c.elder_id = e.elder_id AND c.service = ?1 AND c.voided = 0 AND c.day BETWEEN ?2 AND ?3"
        " WHERE e.active = 1 AND NOT EXISTS (SELECT 1 FROM checkins t WHERE t.elder_id = e.elder_id"
        "   AND t.service = ?1 AND t.day = ?4 AND t.voided = 0)"
        " GROUP BY e.elder_id HAVING n * 2 > ?5 ORDER BY n DESC, e.name");
    st.bind(1, service).bind(2, from).bind(3, to).bind(4, today.iso()).bind(5, window);
    std::vector<MissingRegular> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), int(st.i64(4))});
    return out;
}

std::vector<std::string> surnameInitials(Database& db) {
    std::set<std::string> seen;
    for (auto& e : ElderStore(db).all()) {
        if (!e.active) continue;
        auto cps = splitCodePoints(e.name);
        if (!cps.empty()) seen.insert(cps.front());
    }
    return {seen.begin(), seen.end()};
}

std::vector<std::string> activeElderNames(Database& db) {
    std::vector<std::string> names;
    for (auto& e : ElderStore(db).all())
        if (e.active) names.push_back(std::move(e.name));
    return names;
}

std::vector<std::string> villages(Database& db) {
    std::set<std::string> seen;
    for (auto& e : ElderStore(db).all())
        if (e.active && !e.village.empty()) seen.insert(e.village);
    return {seen.begin(), seen.end()};
}

std::vector<Elder> findElders(Database& db, ElderKey key, const std::string& value) {
    std::vector<Elder> out;
    for (auto& e : ElderStore(db).all()) {
        if (!e.active || value.empty()) continue;
        bool hit = false;
        switch (key) {
            case ElderKey::Surname: {
                auto cps = splitCodePoints(e.name);
                hit = !cps.empty() && cps.front() == value;
                break;
            }
            case ElderKey::Village: hit = e.village == value; break;
            case ElderKey::IdLast4: hit = e.idLast4 && *e.idLast4 == value; break;
        }
        if (hit) out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const Elder& a, const Elder& b) { return a.name < b.name; });
    return out;
}

}  // namespace mh
