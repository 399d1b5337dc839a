// Prices, trend productivity, shocks in force, and returns to levels (docs/model.md).
#pragma once
#include "model/world.hpp"

namespace laborsim {

// The rate of `year` on a path of annual rates from first_year (the first rate before it,
// the last after it); 0 for an empty path.
[[nodiscard]] double annual_rate(const std::vector<double>& rates, int first_year, int year);
// Index of month t (months since the scenario start) on a path of annual rates: 1 at t = 0,
// times (1 + rate of the month's year)^(1/12) for each month 1..t.
[[nodiscard]] double path_index(const std::vector<double>& rates, int first_year, year_month start, int t);
// The price index (CPI relative to the scenario start) in month t.
[[nodiscard]] double price_index(const scenario& sc, int t);

// At the end of build_world: P_r,0 and the initial supply and demand shares by level.
void init_productivity(world& w);
// Each month before firms plan (firms.cpp): regional productivity and prices, the wage step of
// existing matches, the level premiums.
void update_productivity(world& w);
// Each month before firms plan: the shocks in force by market and region (shocks.cpp).
void update_shocks(world& w);
// Whether shock s is in force in month `now`, and whether it covers region r's market of field f.
[[nodiscard]] bool shock_in_force(const shock_spec& s, year_month now);
[[nodiscard]] bool shock_covers(const shock_spec& s, const region_spec& r, std::size_t field);

}  // namespace laborsim
