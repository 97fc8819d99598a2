// The roster CSV reader: fed in pieces of any size it reads exactly what it reads from the whole
// text at once (the import feeds it 64 KB at a time), and keeps its row-length promise.
#include "fuzz_site.hpp"
#include "shared/roster/csv.hpp"

using namespace mh;
using fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    // The first two bytes choose the piece size (1..256) and the row limit (16..4096, or none).
    const std::size_t piece = 1 + data[0];
    const std::size_t maxRow = data[1] == 0 ? std::size_t(-1) : 16 * std::size_t(data[1]);
    std::string_view text = fuzz::asText(data + 2, size - 2);

    auto whole = parseCsv(text, maxRow);

    std::vector<CsvRow> rows;
    CsvReader reader(maxRow, [&](CsvRow&& r) { rows.push_back(std::move(r)); });
    for (std::size_t at = 0; at < text.size(); at += piece) reader.feed(text.substr(at, piece));
    auto done = reader.finish();

    require(whole.ok() == done.ok(), "pieces and whole agree on success");
    if (!whole) {
        require(whole.error().code == done.error().code, "pieces and whole agree on the error");
        return 0;
    }
    require(whole->size() == rows.size(), "pieces and whole give the same number of rows");
    int lastLine = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const CsvRow& a = (*whole)[i];
        require(a.line == rows[i].line && a.fields == rows[i].fields && a.tooLong == rows[i].tooLong,
                "pieces and whole give the same rows");
        require(a.line > lastLine, "rows come in line order");
        lastLine = a.line;
        if (a.tooLong) require(a.fields.empty(), "a too-long row keeps no fields");
        std::size_t bytes = 0;
        for (const auto& f : a.fields) bytes += f.size();
        require(bytes <= maxRow, "no row holds more than the limit");
    }
    return 0;
}
