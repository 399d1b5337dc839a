#include <catch2/catch.hpp>

#include <algorithm>

#include "sweep/latin_hypercube.hpp"

using namespace laborsim;

TEST_CASE("latin hypercube: each of the N strata of each dimension holds exactly one point", "[lhs]") {
    for (int n : {1, 2, 7, 50, 257}) {
        for (std::uint64_t seed : {1ull, 42ull, 20210101ull}) {
            const auto pts = latin_hypercube(n, 4, seed);
            REQUIRE(pts.size() == static_cast<std::size_t>(n));
            for (int j = 0; j < 4; ++j) {
                std::vector<int> hits(static_cast<std::size_t>(n), 0);
                for (const auto& p : pts) {
                    REQUIRE(p[j] >= 0.0);
                    REQUIRE(p[j] < 1.0);
                    ++hits[static_cast<std::size_t>(p[j] * n)];
                }
                INFO("n " << n << ", seed " << seed << ", dimension " << j);
                CHECK(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }));
            }
        }
    }
}

TEST_CASE("latin hypercube: deterministic in the seed, different across seeds and dimensions", "[lhs]") {
    CHECK(latin_hypercube(20, 3, 7) == latin_hypercube(20, 3, 7));
    CHECK(latin_hypercube(20, 3, 7) != latin_hypercube(20, 3, 8));
    const auto pts = latin_hypercube(20, 2, 7);
    std::vector<int> a, b;
    for (const auto& p : pts) {
        a.push_back(static_cast<int>(p[0] * 20));
        b.push_back(static_cast<int>(p[1] * 20));
    }
    CHECK(a != b);  // dimensions are permuted independently
    std::vector<int> identity(20);
    for (int i = 0; i < 20; ++i) identity[static_cast<std::size_t>(i)] = i;
    CHECK(a != identity);  // and actually shuffled
}
