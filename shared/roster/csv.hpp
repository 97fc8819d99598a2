// RFC 4180 CSV as spreadsheets really write it: a UTF-8 BOM, CRLF or LF, quoted fields with commas,
// doubled quotes and line breaks. Rows keep the line number they start on, for messages.
// The reader is fed in chunks and never holds more than one row (at most `maxRowBytes`), so a file
// of any size, or one absurdly long line, costs bounded memory.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/result.hpp"

namespace mh {

struct CsvRow {
    int line = 0;  // 1-based line where the row starts
    std::vector<std::string> fields;
    // The row passed maxRowBytes: its fields were dropped while reading (empty here); the reader
    // went on to the row's end, so the rows after it are read normally.
    bool tooLong = false;
};

// Errors: csv.encoding (not UTF-8: GBK is named, since Excel on Chinese Windows saves it),
// csv.utf16, csv.quote (a quoted field never closed), csv.empty.
class CsvReader {
public:
    using RowSink = std::function<void(CsvRow&&)>;
    CsvReader(std::size_t maxRowBytes, RowSink sink) : m_maxRow(maxRowBytes), m_sink(std::move(sink)) {}

    // Reads the next piece of the file. After an error, later pieces are ignored.
    void feed(std::string_view chunk);
    // End of file: the last row without a line break, an unclosed quote, an empty file.
    Status finish();

private:
    void put(char c);
    void append(char c);
    void endField();
    void endRow();

    std::size_t m_maxRow;
    RowSink m_sink;
    std::optional<Error> m_error;
    std::string m_head;  // the first bytes, until the BOM / UTF-16 check can be made
    bool m_started = false;
    CsvRow m_row{1, {}, false};
    std::string m_field;
    std::size_t m_rowBytes = 0;
    int m_line = 1, m_quoteLine = 0;
    bool m_inQuotes = false, m_fieldStarted = false, m_quotedField = false;
    bool m_quoteInQuotes = false;  // saw '"' inside quotes: a doubled quote or the closing one
    bool m_crInQuotes = false;     // saw '\r' inside quotes: CRLF keeps only '\n'
    bool m_skipLf = false;         // the row just ended at '\r': a following '\n' belongs to it
    bool m_anyRow = false;
};

// The whole text at once (tests, the demo): every row, none longer than maxRowBytes.
Result<std::vector<CsvRow>> parseCsv(std::string_view text, std::size_t maxRowBytes = std::size_t(-1));

}  // namespace mh
