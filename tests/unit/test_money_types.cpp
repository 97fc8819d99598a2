// Fen is a type, not an integer (issue #22): the mix-ups that cost money do not compile, sums of money
// saturate instead of wrapping, and money leaves the type (JSON, formatting) exactly as the integer did.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <type_traits>

#include "shared/core/money.hpp"
#include "shared/core/money_json.hpp"

using namespace mh;
using namespace mh::money_literals;

namespace {

// What compiles and what does not, asked through requires-expressions: a line that must not
// compile cannot be written in the test itself, so the test asks the compiler whether it would.
template <typename A, typename B>
constexpr bool canAdd = requires(A a, B b) { a + b; };
template <typename A, typename B>
constexpr bool canSubtract = requires(A a, B b) { a - b; };
template <typename A, typename B>
constexpr bool canMultiply = requires(A a, B b) { a * b; };
template <typename A, typename B>
constexpr bool canDivide = requires(A a, B b) { a / b; };
template <typename A, typename B>
constexpr bool canAddTo = requires(A a, B b) { a += b; };
template <typename A, typename B>
constexpr bool canCompare = requires(A a, B b) { a < b; };
template <typename A, typename B>
constexpr bool canEqual = requires(A a, B b) { a == b; };

// Money and money: sums and differences are money.
static_assert(canAdd<Fen, Fen> && std::is_same_v<decltype(Fen{} + Fen{}), Fen>);
static_assert(canSubtract<Fen, Fen> && std::is_same_v<decltype(Fen{} - Fen{}), Fen>);
static_assert(canAddTo<Fen&, Fen> && canCompare<Fen, Fen> && canEqual<Fen, Fen>);
// A price times a number of meals is money, either way round.
static_assert(canMultiply<Fen, int> && canMultiply<int, Fen> && canMultiply<Fen, std::int64_t>);
static_assert(std::is_same_v<decltype(Fen{} * 3), Fen> && std::is_same_v<decltype(3 * Fen{}), Fen>);
// Money times money means nothing; money plus a count is a mix-up; a bool is no count.
static_assert(!canMultiply<Fen, Fen>);
static_assert(!canMultiply<Fen, bool> && !canMultiply<Fen, double>);
static_assert(!canAdd<Fen, int> && !canAdd<int, Fen> && !canAdd<Fen, std::int64_t>);
static_assert(!canSubtract<Fen, int> && !canSubtract<int, Fen>);
static_assert(!canAddTo<Fen&, int> && !canAddTo<std::int64_t&, Fen>);
static_assert(!canDivide<Fen, int> && !canDivide<Fen, Fen>);
static_assert(!canCompare<Fen, int> && !canEqual<Fen, int>);
// No conversion either way without saying so.
static_assert(!std::is_convertible_v<Fen, std::int64_t> && !std::is_convertible_v<std::int64_t, Fen>);
static_assert(!std::is_convertible_v<int, Fen> && !std::is_convertible_v<Fen, double>);
static_assert(!std::is_convertible_v<Fen, bool>);
static_assert(std::is_constructible_v<Fen, std::int64_t>);  // Fen(n): the explicit way in
static_assert(!std::is_convertible_v<std::optional<std::int64_t>, std::optional<Fen>>);
// The default is no money at all; the literal is money.
static_assert(Fen{}.value() == 0 && (150_fen).value() == 150 && 150_fen == Fen{150});

}  // namespace

TEST_CASE("money types: sums of fen saturate at the int64 bounds instead of wrapping") {
    const Fen max{INT64_MAX}, min{INT64_MIN};
    CHECK(max + 1_fen == max);
    CHECK(1_fen + max == max);
    CHECK(min - 1_fen == min);
    CHECK(min + Fen{-1} == min);
    CHECK(max - Fen{-1} == max);
    CHECK(-min == max);  // -INT64_MIN does not exist: the nearest amount
    CHECK(-150_fen == Fen{-150});
    CHECK(addFen(max, max) == max);
    CHECK(subFen(min, max) == min);
    Fen sum = max;
    sum += 100_fen;
    CHECK(sum == max);
    sum -= max;
    CHECK(sum == Fen{0});
    CHECK(max * 2 == max);
    CHECK(max * -2 == min);
    CHECK(min * 2 == min);
    CHECK(Fen{-5} * -3 == 15_fen);
    CHECK(1250_fen * 3 == 3750_fen);
    CHECK(4 * 1250_fen == 5000_fen);
    CHECK(Fen{300} + Fen{200} - Fen{50} == 450_fen);
}

TEST_CASE("money types: formatting and JSON are the integer's, byte for byte") {
    CHECK(formatYuan2(62100_fen) == "621.00");
    CHECK(formatYuan2(Fen{-7600}) == "-76.00");
    CHECK(formatYuan2(5_fen) == "0.05");
    CHECK(formatYuan2(Fen{INT64_MIN}) == "-92233720368547758.08");
    CHECK(formatYuanShort(200_fen) == "2");
    CHECK(formatYuanShort(250_fen) == "2.50");
    nlohmann::ordered_json j;
    j["price_fen"] = 1300_fen;
    j["none"] = Fen{};
    CHECK(j.dump() == R"({"price_fen":1300,"none":0})");
    CHECK(nlohmann::json::parse(R"({"x": -42})").at("x").get<Fen>() == Fen{-42});
    Shares s{600_fen, 200_fen, 0_fen, 0_fen, 200_fen};
    CHECK(sharesJson(s).dump() == R"({"government":600,"collective":200,"donation":0,"family":0,"elder":200})");
    CHECK(s.total() == 1000_fen);
}
