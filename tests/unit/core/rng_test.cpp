// counter_rng: a draw is a pure function of (seed, stream, month, agent, draw index), and
// the uniforms it hands out behave like U(0, 1).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <set>

#include "core/rng.hpp"

using laborsim::counter_rng;
using laborsim::rng_stream;
using laborsim::stochastic_round;

TEST_CASE("rng: the same key gives the same words, from any generator object", "[rng]") {
    const counter_rng a(20210101), b(20210101);
    for (std::uint32_t agent : {0u, 1u, 77u, 4000000000u}) {
        REQUIRE(a.words(rng_stream::matching, 17, agent, 3) == b.words(rng_stream::matching, 17, agent, 3));
        // Asking again (or in another order) changes nothing: there is no hidden state.
        REQUIRE(a.words(rng_stream::matching, 17, agent, 3) == a.words(rng_stream::matching, 17, agent, 3));
    }
}

TEST_CASE("rng: changing any part of the key changes the words", "[rng]") {
    const counter_rng g(42);
    const auto base = g.words(rng_stream::demography, 5, 1000, 2);
    CHECK(counter_rng(43).words(rng_stream::demography, 5, 1000, 2) != base);                    // seed
    CHECK(counter_rng(42ull | (1ull << 32)).words(rng_stream::demography, 5, 1000, 2) != base);  // high seed word
    CHECK(g.words(rng_stream::matching, 5, 1000, 2) != base);                                    // stream
    CHECK(g.words(rng_stream::demography, 6, 1000, 2) != base);                                  // month
    CHECK(g.words(rng_stream::demography, 5, 1001, 2) != base);                                  // agent
    CHECK(g.words(rng_stream::demography, 5, 1000, 3) != base);                                  // draw index
}

TEST_CASE("rng: swapping key parts does not give the same words", "[rng]") {
    // The counter fields are distinct slots: (month 1, agent 2) is not (month 2, agent 1).
    const counter_rng g(7);
    CHECK(g.words(rng_stream::firms, 1, 2, 0) != g.words(rng_stream::firms, 2, 1, 0));
    CHECK(g.words(rng_stream::firms, 0, 5, 1) != g.words(rng_stream::firms, 0, 1, 5));
}

TEST_CASE("rng: many keys give distinct words", "[rng]") {
    const counter_rng g(1);
    std::set<std::uint64_t> seen;
    for (std::uint32_t agent = 0; agent < 2000; ++agent)
        for (std::uint32_t month = 0; month < 5; ++month) {
            const auto w = g.words(rng_stream::separations, month, agent);
            seen.insert((static_cast<std::uint64_t>(w[0]) << 32) | w[1]);
        }
    // 10,000 64-bit values: a collision would mean keys map onto each other.
    REQUIRE(seen.size() == 10000);
}

TEST_CASE("rng: uniforms lie strictly inside (0, 1), even at the extreme words", "[rng]") {
    CHECK(counter_rng::to_unit(0u) > 0.0);
    CHECK(counter_rng::to_unit(0xFFFFFFFFu) < 1.0);
    // log(u) and log(1 - u) stay finite, which inverse-CDF draws rely on.
    CHECK(std::isfinite(std::log(counter_rng::to_unit(0u))));
    CHECK(std::isfinite(std::log1p(-counter_rng::to_unit(0xFFFFFFFFu))));
    const counter_rng g(99);
    for (std::uint32_t agent = 0; agent < 10000; ++agent)
        for (double u : g.uniforms(rng_stream::migration, 3, agent)) {
            REQUIRE(u > 0.0);
            REQUIRE(u < 1.0);
        }
}

TEST_CASE("rng: uniforms have the mean and variance of U(0, 1)", "[rng]") {
    const counter_rng g(20210101);
    constexpr int draws = 100000;  // x 4 uniforms each
    double sum = 0, sum_sq = 0, lag_product = 0, prev = 0.5;
    int below_tenth = 0;
    for (std::uint32_t agent = 0; agent < draws; ++agent)
        for (double u : g.uniforms(rng_stream::market, 11, agent)) {
            sum += u;
            sum_sq += u * u;
            lag_product += (u - 0.5) * (prev - 0.5);
            below_tenth += u < 0.1;
            prev = u;
        }
    const double n = 4.0 * draws;
    const double mean = sum / n;
    const double var = sum_sq / n - mean * mean;
    // Standard errors: mean 0.29/sqrt(n) = 4.6e-4, variance ~1.4e-4; allow ~5 sigma.
    CHECK(mean == Approx(0.5).margin(0.0025));
    CHECK(var == Approx(1.0 / 12.0).margin(0.0008));
    // Consecutive uniforms are uncorrelated (sd of the lag-1 covariance ~1.3e-4).
    CHECK(std::abs(lag_product / n) < 0.0007);
    // A tail check: P(u < 0.1) = 0.1 (sd 4.7e-4).
    CHECK(below_tenth / n == Approx(0.1).margin(0.0025));
}

TEST_CASE("rng: normal() from two uniforms has mean 0 and variance 1", "[rng]") {
    const counter_rng g(5);
    constexpr int draws = 100000;
    double sum = 0, sum_sq = 0;
    for (std::uint32_t agent = 0; agent < draws; ++agent) {
        const auto u = g.uniforms(rng_stream::firms, 0, agent);
        const double z = counter_rng::normal(u[0], u[1]);
        sum += z;
        sum_sq += z * z;
    }
    CHECK(sum / draws == Approx(0.0).margin(0.02));
    CHECK(sum_sq / draws == Approx(1.0).margin(0.03));
}

TEST_CASE("stochastic_round: rounds to a neighbour with the right expectation", "[rng]") {
    SECTION("whole numbers are never moved") {
        for (double u : {1e-9, 0.3, 0.999999})
            for (double x : {0.0, 1.0, 7.0, -3.0}) CHECK(stochastic_round(x, u) == static_cast<std::int64_t>(x));
    }
    SECTION("the result is floor(x) or floor(x) + 1, decided by u") {
        CHECK(stochastic_round(2.3, 0.2) == 3);
        CHECK(stochastic_round(2.3, 0.4) == 2);
        CHECK(stochastic_round(-1.25, 0.5) == -1);  // floor -2, fraction 0.75 > 0.5: up
        CHECK(stochastic_round(-1.25, 0.8) == -2);  // fraction 0.75 < 0.8: down
    }
    SECTION("the mean over many draws equals x") {
        const counter_rng g(3);
        for (double x : {0.25, 2.7, 13.01, -4.6}) {
            constexpr int draws = 200000;
            std::int64_t total = 0;
            for (std::uint32_t agent = 0; agent < draws; ++agent) {
                const auto r = stochastic_round(x, g.uniforms(rng_stream::entry, 0, agent)[0]);
                REQUIRE((r == static_cast<std::int64_t>(std::floor(x)) ||
                         r == static_cast<std::int64_t>(std::floor(x)) + 1));
                total += r;
            }
            // sd of the mean <= 0.5 / sqrt(200000) = 1.1e-3
            CHECK(static_cast<double>(total) / draws == Approx(x).margin(0.006));
        }
    }
}
