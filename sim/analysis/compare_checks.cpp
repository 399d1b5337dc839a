// Checks that a comparison can mean what the user asked: a variant whose indicators are
// identical to its baseline's (the change did nothing) and policies that never spent or reached anyone are
// said in the comparison's notes, with the numbers (issue 15: no silent failure).
#include "analysis/compare_checks.hpp"

#include <cmath>

namespace laborsim {

namespace {

double series_total(const replicate_data::policy& p, const char* name) {
    const auto it = p.series.find(name);
    double s = 0;
    if (it != p.series.end())
        for (double v : it->second) s += std::isfinite(v) ? v : 0;
    return s;
}

}  // namespace

std::vector<std::string> identical_variant_notes(const run_set& baseline, const run_set& variant,
                                                 const std::string& label) {
    std::size_t pairs = 0;
    for (const auto& v : variant.replicates)
        for (const auto& b : baseline.replicates) {
            if (b.seed != v.seed) continue;
            if (b.indicators != v.indicators) return {};
            ++pairs;
        }
    if (pairs == 0) return {};
    return {label + ": identical to the baseline in every indicator, region and month (" + std::to_string(pairs) +
            " of " + std::to_string(pairs) +
            " seed pairs): the change has no effect in this model; check that its keys reach a policy or "
            "parameter that acts (laborsim validate lists warnings)"};
}

std::vector<std::string> idle_policy_notes(const run_set& set, const std::string& label) {
    std::vector<std::string> out;
    if (set.replicates.empty()) return out;
    for (const auto& p : set.replicates.front().policies) {
        double spent = 0, reached = 0;
        for (const auto& r : set.replicates)
            for (const auto& q : r.policies)
                if (q.id == p.id) {
                    spent += series_total(q, "spending_vnd");
                    reached += series_total(q, "beneficiaries");
                }
        if (p.type == "minimum_wage" || spent != 0 || reached != 0) continue;
        out.push_back(label + ": policy '" + p.id + "' (" + p.type +
                      ") spent 0 VND and reached 0 beneficiaries in all " + std::to_string(set.replicates.size()) +
                      " replicates: it never acted (a budget below one agent's cost at this scale, an empty target "
                      "group or dates outside the run; laborsim validate says which)");
    }
    return out;
}

}  // namespace laborsim
