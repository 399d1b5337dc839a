// What a scenario cannot mean at its scale or calendar, said before it runs: warnings, not
// errors (the run is valid, its answer may not be). `laborsim validate` and `run` print them;
// the output file keeps them in its `warnings` attribute.
#pragma once
#include <string>
#include <vector>

#include "laborsim/scenario.hpp"

namespace laborsim {

struct scenario_warning {
    std::string key_path;  // e.g. "policies.bk-talent", "regions.bac-kan"
    std::string message;   // with the numbers, and what would make it meaningful

    [[nodiscard]] std::string to_string() const { return key_path + ": " + message; }
};

// Fewer labour-force agents than this in a region: its rates are mostly sampling noise.
inline constexpr double min_region_agents = 2000;

// The smallest scale at which every firm agent (a stratum of establishments) starts with at
// least min_agents_per_firm_agent (sim/core/units.hpp) employed agents: below it, hiring
// in a market comes in lumps and results depend on the scale (docs/model.md, firms).
[[nodiscard]] double minimum_supported_scale_of(const scenario& sc);

// Every warning for the scenario as it would run (its scale and calendar), in scenario order:
// regions with too few agents, policies in force in no simulated month, budgets that cannot
// pay for one agent a year, target groups with (almost) nobody in them.
std::vector<scenario_warning> scenario_warnings(const scenario& sc);

}  // namespace laborsim
