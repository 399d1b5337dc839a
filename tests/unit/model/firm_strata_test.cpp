// Firm strata (sim/model/firm_strata.cpp): the firm agents of a market, their levels,
// public shares, productivities and weights come from the data alone, not from the scale.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/units.hpp"
#include "model/firm_strata.hpp"
#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

TEST_CASE("firm strata: the firm agents are the same at every scale", "[unit][model]") {
    auto sc = quiet_scenario({small_region("north", 200000), small_region("south", 30000, 10.8, 106.7)});
    sc.scale = 0.05;
    auto small = make_small_world(sc);
    sc.scale = 0.5;
    auto large = make_small_world(sc);
    const auto& a = small.w.firms;
    const auto& b = large.w.firms;
    REQUIRE(a.size() == b.size());
    CHECK(small.w.market_firm_begin == large.w.market_firm_begin);
    for (std::size_t f = 0; f < a.size(); ++f) {
        CHECK(a.min_level[f] == b.min_level[f]);
        CHECK(a.is_public[f] == b.is_public[f]);
        CHECK(a.log_productivity[f] == b.log_productivity[f]);
    }
}

TEST_CASE("firm strata: count from the establishments, equal weights, productivity quantiles", "[unit][model]") {
    model_params m;
    auto r = small_region("north", 100000);
    r.firms_per_1000_workers = 40;
    // Industry: 30,000 persons, 1,200 establishments, 40 a firm agent: 30 agents (cap 32).
    const auto s = market_strata(m, r, static_cast<std::size_t>(field_kind::industry));
    REQUIRE(s.size() == 30);
    double weight = 0, mean = 0, var = 0;
    std::array<int, education_count> by_level{};
    int publics = 0;
    for (const auto& x : s) {
        weight += x.weight;
        CHECK(x.weight == Approx(1.0 / 30));
        mean += x.log_productivity / 30;
        var += x.log_productivity * x.log_productivity / 30;
        by_level[x.min_level] += 1;
        publics += x.is_public;
    }
    CHECK(weight == Approx(1.0));
    // Quantiles of N(0, sigma) are symmetric about 0; their spread is close to sigma.
    CHECK(std::abs(mean) < 1e-9);
    CHECK(std::sqrt(var) == Approx(m.productivity_sigma).epsilon(0.1));
    // Job levels none 0.6, elementary 0.3, college 0.1 of 30 agents; public 5 %: 1.5 agents.
    CHECK(by_level[0] + by_level[2] + by_level[4] == 30);
    CHECK(by_level[0] == Approx(18).margin(1));
    CHECK(by_level[2] == Approx(9).margin(1));
    CHECK(by_level[4] == Approx(3).margin(1));
    CHECK(publics <= 2);
    // A big market is capped; a small one has at least one agent; an empty field none.
    r.labor_force = 1e7;
    CHECK(market_strata(m, r, 1).size() == 32);
    r.labor_force = 100;
    CHECK(market_strata(m, r, 1).size() == 1);
    CHECK(market_strata(m, r, static_cast<std::size_t>(field_kind::health)).empty());
}

TEST_CASE("firm strata: at the minimum supported scale the smallest firm agent has the minimum of agents",
          "[unit][model]") {
    auto sc = quiet_scenario({small_region("north", 200000), small_region("south", 30000, 10.8, 106.7)});
    const auto need = minimum_supported_scale(sc);
    REQUIRE(need.scale > 0);
    CHECK(need.persons * need.scale == Approx(min_agents_per_firm_agent));
    CHECK(need.market.rfind("south.", 0) == 0);  // the smaller region binds
    // In the world built at that scale, the binding market's firm agents start with that many
    // employed agents on average (the initial employers are drawn at random).
    sc.scale = need.scale;
    auto sw = make_small_world(sc);
    const auto& w = sw.w;
    double held = 0, agents = 0;
    for (std::size_t mk = field_count; mk < 2 * field_count; ++mk)
        for (std::size_t f = w.market_firm_begin[mk]; f < w.market_firm_begin[mk + 1]; ++f) {
            held += w.firms.headcount[f];
            agents += 1;
        }
    CHECK(held / agents >= 0.8 * min_agents_per_firm_agent);
}
