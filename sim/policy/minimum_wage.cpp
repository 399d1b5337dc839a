// minimum_wage: the regional minimum in force is the last step dated on or before now.
// Wages below it rise to it in the wage phase; offers never fall below it.
#include "policy/policy_apply.hpp"

namespace laborsim {

void apply_minimum_wage(world& w, std::size_t policy_index, const policy_spec& p, const minimum_wage& mw) {
    const minimum_wage::step* current = nullptr;
    for (const auto& s : mw.steps)
        if (s.from <= w.now && (current == nullptr || current->from < s.from)) current = &s;
    if (current == nullptr) return;
    for (auto r : target_regions(w, p)) w.regions[r].min_wage_vnd = current->wage_vnd;
    w.policies[policy_index].add("minimum_wage_vnd", current->wage_vnd);
}

}  // namespace laborsim
