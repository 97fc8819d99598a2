#include "shared/roster/csv.hpp"

#include "shared/core/text.hpp"

namespace mh {

Result<std::vector<CsvRow>> parseCsv(std::string_view text) {
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
        return Error{"csv.utf16", "文件是 UTF-16 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                     "the file is UTF-16: save it from Excel as \"CSV UTF-8 (comma delimited)\""};
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!isValidUtf8(text))
        return Error{"csv.encoding", "文件不是 UTF-8 编码（看起来是 GBK），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入",
                     "the file is not UTF-8 (it looks like GBK): save it as \"CSV UTF-8 (comma delimited)\" and import again"};
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    int line = 1;
    row.line = 1;
    bool inQuotes = false, fieldStarted = false, quotedField = false;
    int quoteLine = 0;
    auto endField = [&] {
        row.fields.push_back(quotedField ? field : std::string(trim(field)));
        field.clear();
        fieldStarted = quotedField = false;
    };
    auto endRow = [&] {
        endField();
        bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank) rows.push_back(std::move(row));
        row = CsvRow{};
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == '\n') ++line;
                if (!(c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted) {
            inQuotes = quotedField = fieldStarted = true;
            quoteLine = line;
            field.clear();
        } else if (c == ',') {
            endField();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            endRow();
            ++line;
            row.line = line;
        } else {
            if (quotedField) continue;  // text after a closing quote: keep the quoted value
            if (c != ' ' && c != '\t') fieldStarted = true;
            field += c;
        }
    }
    if (inQuotes)
        return Error{"csv.quote", "第" + std::to_string(quoteLine) + "行的引号没有配对，文件可能被截断了",
                     "line " + std::to_string(quoteLine) + ": a quote is never closed; the file may be cut short"};
    if (fieldStarted || !row.fields.empty() || !field.empty()) endRow();
    if (rows.empty()) return Error{"csv.empty", "文件是空的", "the file is empty"};
    return rows;
}

}  // namespace mh
