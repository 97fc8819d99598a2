#include "shared/roster/roster_import.hpp"

#include <array>
#include <fstream>
#include <variant>
#include <map>
#include <set>
#include <sstream>

#include "shared/core/categories.hpp"
#include "shared/core/id_number.hpp"
#include "shared/core/text.hpp"
#include "shared/roster/csv.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {
namespace {

enum Col { ElderIdC, NameC, IdNumberC, BirthDateC, CategoriesC, VillageC, PhoneC, CardSerialC, ActiveC, LegacyCardC, NCols };

// Header names the kiosk accepts, English (contract 5) and the Chinese a county sheet may use.
const std::map<std::string, Col>& headerNames() {
    static const std::map<std::string, Col> k{
        {"elder_id", ElderIdC},     {"编号", ElderIdC},       {"老人编号", ElderIdC},
        {"name", NameC},            {"姓名", NameC},
        {"id_number", IdNumberC},   {"身份证号", IdNumberC},  {"身份证号码", IdNumberC},
        {"birth_date", BirthDateC}, {"出生日期", BirthDateC},
        {"categories", CategoriesC}, {"类别", CategoriesC},   {"人员类别", CategoriesC},
        {"village", VillageC},      {"村", VillageC},         {"村庄", VillageC},  {"所在村", VillageC},
        {"phone", PhoneC},          {"电话", PhoneC},         {"手机", PhoneC},    {"联系电话", PhoneC},
        {"card_serial", CardSerialC}, {"卡序号", CardSerialC}, {"卡号", CardSerialC},
        {"active", ActiveC},        {"在册", ActiveC},        {"在用", ActiveC},   {"有效", ActiveC},
        {"legacy_card", LegacyCardC}, {"旧卡号", LegacyCardC},
    };
    return k;
}

struct RowError {
    std::string zh, en;
};

bool validElderId(const std::string& s) {
    if (s.empty() || s.size() > 32) return false;
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

bool validSerial(const std::string& s) {
    if (s.empty() || s.size() > 16) return false;
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

std::optional<bool> parseActive(const std::string& s) {
    if (s.empty() || s == "1" || s == "是" || s == "true" || s == "TRUE" || s == "yes") return true;
    if (s == "0" || s == "否" || s == "false" || s == "FALSE" || s == "no") return false;
    return std::nullopt;
}

// Builds the elder a row describes on top of what the site already has; an error rejects the row.
std::variant<Elder, RowError> readRow(const std::vector<std::string>& f, const std::array<int, NCols>& idx,
                                      const std::optional<Elder>& existing, const SiteKeys& keys, LocalDate today) {
    auto get = [&](Col c) -> std::string {
        int i = idx[c];
        return i >= 0 && size_t(i) < f.size() ? std::string(trim(f[size_t(i)])) : std::string();
    };
    Elder e = existing.value_or(Elder{});
    e.elderId = toUpperAscii(get(ElderIdC));
    if (!validElderId(e.elderId))
        return RowError{"编号 \"" + get(ElderIdC) + "\" 不合规（只能用字母、数字和 -，最长32位）",
                        "elder_id \"" + get(ElderIdC) + "\" is not valid ([A-Z0-9-], at most 32)"};
    e.name = get(NameC);
    if (e.name.empty()) return RowError{"缺少姓名", "the name is missing"};
    if (splitCodePoints(e.name).size() > 20) return RowError{"姓名太长", "the name is too long"};

    std::string idText = get(IdNumberC);
    std::string birthText = get(BirthDateC);
    if (!idText.empty()) {
        auto id = parseIdNumber(idText, today);
        if (!id) return RowError{"身份证号有误：" + id.error().message, "ID number: " + id.error().en};
        e.idHash = keys.hashIdNumber(id->digits);
        e.idLast4 = id->last4();
        e.birth = id->birth;
        e.sex = id->sex;
        if (!birthText.empty() && LocalDate::parse(birthText) != id->birth)
            return RowError{"出生日期 " + birthText + " 与身份证号中的 " + id->birth.iso() + " 不一致",
                            "birth_date " + birthText + " disagrees with the ID number's " + id->birth.iso()};
    } else if (!birthText.empty()) {
        auto b = LocalDate::parse(birthText);
        if (!b) return RowError{"出生日期 \"" + birthText + "\" 应写成 1945-03-08", "birth_date must look like 1945-03-08"};
        if (*b > today) return RowError{"出生日期在今天之后", "birth_date is in the future"};
        e.birth = b;
    }

    // A file without the column leaves categories as they were; an empty cell clears them.
    if (idx[CategoriesC] >= 0) e.categories.clear();
    for (const auto& part : splitOn(get(CategoriesC), '|')) {
        if (trim(part).empty()) continue;
        auto code = categoryCode(part);
        if (!code) return RowError{"不认识的类别 \"" + std::string(trim(part)) + "\"", "unknown category \"" + part + "\""};
        if (!e.hasCategory(*code)) e.categories.push_back(*code);
    }
    if (idx[VillageC] >= 0) e.village = get(VillageC);
    if (idx[PhoneC] >= 0) e.phone = get(PhoneC);
    if (std::string serial = toUpperAscii(get(CardSerialC)); !serial.empty()) {
        if (!validSerial(serial)) return RowError{"卡序号 \"" + serial + "\" 不合规", "card_serial \"" + serial + "\" is not valid"};
        e.cardSerial = serial;
    }
    if (idx[ActiveC] >= 0) {
        auto a = parseActive(get(ActiveC));
        if (!a) return RowError{"active 应为 1 或 0", "active must be 1 or 0"};
        e.active = *a;
    }
    if (idx[LegacyCardC] >= 0) {
        std::string legacy = get(LegacyCardC);
        e.legacyCard = legacy.empty() ? std::nullopt : std::optional(legacy);
    }
    return e;
}

}  // namespace

Result<ImportReport> importRoster(Site& site, std::string_view csvText, LocalDate today, const std::string& at,
                                  const std::string& actor) {
    auto rows = parseCsv(csvText);
    if (!rows) return rows.error();
    std::array<int, NCols> idx;
    idx.fill(-1);
    std::vector<std::string> ignoredColumns;
    const auto& header = rows->front();
    for (size_t i = 0; i < header.fields.size(); ++i) {
        std::string h(trim(header.fields[i]));
        for (char& c : h)
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        auto it = headerNames().find(h);
        if (it != headerNames().end() && idx[it->second] < 0) idx[it->second] = int(i);
        else if (!h.empty()) ignoredColumns.push_back(std::string(trim(header.fields[i])));
    }
    if (idx[ElderIdC] < 0 || idx[NameC] < 0) {
        std::string missing = idx[ElderIdC] < 0 ? "elder_id" : "name";
        return Error{"csv.columns", "第1行（表头）缺少必需的列 " + missing + "（需要 elder_id 和 name）",
                     "line 1 (the header) lacks the required column " + missing + " (elder_id and name are required)"};
    }

    ImportReport report;
    report.ignoredColumns = ignoredColumns;
    try {
        Database& db = site.db();
        ElderStore store(db);
        Transaction tx(db);
        std::set<std::string> seenIds, seenHashes, seenLegacy;
        for (size_t r = 1; r < rows->size(); ++r) {
            const CsvRow& row = (*rows)[r];
            std::string rawId = toUpperAscii(idx[ElderIdC] < int(row.fields.size()) ? trim(row.fields[size_t(idx[ElderIdC])]) : "");
            auto existing = validElderId(rawId) ? store.byElderId(rawId) : std::nullopt;
            auto parsed = readRow(row.fields, idx, existing, site.keys(), today);
            if (auto* err = std::get_if<RowError>(&parsed)) {
                report.rejected.push_back({row.line, rawId, err->zh, err->en});
                continue;
            }
            Elder e = std::get<Elder>(parsed);
            // A row counts as "seen" only once accepted, so a bad row never blocks a later good one.
            if (seenIds.count(e.elderId)) {
                report.rejected.push_back({row.line, e.elderId, "编号 " + e.elderId + " 在文件中重复出现",
                                           "elder_id " + e.elderId + " appears twice in the file"});
                continue;
            }
            if (e.idHash) {
                auto other = store.byIdHash(*e.idHash);
                if (seenHashes.count(*e.idHash) || (other && other->elderId != e.elderId)) {
                    report.rejected.push_back({row.line, e.elderId, "这个身份证号已登记在另一位老人名下",
                                               "this ID number already belongs to another elder"});
                    continue;
                }
            }
            if (e.legacyCard) {
                auto other = store.byLegacyCard(*e.legacyCard);
                if (seenLegacy.count(*e.legacyCard) || (other && other->elderId != e.elderId)) {
                    report.rejected.push_back({row.line, e.elderId, "旧卡号已登记在另一位老人名下",
                                               "this legacy card number already belongs to another elder"});
                    continue;
                }
            }
            seenIds.insert(e.elderId);
            if (e.idHash) seenHashes.insert(*e.idHash);
            if (e.legacyCard) seenLegacy.insert(*e.legacyCard);
            if (existing && *existing == e) {
                ++report.unchanged;
                continue;
            }
            store.upsert(e, at);
            ++(existing ? report.updated : report.added);
        }
        AuditLog(db).append(at, actor, "roster.import", "",
                            "added=" + std::to_string(report.added) + " updated=" + std::to_string(report.updated) +
                                " unchanged=" + std::to_string(report.unchanged) +
                                " rejected=" + std::to_string(report.rejected.size()));
        tx.commit();
    } catch (const StoreError& e) {
        return Error{"store", std::string(e.diskFull() ? "磁盘已满，" : "") + "名单没有导入（数据库错误：" + e.what() + "）",
                     std::string(e.diskFull() ? "the disk is full; " : "") + "nothing was imported (database: " + e.what() + ")"};
    }
    return report;
}

Result<ImportReport> importRosterFile(Site& site, const std::filesystem::path& file, LocalDate today,
                                      const std::string& at, const std::string& actor) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error{"csv.read", "读不到名单文件 " + file.string(), "cannot read the roster file " + file.string()};
    std::stringstream ss;
    ss << in.rdbuf();
    return importRoster(site, ss.str(), today, at, actor);
}

}  // namespace mh
