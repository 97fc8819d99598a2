// The 18-digit resident ID number: parseIdNumber never accepts what its own rules refuse.
#include "fuzz_site.hpp"
#include "shared/core/id_number.hpp"

using namespace mh;
using fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::asText(data, size);
    const LocalDate today = LocalDate::of(2026, 11, 25);
    auto id = parseIdNumber(text, today);
    if (id) {
        require(id->digits.size() == 18, "18 digits");
        require(looksLikeIdNumber(id->digits), "an accepted number has the shape of one");
        require(idCheckChar(std::string_view(id->digits).substr(0, 17)) == id->digits[17], "check digit");
        require(id->birth <= today, "born no later than today");
        require(id->last4() == id->digits.substr(14), "last four");
        // Parsing what was kept gives the same number (the upper-cased X is the only change).
        auto again = parseIdNumber(id->digits, today);
        require(again && again->digits == id->digits && again->birth == id->birth && again->sex == id->sex,
                "parse is stable");
    } else {
        require(!id.error().code.empty() && !id.error().message.empty(), "a refusal says why");
    }
    if (size >= 17) (void)idCheckChar(text.substr(0, 17));
    (void)looksLikeIdNumber(text);
    return 0;
}
