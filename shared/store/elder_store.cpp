#include "shared/store/elder_store.hpp"

#include "shared/core/text.hpp"

namespace mh {
namespace {

constexpr const char* kColumns =
    "elder_id, name, id_hash, id_last4, birth_date, sex, categories, village, phone, card_serial, legacy_card, active, diets";

Elder readElder(const Statement& st) {
    Elder e;
    e.elderId = st.text(0);
    e.name = st.text(1);
    e.idHash = st.optText(2);
    e.idLast4 = st.optText(3);
    if (auto b = st.optText(4)) e.birth = LocalDate::parse(*b);
    if (auto s = st.optText(5)) e.sex = *s == "M" ? Sex::Male : Sex::Female;
    std::string cats = st.text(6);
    if (!cats.empty()) e.categories = splitOn(cats, '|');
    e.village = st.text(7);
    e.phone = st.text(8);
    e.cardSerial = st.text(9);
    e.legacyCard = st.optText(10);
    e.active = st.i64(11) != 0;
    std::string diets = st.text(12);
    if (!diets.empty()) e.diets = splitOn(diets, '|');
    return e;
}

}  // namespace

std::optional<Elder> ElderStore::one(const char* where, const std::string& value) {
    auto st = m_db.cached(std::string("SELECT ") + kColumns + " FROM elders WHERE " + where + " = ?1");
    st.bind(1, value);
    if (!st.step()) return std::nullopt;
    return readElder(st);
}

bool ElderStore::isPeerStub(const ElderId& elder) {
    auto st = m_db.cached(std::string("SELECT 1 FROM elders WHERE elder_id = ?1 AND updated_at = '") + kPeerStubMark + "'");
    st.bind(1, elder.str());
    return st.step();
}

std::optional<Elder> ElderStore::byElderId(const ElderId& elder) { return one("elder_id", elder.str()); }
std::optional<Elder> ElderStore::byIdHash(const std::string& h) { return one("id_hash", h); }
std::optional<Elder> ElderStore::byLegacyCard(const std::string& c) { return one("legacy_card", c); }

std::vector<Elder> ElderStore::all() {
    std::vector<Elder> out;
    auto st = m_db.cached(std::string("SELECT ") + kColumns + " FROM elders ORDER BY elder_id");
    while (st.step()) out.push_back(readElder(st));
    return out;
}

void ElderStore::upsert(const Elder& e, const std::string& updatedAt) {
    auto st = m_db.cached(
        "INSERT INTO elders(elder_id, name, id_hash, id_last4, birth_date, sex, categories, village, phone,"
        " card_serial, legacy_card, active, updated_at, diets) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"
        " ON CONFLICT(elder_id) DO UPDATE SET name=excluded.name, id_hash=excluded.id_hash,"
        " id_last4=excluded.id_last4, birth_date=excluded.birth_date, sex=excluded.sex,"
        " categories=excluded.categories, village=excluded.village, phone=excluded.phone,"
        " card_serial=excluded.card_serial, legacy_card=excluded.legacy_card, active=excluded.active,"
        " updated_at=excluded.updated_at, diets=excluded.diets");
    st.bind(1, e.elderId).bind(2, e.name).bind(3, e.idHash).bind(4, e.idLast4);
    if (e.birth) st.bind(5, e.birth->iso()); else st.bindNull(5);
    if (e.sex) st.bind(6, *e.sex == Sex::Male ? "M" : "F"); else st.bindNull(6);
    st.bind(7, e.categoriesText()).bind(8, e.village).bind(9, e.phone).bind(10, e.cardSerial).bind(11, e.legacyCard);
    std::string diets;
    for (const auto& d : e.diets) diets += (diets.empty() ? "" : "|") + d;
    st.bind(12, e.active).bind(13, updatedAt).bind(14, diets);
    st.run();
}

}  // namespace mh
