// Named constants of the model, with their units, used by phases, policies and writers.
#pragma once
#include <cstdint>
#include <limits>

namespace laborsim {

// Wages are stored as uint32 VND per month; every wage written is clamped to this cap
// (about 4 billion VND a month, far above any wage in the data).
inline constexpr double wage_cap_vnd_month = 4.0e9;

// Distance costs of search and school choice are quoted per 100 km.
inline constexpr double km_per_distance_unit = 100.0;
[[nodiscard]] constexpr double hundreds_of_km(double km) { return km / km_per_distance_unit; }

// Per-worker month counters (courses, commitments, obligations, windows) are one byte.
inline constexpr int max_counter_months = std::numeric_limits<std::uint8_t>::max();

// Age bands of regions[].age_shares: 15-24, 25-34, ..., 55-64.
inline constexpr double first_band_age_years = 15.0;
inline constexpr double age_band_years = 10.0;
[[nodiscard]] constexpr double age_band_start_years(int band) { return first_band_age_years + age_band_years * band; }

}  // namespace laborsim
