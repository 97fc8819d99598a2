#include "shared/roster/csv.hpp"

#include "shared/core/text.hpp"

namespace mh {

void CsvReader::feed(std::string_view chunk) {
    if (m_error) return;
    if (!m_started) {
        // The encoding marks sit in the first bytes; hold them until there are enough to look at.
        m_head.append(chunk);
        if (m_head.size() < 3) return;
        m_started = true;
        std::string head = std::move(m_head);
        m_head.clear();
        std::string_view text = head;
        if ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')) {
            m_error = Error{"csv.utf16", "文件是 UTF-16 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                            "the file is UTF-16: save it from Excel as \"CSV UTF-8 (comma delimited)\""};
            return;
        }
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        for (char c : text) put(c);
        return;
    }
    for (char c : chunk) {
        put(c);
        if (m_error) return;
    }
}

void CsvReader::append(char c) {
    if (!m_row.tooLong) m_field += c;
}

void CsvReader::endField() {
    if (!m_row.tooLong) {
        // Checked per field so a GBK file is named as such without the whole file in memory.
        if (!isValidUtf8(m_field) && !m_error)
            m_error = Error{"csv.encoding", "文件不是 UTF-8 编码（看起来是 GBK），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入",
                            "the file is not UTF-8 (it looks like GBK): save it as \"CSV UTF-8 (comma delimited)\" and import again"};
        m_row.fields.push_back(m_quotedField ? m_field : std::string(trim(m_field)));
    }
    m_field.clear();
    m_fieldStarted = m_quotedField = false;
}

void CsvReader::endRow() {
    endField();
    bool blank = !m_row.tooLong && m_row.fields.size() == 1 && m_row.fields[0].empty();
    if (!blank && !m_error) {
        m_anyRow = true;
        m_sink(std::move(m_row));
    }
    m_row = CsvRow{};
    m_rowBytes = 0;
}

void CsvReader::put(char c) {
    if (++m_rowBytes > m_maxRow && !m_row.tooLong) {
        // Past the limit: forget what was read of this row and only follow quotes and line breaks.
        m_row.tooLong = true;
        m_row.fields.clear();
        m_row.fields.shrink_to_fit();
        m_field.clear();
        m_field.shrink_to_fit();
    }
    if (m_skipLf) {
        m_skipLf = false;
        if (c == '\n') return;
    }
    if (m_crInQuotes) {
        m_crInQuotes = false;
        if (c != '\n') append('\r');
    }
    if (m_quoteInQuotes) {
        m_quoteInQuotes = false;
        if (c == '"') {
            append('"');
            return;
        }
        m_inQuotes = false;  // that was the closing quote; c is read outside the quotes
    }
    if (m_inQuotes) {
        if (c == '"') {
            m_quoteInQuotes = true;
        } else if (c == '\r') {
            m_crInQuotes = true;
        } else {
            if (c == '\n') ++m_line;
            append(c);
        }
        return;
    }
    if (c == '"' && !m_fieldStarted) {
        m_inQuotes = m_quotedField = m_fieldStarted = true;
        m_quoteLine = m_line;
        m_field.clear();
    } else if (c == ',') {
        endField();
    } else if (c == '\r' || c == '\n') {
        m_skipLf = c == '\r';
        endRow();
        ++m_line;
        m_row.line = m_line;
    } else {
        if (m_quotedField) return;  // text after a closing quote: keep the quoted value
        if (c != ' ' && c != '\t') m_fieldStarted = true;
        append(c);
    }
}

Status CsvReader::finish() {
    if (!m_started && !m_error) {
        // A file shorter than three bytes.
        m_started = true;
        std::string head = std::move(m_head);
        std::string_view text = head;
        if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
            return Error{"csv.utf16", "文件是 UTF-16 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                         "the file is UTF-16: save it from Excel as \"CSV UTF-8 (comma delimited)\""};
        for (char c : text) put(c);
    }
    if (m_error) return *m_error;
    if (m_quoteInQuotes) {
        m_quoteInQuotes = false;
        m_inQuotes = false;
    }
    if (m_inQuotes)
        return Error{"csv.quote", "第" + std::to_string(m_quoteLine) + "行的引号没有配对，文件可能被截断了",
                     "line " + std::to_string(m_quoteLine) + ": a quote is never closed; the file may be cut short"};
    if (m_fieldStarted || !m_row.fields.empty() || !m_field.empty() || m_row.tooLong) endRow();
    if (m_error) return *m_error;
    if (!m_anyRow) return Error{"csv.empty", "文件是空的", "the file is empty"};
    return okStatus();
}

Result<std::vector<CsvRow>> parseCsv(std::string_view text, std::size_t maxRowBytes) {
    std::vector<CsvRow> rows;
    CsvReader reader(maxRowBytes, [&](CsvRow&& r) { rows.push_back(std::move(r)); });
    reader.feed(text);
    if (auto done = reader.finish(); !done) return done.error();
    return rows;
}

}  // namespace mh
