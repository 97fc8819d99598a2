#include "shared/roster/roster_import.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <functional>
#include <variant>
#include <map>
#include <set>

#include "shared/core/categories.hpp"
#include "shared/core/diets.hpp"
#include "shared/core/id_number.hpp"
#include "shared/core/text.hpp"
#include "shared/roster/csv.hpp"
#include "shared/roster/excel_cells.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {

// In the order of the Col enum below.
const std::vector<RosterColumn>& rosterColumns() {
    static const std::vector<RosterColumn> k{
        {"elder_id", {"编号", "老人编号"}},
        {"name", {"姓名"}},
        {"id_number", {"身份证号", "身份证号码", "身份证"}},
        {"birth_date", {"出生日期"}},
        {"categories", {"类别", "人员类别", "人员类型"}},
        {"village", {"村", "村庄", "所在村", "所属村"}},
        {"phone", {"电话", "手机", "联系电话"}},
        {"card_serial", {"卡序号", "卡号"}},
        {"active", {"在册", "在用", "有效"}},
        {"legacy_card", {"旧卡号"}},
        {"diet", {"饮食", "饮食要求", "特殊饮食"}},
    };
    return k;
}

namespace {

enum Col { ElderIdC, NameC, IdNumberC, BirthDateC, CategoriesC, VillageC, PhoneC, CardSerialC, ActiveC, LegacyCardC, DietC, NCols };

// Header names the kiosk accepts: the contract-5 name (any case) or one of its Chinese names.
const std::map<std::string, Col>& headerNames() {
    static const std::map<std::string, Col> k = [] {
        std::map<std::string, Col> m;
        int col = 0;
        for (const auto& c : rosterColumns()) {
            m.emplace(std::string(c.key), Col(col));
            for (auto zh : c.chinese) m.emplace(std::string(zh), Col(col));
            ++col;
        }
        return m;
    }();
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

// A control character (NUL, a tab or line break inside a quoted cell, ESC, DEL, or a C1 code such as
// U+0085) has no place in any cell the kiosk keeps: the CSV reader hands NUL through, and a name or
// phone carrying one would be stored, drawn and printed on the posting as garbage.
bool hasControlChar(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f) return true;
        if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9f)
            return true;  // U+0080..U+009F in UTF-8
    }
    return false;
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
    for (int c = 0; c < NCols; ++c)
        if (hasControlChar(get(Col(c)))) {
            const RosterColumn& col = rosterColumns()[size_t(c)];
            std::string zhName = col.chinese.empty() ? std::string(col.key) : std::string(col.chinese.front());
            return RowError{zhName + "（" + std::string(col.key) + "）这一格里有看不见的控制字符（空字符、制表符、换行等），这一行没有导入；"
                                "请在表格里把这一格重新输入一遍",
                            "the " + std::string(col.key) + " cell holds a control character (NUL, tab, line break ...); the row was not imported"};
        }
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
    std::optional<LocalDate> birth;
    if (!birthText.empty()) {
        birth = parseRosterDate(birthText);
        if (!birth)
            return RowError{"出生日期 \"" + birthText + "\" 看不懂，应写成 1945-03-08 或 1945/3/8",
                            "birth_date \"" + birthText + "\" must look like 1945-03-08 or 1945/3/8"};
    }
    if (!idText.empty()) {
        if (looksLikeScientificNumber(idText))
            return RowError{"身份证号 " + idText + " 被 Excel 变成了科学计数法，后面的数字已经丢失。请在 Excel 中把身份证号这一列设置为“文本”格式，"
                            "重新填入号码后再保存",
                            "the ID number " + idText + " was turned into scientific notation by Excel and its digits are lost: "
                            "format the id_number column as text in Excel, enter the numbers again and save"};
        auto id = parseIdNumber(idText, today);
        if (!id) {
            RowError err{"身份证号有误：" + id.error().message, "ID number: " + id.error().en};
            if (looksLikeExcelRoundedId(idText)) {
                // Excel keeps 15 significant digits: the last three became zeros.
                err.zh += "（末尾几位变成了0，像是 Excel 把它当成数字处理了：请把这一列设置为“文本”格式后重新填入）";
                err.en += " (it ends in zeros as if Excel treated it as a number: format the column as text and enter it again)";
            }
            return err;
        }
        e.idHash = keys.hashIdNumber(id->digits);
        e.idLast4 = id->last4();
        e.birth = id->birth;
        e.sex = id->sex;
        if (birth && *birth != id->birth)
            return RowError{"出生日期 " + birthText + " 与身份证号中的 " + id->birth.iso() + " 不一致",
                            "birth_date " + birthText + " disagrees with the ID number's " + id->birth.iso()};
    } else if (birth) {
        if (*birth > today) return RowError{"出生日期在今天之后", "birth_date is in the future"};
        e.birth = birth;
    }

    // A file without the column leaves categories as they were; an empty cell clears them.
    if (idx[CategoriesC] >= 0) e.categories.clear();
    for (const auto& part : splitCategoryList(get(CategoriesC))) {
        auto code = categoryCode(part);
        if (!code)
            return RowError{"不认识的类别 \"" + part + "\"（可用的类别见 README）", "unknown category \"" + part + "\""};
        if (!e.hasCategory(*code)) e.categories.push_back(*code);
    }
    // Like categories: no column keeps what was there, an empty cell clears it.
    if (idx[DietC] >= 0) e.diets.clear();
    for (const auto& part : splitCategoryList(get(DietC))) {
        auto code = dietCode(part);
        if (!code) {
            std::string known;
            for (const auto& d : allDiets()) known += (known.empty() ? "" : "、") + std::string(d.zh);
            return RowError{"不认识的饮食要求 \"" + part + "\"（可以写：" + known + "）", "unknown diet \"" + part + "\""};
        }
        if (std::find(e.diets.begin(), e.diets.end(), *code) == e.diets.end()) e.diets.push_back(*code);
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


namespace {

std::string limitText(std::size_t bytes) {
    if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MB";
    if (bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KB";
    return std::to_string(bytes) + " 字节";
}

Error fileTooBig() {
    std::string limit = limitText(kMaxRosterFileBytes);
    return Error{"csv.too_big", "名单文件超过 " + limit + " 的上限，没有导入。请检查是不是选错了文件，或把名单分成几个文件导入",
                 "the roster file is larger than the " + limit + " limit and was not imported: check the file, or split it"};
}

// Takes rows as the CSV reader hands them over, so only one row is in memory at a time; everything
// it writes is inside the caller's transaction.
class RowImporter {
public:
    RowImporter(Site& site, LocalDate today, std::string at)
        : m_site(site), m_store(site.db()), m_today(today), m_at(std::move(at)) {
        m_idx.fill(-1);
    }

    void onRow(CsvRow&& row) {
        if (error) return;
        if (!m_haveHeader) {
            m_haveHeader = true;
            header(row);
        } else {
            body(row);
        }
    }

    std::optional<Error> error;
    ImportReport report;

private:
    void header(const CsvRow& row) {
        if (row.tooLong) {
            error = Error{"csv.columns", "第1行（表头）超过 " + limitText(kMaxRosterLineBytes) + " 的上限，这不像名单的表头",
                          "line 1 (the header) is longer than " + limitText(kMaxRosterLineBytes) + ": not a roster header"};
            return;
        }
        for (size_t i = 0; i < row.fields.size(); ++i) {
            std::string h(trim(row.fields[i]));
            for (char& c : h)
                if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
            auto it = headerNames().find(h);
            if (it != headerNames().end() && m_idx[it->second] < 0) m_idx[it->second] = int(i);
            else if (!h.empty()) report.ignoredColumns.push_back(std::string(trim(row.fields[i])));
        }
        if (m_idx[ElderIdC] < 0 || m_idx[NameC] < 0) {
            std::string missing = m_idx[ElderIdC] < 0 ? "elder_id" : "name";
            error = Error{"csv.columns", "第1行（表头）缺少必需的列 " + missing + "（需要 elder_id 和 name）",
                          "line 1 (the header) lacks the required column " + missing + " (elder_id and name are required)"};
        }
    }

    void reject(RejectedRow r) {
        if (report.rejected.size() < kMaxListedRows) report.rejected.push_back(std::move(r));
        else ++report.rejectedNotListed;
    }
    void warn(RejectedRow r) {
        if (report.warnings.size() < kMaxListedRows) report.warnings.push_back(std::move(r));
        else ++report.warningsNotListed;
    }

    void body(const CsvRow& row) {
        if (++m_rows > kMaxRosterRows) {
            std::string limit = std::to_string(kMaxRosterRows);
            error = Error{"csv.too_many_rows", "名单超过 " + limit + " 行的上限，没有导入。请检查是不是选错了文件，或把名单分成几个文件导入",
                          "the roster has more than " + limit + " rows and was not imported: check the file, or split it"};
            return;
        }
        if (row.tooLong) {
            std::string limit = limitText(kMaxRosterLineBytes);
            reject({row.line, "", "这一行超过 " + limit + " 的上限（每行最多 " + limit + "），没有导入；请检查这一行是不是粘进了多余的内容",
                                       "this line is longer than the " + limit + " limit and was skipped"});
            return;
        }
        int idCol = m_idx[ElderIdC];
        std::string rawId = toUpperAscii(idCol < int(row.fields.size()) ? trim(row.fields[size_t(idCol)]) : "");
        // A peer stub (only a name, from another terminal's record) is filled in as a new elder.
        auto existing = validElderId(rawId) && !m_store.isPeerStub(ElderId(rawId)) ? m_store.byElderId(ElderId(rawId)) : std::nullopt;
        auto parsed = readRow(row.fields, m_idx, existing, m_site.keys(), m_today);
        if (auto* err = std::get_if<RowError>(&parsed)) {
            reject({row.line, rawId, err->zh, err->en});
            return;
        }
        Elder e = std::get<Elder>(parsed);
        // A row counts as "seen" only once accepted, so a bad row never blocks a later good one.
        if (m_seenIds.count(e.elderId)) {
            reject({row.line, e.elderId, "编号 " + e.elderId + " 在文件中重复出现",
                                       "elder_id " + e.elderId + " appears twice in the file"});
            return;
        }
        // An ID number or legacy card is one elder's: not twice in the file, not another elder's on the roster.
        auto othersOnRoster = [&e](const std::optional<Elder>& other) { return other && other->elderId != e.elderId; };
        if (e.idHash && (m_seenHashes.count(*e.idHash) || othersOnRoster(m_store.byIdHash(*e.idHash)))) {
            reject({row.line, e.elderId, "这个身份证号已登记在另一位老人名下", "this ID number already belongs to another elder"});
            return;
        }
        if (e.legacyCard && (m_seenLegacy.count(*e.legacyCard) || othersOnRoster(m_store.byLegacyCard(*e.legacyCard)))) {
            reject({row.line, e.elderId, "旧卡号已登记在另一位老人名下", "this legacy card number already belongs to another elder"});
            return;
        }
        m_seenIds.insert(e.elderId);
        if (e.idHash) m_seenHashes.insert(*e.idHash);
        if (e.legacyCard) m_seenLegacy.insert(*e.legacyCard);
        // Imported all the same (the elder can eat), but said: without a birth date the policy
        // cannot compute an age, so every rule with min_age or max_age passes this elder by.
        if (!e.birth)
            warn({row.line, e.elderId,
                                       "没有身份证号也没有出生日期：已导入，但按年龄的补贴规则对这位老人不起作用，请补上出生日期",
                                       "no ID number and no birth date: imported, but no age rule can apply to this elder"});
        if (existing && *existing == e) {
            ++report.unchanged;
            return;
        }
        m_store.upsert(e, m_at);
        ++(existing ? report.updated : report.added);
    }

    Site& m_site;
    ElderStore m_store;
    LocalDate m_today;
    std::string m_at;
    std::array<int, NCols> m_idx{};
    bool m_haveHeader = false;
    int m_rows = 0;
    std::set<std::string> m_seenIds, m_seenHashes, m_seenLegacy;
};

// One import in one transaction; `feedAll` hands the reader the bytes (a string or a file read in
// chunks, stopping early once `stopped()` says the file is refused) and may fail, which rolls
// everything back.
Result<ImportReport> runImport(Site& site, LocalDate today, const std::string& at, const std::string& actor,
                               const std::function<Status(CsvReader&, const std::function<bool()>&)>& feedAll) {
    try {
        Database& db = site.db();
        Transaction tx(db);
        RowImporter importer(site, today, at);
        CsvReader reader(kMaxRosterLineBytes, [&](CsvRow&& row) { importer.onRow(std::move(row)); });
        Status fed = feedAll(reader, [&] { return importer.error.has_value(); });
        if (importer.error) return *importer.error;
        if (!fed) return fed.error();
        if (auto done = reader.finish(); !done) return done.error();
        if (importer.error) return *importer.error;
        ImportReport& report = importer.report;
        AuditLog(db).append(at, actor, "roster.import", "",
                            "added=" + std::to_string(report.added) + " updated=" + std::to_string(report.updated) +
                                " unchanged=" + std::to_string(report.unchanged) +
                                " rejected=" + std::to_string(report.rejectedCount()) +
                                " warnings=" + std::to_string(report.warningCount()));
        tx.commit();
        return std::move(report);
    } catch (const StoreError& e) {
        return Error{"store", std::string(e.diskFull() ? "磁盘已满，" : "") + "名单没有导入（数据库错误：" + e.what() + "）",
                     std::string(e.diskFull() ? "the disk is full; " : "") + "nothing was imported (database: " + e.what() + ")"};
    }
}

}  // namespace

Result<ImportReport> importRoster(Site& site, std::string_view csvText, LocalDate today, const std::string& at,
                                  const std::string& actor) {
    if (csvText.size() > kMaxRosterFileBytes) return fileTooBig();
    return runImport(site, today, at, actor, [&](CsvReader& reader, const std::function<bool()>&) {
        reader.feed(csvText);
        return okStatus();
    });
}

Result<ImportReport> importRosterFile(Site& site, const std::filesystem::path& file, LocalDate today,
                                      const std::string& at, const std::string& actor) {
    Error unreadable{"csv.read", "读不到名单文件 " + file.string(), "cannot read the roster file " + file.string()};
    std::error_code ec;
    // A regular file too big is refused before a byte is read; a pipe is counted as it is read.
    if (auto size = std::filesystem::file_size(file, ec); !ec && size > kMaxRosterFileBytes) return fileTooBig();
    std::ifstream in(file, std::ios::binary);
    if (!in) return unreadable;
    return runImport(site, today, at, actor, [&](CsvReader& reader, const std::function<bool()>& stopped) -> Status {
        std::vector<char> buf(64 * 1024);
        std::size_t total = 0;
        while (in && !stopped()) {
            in.read(buf.data(), std::streamsize(buf.size()));
            auto got = std::size_t(in.gcount());
            if (got == 0) break;
            total += got;
            if (total > kMaxRosterFileBytes) return fileTooBig();
            reader.feed({buf.data(), got});
        }
        if (in.bad()) return unreadable;
        return okStatus();
    });
}

}  // namespace mh
