// GB 11643 resident ID numbers: what is accepted, what is refused and why.
#include <doctest/doctest.h>

#include "shared/core/id_number.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {
const LocalDate kToday = LocalDate::of(2026, 11, 25);
}

TEST_CASE("a published sample ID number passes and yields birth date and sex") {
    // 11010519491231002X is the standard's own worked example (female, born 1949-12-31).
    auto id = parseIdNumber("11010519491231002X", kToday);
    REQUIRE(id.ok());
    CHECK(id->birth == LocalDate::of(1949, 12, 31));
    CHECK(id->sex == Sex::Female);
    CHECK(id->last4() == "002X");
}

TEST_CASE("a lower-case x check character is accepted as X") {
    auto id = parseIdNumber("11010519491231002x", kToday);
    REQUIRE(id.ok());
    CHECK(id->digits == "11010519491231002X");
}

TEST_CASE("every single-digit typo is caught by the check digit") {
    std::string good = test::makeIdNumber("19450308", 41, false);
    REQUIRE(parseIdNumber(good, kToday).ok());
    int caught = 0, tried = 0;
    for (size_t pos = 0; pos < 17; ++pos) {
        for (char d = '0'; d <= '9'; ++d) {
            if (d == good[pos]) continue;
            std::string typo = good;
            typo[pos] = d;
            ++tried;
            if (!parseIdNumber(typo, kToday).ok()) ++caught;
        }
    }
    CHECK(caught == tried);
}

TEST_CASE("ID numbers are refused with the reason") {
    CHECK(parseIdNumber("1101051949123100", kToday).error().code == "id.length");
    CHECK(parseIdNumber("11010519491231002Y", kToday).error().code == "id.chars");
    CHECK(parseIdNumber("1101A519491231002X", kToday).error().code == "id.chars");
    // Province 99 does not exist.
    std::string badRegion = "99010519491231002";
    CHECK(parseIdNumber(badRegion + idCheckChar(badRegion), kToday).error().code == "id.region");
    // 31 February is not a date; 1 March 2027 is after today.
    std::string feb31 = "14102219450231001";
    CHECK(parseIdNumber(feb31 + idCheckChar(feb31), kToday).error().code == "id.date");
    std::string future = "14102220270301001";
    CHECK(parseIdNumber(future + idCheckChar(future), kToday).error().code == "id.future");
    CHECK(parseIdNumber("11010519491231002", kToday).error().code == "id.length");
    CHECK(parseIdNumber("110105194912310021", kToday).error().code == "id.check");
}

TEST_CASE("a 29 February birth date is real only in leap years") {
    std::string leap = "14102219480229001";
    CHECK(parseIdNumber(leap + idCheckChar(leap), kToday).ok());
    std::string common = "14102219490229001";
    CHECK(parseIdNumber(common + idCheckChar(common), kToday).error().code == "id.date");
}

TEST_CASE("the check character of text that is not 17 digits is '?', never a read past it") {
    // Found by tests/fuzz/fuzz_id_number: a non-digit indexed the check table at -9 (and a short
    // text was read past its end). Under the sanitizers of scripts/fuzz that was a crash.
    CHECK(idCheckChar("11010519491231002") == 'X');
    CHECK(idCheckChar(std::string_view("14102220\x1c" "00101112", 17)) == '?');
    CHECK(idCheckChar("1101051949123100") == '?');
    CHECK(idCheckChar("") == '?');
    CHECK(idCheckChar("1101051949123100A") == '?');
}
