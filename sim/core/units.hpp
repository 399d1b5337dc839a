// Named constants of the model, with their units, used by phases, policies and writers.
#pragma once
#include <cstdint>
#include <limits>

namespace laborsim {

// Wages are stored as uint32 VND per month; every wage written is clamped to this cap
// (about 4 billion VND a month, far above any wage in the data).
inline constexpr double wage_cap_vnd_month = 4.0e9;

// Distance costs of search and school choice (model.search_distance_cost,
// model.school_distance_cost) are quoted per 100 km; migration_distance_cost is per km.
inline constexpr double km_per_distance_unit = 100.0;
[[nodiscard]] constexpr double hundreds_of_km(double km) { return km / km_per_distance_unit; }

// Per-worker month counters (courses, commitments, obligations, windows) are one byte.
inline constexpr int max_counter_months = std::numeric_limits<std::uint8_t>::max();
// Two-byte month counters (months in status, months a firm's posts stayed open) stop here.
inline constexpr int max_status_months = 60000;
// Ages in months are two bytes.
inline constexpr int max_age_months = std::numeric_limits<std::uint16_t>::max();
// Tables by months of age or of unemployment (mortality hazard, reservation decay) cover
// 100 years; past that the value is computed directly.
inline constexpr int lookup_table_months = 100 * 12;
// The Gompertz mortality hazard is a/12 at this age (15 years).
inline constexpr int mortality_reference_age_months = 180;

// Age bands of regions[].age_shares: 15-24, 25-34, ..., 55-64.
inline constexpr double first_band_age_years = 15.0;
inline constexpr double age_band_years = 10.0;
[[nodiscard]] constexpr double age_band_start_years(int band) { return first_band_age_years + age_band_years * band; }

// A firm agent (a stratum of establishments, sim/model/firm_strata.hpp) holding fewer employed
// agents than this at the start makes its market's hiring lumpy: the scale below which that
// happens is a scenario's minimum supported scale (`laborsim validate` warns under it).
inline constexpr double min_agents_per_firm_agent = 10.0;

}  // namespace laborsim
