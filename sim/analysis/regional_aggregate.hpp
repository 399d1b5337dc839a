// The "all regions" value of an indicator, as compare and sweep summaries define it: the sum
// for head counts and flows, the mean weighted by its base for rates whose base is recorded
// (e.g. the unemployment rate by the labour force), none (NaN) for percentiles.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace laborsim {

enum class regional_aggregate { sum, weighted, none };

struct indicator_traits {
    std::string units;
    bool flow = false;  // persons per month: also compared cumulatively
    regional_aggregate agg = regional_aggregate::none;
    std::string weight;  // the base indicator, for regional_aggregate::weighted
};

// Traits of a recorded indicator; nullopt for a name that is not one.
std::optional<indicator_traits> traits_of(const std::string& name);

// Aggregate of one month's per-region values v[0..regions); w is the weight indicator's
// values for the same month (may be null when t.agg is not weighted). NaN when undefined.
double aggregate_regions(const indicator_traits& t, const double* v, const double* w, std::size_t regions);

}  // namespace laborsim
