// The table binning of wages agrees with the formula floor(ln(w / base) * 40) everywhere:
// at every bin edge and its neighbours, and on a spread of wages over the whole range.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>

#include "model/wage_bins.hpp"

using laborsim::wage_bins;

TEST_CASE("wage bins: table equals formula at every edge and across the range", "[statistics]") {
    const auto& t = wage_bins::table();
    for (int k = 1; k < wage_bins::count; ++k) {
        const double edge = std::ceil(wage_bins::wage_at(k));
        for (double d = -3; d <= 3; ++d) {
            const double w = edge + d;
            if (w < 0 || w > 4294967295.0) continue;
            REQUIRE(t(static_cast<std::uint32_t>(w)) == wage_bins::by_formula(w));
        }
    }
    std::uint64_t x = 88172645463325252ull;
    for (int n = 0; n < 200000; ++n) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const auto w = static_cast<std::uint32_t>(x >> (32 + (n % 20)));  // small and large wages
        REQUIRE(t(w) == wage_bins::by_formula(static_cast<double>(w)));
    }
    CHECK(t(0) == 0);
    CHECK(t(100000) == 0);
    CHECK(t(4294967295u) == wage_bins::by_formula(4294967295.0));  // bin 426: wages are 32-bit
}
