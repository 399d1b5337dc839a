#include <catch2/catch.hpp>

#include <array>

#include "laborsim/errors.hpp"
#include "sweep/sobol.hpp"

using namespace laborsim;

TEST_CASE("sobol: the first points of dimensions 1 and 2 are the reference sequence", "[sobol]") {
    const sobol_sequence seq(2);
    const std::array<double, 8> dim1{0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.1875};
    const std::array<double, 8> dim2{0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625, 0.3125};
    CHECK(seq.point(0) == std::vector<double>{0.0, 0.0});
    for (std::size_t n = 1; n <= dim1.size(); ++n) {
        const auto x = seq.point(static_cast<std::uint32_t>(n));
        CHECK(x[0] == dim1[n - 1]);
        CHECK(x[1] == dim2[n - 1]);
    }
}

TEST_CASE("sobol: all 21 dimensions match the Joe-Kuo reference points", "[sobol]") {
    // Reference: SciPy 1.10 scipy.stats.qmc.Sobol(21, scramble=False), points times 4096.
    // Late points exercise every initial direction number and the recurrence.
    struct ref {
        std::uint32_t n;
        std::array<int, 21> x4096;
    };
    const std::array<ref, 7> refs{{
        {2, {3072, 1024, 1024, 1024, 3072, 3072, 1024, 3072, 3072, 3072, 3072,
             3072, 1024, 1024, 3072, 1024, 3072, 1024, 3072, 1024, 1024}},
        {4, {1536, 1536, 2560, 3584, 1536, 512,  1536, 3584, 3584, 2560, 3584,
             1536, 1536, 2560, 1536, 3584, 1536, 3584, 3584, 512,  512}},
        {7, {512, 2560, 1536, 512, 512, 1536, 2560, 2560, 2560, 3584, 2560,
             512, 2560, 1536, 512, 512, 512,  512,  2560, 3584, 3584}},
        {100, {1696, 1056, 3168, 2976, 3616, 3040, 96,   1952, 2592, 2848, 1888,
               2784, 1952, 3488, 1312, 2016, 2784, 3040, 3424, 1376, 3104}},
        {255, {16,  4080, 3152, 2352, 2512, 4016, 3632, 720,  1808, 1456, 560,
               688, 816,  2608, 2512, 2128, 1648, 1744, 2992, 1040, 1296}},
        {1000, {900,  396, 2124, 2772, 1148, 3716, 188,  3684, 2052, 284, 348,
                1044, 660, 1572, 588,  1516, 2948, 1412, 4060, 2972, 2140}},
        {4095, {1,    3855, 1369, 3693, 3851, 323, 3889, 1601, 785,  1009, 2333,
                1317, 1511, 2129, 2257, 1707, 255, 2495, 3331, 2135, 925}},
    }};
    const sobol_sequence seq(21);
    for (const auto& r : refs) {
        const auto x = seq.point(r.n);
        for (int j = 0; j < 21; ++j) {
            INFO("point " << r.n << ", dimension " << j + 1);
            CHECK(x[static_cast<std::size_t>(j)] * 4096 == r.x4096[static_cast<std::size_t>(j)]);
        }
    }
}

TEST_CASE("sobol: the first 2^k points put one point in each of the 2^k strata of every dimension", "[sobol]") {
    const sobol_sequence seq(21);
    constexpr int n = 64;
    for (int j = 0; j < 21; ++j) {
        std::vector<int> hits(n, 0);
        for (std::uint32_t i = 0; i < n; ++i)
            ++hits[static_cast<std::size_t>(seq.point(i)[static_cast<std::size_t>(j)] * n)];
        for (int h : hits) CHECK(h == 1);
    }
}

TEST_CASE("sobol: the last dimension of the table is stratified too", "[sobol]") {
    const sobol_sequence seq(sobol_max_dimensions);
    constexpr int n = 64;
    std::vector<int> hits(n, 0);
    for (std::uint32_t i = 0; i < n; ++i) ++hits[static_cast<std::size_t>(seq.point(i).back() * n)];
    for (int h : hits) CHECK(h == 1);
}

TEST_CASE("sobol: dimensions beyond the table are refused", "[sobol]") {
    CHECK_THROWS_AS(sobol_sequence(sobol_max_dimensions + 1), input_error);
    CHECK_THROWS_AS(sobol_sequence(0), input_error);
}
