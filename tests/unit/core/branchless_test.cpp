// select and masked return exactly what `c ? a : b` and `c ? v : 0` return, bit for bit
// (signed zeros, NaN payloads, negative integers).
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/branchless.hpp"

using namespace laborsim;

TEST_CASE("branchless: select keeps every bit of the chosen value", "[branchless]") {
    const double nan = std::bit_cast<double>(std::uint64_t{0x7ff8000000001234ull});
    const double values[] = {-0.0, 0.0, 1.5, -3.25e300, std::numeric_limits<double>::infinity(), nan, 5e-324};
    for (const double a : values)
        for (const double b : values)
            for (const bool c : {false, true}) {
                REQUIRE(std::bit_cast<std::uint64_t>(select(c, a, b)) == std::bit_cast<std::uint64_t>(c ? a : b));
                const auto fa = static_cast<float>(a), fb = static_cast<float>(b);
                REQUIRE(std::bit_cast<std::uint32_t>(select(c, fa, fb)) == std::bit_cast<std::uint32_t>(c ? fa : fb));
            }
    for (const std::int32_t a : {-1, 0, 7, std::numeric_limits<std::int32_t>::min()})
        for (const std::int32_t b : {-5, 0, std::numeric_limits<std::int32_t>::max()}) {
            REQUIRE(select(true, a, b) == a);
            REQUIRE(select(false, a, b) == b);
        }
    REQUIRE(select(true, std::size_t{9}, std::size_t{4}) == 9);
    REQUIRE(select(false, std::uint16_t{9}, std::uint16_t{4}) == 4);
}

TEST_CASE("branchless: masked gives the value or +0", "[branchless]") {
    REQUIRE(masked(true, 0.15) == 0.15);
    REQUIRE(std::bit_cast<std::uint64_t>(masked(false, 0.15)) == 0);  // +0, as `c ? v : 0.0`
    REQUIRE(std::bit_cast<std::uint64_t>(masked(false, -2.0)) == 0);
    REQUIRE(masked(false, std::int64_t{-3}) == 0);
    REQUIRE(masked(true, std::int64_t{-3}) == -3);
}
