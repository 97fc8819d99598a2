// RFC 4180 CSV as spreadsheets really write it: a UTF-8 BOM, CRLF or LF, quoted fields with commas,
// doubled quotes and line breaks. Rows keep the line number they start on, for messages.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/result.hpp"

namespace mh {

struct CsvRow {
    int line = 0;  // 1-based line where the row starts
    std::vector<std::string> fields;
};

// Errors: csv.encoding (not UTF-8: GBK is named, since Excel on Chinese Windows saves it),
// csv.utf16, csv.quote (a quoted field never closed), csv.empty.
Result<std::vector<CsvRow>> parseCsv(std::string_view text);

}  // namespace mh
