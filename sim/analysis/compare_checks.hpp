// What a comparison must say when it cannot mean what was asked (sim/analysis/compare_checks.cpp).
#pragma once
#include <string>
#include <vector>

#include "laborsim/compare.hpp"

namespace laborsim {

// A note when every seed pair of the variant and the baseline has identical indicators
// (every region, every month): policy series may differ, outcomes do not.
std::vector<std::string> identical_variant_notes(const run_set& baseline, const run_set& variant,
                                                 const std::string& label);
// A note for each policy of the set (other than minimum_wage, which pays nobody) that spent
// nothing and reached nobody in any replicate.
std::vector<std::string> idle_policy_notes(const run_set& set, const std::string& label);

}  // namespace laborsim
