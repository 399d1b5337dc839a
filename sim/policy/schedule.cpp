// The policy schedule phase: at the start of each month every active policy applies.
#include <limits>

#include "model/phases.hpp"
#include "policy/policy_apply.hpp"

namespace laborsim {

std::vector<std::size_t> target_regions(const world& w, const policy_spec& p) {
    std::vector<std::size_t> out;
    for (std::size_t r = 0; r < w.region_count(); ++r) {
        if (p.regions.empty()) { out.push_back(r); continue; }
        for (const auto& id : p.regions)
            if (w.sc->regions[r].id == id) out.push_back(r);
    }
    return out;
}

double budget_left_vnd(const world& w, std::size_t policy_index, const policy_spec& p) {
    if (p.annual_budget_vnd <= 0) return std::numeric_limits<double>::infinity();
    return std::max(0.0, p.annual_budget_vnd - w.policies[policy_index].spent_this_year_vnd);
}

void run_policy_schedule(world& w) {
    const auto& policies = w.sc->policies;
    for (std::size_t k = 0; k < policies.size(); ++k) {
        auto& st = w.policies[k];
        st.month_series.clear();
        if (st.budget_year != w.now.year) { st.budget_year = w.now.year; st.spent_this_year_vnd = 0; }
    }
    progress_policy_courses(w);
    for (std::size_t k = 0; k < policies.size(); ++k) {
        const auto& p = policies[k];
        if (!p.active(w.now)) continue;
        std::visit([&](const auto& params) {
            using T = std::decay_t<decltype(params)>;
            if constexpr (std::is_same_v<T, minimum_wage>) apply_minimum_wage(w, k, p, params);
            else if constexpr (std::is_same_v<T, vocational_training_quota>) apply_vocational_training_quota(w, k, p, params);
        }, p.params);
    }
}

}  // namespace laborsim
