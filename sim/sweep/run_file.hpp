// Reading back what a sweep needs from a run's HDF5 file: is it complete, and the
// outcome values at the chosen regions and months.
#pragma once
#include <string>
#include <vector>

#include "laborsim/sweep.hpp"

namespace laborsim {

// The region of an outcome over the whole country: counts summed, rates weighted by their
// base, as `laborsim compare` defines its "all" rows (analysis/regional_aggregate.hpp).
inline constexpr const char* all_regions_outcome = "all";

// True when `path` is an HDF5 file whose root attribute `completed` is 1. Quiet on
// missing, partial or corrupt files (they are simply not complete).
bool run_file_complete(const std::string& path);

// One value per outcome; NaN where the file lacks the indicator, region or month.
// Throws input_error when the file cannot be opened.
std::vector<double> read_run_outcomes(const std::string& path, const std::vector<sweep_outcome>& outcomes);

}  // namespace laborsim
