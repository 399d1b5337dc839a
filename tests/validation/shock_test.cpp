// A shock raises unemployment in its regions, during its window: two regions with no
// migration or search between them, one hit by a demand and separation shock from month 6
// to month 8 (level premiums, economy-wide, are held fixed). Same seed with and without the shock: before the window
// both runs are the same month for month; the other region stays the same throughout; the hit region's unemployment is
// higher in every month of the window and returns to the baseline after it.
#include <catch2/catch.hpp>

#include <cmath>

#include "validation_support.hpp"

using namespace laborsim;
using namespace laborsim::validation;

TEST_CASE("a shock raises unemployment in its regions only, during its window", "[validation]") {
    auto sc = base_scenario(30);
    sc.regions = {make_region("hit", 60000, 21, 105.8), make_region("spared", 60000, 10.8, 106.7)};
    sc.model.migration_rate = 0;
    sc.model.outside_search_share = 0;
    // Level premiums answer economy-wide supply and demand (productivity.cpp): off, so that
    // nothing links the two regions.
    sc.model.level_premium_supply_elasticity = 0;
    auto shocked = sc;
    shock_spec s;
    s.id = "lockdown";
    s.start = year_month::from_index(sc.calendar.start.index() + 6);
    s.end = year_month::from_index(sc.calendar.start.index() + 8);
    s.regions = {"hit"};
    s.demand = 0.1;
    s.separation = 0.02;
    shocked.shocks = {s};
    const auto base = run(sc);
    const auto with = run(shocked);
    auto u = [](const recorder& r, int t, std::size_t region) {
        return r.value(static_cast<std::size_t>(t), region, indicator::unemployment_rate);
    };
    for (int t = 0; t < 30; ++t) {
        INFO("month " << t);
        CHECK(u(with, t, 1) == u(base, t, 1));  // the spared region never feels it
        if (t < 6) CHECK(u(with, t, 0) == u(base, t, 0));
        if (t >= 6 && t <= 8) CHECK(u(with, t, 0) > u(base, t, 0) + 0.01);
    }
    report("shock", "unemployment, hit region, month 8: with vs without", u(with, 8, 0), u(base, 8, 0), 0.01);
    // A year after the window, the hit region is back near its baseline (within 0.5 points).
    report("shock", "unemployment, hit region, month 29: with vs without", u(with, 29, 0), u(base, 29, 0), 0.005);
    CHECK(std::abs(u(with, 29, 0) - u(base, 29, 0)) < 0.005);
}
