// Shocks (sim/model/shocks.cpp): in force from start to end, in the listed regions and
// fields only; demand cuts private desired headcount, separation adds layoffs.
#include <catch2/catch.hpp>

#include <cmath>

#include "model/productivity.hpp"
#include "small_world.hpp"

using namespace laborsim;
using namespace laborsim::test;

namespace {

scenario shocked() {
    auto sc = quiet_scenario({small_region("north", 10000), small_region("south", 10000, 10.8, 106.7)});
    shock_spec s;
    s.id = "s";
    s.start = {2021, 3};
    s.end = {2021, 5};
    s.regions = {"south"};
    s.fields = {field_kind::industry};
    s.demand = 0.4;
    s.separation = 0.1;
    s.productivity = -0.2;
    sc.shocks = {s};
    return sc;
}

}  // namespace

TEST_CASE("shocks: in force from start to end, in the listed regions and fields", "[unit][model]") {
    const auto sc = shocked();
    const auto& s = sc.shocks[0];
    CHECK_FALSE(shock_in_force(s, {2021, 2}));
    CHECK(shock_in_force(s, {2021, 3}));
    CHECK(shock_in_force(s, {2021, 5}));
    CHECK_FALSE(shock_in_force(s, {2021, 6}));
    CHECK(shock_covers(s, sc.regions[1], 1));
    CHECK_FALSE(shock_covers(s, sc.regions[0], 1));
    CHECK_FALSE(shock_covers(s, sc.regions[1], 2));
}

TEST_CASE("shocks: demand cuts private desired headcount and separation adds layoffs in the market only",
          "[unit][model]") {
    auto sw = make_small_world(shocked());
    auto& w = sw.w;
    auto& fs = w.firms;
    const double p_south = w.regions[1].productivity_scale;
    begin_month(w, 3);  // 2021-04: in force
    run_firms(w);
    CHECK(w.regions[1].shock_log_productivity == Approx(-0.2));
    CHECK(w.regions[1].productivity_scale ==
          Approx(p_south * price_index(*w.sc, 3) *
                 path_index(w.sc->growth.productivity_growth, w.sc->growth.first_year, w.sc->calendar.start, 3) *
                 std::exp(-0.2)));
    CHECK(w.regions[0].shock_log_productivity == 0);
    int hit = 0;
    for (std::size_t f = 0; f < fs.size(); ++f) {
        const bool covered = fs.region[f] == 1 && fs.field[f] == static_cast<std::uint8_t>(field_kind::industry);
        const double factor = covered && !fs.is_public[f] ? 0.6 : 1.0;
        INFO("firm " << f << " covered " << covered);
        CHECK(std::abs(fs.desired[f] - fs.base_size[f] * factor) < 1);
        if (!covered) {
            CHECK(fs.layoffs[f] == 0);  // turnover is off in the quiet world
        } else if (!fs.is_public[f]) {
            // The separation shock's layoffs (the quiet world lays off no excess).
            CHECK(std::abs(fs.layoffs[f] - 0.1 * fs.headcount[f]) < 1);
            ++hit;
        }
    }
    CHECK(hit > 0);
    // After the window, nothing is cut.
    begin_month(w, 6);
    run_firms(w);
    for (std::size_t f = 0; f < fs.size(); ++f) CHECK(std::abs(fs.desired[f] - fs.base_size[f]) < 1);
}
