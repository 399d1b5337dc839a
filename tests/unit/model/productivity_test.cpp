// Prices, trend productivity and returns to levels (sim/model/productivity.cpp).
#include <catch2/catch.hpp>

#include <cmath>

#include "model/productivity.hpp"
#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

TEST_CASE("productivity: annual rates by year, the last kept, compound monthly", "[unit][model]") {
    const std::vector<double> rates{0.02, 0.05};
    CHECK(annual_rate(rates, 2021, 2020) == 0.02);
    CHECK(annual_rate(rates, 2021, 2021) == 0.02);
    CHECK(annual_rate(rates, 2021, 2022) == 0.05);
    CHECK(annual_rate(rates, 2021, 2030) == 0.05);
    CHECK(annual_rate({}, 2021, 2021) == 0);
    // From 2021-01: Feb..Dec 2021 grow at 2 %, Jan..Dec 2022 at 5 %.
    CHECK(path_index(rates, 2021, {2021, 1}, 0) == 1.0);
    CHECK(path_index(rates, 2021, {2021, 1}, 11) == Approx(std::pow(1.02, 11.0 / 12)));
    CHECK(path_index(rates, 2021, {2021, 1}, 23) == Approx(std::pow(1.02, 11.0 / 12) * 1.05));
}

TEST_CASE("productivity: P_r follows prices and the regional trend; existing wages move with it", "[unit][model]") {
    auto sc = quiet_scenario({small_region("north", 5000), small_region("south", 5000, 10.8, 106.7)});
    sc.growth.first_year = 2021;
    sc.growth.inflation = {0.12};
    sc.growth.productivity_growth = {0.0};
    sc.regions[1].productivity_growth = {0.24};
    sc.model.level_premium_supply_elasticity = 0;
    auto sw = make_small_world(sc);
    auto& w = sw.w;
    const double p0 = w.regions[0].productivity_scale, p1 = w.regions[1].productivity_scale;
    const auto wages = w.workers.wage_vnd;
    begin_month(w, 12);
    update_shocks(w);
    update_productivity(w);
    const double prices = std::pow(1.12, 12.0 / 12), trend = std::pow(1.24, 12.0 / 12);
    CHECK(w.regions[0].productivity_scale == Approx(p0 * prices));
    CHECK(w.regions[1].productivity_scale == Approx(p1 * prices * trend));
    run_wages_and_learning(w);  // learning is off: wages move by the step alone
    int checked = 0;
    for (std::size_t i = 0; i < w.workers.size(); ++i) {
        if (!has_status(w, i, worker_status::employed)) continue;
        const double step = w.workers.region[i] == 0 ? prices : prices * trend;
        const double expected = std::max(wages[i] * step, w.regions[w.workers.region[i]].min_wage_vnd);
        CHECK(w.workers.wage_vnd[i] == Approx(expected).epsilon(1e-6));
        ++checked;
    }
    REQUIRE(checked > 1000);
    // The step applies once: a second wage phase without an update moves nothing.
    const auto after = w.workers.wage_vnd;
    run_wages_and_learning(w);
    CHECK(w.workers.wage_vnd == after);
}

TEST_CASE("productivity: a level's premium falls as its supply rises, by epsilon x the log change", "[unit][model]") {
    auto sc = quiet_scenario({small_region("north", 20000)});
    sc.model.level_premium_supply_elasticity = 0.5;
    auto sw = make_small_world(sc);
    auto& w = sw.w;
    auto& ws = w.workers;
    const double s_univ = w.level_supply_initial[static_cast<std::size_t>(education_level::university)];
    REQUIRE(s_univ > 0);
    // Half of the workers without training become university graduates.
    int raised = 0;
    for (std::size_t i = 0; i < ws.size(); ++i)
        if (ws.in_labor_force(i) && ws.level[i] == 0 && i % 2 == 0) {
            ws.level[i] = static_cast<std::uint8_t>(education_level::university);
            ++raised;
        }
    REQUIRE(raised > 1000);
    double lf = 0, at_least_univ = 0;
    for (std::size_t i = 0; i < ws.size(); ++i)
        if (ws.in_labor_force(i)) {
            lf += 1;
            at_least_univ += ws.level[i] >= static_cast<std::uint8_t>(education_level::university);
        }
    const double base = w.wage_premium(static_cast<std::size_t>(education_level::university));
    begin_month(w, 1);
    update_shocks(w);
    update_productivity(w);
    const double expected = base - 0.5 * std::log(at_least_univ / lf / s_univ);  // jobs unchanged
    CHECK(w.wage_premium(static_cast<std::size_t>(education_level::university)) == Approx(expected).epsilon(1e-6));
    CHECK(w.wage_premium(static_cast<std::size_t>(education_level::university)) < base);
    CHECK(w.wage_premium(0) == 0);  // `none` is the reference
}
