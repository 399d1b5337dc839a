// Firm agents as strata of real establishments. The firm agents of a region x field market,
// their required levels, public/private split, productivities and employment weights come
// from the scenario's data alone (the market's labour force, the firm density, the job-level
// and public shares, productivity_sigma), never from the agent count, so every scale sees the
// same productivity distribution in every market (docs/model.md, firms).
//   establishments_m = persons_m x firms_per_1000_workers / 1000
//   K_m = clamp(ceil(establishments_m / establishments_per_firm_agent), 1, firm_agents_per_market)
//   cells c = (required level, public?) with share s_c = job_level_shares[f][l] x (public? p_f : 1 - p_f);
//   K_m agents over the cells by largest remainder (n_c = round(K_m s_c)); a cell's agents sit at
//   log productivity sigma x Phi^-1((j + 1/2) / n_c), j < n_c; every agent weighs 1 / K_m of the
//   market's jobs (a cell's share is thus rounded to whole agents).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "laborsim/scenario.hpp"

namespace laborsim {

struct firm_stratum {
    std::uint8_t min_level = 0;
    bool is_public = false;
    double log_productivity = 0;
    double weight = 0;  // share of the market's jobs, the market's strata summing to 1
};

// Labour force (persons) of the region's market of a field: labor_force x normalised field share.
[[nodiscard]] double market_persons(const region_spec& r, std::size_t field);
// The strata of the region's market of a field; empty when the field has no workers there.
[[nodiscard]] std::vector<firm_stratum> market_strata(const model_params& m, const region_spec& r, std::size_t field);

// The smallest scale at which every firm agent of the scenario starts with at least
// min_agents_per_firm_agent employed agents, and the market that sets it ("region.field").
struct supported_scale {
    double scale = 0;
    std::string market;
    double persons = 0;  // employed persons the binding firm agent stands for
};
[[nodiscard]] supported_scale minimum_supported_scale(const scenario& sc);

}  // namespace laborsim
