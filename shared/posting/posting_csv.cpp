#include "shared/posting/posting_csv.hpp"

namespace mh {
namespace {

// RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a name as a formula.
std::string field(const std::string& s) {
    std::string v = s;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

}  // namespace

std::string postingCsv(const MonthlyFigures& f) {
    std::string out = "\xEF\xBB\xBF姓名,村";
    for (const auto& s : f.services) out += "," + field(s.name);
    out += "\n";
    for (const auto& e : f.elders) {
        out += field(e.maskedName) + "," + field(e.village);
        for (int c : e.counts) out += "," + std::to_string(c);
        out += "\n";
    }
    out += "合计,";
    for (const auto& s : f.services) out += "," + std::to_string(s.count);
    out += "\n";
    return out;
}

}  // namespace mh
